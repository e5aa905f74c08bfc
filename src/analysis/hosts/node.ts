/**
 * The Node host: everything that differs when the pipeline runs in Node (the CLI, the server's
 * workers, tests, scripts, benches): where the shipped model lies on disk and which onnxruntime
 * runs it. Never imported by browser bundles. No side effects on import (the server's main thread
 * reads the model path for its pipeline version without loading any onnxruntime): a host that runs
 * analyses calls `useNodeHost()` once, before the first `analyze()` with a model. The engine needs
 * nothing here: in Node, the emscripten glue finds its .wasm beside itself.
 *
 * The default runtime is onnxruntime-web's wasm build, the very kernels the browser worker runs, on
 * one thread: the server re-checks results that browsers computed, so both must give the same
 * labels and confidences, and the native build's kernels (onnxruntime-node) round differently in
 * the last digits, which can flip a near-tie between two classes. onnxruntime-node stays available
 * for offline work where speed matters more than parity (model evaluation).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureOnnxRuntime, type OrtModule } from '../ml/runtime/session.ts';

/**
 * The segmentation model every host runs unless told otherwise: ours, trained on generated
 * machining parts and committed in models/ (card: models/README.md; recipe:
 * models/training/pipeline.ts). The browser gets it as a URL (./browser.ts DEFAULT_MODEL_URL).
 */
export const DEFAULT_MODEL_FILE = 'vectis-brepnet.onnx';

const readModelFile = async (path: string) => new Uint8Array(await readFile(path));

/** onnxruntime-node (native CPU): fastest in Node; labels may differ from the browser's in near-ties. */
export function useOnnxRuntimeNode(): void {
  configureOnnxRuntime({
    load: async () => (await import('onnxruntime-node')) as OrtModule,
    executionProviders: ['cpu'],
    readFile: readModelFile,
  });
}

/** onnxruntime-web (wasm) in Node, as the browser runs it: the default for every Node host. */
export function useOnnxRuntimeWebInNode(): void {
  configureOnnxRuntime({
    load: async () => {
      const ort = await import('onnxruntime-web');
      // One thread: hosts run several analyses side by side (the server's pool), and threads in
      // Node would be worker_threads of their own inside each analysis worker.
      ort.env.wasm.numThreads = 1;
      return ort as OrtModule;
    },
    executionProviders: ['wasm'],
    readFile: readModelFile,
  });
}

/** Sets up the Node host: onnxruntime-web in Node (see above). Call once per process or worker. */
export function useNodeHost(): void {
  useOnnxRuntimeWebInNode();
}

/**
 * models/vectis-brepnet.onnx, found by walking up from this module: that works from src/ (tsx,
 * tests), from the server bundle in dist-server/ and from the image's /app. Undefined when no
 * checkout or image around us has it.
 */
export function defaultModelPath(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'models', DEFAULT_MODEL_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The model a Node host runs, from its setting (MODEL_PATH, --model): 'none' turns ML off, a path
 * names another model, nothing means the shipped one (undefined if absent).
 */
export function modelFromSetting(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (v?.toLowerCase() === 'none') return undefined;
  return v ? resolve(v) : defaultModelPath();
}
