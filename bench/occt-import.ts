/**
 * occt-import-js (read + mesh only), the baseline the pipeline is compared with. The package is
 * CommonJS without type declarations; the little of its API used here is typed locally.
 */
import { createRequire } from 'node:module';

export interface OcctMesh {
  attributes: { position: { array: ArrayLike<number> }; normal?: { array: ArrayLike<number> } };
  index: { array: ArrayLike<number> };
  brep_faces?: { first: number; last: number }[];
}

export interface OcctResult {
  success: boolean;
  meshes: OcctMesh[];
}

export interface OcctImport {
  ReadStepFile(content: Uint8Array, params: Record<string, unknown> | null): OcctResult;
}

type Factory = (moduleArg?: Record<string, unknown>) => Promise<OcctImport>;

export async function initOcctImport(): Promise<OcctImport> {
  const require = createRequire(import.meta.url);
  const factory = require('occt-import-js') as Factory;
  // Keep its STEP translation chatter out of the benchmark's output.
  return factory({ print: () => undefined, printErr: () => undefined });
}

export function triangleCount(result: OcctResult): number {
  return result.meshes.reduce((sum, m) => sum + m.index.array.length / 3, 0);
}

export function faceCount(result: OcctResult): number {
  return result.meshes.reduce((sum, m) => sum + (m.brep_faces?.length ?? 0), 0);
}
