/**
 * Where the shipped model lies on disk, for Node hosts (the browser gets a URL from
 * ./default-model.browser.ts). No side effects: the server's main thread reads the path for its
 * pipeline version without loading any onnxruntime.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_FILE } from './runtime/default-model.ts';

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
