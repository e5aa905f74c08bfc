/**
 * Feature tools whose side walls are B-spline surfaces, as many exporters (Fusion, SolidWorks,
 * Onshape, NX with some settings) write planes, cylinders and cones. Cut with such a tool, the
 * feature's walls reach the part as B-splines and its intersection edges as B-spline curves, so the
 * model learns features whose faces carry no canonical type (docs/model-inputs.md §a.3: their type
 * columns are zero, rational ones set the NURBS column).
 *
 * The engine build has no BRepBuilderAPI_NurbsConvert, so the walls are written exactly as the
 * exporters do: a line is a degree-1 patch, an arc a rational quadratic (at most a quarter turn
 * per span), swept linearly along the tool's axis (prisms) or turned about it (revolved holes).
 * The caps stay planar faces; everything is sewn into one closed solid.
 */
import type { TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { withScope, type OC } from '../../../src/analysis/index.ts';
import { toWorld, type Frame, type V2, type V3 } from './geom.ts';
import { circumcircle, type Builder, type Loop, type Scope } from './occ.ts';

/** A rational quadratic B-spline curve in 2D sketch coordinates. */
interface Curve2 {
  poles: V2[];
  weights: number[];
  knots: number[];
  mults: number[];
}

function line2(a: V2, b: V2): Curve2 {
  return { poles: [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], b], weights: [1, 1, 1], knots: [0, 1], mults: [3, 3] };
}

/** The arc about (cx, cy) of radius r from angle a0 through the signed sweep, a span per quarter turn. */
function arc2(cx: number, cy: number, r: number, a0: number, sweep: number): Curve2 {
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
  const step = sweep / n;
  const w = Math.cos(step / 2);
  const at = (a: number, k = 1): V2 => [cx + k * r * Math.cos(a), cy + k * r * Math.sin(a)];
  const poles: V2[] = [at(a0)];
  const weights = [1];
  for (let i = 0; i < n; i++) {
    const mid = a0 + (i + 0.5) * step;
    poles.push(at(mid, 1 / w), at(a0 + (i + 1) * step));
    weights.push(w, 1);
  }
  return {
    poles,
    weights,
    knots: Array.from({ length: n + 1 }, (_, i) => i),
    mults: Array.from({ length: n + 1 }, (_, i) => (i === 0 || i === n ? 3 : 2)),
  };
}

/** The curves of a sketch loop: one per segment, arcs through their `via` point. */
function loopCurves(loop: Loop): Curve2[] {
  if ('circle' in loop) {
    const { center, r } = loop.circle;
    return [arc2(center[0], center[1], r, 0, 2 * Math.PI)];
  }
  const out: Curve2[] = [];
  let from = loop.start;
  for (const seg of loop.segs) {
    if (!seg.via) out.push(line2(from, seg.to));
    else {
      const [cx, cy, r] = circumcircle(from, seg.via, seg.to);
      const ang = (p: V2) => Math.atan2(p[1] - cy, p[0] - cx);
      const a0 = ang(from);
      const norm = (a: number) => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
      // Counter-clockwise sweep to the end; if `via` is not on it, the arc runs clockwise.
      const ccw = norm(ang(seg.to) - a0);
      const viaOnCcw = norm(ang(seg.via) - a0) < ccw;
      out.push(arc2(cx, cy, r, a0, viaOnCcw ? ccw : ccw - 2 * Math.PI));
    }
    from = seg.to;
  }
  return out;
}

/** A face on the patch between two rows of poles (same weights and knots): linear across the rows. */
function ruledFace(oc: OC, s: Scope, c: Curve2, row0: V3[], row1: V3[]): TopoDS_Face {
  const n = row0.length;
  const poles = s.track(new oc.NCollection_Array2_gp_Pnt(1, n, 1, 2));
  const weights = s.track(new oc.NCollection_Array2_double(1, n, 1, 2));
  for (let i = 0; i < n; i++) {
    [row0[i]!, row1[i]!].forEach((p, j) => {
      poles.SetValue(i + 1, j + 1, s.track(new oc.gp_Pnt(p[0], p[1], p[2])));
      weights.SetValue(i + 1, j + 1, c.weights[i]!);
    });
  }
  const uKnots = s.track(new oc.NCollection_Array1_double(1, c.knots.length));
  const uMults = s.track(new oc.NCollection_Array1_int(1, c.knots.length));
  c.knots.forEach((k, i) => {
    uKnots.SetValue(i + 1, k);
    uMults.SetValue(i + 1, c.mults[i]!);
  });
  const vKnots = s.track(new oc.NCollection_Array1_double(1, 2));
  const vMults = s.track(new oc.NCollection_Array1_int(1, 2));
  vKnots.SetValue(1, 0);
  vKnots.SetValue(2, 1);
  vMults.SetValue(1, 2);
  vMults.SetValue(2, 2);
  const rational = c.weights.some((w) => Math.abs(w - 1) > 1e-12);
  const surface = s.track(
    rational
      ? new oc.Geom_BSplineSurface(poles, weights, uKnots, vKnots, uMults, vMults, 2, 1, false, false)
      : new oc.Geom_BSplineSurface(poles, uKnots, vKnots, uMults, vMults, 2, 1, false, false),
  );
  return s.track(new oc.BRepBuilderAPI_MakeFace(surface, 1e-7)).Face();
}

/** Sews faces into one closed solid facing outwards; null when they do not close. */
function sewSolid(b: Builder, s: Scope, faces: TopoDS_Face[]): TopoDS_Shape | null {
  const oc = b.oc;
  const sewing = s.track(new oc.BRepBuilderAPI_Sewing(1e-6, true, true, true, false));
  for (const f of faces) sewing.Add(f);
  sewing.Perform(s.track(new oc.Message_ProgressRange()));
  const sewn = s.track(sewing.SewedShape());
  if (sewing.NbFreeEdges() > 0 || b.count(sewn, 'SHELL') !== 1) return null;
  const { TopAbs_SHELL, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
  const ex = s.track(new oc.TopExp_Explorer(sewn, TopAbs_SHELL, TopAbs_SHAPE));
  const shell = s.track(oc.TopoDS.Shell(ex.Current()));
  const solid = s.track(new oc.BRepBuilderAPI_MakeSolid(shell)).Solid();
  oc.BRepLib.OrientClosedSolid(solid);
  return b.valid(solid) ? solid : null;
}

/** The prism of `loop` on frame f from zBottom to zTop with B-spline walls, or null. */
export function bsplinePrism(b: Builder, f: Frame, loop: Loop, zBottom: number, zTop: number): TopoDS_Shape | null {
  return withScope((s) => {
    const at = (z: number) => (p: V2) => toWorld(f, p[0], p[1], z);
    const walls = loopCurves(loop).map((c) => ruledFace(b.oc, s, c, c.poles.map(at(zBottom)), c.poles.map(at(zTop))));
    const caps = [s.track(b.face(f, loop, zBottom)), s.track(b.face(f, loop, zTop))];
    return sewSolid(b, s, [...walls, ...caps]);
  });
}

/**
 * The solid turned from the closed (r, z) polygon `rz` about the axis through (cx, cy) along the
 * frame normal (as Builder.revolve), every face a B-spline: cylinders, cones and the flat rings
 * or disks; null for profiles with arcs or when the faces do not close.
 */
export function bsplineRevolve(b: Builder, f: Frame, cx: number, cy: number, rz: Loop): TopoDS_Shape | null {
  if ('circle' in rz || rz.segs.some((x) => x.via)) return null;
  return withScope((s) => {
    const turn = arc2(0, 0, 1, 0, 2 * Math.PI);
    const row = (p: V2) => turn.poles.map(([x, y]) => toWorld(f, cx + p[0] * x, cy + p[0] * y, p[1]));
    const faces: TopoDS_Face[] = [];
    let from = rz.start;
    for (const seg of rz.segs) {
      // Segments on the axis bound no face.
      if (from[0] > 1e-9 || seg.to[0] > 1e-9) faces.push(ruledFace(b.oc, s, turn, row(from), row(seg.to)));
      from = seg.to;
    }
    return sewSolid(b, s, faces);
  });
}
