/**
 * Round notches on a plate's edge and a U slot milled into its side (`npx tsx
 * scripts/notch-fixtures.ts`, also run by `npm run fixtures`): half bores open along their length,
 * through and blind, which are slots and no holes; a U slot whose walls face the plate's main
 * direction, so that a wall could pass for its floor. Dimensions in test/notch-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { NOTCH_FIXTURES as N } from '../test/notch-fixtures.ts';
import { b, rotated, write, Z } from './fixture-kit.ts';

const yCylinder = (x: number, y: number, z: number, r: number, h: number) => b.cylinder([x, y, z], [0, 1, 0], r, h);

function plate(): TopoDS_Shape {
  const [sx, sy, top] = N.plate.size;
  let s = b.box(sx, sy, top);
  const [tx, tr] = N.plate.throughNotch;
  s = b.cut(s, b.cylinder([tx, sy, -1], Z, tr, top + 2));
  const [bx, br, bd] = N.plate.blindNotch;
  s = b.cut(s, b.cylinder([bx, sy, top - bd], Z, br, bd + 1));
  // The U slot: a bar from beyond the right-hand edge to the round end's axis, and the end mill's disc.
  const [zc, w, length, depth] = N.plate.sideSlot;
  const endX = sx - length + w / 2;
  const cutter = b.unify(b.fuse(b.box(sx + 1 - endX, depth + 1, w, [endX, -1, zc - w / 2]), yCylinder(endX, -1, zc, w / 2, depth + 1)));
  s = b.cut(s, cutter);
  // The crossed U slot: along +x from the left-hand edge, its floor broken by a cross hole along y.
  const [cy, cw, cl, cd, chd, cz] = N.plate.crossedSlot;
  const endAt = cl - cw / 2;
  s = b.cut(s, b.unify(b.fuse(b.box(endAt + 1, cw, cd + 1, [-1, cy - cw / 2, top - cd]), b.cylinder([endAt, cy, top - cd], Z, cw / 2, cd + 1))));
  s = b.cut(s, yCylinder(endAt / 2, -1, top - cz, chd / 2, sy + 2));
  // The obround: a bar between the end axes and the two end discs; then the deeper slot across it.
  const [ox, oy, ol, ow, od, kx, kw, kd] = N.plate.splitObround;
  const [e1, e2] = [ox + ow / 2, ox + ol - ow / 2];
  const obround = b.fuse(
    b.fuse(b.box(e2 - e1, ow, od + 1, [e1, oy - ow / 2, top - od]), b.cylinder([e1, oy, top - od], Z, ow / 2, od + 1)),
    b.cylinder([e2, oy, top - od], Z, ow / 2, od + 1),
  );
  s = b.cut(s, b.unify(obround));
  s = b.cut(s, b.box(kw, sy + 2, kd + 1, [kx, -1, top - kd]));
  const [hx, hy, hd] = N.plate.hole;
  return b.cut(s, b.cylinder([hx, hy, -1], Z, hd / 2, top + 2));
}

write(N.files.plate, plate());
write(N.files.rotated, rotated(plate()));
