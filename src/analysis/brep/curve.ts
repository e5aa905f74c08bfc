/** Edge attributes: curve type, length, circle radius and centre, closedness. */
import type { BRepAdaptor_Curve, TopoDS_Edge } from 'replicad-opencascadejs';
import type { CurveType, Edge } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { xyz } from './vec.ts';

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

/** `adaptor` is null for degenerate edges (a pole of a sphere or cone): they have no 3D curve. */
export function edgeAttributes(oc: OC, edge: TopoDS_Edge, adaptor: BRepAdaptor_Curve | null): EdgeAttributes {
  const closed = oc.BRep_Tool.IsClosed(edge);
  if (!adaptor) return { curve: 'degenerate', length: 0, closed };
  const curve = CURVE_NAMES[String(adaptor.GetType())] ?? 'other';
  const attrs: EdgeAttributes = { curve, length: edgeLength(oc, edge), closed };
  if (curve === 'circle') {
    const circle = adaptor.Circle();
    const loc = circle.Location();
    attrs.radius = circle.Radius();
    attrs.center = xyz(loc);
    loc.delete();
    circle.delete();
  }
  // Only B-spline and Bezier adaptors answer IsRational; other types throw.
  if (curve === 'bspline' || curve === 'bezier') attrs.rational = adaptor.IsRational();
  return attrs;
}

function edgeLength(oc: OC, edge: TopoDS_Edge): number {
  const props = new oc.GProp_GProps();
  oc.BRepGProp.LinearProperties(edge, props, false, false);
  const length = props.Mass();
  props.delete();
  return length;
}
