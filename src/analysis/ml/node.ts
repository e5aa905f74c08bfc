/**
 * Node host adapter for ML inference: which onnxruntime runs the model (the shipped model's path:
 * ./model-file.ts). Imported by the CLI, the server's workers and tests; never by browser bundles.
 *
 * The default is onnxruntime-web's wasm build, the very kernels the browser worker runs, on one
 * thread: the server re-checks results that browsers computed, so both must give the same labels
 * and confidences, and the native build's kernels (onnxruntime-node) round differently in the last
 * digits, which can flip a near-tie between two classes. onnxruntime-node stays available for
 * offline work where speed matters more than parity (model evaluation).
 */
import { readFile } from 'node:fs/promises';
import { configureOnnxRuntime, type OrtModule } from './runtime/session.ts';

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

useOnnxRuntimeWebInNode();
