/**
 * A face's boundary in its parameter space, for the trimming mask (./uv-trim.ts): the pcurve of
 * every oriented edge the face uses. Lines stay exact segments and circles exact arcs (planar
 * faces' holes and rounded outlines, the common curved case); ellipses and free-form pcurves
 * become chords, so a grid point closer to one of those than its chord error (≈ 1.5e-4 × radius
 * of curvature at 2° per chord) may classify differently from OCC's exact classifier.
 */
import type { BRepAdaptor_Curve2d, TopoDS_Edge, TopoDS_Face } from 'replicad-opencascadejs';
import type { OC } from '../../occt/engine.ts';
import { withScope } from '../../occt/scope.ts';

export interface UvBoundary {
  /** Straight pieces, [u0, v0, u1, v1] each. */
  segments: Float64Array;
  /**
   * Circular arcs, [cu, cv, r, from, span, u0, v0, u1, v1] each: centre, radius, the arc runs
   * counter-clockwise from angle `from` over `span` (≤ 2π), and its two ends.
   */
  arcs: Float64Array;
}

export const ARC_STRIDE = 9;
const TAU = 2 * Math.PI;
/** Chords per radian of an elliptic pcurve (2° each). */
const CHORDS_PER_RADIAN = 90 / Math.PI;
/** Chords of any other curved pcurve (B-spline, Bezier, ...). */
const FREEFORM_CHORDS = 64;

/** Angle in [0, 2π). */
export const wrapAngle = (a: number): number => ((a % TAU) + TAU) % TAU;

export function uvBoundary(oc: OC, face: TopoDS_Face, edges: readonly TopoDS_Edge[]): UvBoundary {
  const segments: number[] = [];
  const arcs: number[] = [];
  withScope((s) => {
    const p = s.track(new oc.gp_Pnt2d());
    const at = (pcurve: BRepAdaptor_Curve2d, t: number): [number, number] => {
      pcurve.D0(t, p);
      return [p.X(), p.Y()];
    };
    for (const edge of edges) {
      let pcurve: BRepAdaptor_Curve2d;
      try {
        // The oriented edge picks the right one of a seam's two pcurves.
        pcurve = s.track(new oc.BRepAdaptor_Curve2d(edge, face));
      } catch {
        continue; // no pcurve on this face: the edge cannot bound it in UV
      }
      const first = pcurve.FirstParameter();
      const last = pcurve.LastParameter();
      const type = String(pcurve.GetType());
      if (type === 'GeomAbs_Circle') {
        arcs.push(...arcOf(pcurve, at(pcurve, first), at(pcurve, (first + last) / 2), at(pcurve, last), Math.abs(last - first) >= TAU - 1e-12));
        continue;
      }
      const n =
        type === 'GeomAbs_Line'
          ? 1
          : type === 'GeomAbs_Ellipse'
            ? Math.max(4, Math.ceil(Math.abs(last - first) * CHORDS_PER_RADIAN))
            : FREEFORM_CHORDS;
      let prev = at(pcurve, first);
      for (let i = 1; i <= n; i++) {
        const next = at(pcurve, first + ((last - first) * i) / n);
        segments.push(prev[0], prev[1], next[0], next[1]);
        prev = next;
      }
    }
  });
  return { segments: Float64Array.from(segments), arcs: Float64Array.from(arcs) };
}

/** The arc through start, mid and end on the pcurve's circle (its sense does not matter to a crossing count). */
function arcOf(pcurve: BRepAdaptor_Curve2d, start: [number, number], mid: [number, number], end: [number, number], full: boolean): number[] {
  const [cu, cv, r] = withScope((s) => {
    const circle = s.track(pcurve.Circle());
    const centre = s.track(circle.Location());
    return [centre.X(), centre.Y(), circle.Radius()] as const;
  });
  const angle = (q: [number, number]) => Math.atan2(q[1] - cv, q[0] - cu);
  const [a0, am, a1] = [angle(start), angle(mid), angle(end)];
  let from = a0;
  let span = TAU;
  if (!full) {
    span = wrapAngle(a1 - a0);
    // Counter-clockwise from start unless the middle lies the other way round.
    if (wrapAngle(am - a0) > span) {
      from = a1;
      span = wrapAngle(a0 - a1);
    }
  }
  return [cu, cv, r, from, span, start[0], start[1], end[0], end[1]];
}
