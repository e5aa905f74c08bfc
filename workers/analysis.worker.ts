/**
 * The analysis module worker: runs the pipeline off the main thread and exposes it via comlink.
 *
 * Results come back as a discriminated union so that comlink only ever structured-clones plain
 * objects (an Error subclass would lose its `code` on the way). The mesh's typed arrays are
 * transferred, not copied.
 */
import * as Comlink from 'comlink';
import '../src/analysis/occt/browser.ts';
import {
  analyze,
  warmUp,
  serializeError,
  transferables,
  type AnalysisResult,
  type Progress,
  type SerializedError,
} from '../src/analysis/index.ts';

export type AnalysisOutcome = { ok: true; result: AnalysisResult } | { ok: false; error: SerializedError };

export interface AnalysisWorkerApi {
  analyze(bytes: Uint8Array, name: string, onProgress?: (p: Progress) => void): Promise<AnalysisOutcome>;
}

const api: AnalysisWorkerApi = {
  async analyze(bytes, name, onProgress) {
    try {
      const result = await analyze(bytes, {
        fileName: name,
        // A comlink proxy call returns a promise; progress is fire-and-forget.
        onProgress: onProgress ? (p) => void onProgress(p) : undefined,
      });
      const outcome: AnalysisOutcome = { ok: true, result };
      return Comlink.transfer(outcome, transferables(result));
    } catch (e) {
      return { ok: false, error: serializeError(e) };
    }
  },
};

Comlink.expose(api);

// Start and warm the engine as soon as the worker exists, so its start and first-read compilation
// overlap with the user picking a file. A failure here is not lost: analyze() reports it with a code.
warmUp().catch(() => undefined);
