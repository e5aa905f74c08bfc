/**
 * The browser host: everything that differs when the pipeline runs in a browser (the analysis
 * worker). The worker calls `useBrowserHost()` once, before the first `analyze()`; the page itself
 * imports only `DEFAULT_MODEL_URL` (a string: this module has no side effects on import, so the
 * page's bundle keeps none of the engine or onnxruntime set-up).
 *
 * Why the URLs: the engine's emscripten glue and onnxruntime-web both look for their .wasm relative
 * to their own module URL, which is wrong once Vite has bundled them into a hashed worker chunk.
 * Importing each file with `?url` makes Vite emit it as an asset and hand us its final URL, which
 * we give to the engine (`locateFile`) and to onnxruntime (`env.wasm.wasmPaths`). onnxruntime-web
 * itself is imported only when the first model loads, so the worker stays lean without a model.
 * Threads need a cross-origin-isolated page (COOP/COEP, see vite.config.ts); otherwise one thread.
 * SIMD is used when the browser has it (all current ones do).
 */
import wasmUrl from 'replicad-opencascadejs/wasm?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import modelUrl from '../../../models/vectis-brepnet.onnx?url';
import { configureEngine } from '../occt/engine.ts';
import { configureOnnxRuntime, type OrtModule } from '../ml/runtime/session.ts';

/**
 * The shipped model's URL. Vite emits models/vectis-brepnet.onnx as an asset with a content hash
 * in its name, so the URL changes exactly when the model does: the worker loads it, and the page's
 * result cache keys its records by it (a new model never shows old labels).
 */
export const DEFAULT_MODEL_URL: string = modelUrl;

/** Threads for the wasm backend: up to 4 when SharedArrayBuffer is allowed, else 1. */
export function wasmThreads(): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return isolated ? Math.max(1, Math.min(4, cores)) : 1;
}

/** Points the engine and onnxruntime at the bundle's wasm assets. Call once per worker. */
export function useBrowserHost(): void {
  configureEngine({ locateFile: () => wasmUrl });
  configureOnnxRuntime({
    load: async () => {
      const ort = await import('onnxruntime-web/wasm');
      ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
      ort.env.wasm.numThreads = wasmThreads();
      return ort as OrtModule;
    },
    executionProviders: ['wasm'],
  });
}
