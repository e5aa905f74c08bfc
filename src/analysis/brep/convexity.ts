/**
 * Edge convexity exactly as BRepNet's pipeline computes it (docs/model-inputs.md §a.4, occwl's
 * EdgeDataExtractor): 10 samples along the 3D curve; at each, the outward normals of the left and
 * right faces (through the pcurve of the edge on that face) and the edge tangent. Mean normal dot
 * above cos 5° → smooth; else the sign of Σ (nL × nR)·t decides convex or concave.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Surface, TopoDS_Edge, TopoDS_Face } from 'replicad-opencascadejs';
import type { Convexity, Vec3 } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { withScope } from '../occt/scope.ts';
import { xy, xyz } from '../occt/coords.ts';
import { cross, dot, norm, scale, unit } from './vec.ts';

export const CONVEXITY_SAMPLES = 10;
const SMOOTH_COS = Math.cos((5 * Math.PI) / 180);

/** One side of an edge: the face, its orientation, and the oriented edge as that face uses it. */
export interface EdgeSide {
  face: TopoDS_Face;
  faceReversed: boolean;
  surface: BRepAdaptor_Surface;
  /** Constant outward normal when the face is planar: skips the per-sample evaluation. */
  planeNormal?: Vec3;
  use: TopoDS_Edge;
}

export function edgeConvexity(
  oc: OC,
  curve: BRepAdaptor_Curve | null,
  edgeReversed: boolean,
  left: EdgeSide | undefined,
  right: EdgeSide | undefined,
): Convexity {
  if (!curve || !left || !right) return 'none';
  const first = curve.FirstParameter();
  const last = curve.LastParameter();
  const params = Array.from({ length: CONVEXITY_SAMPLES }, (_, i) => first + ((last - first) * i) / (CONVEXITY_SAMPLES - 1));
  const nL = sideNormals(oc, left, params);
  const nR = sideNormals(oc, right, params);
  let dotSum = 0;
  let crossSum = 0;
  let counted = 0;
  withScope((s) => {
    const point = s.track(new oc.gp_Pnt());
    const tangent = s.track(new oc.gp_Vec());
    params.forEach((u, i) => {
      // At a pole (a sphere's corner ball, a cone's apex) a face has no normal: that sample says
      // nothing, and counting it as a 90° kink made a ball's tangent seams convex or concave.
      if (isZero(nL[i]!) || isZero(nR[i]!)) return;
      curve.D1(u, point, tangent);
      const t = scale(unit(xyz(tangent)), edgeReversed ? -1 : 1);
      dotSum += dot(nL[i]!, nR[i]!);
      crossSum += dot(cross(nL[i]!, nR[i]!), t);
      counted++;
    });
  });
  if (counted > 0 && dotSum / counted > SMOOTH_COS) return 'smooth';
  return crossSum > 0 ? 'convex' : 'concave';
}

const isZero = (v: Vec3) => v[0] === 0 && v[1] === 0 && v[2] === 0;

function sideNormals(oc: OC, side: EdgeSide, params: number[]): Vec3[] {
  if (side.planeNormal) return params.map(() => side.planeNormal!);
  const sign = side.faceReversed ? -1 : 1;
  return withScope((s) => {
    const pcurve = s.track(new oc.BRepAdaptor_Curve2d(side.use, side.face));
    const uv = s.track(new oc.gp_Pnt2d());
    const p = s.track(new oc.gp_Pnt());
    const du = s.track(new oc.gp_Vec());
    const dv = s.track(new oc.gp_Vec());
    return params.map((t) => {
      pcurve.D0(t, uv);
      const [u, v] = xy(uv);
      side.surface.D1(u, v, p, du, dv);
      const [a, b] = [xyz(du), xyz(dv)];
      const raw = cross(a, b);
      // A degenerate parametrisation (a pole): no normal, the zero vector.
      if (norm(raw) <= 1e-12 * (norm(a) + norm(b)) ** 2) return [0, 0, 0] as Vec3;
      return scale(unit(raw), sign);
    });
  });
}
