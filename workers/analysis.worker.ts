/**
 * The analysis module worker: runs the pipeline off the main thread and exposes it via comlink.
 *
 * Results come back as a discriminated union so that comlink only ever structured-clones plain
 * objects (an Error subclass would lose its `code` on the way). The mesh goes to the page as soon
 * as it exists (through `onMesh`, a copy: the later stages still read it), and the final result
 * then leaves it out: the page puts the copy it already has back in (src/app/analysis-client.ts),
 * so the part is drawn early and its arrays cross the boundary once.
 */
import * as Comlink from 'comlink';
import { DEFAULT_MODEL_URL, useBrowserHost } from '../src/analysis/hosts/browser.ts';
import {
  analyze,
  warmUp,
  yieldWarmUp,
  serializeError,
  transferables,
  type AnalysisResult,
  type Mesh,
  type Progress,
  type SerializedError,
} from '../src/analysis/index.ts';
import { meshBox, type MeshPreview } from './mesh-preview.ts';

// The engine's and onnxruntime's wasm come from this bundle's assets (src/analysis/hosts/browser.ts).
useBrowserHost();

export type { MeshPreview };

export type AnalysisOutcome = { ok: true; result: AnalysisResult } | { ok: false; error: SerializedError };

/** What crosses the boundary: a result without its mesh when the mesh went ahead through onMesh. */
export type WorkerOutcome =
  | { ok: true; result: AnalysisResult; meshSentEarly?: false }
  | { ok: true; result: Omit<AnalysisResult, 'mesh'>; meshSentEarly: true }
  | { ok: false; error: SerializedError };

export interface AnalyzeOptions {
  /** Run the shipped segmentation model (default true); false gives the geometric result alone. */
  ml?: boolean;
}

export interface AnalysisWorkerApi {
  analyze(
    bytes: Uint8Array,
    name: string,
    onProgress?: (p: Progress) => void,
    options?: AnalyzeOptions,
    onMesh?: (preview: MeshPreview) => void,
  ): Promise<WorkerOutcome>;
}

const api: AnalysisWorkerApi = {
  async analyze(bytes, name, onProgress, options = {}, onMesh) {
    let meshSent = false;
    performance.mark('vectis:worker-analyze');
    yieldWarmUp();
    try {
      const result = await analyze(bytes, {
        fileName: name,
        model: options.ml === false ? undefined : DEFAULT_MODEL_URL,
        // A comlink proxy call returns a promise; progress is fire-and-forget.
        onProgress: onProgress ? (p) => void onProgress(p) : undefined,
        // Structured clone copies the arrays: the pipeline keeps reading its own.
        onMesh: onMesh
          ? (mesh: Mesh) => {
              meshSent = true;
              performance.mark('vectis:worker-mesh');
              void onMesh({ mesh, bbox: meshBox(mesh.positions) });
            }
          : undefined,
      });
      if (meshSent) {
        const { mesh: _sent, ...rest } = result;
        return { ok: true, result: rest, meshSentEarly: true };
      }
      const outcome: WorkerOutcome = { ok: true, result };
      return Comlink.transfer(outcome, transferables(result));
    } catch (e) {
      return { ok: false, error: serializeError(e) };
    }
  },
};

Comlink.expose(api);

// Start and warm the engine and the model as soon as the worker exists, so their start and first-run
// compilation overlap with the user picking a file. A failure here is not lost: analyze() reports
// it with a code.
// Eight more rounds of the warm-up part let V8 optimise the reader's hot code meanwhile; a file
// that arrives stops them (yieldWarmUp above). Eight, not three: after three, the first real file
// (42811, traced with the warm-up finished) still made V8 compile 0.74-0.80 s of CPU in TurboFan
// while it was read and drawn, on the same two cores as the worker and the page; after eight
// 0.33-0.35 s, for 0.11-0.17 s more warm-up CPU while the page is idle. Sixteen gained nothing more.
warmUp({ model: DEFAULT_MODEL_URL, tierUpRounds: 8 })
  .then(({ outcome }) => performance.mark(`vectis:warmup-${outcome}`))
  .catch(() => undefined);
