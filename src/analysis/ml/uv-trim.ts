/**
 * The trimming mask of a UV-Net face grid (SPEC.md a.5, channel 6): is a (u, v) point strictly
 * inside the face? The reference asks `BRepTopAdaptor_FClass2d(face, 1e-9).Perform(uv) == IN`;
 * this engine build has neither that class nor BRepClass_FaceClassifier, so we classify against
 * the face's boundary in its parameter space ourselves: every coedge's pcurve, sampled into a
 * polyline, and an even-odd ray crossing count (a ray that passes near a vertex is retried in
 * another direction). A point within `ON_TOLERANCE` of the boundary is ON, which the mask counts
 * as 0, as the reference does (its grid corners and seams fall there).
 *
 * Straight pcurves are exact; curved ones are chords, so a grid point closer to a curved boundary
 * than the chord error (≈ 1.5e-4 × radius for circles, finer than any 10×10 grid) may classify
 * differently from OCC's exact classifier.
 */
import type { BRepAdaptor_Curve2d, TopoDS_Edge, TopoDS_Face } from 'replicad-opencascadejs';
import type { OC } from '../occt/engine.ts';

/** Segments of the boundary in UV: [u0, v0, u1, v1] each, flattened. */
export type UvBoundary = Float64Array;

/** FClass2d's tolerance in the reference; scaled up for UV extents beyond 1 (float noise). */
const ON_TOLERANCE = 1e-9;
/** Chords per radian of a circular / elliptic pcurve (2° each: see the header for the error). */
const CHORDS_PER_RADIAN = 90 / Math.PI;
/** Chords of any other curved pcurve (B-spline, Bezier, ...). */
const FREEFORM_CHORDS = 64;

/** The face's boundary in its parameter space, from the pcurves of the oriented edges it uses. */
export function uvBoundary(oc: OC, face: TopoDS_Face, edges: readonly TopoDS_Edge[]): UvBoundary {
  const points: number[] = [];
  const p = new oc.gp_Pnt2d();
  try {
    for (const edge of edges) {
      let pcurve: BRepAdaptor_Curve2d | undefined;
      try {
        // The oriented edge picks the right one of a seam's two pcurves.
        pcurve = new oc.BRepAdaptor_Curve2d(edge, face);
      } catch {
        continue; // no pcurve on this face: the edge cannot bound it in UV
      }
      try {
        const first = pcurve.FirstParameter();
        const last = pcurve.LastParameter();
        const n = chordsOf(pcurve, last - first);
        let prevU = 0;
        let prevV = 0;
        for (let i = 0; i <= n; i++) {
          pcurve.D0(first + ((last - first) * i) / n, p);
          const u = p.X();
          const v = p.Y();
          if (i > 0) points.push(prevU, prevV, u, v);
          prevU = u;
          prevV = v;
        }
      } finally {
        pcurve.delete();
      }
    }
  } finally {
    p.delete();
  }
  return Float64Array.from(points);
}

function chordsOf(pcurve: BRepAdaptor_Curve2d, span: number): number {
  const type = String(pcurve.GetType());
  if (type === 'GeomAbs_Line') return 1;
  if (type === 'GeomAbs_Circle' || type === 'GeomAbs_Ellipse') return Math.max(4, Math.ceil(Math.abs(span) * CHORDS_PER_RADIAN));
  return FREEFORM_CHORDS;
}

export type UvState = 'in' | 'out' | 'on';

/**
 * Ray directions tried in turn. Adjacent pcurves rarely end on exactly the same point (they meet
 * within the edge tolerance), so a ray through a vertex can slip through the gap and miscount;
 * such a ray is discarded and the next direction tried. Odd angles: unlikely to run along an
 * axis-parallel boundary or through a second vertex.
 */
const RAY_ANGLES = [0.1234, 1.3579, 2.4681, 3.6912, 4.8024, 5.9135, 0.7777, 3.1111];
/** A crossing this close to a segment's end (relative to the face's UV extent) makes the ray ambiguous. */
const VERTEX_CLEARANCE = 1e-6;

/**
 * Even-odd classification of (u, v) against the boundary. `extent` (the larger side of the
 * face's UV box) scales the tolerances, so that a grid point computed onto the boundary from
 * its bounds (umin + (umax − umin)·9/9) still lands ON despite rounding.
 */
export function classifyUv(boundary: UvBoundary, u: number, v: number, extent: number): UvState {
  if (boundary.length === 0) return 'in'; // an untrimmed face: FClass2d answers IN too
  const scale = Math.max(1, extent);
  const tol = ON_TOLERANCE * scale;
  for (let s = 0; s < boundary.length; s += 4) {
    const u0 = boundary[s]!;
    const v0 = boundary[s + 1]!;
    const u1 = boundary[s + 2]!;
    const v1 = boundary[s + 3]!;
    // Most segments are far away: their box already says so (this loop runs F × 100 × segments).
    if (u < Math.min(u0, u1) - tol || u > Math.max(u0, u1) + tol || v < Math.min(v0, v1) - tol || v > Math.max(v0, v1) + tol) continue;
    if (distanceToSegment(u, v, u0, v0, u1, v1) <= tol) return 'on';
  }
  let inside = false;
  for (const angle of RAY_ANGLES) {
    const crossings = rayCrossings(boundary, u, v, Math.cos(angle), Math.sin(angle), VERTEX_CLEARANCE * scale);
    if (crossings === undefined) continue;
    inside = crossings % 2 === 1;
    break;
  }
  return inside ? 'in' : 'out';
}

/** How many segments the ray from (u, v) along (du, dv) crosses; undefined when it passes near a segment end. */
function rayCrossings(boundary: UvBoundary, u: number, v: number, du: number, dv: number, clearance: number): number | undefined {
  let crossings = 0;
  for (let s = 0; s < boundary.length; s += 4) {
    const x0 = boundary[s]! - u;
    const y0 = boundary[s + 1]! - v;
    const x1 = boundary[s + 2]! - u;
    const y1 = boundary[s + 3]! - v;
    // Signed distances of the ends from the ray's line: same side, no crossing (most segments).
    const c0 = du * y0 - dv * x0;
    const c1 = du * y1 - dv * x1;
    if ((c0 > clearance && c1 > clearance) || (c0 < -clearance && c1 < -clearance)) continue;
    const ahead0 = du * x0 + dv * y0 > 0;
    const ahead1 = du * x1 + dv * y1 > 0;
    // An end on the line ahead: the ray runs through (or beside) a vertex.
    if ((Math.abs(c0) <= clearance && ahead0) || (Math.abs(c1) <= clearance && ahead1)) return undefined;
    if (Math.abs(c0) <= clearance || Math.abs(c1) <= clearance) continue; // an end on the line behind
    const k = c0 / (c0 - c1); // where the segment crosses the line
    if (du * (x0 + k * (x1 - x0)) + dv * (y0 + k * (y1 - y0)) > 0) crossings++;
  }
  return crossings;
}

function distanceToSegment(u: number, v: number, u0: number, v0: number, u1: number, v1: number): number {
  const du = u1 - u0;
  const dv = v1 - v0;
  const len2 = du * du + dv * dv;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((u - u0) * du + (v - v0) * dv) / len2)) : 0;
  return Math.hypot(u - (u0 + t * du), v - (v0 + t * dv));
}
