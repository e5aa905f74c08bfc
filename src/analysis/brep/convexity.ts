/**
 * Edge convexity exactly as BRepNet's pipeline computes it (docs/model-inputs.md §a.4, occwl's
 * EdgeDataExtractor): 10 samples along the 3D curve; at each, the outward normals of the left and
 * right faces (through the pcurve of the edge on that face) and the edge tangent. Mean normal dot
 * above cos 5° → smooth; else the sign of Σ (nL × nR)·t decides convex or concave.
 */
import type { BRepAdaptor_Curve, BRepAdaptor_Surface, gp_Pnt, gp_Pnt2d, gp_Vec, TopoDS_Edge, TopoDS_Face } from 'replicad-opencascadejs';
import type { Convexity, Vec3 } from '../result.ts';
import type { OC } from '../occt/engine.ts';
import { withScope, type Scope } from '../occt/scope.ts';
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

/**
 * Output objects for the engine's evaluations, made once per graph and reused by every edge: a
 * fresh set per edge cost as many embind calls (new + delete) as a plane-plane edge's evaluations.
 */
export interface EvalScratch {
  point: gp_Pnt;
  tangent: gp_Vec;
  uv: gp_Pnt2d;
  du: gp_Vec;
  dv: gp_Vec;
}

export function evalScratch(oc: OC, scope: Scope): EvalScratch {
  const vec = () => scope.track(new oc.gp_Vec());
  return { point: scope.track(new oc.gp_Pnt()), tangent: vec(), uv: scope.track(new oc.gp_Pnt2d()), du: vec(), dv: vec() };
}

export function edgeConvexity(
  oc: OC,
  curve: BRepAdaptor_Curve | null,
  edgeReversed: boolean,
  left: EdgeSide | undefined,
  right: EdgeSide | undefined,
  scratch: EvalScratch,
): Convexity {
  if (!curve || !left || !right) return 'none';
  const first = curve.FirstParameter();
  const last = curve.LastParameter();
  const params = Array.from({ length: CONVEXITY_SAMPLES }, (_, i) => first + ((last - first) * i) / (CONVEXITY_SAMPLES - 1));
  const nL = sideNormals(oc, left, params, scratch);
  const nR = sideNormals(oc, right, params, scratch);
  // At a pole (a sphere's corner ball, a cone's apex) a face has no normal: that sample says
  // nothing, and counting it as a 90° kink made a ball's tangent seams convex or concave.
  const usable = params.map((_, i) => !isZero(nL[i]!) && !isZero(nR[i]!));
  let dotSum = 0;
  let counted = 0;
  usable.forEach((use, i) => {
    if (!use) return;
    dotSum += dot(nL[i]!, nR[i]!);
    counted++;
  });
  // The normals alone say 'smooth': the tangent is only needed for the sign of a kink.
  if (counted > 0 && dotSum / counted > SMOOTH_COS) return 'smooth';
  const tangents = unitTangents(oc, curve, params, usable, scratch);
  let crossSum = 0;
  usable.forEach((use, i) => {
    if (!use) return;
    const t = scale(tangents[i]!, edgeReversed ? -1 : 1);
    crossSum += dot(cross(nL[i]!, nR[i]!), t);
  });
  return crossSum > 0 ? 'convex' : 'concave';
}

const isZero = (v: Vec3) => v[0] === 0 && v[1] === 0 && v[2] === 0;

/**
 * The unit tangent at each counted parameter. A line's 3D curve returns the same derivative at every
 * parameter (its direction, moved by the edge's location), so one evaluation serves all samples.
 */
function unitTangents(oc: OC, curve: BRepAdaptor_Curve, params: number[], usable: boolean[], scratch: EvalScratch): (Vec3 | undefined)[] {
  const { point, tangent } = scratch;
  const straight = curve.Is3DCurve() && curve.GetType() === oc.GeomAbs_CurveType.GeomAbs_Line;
  let once: Vec3 | undefined;
  return params.map((u, i) => {
    if (!usable[i]) return undefined;
    if (straight && once) return once;
    curve.D1(u, point, tangent);
    once = unit(xyz(tangent));
    return once;
  });
}

function sideNormals(oc: OC, side: EdgeSide, params: number[], scratch: EvalScratch): Vec3[] {
  if (side.planeNormal) return params.map(() => side.planeNormal!);
  const sign = side.faceReversed ? -1 : 1;
  const { uv, point, du, dv } = scratch;
  return withScope((s) => {
    const pcurve = s.track(new oc.BRepAdaptor_Curve2d(side.use, side.face));
    return params.map((t) => {
      pcurve.D0(t, uv);
      const [u, v] = xy(uv);
      side.surface.D1(u, v, point, du, dv);
      const [a, b] = [xyz(du), xyz(dv)];
      const raw = cross(a, b);
      // A degenerate parametrisation (a pole): no normal, the zero vector.
      if (norm(raw) <= 1e-12 * (norm(a) + norm(b)) ** 2) return [0, 0, 0] as Vec3;
      return scale(unit(raw), sign);
    });
  });
}
