/**
 * Round notches on a plate's edge and a U slot milled into its side (`npx tsx
 * scripts/notch-fixtures.ts`, also run by `npm run fixtures`): half bores open along their length,
 * through and blind, which are slots and no holes; a U slot whose walls face the plate's main
 * direction, so that a wall could pass for its floor. Dimensions in test/notch-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { NOTCH_FIXTURES as N } from '../test/notch-fixtures.ts';
import { box, cut, fuse, oc, point, rotated, unify, write, zCylinder } from './fixture-kit.ts';

function yCylinder(x: number, y: number, z: number, r: number, h: number): TopoDS_Shape {
  return new oc.BRepPrimAPI_MakeCylinder(new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 1, 0)), r, h).Shape();
}

function plate(): TopoDS_Shape {
  const [sx, sy, top] = N.plate.size;
  let s = box(0, 0, 0, sx, sy, top);
  const [tx, tr] = N.plate.throughNotch;
  s = cut(s, zCylinder(tx, sy, -1, tr, top + 2));
  const [bx, br, bd] = N.plate.blindNotch;
  s = cut(s, zCylinder(bx, sy, top - bd, br, bd + 1));
  // The U slot: a bar from beyond the right-hand edge to the round end's axis, and the end mill's disc.
  const [zc, w, length, depth] = N.plate.sideSlot;
  const endX = sx - length + w / 2;
  const cutter = unify(fuse(box(endX, -1, zc - w / 2, sx + 1 - endX, depth + 1, w), yCylinder(endX, -1, zc, w / 2, depth + 1)));
  s = cut(s, cutter);
  // The crossed U slot: along +x from the left-hand edge, its floor broken by a cross hole along y.
  const [cy, cw, cl, cd, chd, cz] = N.plate.crossedSlot;
  const endAt = cl - cw / 2;
  s = cut(s, unify(fuse(box(-1, cy - cw / 2, top - cd, endAt + 1, cw, cd + 1), zCylinder(endAt, cy, top - cd, cw / 2, cd + 1))));
  s = cut(s, yCylinder(endAt / 2, -1, top - cz, chd / 2, sy + 2));
  // The obround: a bar between the end axes and the two end discs; then the deeper slot across it.
  const [ox, oy, ol, ow, od, kx, kw, kd] = N.plate.splitObround;
  const [e1, e2] = [ox + ow / 2, ox + ol - ow / 2];
  const obround = fuse(
    fuse(box(e1, oy - ow / 2, top - od, e2 - e1, ow, od + 1), zCylinder(e1, oy, top - od, ow / 2, od + 1)),
    zCylinder(e2, oy, top - od, ow / 2, od + 1),
  );
  s = cut(s, unify(obround));
  s = cut(s, box(kx, -1, top - kd, kw, sy + 2, kd + 1));
  const [hx, hy, hd] = N.plate.hole;
  return cut(s, zCylinder(hx, hy, -1, hd / 2, top + 2));
}

write(oc, N.files.plate, plate());
write(oc, N.files.rotated, rotated(plate()));
