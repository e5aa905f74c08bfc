/**
 * Node host adapter for ML inference: onnxruntime-node (native CPU) and model files read from
 * disk. Import once before the first `analyze()` with a model, in the CLI, the server's workers
 * and tests. Never imported by browser bundles.
 */
import { readFile } from 'node:fs/promises';
import { configureOnnxRuntime, type OrtModule } from './session.ts';

export function useOnnxRuntimeNode(): void {
  configureOnnxRuntime({
    load: async () => (await import('onnxruntime-node')) as OrtModule,
    executionProviders: ['cpu'],
    readFile: async (path) => new Uint8Array(await readFile(path)),
  });
}

/** onnxruntime-web (wasm) in Node, as the browser runs it: for browser/Node parity checks. */
export function useOnnxRuntimeWebInNode(): void {
  configureOnnxRuntime({
    load: () => import('onnxruntime-web'),
    executionProviders: ['wasm'],
    readFile: async (path) => new Uint8Array(await readFile(path)),
  });
}

useOnnxRuntimeNode();
