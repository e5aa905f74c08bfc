/** Edge attributes: curve type, length, circle radius and centre, closedness. */
import type { BRepAdaptor_Curve, TopoDS_Edge } from 'replicad-opencascadejs';
import type { CurveType, Edge } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { measureOf } from '../occt/mass.ts';
import { withScope } from '../occt/scope.ts';
import { xyz } from '../occt/coords.ts';
import { FREEFORM_CURVES, recogniseCurve } from './canonical.ts';

const CURVE_NAMES: Record<string, CurveType> = {
  GeomAbs_Line: 'line',
  GeomAbs_Circle: 'circle',
  GeomAbs_Ellipse: 'ellipse',
  GeomAbs_Hyperbola: 'hyperbola',
  GeomAbs_Parabola: 'parabola',
  GeomAbs_BezierCurve: 'bezier',
  GeomAbs_BSplineCurve: 'bspline',
  GeomAbs_OffsetCurve: 'offset',
  GeomAbs_OtherCurve: 'other',
};

export type EdgeAttributes = Omit<Edge, 'id' | 'convexity' | 'faces'>;

/**
 * `adaptor` is null for degenerate edges (a pole of a sphere or cone): they have no 3D curve.
 * A freeform curve within `tolerance()` of a line or circle reports that type in `curve` (with the
 * circle's radius and centre) and its written type in `curveSource`.
 */
export function edgeAttributes(oc: OC, edge: TopoDS_Edge, adaptor: BRepAdaptor_Curve | null, tolerance: () => number): EdgeAttributes {
  const closed = oc.BRep_Tool.IsClosed(edge);
  if (!adaptor) return { curve: 'degenerate', length: 0, closed };
  const written = CURVE_NAMES[String(adaptor.GetType())] ?? 'other';
  const attrs: EdgeAttributes = { curve: written, length: measureOf(oc, edge, 'length'), closed };
  const fit = FREEFORM_CURVES.has(written) ? recogniseCurve(oc, adaptor, tolerance()) : null;
  if (fit) {
    attrs.curve = fit.curve;
    attrs.curveSource = written;
    if (fit.radius !== undefined) attrs.radius = fit.radius;
    if (fit.center) attrs.center = fit.center;
  } else if (written === 'circle') {
    withScope((s) => {
      const circle = s.track(adaptor.Circle());
      attrs.radius = circle.Radius();
      attrs.center = xyz(s.track(circle.Location()));
    });
  }
  // Only B-spline and Bezier adaptors answer IsRational; other types throw.
  if (written === 'bspline' || written === 'bezier') attrs.rational = adaptor.IsRational();
  return attrs;
}
