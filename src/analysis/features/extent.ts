/** Extents of faces along directions, from their mesh vertices (exact for planar faces). */

/** Dimensions are reported to 0.1 µm: beyond what any drawing asks, below float noise. */
export const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { RecognizerInput } from './graph.ts';

export function extentAlong(input: RecognizerInput, faces: number[], dir: Vec3): [number, number] {
  const { positions, indices, faceRanges } = input.mesh;
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of faces) {
    const [first, count] = faceRanges[f]!;
    for (let k = first * 3; k < (first + count) * 3; k++) {
      const v = indices[k]! * 3;
      const t = dot([positions[v]!, positions[v + 1]!, positions[v + 2]!], dir);
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
  }
  return [lo, hi];
}

export function spanAlong(input: RecognizerInput, faces: number[], dir: Vec3): number {
  const [lo, hi] = extentAlong(input, faces, dir);
  return hi > lo ? hi - lo : 0;
}
