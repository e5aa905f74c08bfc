/**
 * The thumbnail thread: parsing a result's JSON and rasterising a large mesh take tens of
 * milliseconds or more, which on the main thread would hold up every other request, /health
 * included. One long-lived thread renders one picture at a time (thumbnail-runner.ts); kept
 * between pictures because a fresh thread pays its start and an unoptimised first run each time.
 * Bundled beside worker.mjs as thumbnail-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { renderThumbnail, type ThumbnailSource } from './render.ts';
import type { ThumbnailRequest, ThumbnailReply } from './thumbnail-runner.ts';

if (!parentPort) throw new Error('server/thumbnail/thumbnail-worker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (request: ThumbnailRequest) => {
  const reply = render(request);
  port.postMessage(reply, reply.ok ? [reply.png.buffer as ArrayBuffer] : []);
});

function render(request: ThumbnailRequest): ThumbnailReply {
  try {
    const began = performance.now();
    const result = JSON.parse(request.resultJson) as ThumbnailSource;
    const t = renderThumbnail({ mesh: result.mesh, features: result.features ?? [] }, request.size);
    return { id: request.id, ok: true, ...t, renderMs: performance.now() - began };
  } catch (e) {
    return { id: request.id, ok: false, message: (e as Error).message };
  }
}
