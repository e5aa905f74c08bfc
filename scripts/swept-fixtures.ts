/**
 * Pockets with walls swept from curves that are no polygon (`npx tsx scripts/swept-fixtures.ts`,
 * also run by `npm run fixtures`): an elliptic pocket whose wall OCC writes as a surface of linear
 * extrusion, the same outline lofted (a B-spline wall), a pocket whose shallow arc end meets
 * its straight walls at sharp corners, and a drafted elliptic pocket that is no swept one. Dimensions in
 * test/swept-fixtures.ts.
 */
import type { TopoDS_Shape, TopoDS_Wire } from 'replicad-opencascadejs';
import { SWEPT_FIXTURES as S } from '../test/swept-fixtures.ts';
import { b, rotated, write, Z } from './fixture-kit.ts';

/** The ellipse about z through (x, y, z) with semi-axes a along x and b along y. */
const ellipse = (x: number, y: number, z: number, a: number, minor: number): TopoDS_Wire =>
  // The engine's ellipse takes its major radius along the frame's X direction.
  b.ring([x, y, z], Z, Math.max(a, minor), Math.min(a, minor), a >= minor ? [1, 0, 0] : [0, 1, 0]);

/** A prism along z from `z`, `h` high, over a closed wire in the plane z. */
const prism = (wire: TopoDS_Wire, h: number): TopoDS_Shape => b.extrude(b.planarFace(wire), [0, 0, h]);

/** A solid through sections at z0, a third of the way and z1 (three, so OCC fits B-splines). */
const loft = (section: (z: number, f: number) => TopoDS_Wire, z0: number, z1: number): TopoDS_Shape =>
  b.loft([0, 0.35, 1].map((f) => section(z0 + f * (z1 - z0), f)));

function plate(): TopoDS_Shape {
  const [sx, sy, top] = S.plate.size;
  const d = S.plate.depth;
  let s = b.box(sx, sy, top);
  const [ex, ey, ea, eb] = S.plate.ellipse;
  s = b.cut(s, prism(ellipse(ex, ey, top - d, ea, eb), d + 1));
  const [bx, by, ba, bb] = S.plate.splineEllipse;
  s = b.cut(
    s,
    loft((z) => ellipse(bx, by, z, ba, bb), top - d, top + 1),
  );
  // The cap: the part of a circle through the rectangle's far corners that lies beyond its end.
  const [cx, cy, cl, cw, cr] = S.plate.capped;
  const centre = cx + cl - Math.sqrt(cr * cr - (cw / 2) ** 2);
  const cap = b.common(b.cylinder([centre, cy, top - d], Z, cr, d + 1), b.box(cr, cw, d + 1, [cx + cl, cy - cw / 2, top - d]));
  return b.cut(s, b.unify(b.fuse(b.box(cl, cw, d + 1, [cx, cy - cw / 2, top - d]), cap)));
}

function drafted(): TopoDS_Shape {
  const [sx, sy, top] = S.drafted.size;
  const d = S.drafted.depth;
  const [x, y, a, minor] = S.drafted.ellipse;
  // The outline grows by tan(draft) per mm of height above the floor.
  const grow = Math.tan((S.drafted.draftDeg * Math.PI) / 180) * (d + 1);
  return b.cut(
    b.box(sx, sy, top),
    loft((z, f) => ellipse(x, y, z, a + f * grow, minor + f * grow), top - d, top + 1),
  );
}

write(S.files.plate, plate());
write(S.files.rotated, rotated(plate()));
write(S.files.drafted, drafted());
