/**
 * BRepNet's scalar input features (docs/model-inputs.md §a.3) from our B-Rep graph, before standardisation:
 * Xf [F × 7], Xe [E × 10], Xc [C × 1], row-major, in TopExp face/edge order and our coedge order.
 *
 * Only FaceArea and EdgeLength depend on the part's size; they are computed on the part scaled by
 * `lengthScale(...)` (areas by its square), as BRepNet computes them on the scaled body.
 */
import type { AnalysisResult } from '../../result.ts';
import { COEDGE_FEATURES, EDGE_FEATURES, FACE_FEATURES } from './standardization.ts';

/** What the tensors are built from: a full AnalysisResult satisfies it. */
export type BrepGraphLike = Pick<AnalysisResult, 'faces' | 'edges' | 'coedges'> & {
  part: Pick<AnalysisResult['part'], 'bbox' | 'area'>;
};

/**
 * How FaceArea / EdgeLength are made size-free:
 * - 'unit-box': docs/model-inputs.md §a.1 step 2 — the part is scaled by 2 / (longest side of its axis-aligned box)
 *   so that it fits [-1,1]^3. What Autodesk's checkpoints expect. Changes when the part turns.
 * - 'area': our rotation-invariant choice — scale by 2·sqrt(6 / total surface area). The total area
 *   does not change under rotation (or translation), and for a cube this equals the unit-box scale,
 *   so the numbers stay in the range of BRepNet's statistics. Every other feature (surface/curve
 *   type, convexity, closedness, orientation) is already rotation-invariant.
 * - 'none': lengths in millimetres, as read.
 */
export type Normalization = 'unit-box' | 'area' | 'none';
export const NORMALIZATIONS: readonly Normalization[] = ['unit-box', 'area', 'none'];

export function lengthScale(graph: BrepGraphLike, normalization: Normalization): number {
  if (normalization === 'none') return 1;
  if (normalization === 'area') {
    const area = graph.part.area > 0 ? graph.part.area : graph.faces.reduce((s, f) => s + f.area, 0);
    return area > 0 ? 2 * Math.sqrt(6 / area) : 1;
  }
  const { min, max } = graph.part.bbox;
  const longest = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
  return longest > 0 ? 2 / longest : 1;
}

const FACE_TYPE_COLUMN: Record<string, number> = { plane: 0, cylinder: 1, cone: 2, sphere: 3, torus: 4 };

export function faceFeatures(graph: BrepGraphLike, scale: number): Float64Array {
  const cols = FACE_FEATURES.length;
  const x = new Float64Array(graph.faces.length * cols);
  graph.faces.forEach((f, i) => {
    const row = i * cols;
    // The model was trained on the types files write: a B-spline recognised as a plane is still
    // a B-spline to it (surfaceSource), so its inputs stay what it learnt from.
    const written = f.surfaceSource ?? f.surface;
    const typeCol = FACE_TYPE_COLUMN[written];
    if (typeCol !== undefined) x[row + typeCol] = 1;
    x[row + 5] = f.area * scale * scale;
    // Surfaces of revolution/extrusion, offsets and non-rational splines: zeros (docs/model-inputs.md §a.3).
    if ((written === 'bspline' || written === 'bezier') && f.rational) x[row + 6] = 1;
  });
  return x;
}

const CONVEXITY_COLUMN: Record<string, number> = { concave: 0, convex: 1, smooth: 2 };
const CURVE_TYPE_COLUMN: Record<string, number> = { circle: 4, ellipse: 6, line: 9 };

/**
 * Edge feature sets. 'brepnet': the 10 columns of docs/model-inputs.md §a.3 (what Autodesk's checkpoints take).
 * 'brepnet+dihedral' (our own models): an 11th column, the cosine between the outward normals of
 * the edge's two faces when both are planar, else 0. With the convexity flags it gives the
 * dihedral angle, which BRepNet's features lack: it tells triangular, rectangular and hexagonal
 * pockets/passages, and slanted from square steps, apart. Rotation-invariant.
 */
export type EdgeFeatureSet = 'brepnet' | 'brepnet+dihedral';
export const EDGE_FEATURE_SETS: readonly EdgeFeatureSet[] = ['brepnet', 'brepnet+dihedral'];

export function edgeColumns(set: EdgeFeatureSet): number {
  return EDGE_FEATURES.length + (set === 'brepnet+dihedral' ? 1 : 0);
}

export function edgeFeatures(graph: BrepGraphLike, scale: number, set: EdgeFeatureSet = 'brepnet'): Float64Array {
  const cols = edgeColumns(set);
  const x = new Float64Array(graph.edges.length * cols);
  graph.edges.forEach((e, i) => {
    const row = i * cols;
    if (set === 'brepnet+dihedral' && e.faces.length === 2) {
      // Written planes only (see faceFeatures): a recognised B-spline plane's normal stays unseen.
      const [fa, fb] = [graph.faces[e.faces[0]!]!, graph.faces[e.faces[1]!]!];
      const a = fa.surfaceSource ? undefined : fa.params.normal;
      const b = fb.surfaceSource ? undefined : fb.params.normal;
      if (a && b) x[row + EDGE_FEATURES.length] = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
    // 'none' (degenerate edge or unresolved sides): all three flags 0 (docs/model-inputs.md §a.4 step 4).
    const convexCol = CONVEXITY_COLUMN[e.convexity];
    if (convexCol !== undefined) x[row + convexCol] = 1;
    x[row + 3] = e.curve === 'degenerate' ? 0 : e.length * scale;
    const written = e.curveSource ?? e.curve;
    const typeCol = CURVE_TYPE_COLUMN[written];
    if (typeCol !== undefined) x[row + typeCol] = 1;
    if (written === 'bspline') x[row + (e.rational ? 8 : 7)] = 1;
    if (e.closed) x[row + 5] = 1;
  });
  return x;
}

export function coedgeFeatures(graph: BrepGraphLike): Float64Array {
  const cols = COEDGE_FEATURES.length;
  const x = new Float64Array(graph.coedges.length * cols);
  graph.coedges.forEach((c, i) => {
    x[i * cols] = c.reversed ? 1 : 0;
  });
  return x;
}
