/**
 * The B-spline fixture pair (`npx tsx scripts/bspline-fixtures.ts`, also run by `npm run
 * fixtures`): the same block with a rounded edge, a rim-blended hole, a countersunk hole and a
 * pocket, once from OCC's analytic primitives and once from lofts through three equal sections.
 * OCC makes planes from a loft through two equal sections but approximates three with B-spline
 * surfaces, and writes their edges as B-spline curves: the planes, cylinders and cone of that
 * variant, and the tori its rim blend gets, reach the STEP file as B-splines, as many exporters
 * write them. Dimensions in test/bspline-fixtures.ts.
 */
import type { TopoDS_Shape, TopoDS_Wire } from 'replicad-opencascadejs';
import { BSPLINE_FIXTURES as B } from '../test/bspline-fixtures.ts';
import { box, cut, near, oc, point, range, revolved, rotated, write } from './fixture-kit.ts';

function rectangle(x: number, y: number, z: number, dx: number, dy: number): TopoDS_Wire {
  const wire = new oc.BRepBuilderAPI_MakeWire();
  const corners = [
    [x, y],
    [x + dx, y],
    [x + dx, y + dy],
    [x, y + dy],
  ] as const;
  corners.forEach(([a, b], i) => {
    const [c, d] = corners[(i + 1) % 4]!;
    wire.Add(new oc.BRepBuilderAPI_MakeEdge(point(a, b, z), point(c, d, z)).Edge());
  });
  return wire.Wire();
}

function circle(x: number, y: number, z: number, r: number): TopoDS_Wire {
  const c = new oc.gp_Circ(new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 0, 1)), r);
  return new oc.BRepBuilderAPI_MakeWire(new oc.BRepBuilderAPI_MakeEdge(c).Edge()).Wire();
}

/** A solid through the sections at z0, a third of the way and z1 (three, so OCC fits B-splines). */
function loft(section: (z: number, f: number) => TopoDS_Wire, z0: number, z1: number): TopoDS_Shape {
  const sweep = new oc.BRepOffsetAPI_ThruSections(true, false, 1e-6);
  for (const f of [0, 0.35, 1]) sweep.AddWire(section(z0 + f * (z1 - z0), f));
  sweep.Build(range());
  return sweep.Shape();
}

/** Rounds the vertical edge at x = y = 0 and the hole's top rim. */
function blend(shape: TopoDS_Shape): TopoDS_Shape {
  const fillet = new oc.BRepFilletAPI_MakeFillet(shape);
  const top = B.size[2];
  const [hx, hy, hd] = B.hole;
  const explorer = new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_EDGE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    const edge = oc.TopoDS.Edge(explorer.Current());
    const curve = new oc.BRepAdaptor_Curve(edge);
    const [a, b] = [curve.Value(curve.FirstParameter()), curve.Value(curve.LastParameter())];
    if (near(a.X(), 0) && near(a.Y(), 0) && near(b.X(), 0) && near(b.Y(), 0)) fillet.Add(B.edgeRadius, edge);
    if (near(a.Z(), top) && near(b.Z(), top) && Math.abs(Math.hypot(a.X() - hx, a.Y() - hy) - hd / 2) < 1e-3) fillet.Add(B.rimRadius, edge);
  }
  return fillet.Shape();
}

function build(kind: 'analytic' | 'bspline'): TopoDS_Shape {
  const [sx, sy, top] = B.size;
  const [hx, hy, hd] = B.hole;
  const [cx, cy, cd, csd] = B.countersink;
  const [px, py, pw, pl, depth] = B.pocket;
  const sink = (csd - cd) / 2; // 90°: as deep as the radius grows
  if (kind === 'analytic') {
    let s = box(0, 0, 0, sx, sy, top);
    s = cut(
      s,
      revolved(hx, hy, [
        [0, -1],
        [hd / 2, -1],
        [hd / 2, top + 1],
        [0, top + 1],
      ]),
    );
    s = cut(s, box(px, py, top - depth, pw, pl, depth + 1));
    s = cut(
      s,
      revolved(cx, cy, [
        [0, -1],
        [cd / 2, -1],
        [cd / 2, top - sink],
        [csd / 2 + 1, top + 1],
        [0, top + 1],
      ]),
    );
    return blend(s);
  }
  let s = loft((z) => rectangle(0, 0, z, sx, sy), 0, top);
  s = cut(
    s,
    loft((z) => circle(hx, hy, z, hd / 2), -1, top + 1),
  );
  s = cut(
    s,
    loft((z) => rectangle(px, py, z, pw, pl), top - depth, top + 1),
  );
  // The countersink's cone from a loft of growing circles, then the drilled hole.
  s = cut(
    s,
    loft((z, f) => circle(cx, cy, z, cd / 2 + f * (sink + 1)), top - sink, top + 1),
  );
  s = cut(
    s,
    loft((z) => circle(cx, cy, z, cd / 2), -1, top + 1),
  );
  return blend(s);
}

for (const kind of ['analytic', 'bspline', 'rotated'] as const) {
  write(oc, B.files[kind], kind === 'rotated' ? rotated(build('bspline')) : build(kind));
}
