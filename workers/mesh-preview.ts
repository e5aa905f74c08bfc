/**
 * The early mesh the worker sends ahead of the result, with the box of its vertices: the exact
 * box comes with metrics, later, and the viewer needs one now to centre and frame the part.
 */
import type { AnalysisResult, Mesh } from '../src/analysis/index.ts';

export interface MeshPreview {
  mesh: Mesh;
  bbox: AnalysisResult['part']['bbox'];
}

export function meshBox(positions: Float32Array): MeshPreview['bbox'] {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return positions.length > 0 ? { min, max } : { min: [0, 0, 0], max: [0, 0, 0] };
}
