/**
 * One analysis worker thread: starts the OCC engine at once, then runs `analyze()` from
 * src/analysis unchanged, one job at a time, and answers with the result's JSON text (built here,
 * off the main thread: the main thread only forwards, caches and stores text).
 *
 * How TypeScript runs here: `npm run build:server` bundles this file with esbuild into
 * dist-server/worker.mjs (packages stay external: replicad-opencascadejs finds its .wasm beside
 * itself). We bundle rather than register tsx inside every worker because (1) the production image
 * then runs without devDependencies (tsx is one), (2) a worker starts without an on-the-fly
 * compile or a module-hooks thread of its own, so a replacement worker is ready sooner after a
 * crash or a timeout, and (3) the tests spawn the very file the image runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { analyze, engineHeapBytes, getEngine, serializeError, stringifyResult, AnalysisError, warmUp, type OC } from '../src/analysis/index.ts';
// The Node host's onnxruntime adapter (the browser's wasm kernels, models read from disk), as the CLI uses.
import type { CancelMessage, JobMessage, WorkerInit, WorkerMessage, WorkerStats } from './worker-protocol.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';

useNodeHost();

if (!parentPort) throw new Error('server/worker.ts must run in a worker thread');
const port = parentPort;
const init = (workerData ?? { testHooks: false, warmup: true }) as WorkerInit;

let engine: OC | undefined;
/** The job running now; a cancel for it aborts its analysis between stages. */
let current: { id: number; controller: AbortController } | undefined;

function stats(): WorkerStats {
  return { wasmHeap: engine ? engineHeapBytes(engine) : 0, jsHeap: getHeapStatistics().used_heap_size };
}

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

const began = performance.now();
getEngine()
  .then(async (oc) => {
    engine = oc;
    const engineMs = performance.now() - began;
    if (init.warmup) await warmUp({ model: init.modelPath });
    post({ type: 'ready', engineMs, warmupMs: performance.now() - began - engineMs, stats: stats() });
  })
  .catch((e: unknown) => post({ type: 'start-failed', error: serializeError(e) }));

port.on('message', (message: JobMessage | CancelMessage) => {
  if (message.type === 'job') void run(message);
  else if (message.type === 'cancel' && current?.id === message.id) current.controller.abort();
});

async function run(job: JobMessage): Promise<void> {
  const controller = new AbortController();
  current = { id: job.id, controller };
  try {
    if (job.hook && init.testHooks) runHook(job.hook);
    const result = await analyze(job.bytes, { fileName: job.fileName, maxBytes: job.maxBytes, model: init.modelPath, signal: controller.signal });
    engine = await getEngine();
    post({
      type: 'result',
      id: job.id,
      json: stringifyResult(result),
      summary: { sha256: result.file.sha256, faces: result.part.faces, features: result.features.length, timings: result.timings },
      stats: stats(),
    });
  } catch (e) {
    const engineBroken = e instanceof AnalysisError && e.engineBroken;
    if (engineBroken) engine = undefined;
    post({ type: 'error', id: job.id, error: serializeError(e), engineBroken, stats: stats() });
  } finally {
    if (current?.id === job.id) current = undefined;
  }
}

/**
 * Test hooks stand in for what real files do to a worker: `hang` blocks the thread the way a
 * long WASM call does (no event loop, nothing can interrupt it but terminate()), `slow` is a long
 * job that then succeeds, `crash` kills the
 * thread the way a fatal error in native code or an uncaught exception does.
 */
function runHook(hook: string): void {
  if (hook === 'hang') {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  } else if (hook === 'slow') {
    // A long but healthy job: 2 s of blocked thread, then the real analysis.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  } else if (hook === 'crash') {
    // Thrown from the event loop while analyze() is between stages: nothing catches it.
    setImmediate(() => {
      throw new Error('test hook: worker crash');
    });
  }
}
