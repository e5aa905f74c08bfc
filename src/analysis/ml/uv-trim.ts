/**
 * The trimming mask of a UV-Net face grid (SPEC.md a.5, channel 6): is a (u, v) point strictly
 * inside the face? The reference asks `BRepTopAdaptor_FClass2d(face, 1e-9).Perform(uv) == IN`;
 * this engine build has neither that class nor BRepClass_FaceClassifier, so we classify against
 * the face's boundary in its parameter space ourselves: every coedge's pcurve, sampled into a
 * polyline, and an even-odd ray crossing count. A point within `ON_TOLERANCE` of the boundary is
 * ON, which the mask counts as 0, as the reference does (its grid corners and seams fall there).
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
 * Even-odd classification of (u, v) against the boundary. `extent` (the larger side of the
 * face's UV box) scales the ON tolerance, so that a grid point computed onto the boundary from
 * its bounds (umin + (umax − umin)·9/9) still lands ON despite rounding.
 */
export function classifyUv(boundary: UvBoundary, u: number, v: number, extent: number): UvState {
  if (boundary.length === 0) return 'in'; // an untrimmed face: FClass2d answers IN too
  const tol = ON_TOLERANCE * Math.max(1, extent);
  let inside = false;
  for (let s = 0; s < boundary.length; s += 4) {
    const u0 = boundary[s]!;
    const v0 = boundary[s + 1]!;
    const u1 = boundary[s + 2]!;
    const v1 = boundary[s + 3]!;
    if (distanceToSegment(u, v, u0, v0, u1, v1) <= tol) return 'on';
    // Half-open in v, so a ray through a shared vertex counts once.
    if (v0 > v !== v1 > v && u < u0 + ((v - v0) / (v1 - v0)) * (u1 - u0)) inside = !inside;
  }
  return inside ? 'in' : 'out';
}

function distanceToSegment(u: number, v: number, u0: number, v0: number, u1: number, v1: number): number {
  const du = u1 - u0;
  const dv = v1 - v0;
  const len2 = du * du + dv * dv;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((u - u0) * du + (v - v0) * dv) / len2)) : 0;
  return Math.hypot(u - (u0 + t * du), v - (v0 + t * dv));
}
