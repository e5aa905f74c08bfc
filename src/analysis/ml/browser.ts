/**
 * Browser host adapter for ML inference. Import once in the analysis worker (next to
 * '../occt/browser.ts'), before the first `analyze()` with a `model`.
 *
 * Why: onnxruntime-web fetches its .wasm relative to its own module URL, which is wrong once Vite
 * has bundled it into a hashed worker chunk. As for OCC, we import the file with `?url` (Vite emits
 * it as an asset and gives us its final URL) and hand it over through `env.wasm.wasmPaths`.
 * onnxruntime-web itself is imported only when the first model loads, so the worker stays lean
 * without a model. Threads need a cross-origin-isolated page (COOP/COEP, see vite.config.ts);
 * otherwise one thread. SIMD is used when the browser has it (all current ones do).
 */
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { configureOnnxRuntime, type OrtModule } from './runtime/session.ts';

/** Threads for the wasm backend: up to 4 when SharedArrayBuffer is allowed, else 1. */
export function wasmThreads(): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  return isolated ? Math.max(1, Math.min(4, cores)) : 1;
}

configureOnnxRuntime({
  load: async () => {
    const ort = await import('onnxruntime-web/wasm');
    ort.env.wasm.wasmPaths = { wasm: ortWasmUrl };
    ort.env.wasm.numThreads = wasmThreads();
    return ort as OrtModule;
  },
  executionProviders: ['wasm'],
});

export { ortWasmUrl };
