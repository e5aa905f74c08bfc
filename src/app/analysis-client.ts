/**
 * Typed client for workers/analysis.worker.ts. One worker at a time; the input buffer is
 * transferred (the caller's bytes become detached). Cancelling an analysis means terminating its
 * worker: OCC runs synchronously inside it, so nothing short of that stops it. Pending calls then
 * resolve with a CANCELLED error, and the next call starts a fresh worker (and engine).
 */
import * as Comlink from 'comlink';
import type { Progress } from '../analysis/index.ts';
import type { AnalysisOutcome, AnalysisWorkerApi, AnalyzeOptions, MeshPreview, WorkerOutcome } from '../../workers/analysis.worker.ts';
import { ANALYSIS_WORKER_URL } from './worker-url.ts';

export type { AnalysisOutcome, AnalyzeOptions, MeshPreview };

const CANCELLED: AnalysisOutcome = { ok: false, error: { code: 'CANCELLED', message: 'The analysis was cancelled.' } };

export class AnalysisClient {
  private worker: Worker | undefined;
  private api: Comlink.Remote<AnalysisWorkerApi> | undefined;
  /** Resolvers of calls in flight, settled with CANCELLED by terminate(). */
  private readonly pending = new Set<(outcome: AnalysisOutcome) => void>();

  private ensure(): Comlink.Remote<AnalysisWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(ANALYSIS_WORKER_URL, { type: 'module' });
      this.api = Comlink.wrap<AnalysisWorkerApi>(this.worker);
      // A worker that fails to load (or dies) would leave calls hanging: fail them instead.
      this.worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.fail({ ok: false, error: { code: 'INTERNAL', message: `The analysis worker failed: ${event.message || 'load error'}` } });
      });
    }
    return this.api;
  }

  /** Starts the worker (and with it the engine) now, so its start overlaps with the user picking a file. */
  warm(): void {
    this.ensure();
  }

  /**
   * Analyses `bytes` (transferred: the caller's buffer is detached afterwards). `onMesh` gets the
   * mesh as soon as the worker has it; the outcome's result holds that same mesh object.
   */
  analyze(
    bytes: Uint8Array,
    name: string,
    onProgress?: (p: Progress) => void,
    options: AnalyzeOptions = {},
    onMesh?: (preview: MeshPreview) => void,
  ): Promise<AnalysisOutcome> {
    const api = this.ensure();
    const progress = onProgress ? Comlink.proxy(onProgress) : undefined;
    // The worker always sends the mesh ahead and leaves it out of the result; it travels on the
    // callback's own port, so the result may overtake it: joining waits for it.
    let early: (preview: MeshPreview) => void = () => undefined;
    const mesh = new Promise<MeshPreview>((resolve) => (early = resolve));
    const meshCallback = Comlink.proxy((preview: MeshPreview) => {
      early(preview);
      onMesh?.(preview);
    });
    const join = async (outcome: WorkerOutcome): Promise<AnalysisOutcome> =>
      outcome.ok && outcome.meshSentEarly ? { ok: true, result: { ...outcome.result, mesh: (await mesh).mesh } } : (outcome as AnalysisOutcome);
    return new Promise<AnalysisOutcome>((resolve) => {
      this.pending.add(resolve);
      const settle = (outcome: AnalysisOutcome) => {
        if (this.pending.delete(resolve)) resolve(outcome);
      };
      api
        .analyze(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), name, progress, options, meshCallback)
        .then(join)
        .then(settle, (e: unknown) =>
          // Only transport failures land here (the worker returns its own errors as values).
          settle({ ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }),
        );
    });
  }

  /** Kills the worker (cancelling any running analysis); the next analyze() starts a new one. */
  terminate(): void {
    this.fail(CANCELLED);
  }

  private fail(outcome: AnalysisOutcome): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    for (const resolve of this.pending) resolve(outcome);
    this.pending.clear();
  }
}
