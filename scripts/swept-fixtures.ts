/**
 * Pockets with walls swept from curves that are no polygon (`npx tsx scripts/swept-fixtures.ts`,
 * also run by `npm run fixtures`): an elliptic pocket whose wall OCC writes as a surface of linear
 * extrusion, the same outline lofted (a B-spline wall), a pocket whose shallow arc end meets
 * its straight walls at sharp corners, and a drafted elliptic pocket that is no swept one. Dimensions in
 * test/swept-fixtures.ts.
 */
import type { TopoDS_Shape, TopoDS_Wire } from 'replicad-opencascadejs';
import { SWEPT_FIXTURES as S } from '../test/swept-fixtures.ts';
import { box, cut, fuse, oc, point, range, rotated, unify, write, zCylinder } from './fixture-kit.ts';

function ellipse(x: number, y: number, z: number, a: number, b: number): TopoDS_Wire {
  // gp_Elips takes the major radius along the frame's X direction.
  const frame =
    a >= b
      ? new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 0, 1), new oc.gp_Dir(1, 0, 0))
      : new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 0, 1), new oc.gp_Dir(0, 1, 0));
  const e = new oc.gp_Elips(frame, Math.max(a, b), Math.min(a, b));
  return new oc.BRepBuilderAPI_MakeWire(new oc.BRepBuilderAPI_MakeEdge(e).Edge()).Wire();
}

/** A prism along z from `z`, `h` high, over a closed wire in the plane z. */
function prism(wire: TopoDS_Wire, h: number): TopoDS_Shape {
  const face = new oc.BRepBuilderAPI_MakeFace(wire, true).Face();
  return new oc.BRepPrimAPI_MakePrism(face, new oc.gp_Vec(0, 0, h), false, true).Shape();
}

/** A solid through sections at z0, a third of the way and z1 (three, so OCC fits B-splines). */
function loft(section: (z: number, f: number) => TopoDS_Wire, z0: number, z1: number): TopoDS_Shape {
  const sweep = new oc.BRepOffsetAPI_ThruSections(true, false, 1e-6);
  for (const f of [0, 0.35, 1]) sweep.AddWire(section(z0 + f * (z1 - z0), f));
  sweep.Build(range());
  return sweep.Shape();
}

function plate(): TopoDS_Shape {
  const [sx, sy, top] = S.plate.size;
  const d = S.plate.depth;
  let s = box(0, 0, 0, sx, sy, top);
  const [ex, ey, ea, eb] = S.plate.ellipse;
  s = cut(s, prism(ellipse(ex, ey, top - d, ea, eb), d + 1));
  const [bx, by, ba, bb] = S.plate.splineEllipse;
  s = cut(
    s,
    loft((z) => ellipse(bx, by, z, ba, bb), top - d, top + 1),
  );
  // The cap: the part of a circle through the rectangle's far corners that lies beyond its end.
  const [cx, cy, cl, cw, cr] = S.plate.capped;
  const centre = cx + cl - Math.sqrt(cr * cr - (cw / 2) ** 2);
  const cap = new oc.BRepAlgoAPI_Common(
    zCylinder(centre, cy, top - d, cr, d + 1),
    box(cx + cl, cy - cw / 2, top - d, cr, cw, d + 1),
    range(),
  ).Shape();
  return cut(s, unify(fuse(box(cx, cy - cw / 2, top - d, cl, cw, d + 1), cap)));
}

function drafted(): TopoDS_Shape {
  const [sx, sy, top] = S.drafted.size;
  const d = S.drafted.depth;
  const [x, y, a, b] = S.drafted.ellipse;
  // The outline grows by tan(draft) per mm of height above the floor.
  const grow = Math.tan((S.drafted.draftDeg * Math.PI) / 180) * (d + 1);
  return cut(
    box(0, 0, 0, sx, sy, top),
    loft((z, f) => ellipse(x, y, z, a + f * grow, b + f * grow), top - d, top + 1),
  );
}

write(oc, S.files.plate, plate());
write(oc, S.files.rotated, rotated(plate()));
write(oc, S.files.drafted, drafted());
