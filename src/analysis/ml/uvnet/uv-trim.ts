/**
 * The trimming mask of a UV-Net face grid (docs/model-inputs.md §a.5, channel 6): is a (u, v) point strictly
 * inside the face? The reference asks `BRepTopAdaptor_FClass2d(face, 1e-9).Perform(uv) == IN`;
 * this engine build has neither that class nor BRepClass_FaceClassifier, so we classify against
 * the face's boundary in its parameter space (./uv-boundary.ts) ourselves: an even-odd count of
 * the boundary pieces a ray crosses (a ray that passes near a vertex is retried in another
 * direction). A point within `ON_TOLERANCE` of the boundary is ON, which the mask counts as 0, as
 * the reference does (its grid corners and seams fall there).
 */
import { ARC_STRIDE, wrapAngle, type UvBoundary } from './uv-boundary.ts';

export type UvState = 'in' | 'out' | 'on';

/** FClass2d's tolerance in the reference; scaled up for UV extents beyond 1 (float noise). */
const ON_TOLERANCE = 1e-9;
/**
 * Ray directions tried in turn. Adjacent pcurves rarely end on exactly the same point (they meet
 * within the edge tolerance), so a ray through a vertex can slip through the gap and miscount;
 * such a ray is discarded and the next direction tried. Odd angles: unlikely to run along an
 * axis-parallel boundary or through a second vertex.
 */
const RAY_ANGLES = [0.1234, 1.3579, 2.4681, 3.6912, 4.8024, 5.9135, 0.7777, 3.1111];
/** An end of a boundary piece this close to the ray's line (relative to the UV extent) makes the ray ambiguous. */
const VERTEX_CLEARANCE = 1e-6;

/**
 * Even-odd classification of (u, v) against the boundary. `extent` (the larger side of the
 * face's UV box) scales the tolerances, so that a grid point computed onto the boundary from
 * its bounds (umin + (umax − umin)·9/9) still lands ON despite rounding.
 */
export function classifyUv(boundary: UvBoundary, u: number, v: number, extent: number): UvState {
  const { segments, arcs } = boundary;
  if (segments.length === 0 && arcs.length === 0) return 'in'; // an untrimmed face: FClass2d answers IN too
  const scale = Math.max(1, extent);
  const tol = ON_TOLERANCE * scale;
  if (onSegments(segments, u, v, tol) || onArcs(arcs, u, v, tol)) return 'on';
  for (const angle of RAY_ANGLES) {
    const [du, dv] = [Math.cos(angle), Math.sin(angle)];
    const clearance = VERTEX_CLEARANCE * scale;
    const a = segmentCrossings(segments, u, v, du, dv, clearance);
    const b = a === undefined ? undefined : arcCrossings(arcs, u, v, du, dv, clearance);
    if (a === undefined || b === undefined) continue;
    return (a + b) % 2 === 1 ? 'in' : 'out';
  }
  return 'out';
}

function onSegments(segments: Float64Array, u: number, v: number, tol: number): boolean {
  for (let s = 0; s < segments.length; s += 4) {
    const u0 = segments[s]!;
    const v0 = segments[s + 1]!;
    const u1 = segments[s + 2]!;
    const v1 = segments[s + 3]!;
    // Most segments are far away: their box already says so (this loop runs F × 100 × segments).
    if (u < Math.min(u0, u1) - tol || u > Math.max(u0, u1) + tol || v < Math.min(v0, v1) - tol || v > Math.max(v0, v1) + tol) continue;
    const eu = u1 - u0;
    const ev = v1 - v0;
    const len2 = eu * eu + ev * ev;
    const k = len2 > 0 ? Math.min(1, Math.max(0, ((u - u0) * eu + (v - v0) * ev) / len2)) : 0;
    if (Math.hypot(u - (u0 + k * eu), v - (v0 + k * ev)) <= tol) return true;
  }
  return false;
}

function onArcs(arcs: Float64Array, u: number, v: number, tol: number): boolean {
  for (let s = 0; s < arcs.length; s += ARC_STRIDE) {
    const [cu, cv, r, from, span] = [arcs[s]!, arcs[s + 1]!, arcs[s + 2]!, arcs[s + 3]!, arcs[s + 4]!];
    if (Math.abs(Math.hypot(u - cu, v - cv) - r) > tol) continue;
    if (wrapAngle(Math.atan2(v - cv, u - cu) - from) <= span) return true;
    if (Math.hypot(u - arcs[s + 5]!, v - arcs[s + 6]!) <= tol || Math.hypot(u - arcs[s + 7]!, v - arcs[s + 8]!) <= tol) return true;
  }
  return false;
}

/** True when the end (x, y), relative to the ray's origin, lies on the ray's line ahead of it. */
const endOnRay = (x: number, y: number, du: number, dv: number, clearance: number) => Math.abs(du * y - dv * x) <= clearance && du * x + dv * y > 0;

/** How many segments the ray from (u, v) along (du, dv) crosses; undefined when it passes near a segment end. */
function segmentCrossings(segments: Float64Array, u: number, v: number, du: number, dv: number, clearance: number): number | undefined {
  let crossings = 0;
  for (let s = 0; s < segments.length; s += 4) {
    const x0 = segments[s]! - u;
    const y0 = segments[s + 1]! - v;
    const x1 = segments[s + 2]! - u;
    const y1 = segments[s + 3]! - v;
    // Signed distances of the ends from the ray's line: same side, no crossing (most segments).
    const c0 = du * y0 - dv * x0;
    const c1 = du * y1 - dv * x1;
    if ((c0 > clearance && c1 > clearance) || (c0 < -clearance && c1 < -clearance)) continue;
    if (endOnRay(x0, y0, du, dv, clearance) || endOnRay(x1, y1, du, dv, clearance)) return undefined;
    if (Math.abs(c0) <= clearance || Math.abs(c1) <= clearance) continue; // an end on the line behind
    const k = c0 / (c0 - c1); // where the segment crosses the line
    if (du * (x0 + k * (x1 - x0)) + dv * (y0 + k * (y1 - y0)) > 0) crossings++;
  }
  return crossings;
}

/** How many times the ray crosses the arcs (0, 1 or 2 each); undefined when it passes near an arc's end. */
function arcCrossings(arcs: Float64Array, u: number, v: number, du: number, dv: number, clearance: number): number | undefined {
  let crossings = 0;
  for (let s = 0; s < arcs.length; s += ARC_STRIDE) {
    const [cu, cv, r, from, span] = [arcs[s]!, arcs[s + 1]!, arcs[s + 2]!, arcs[s + 3]!, arcs[s + 4]!];
    // A full circle's ends are no vertex: only a partial arc's can let a ray slip through.
    const ends = span < 2 * Math.PI;
    if (ends && (endOnRay(arcs[s + 5]! - u, arcs[s + 6]! - v, du, dv, clearance) || endOnRay(arcs[s + 7]! - u, arcs[s + 8]! - v, du, dv, clearance)))
      return undefined;
    // |w + t·d| = r with w = p − c: t² + 2(w·d)t + |w|² − r² = 0.
    const wx = u - cu;
    const wy = v - cv;
    const b = wx * du + wy * dv;
    const disc = b * b - (wx * wx + wy * wy - r * r);
    if (disc <= 0) continue; // misses the circle, or only grazes it (an even count either way)
    const root = Math.sqrt(disc);
    for (const t of [-b - root, -b + root]) {
      if (t <= 0) continue;
      if (wrapAngle(Math.atan2(wy + t * dv, wx + t * du) - from) <= span) crossings++;
    }
  }
  return crossings;
}
