/**
 * Renders stored analyses' thumbnails (thumbnail-worker.ts) in one worker thread, one at a time,
 * so the main thread never rasterises. The thread starts on the first picture and stays (unref'd:
 * it never keeps the process alive). A picture that fails, or a thread that dies or runs past the
 * time limit (it is then terminated; the next picture starts a fresh one), yields no thumbnail:
 * the caller stores the analysis without one, since a picture is never worth losing it over.
 */
import { Worker } from 'node:worker_threads';
import type { Thumbnail } from './render.ts';

export interface ThumbnailRequest {
  id: number;
  /** The AnalysisResult as JSON text (its mesh and features are what is read). */
  resultJson: string;
  size?: number;
}

export type ThumbnailReply = { id: number } & (({ ok: true; renderMs: number } & Thumbnail) | { ok: false; message: string });

export interface ThumbnailRunnerOptions {
  workerFile: URL;
  timeoutMs: number;
  /** V8 heap cap of the thread: room for a parsed result and the z-buffer. */
  heapMb: number;
}

export type RenderedThumbnail = Thumbnail & { renderMs: number };

export class ThumbnailRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  /** The picture being rendered now; the next waits for it (one thread, one picture at a time). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ThumbnailRunnerOptions) {}

  render(resultJson: string, size?: number): Promise<RenderedThumbnail> {
    const run = this.tail.then(() => this.renderNow({ id: this.nextId++, resultJson, size }));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops the thread (server shutdown); a later picture would start a new one. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private thread(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.options.workerFile, {
        resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
        name: 'vectis-thumbnail',
      });
      this.worker.unref();
      const started = this.worker;
      // A thread that has died is dropped, so the next picture starts a fresh one.
      started.once('exit', () => {
        if (this.worker === started) this.worker = undefined;
      });
    }
    return this.worker;
  }

  private async renderNow(request: ThumbnailRequest): Promise<RenderedThumbnail> {
    const worker = this.thread();
    let timer: NodeJS.Timeout | undefined;
    let onMessage: ((reply: ThumbnailReply) => void) | undefined;
    let onError: ((e: Error) => void) | undefined;
    let onExit: ((code: number) => void) | undefined;
    try {
      const reply = await new Promise<ThumbnailReply>((resolve, reject) => {
        timer = setTimeout(() => {
          // A thread stuck in a picture is stopped; its successor starts on the next one.
          void worker.terminate();
          reject(new Error(`the thumbnail took longer than ${this.options.timeoutMs} ms`));
        }, this.options.timeoutMs);
        onMessage = (r) => {
          if (r.id === request.id) resolve(r);
        };
        onError = reject;
        onExit = (code) => reject(new Error(`the thumbnail thread exited with code ${code}`));
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.once('exit', onExit);
        worker.postMessage(request);
      });
      if (!reply.ok) throw new Error(`the thumbnail failed: ${reply.message}`);
      return { png: reply.png, width: reply.width, height: reply.height, renderMs: reply.renderMs };
    } finally {
      clearTimeout(timer);
      if (onMessage) worker.off('message', onMessage);
      if (onError) worker.off('error', onError);
      if (onExit) worker.off('exit', onExit);
    }
  }
}

/** thumbnail-worker.mjs beside the analysis worker's bundle, or its tsx bootstrap when running from sources. */
export function thumbnailWorkerBeside(analysisWorker: URL | string): URL {
  const url = typeof analysisWorker === 'string' ? new URL(`file://${analysisWorker}`) : analysisWorker;
  return url.pathname.endsWith('worker-dev.mjs') ? new URL('./thumbnail/thumbnail-worker-dev.mjs', url) : new URL('./thumbnail-worker.mjs', url);
}
