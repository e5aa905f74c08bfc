/**
 * Tapers of a turned part as an estimator counts them: a shallow cone along the axis (a taper a
 * few degrees off the axis, not a chamfer or a conical shoulder) is a Draft. A tapered wall is one
 * draft however it is written: its outside and its inside cone (a thin-walled nose tapers on both
 * sides at one angle), and a cone written in halves, lie on one axis at one angle along the same
 * stretch of it.
 *
 * Pure: reads the result's `taper` features (turning.ts) and their faces, changes nothing.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { CountedFeature, CountedResult } from './count-units.ts';

/** The steepest taper that is a draft, as a half-angle in degrees (steeper cones are shoulders). */
export const DRAFT_MAX_HALF_ANGLE = 15;
/** One draft: half-angles this close, in degrees. */
const SAME_ANGLE = 0.5;

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN);

interface Taper {
  axis: Vec3;
  point: Vec3;
  halfAngle: number;
  lo: number;
  hi: number;
}

/** Drafts: groups of tapers on one axis line at one angle whose stretches of the axis overlap. */
export function turnedDraftCount(result: CountedResult): number {
  const faces = result.faces;
  if (!faces) return 0;
  const tapers: Taper[] = [];
  for (const f of result.features as CountedFeature[]) {
    const halfAngle = num(f.params.angle) / 2;
    if (f.type !== 'taper' || !f.axis || !Array.isArray(f.faces) || !(halfAngle <= DRAFT_MAX_HALF_ANGLE)) continue;
    const axis = f.axis.map((c) => c / norm(f.axis!)) as Vec3;
    for (const id of f.faces) {
      const face = faces[id];
      if (!face) continue;
      const centre = [0, 1, 2].map((k) => (face.bbox.min[k]! + face.bbox.max[k]!) / 2) as Vec3;
      const at = dot(centre, axis);
      const half = num(f.params.length) / 2 || 0;
      tapers.push({ axis, point: face.params.center ?? centre, halfAngle, lo: at - half, hi: at + half });
    }
  }
  const parent = tapers.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  tapers.forEach((a, i) =>
    tapers.forEach((b, j) => {
      const tol = 1e-3 * Math.max(1, Math.abs(a.hi - a.lo));
      const oneLine = Math.abs(Math.abs(dot(a.axis, b.axis)) - 1) < 1e-3 && norm(cross(sub(b.point, a.point), a.axis)) <= tol;
      const overlap = Math.min(a.hi, b.hi) - Math.max(a.lo, b.lo) > 0;
      if (j > i && oneLine && overlap && Math.abs(a.halfAngle - b.halfAngle) <= SAME_ANGLE) parent[root(j)] = root(i);
    }),
  );
  return new Set(tapers.map((_, i) => root(i))).size;
}
