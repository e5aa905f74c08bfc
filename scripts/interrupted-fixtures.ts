/**
 * Fixtures whose features other features cut into (`npx tsx scripts/interrupted-fixtures.ts`, also
 * run by `npm run fixtures`): a passage whose corner a chamfer opens; a pocket and a slot whose
 * floors holes break; a pocket a deeper slot crosses; two slots that cross; slots cut into a ledge
 * that end on the wall above it; a pocket whose floor a hole along it splits; a through step whose
 * wall a hole splits. Dimensions in test/interrupted-fixtures.ts.
 */
import { INTERRUPTED_FIXTURES } from '../test/interrupted-fixtures.ts';
import { b, rotated, write, Z, zPrism } from './fixture-kit.ts';

const op = INTERRUPTED_FIXTURES.openedPassage;
const [px, py, pw, pl] = op.passage;
let opened = b.cut(b.box(op.size[0], op.size[1], op.size[2]), b.box(pw, pl, op.size[2] + 2, [px, py, -1]));
// The bevel x + y = chamfer, cut as a wedge (a blend operation on a corner the passage reaches fails).
opened = b.cut(
  opened,
  zPrism(
    [
      [-1, -1],
      [op.chamfer + 1, -1],
      [-1, op.chamfer + 1],
    ],
    -1,
    op.size[2] + 2,
  ),
);
write('opened-passage.step', opened);
write('opened-passage-rotated.step', rotated(opened));

const bf = INTERRUPTED_FIXTURES.brokenFloors;
const top = bf.size[2];
let plate = b.box(bf.size[0], bf.size[1], bf.size[2]);
const [kx, ky, kw, kl, kd] = bf.pocket;
plate = b.cut(plate, b.box(kw, kl, kd + 1, [kx, ky, top - kd]));
for (const [x, y] of bf.pocketHoles) plate = b.cut(plate, b.cylinder([x, y, -1], Z, bf.hole / 2, top + 2));
const [sx, sw, sd] = bf.slot;
plate = b.cut(plate, b.box(sw, bf.size[1] + 2, sd + 1, [sx, -1, top - sd]));
plate = b.cut(plate, b.cylinder([bf.slotHole[0], bf.slotHole[1], top - sd - bf.holeDepth], Z, bf.hole / 2, bf.holeDepth + 1));
write('broken-floors.step', plate);
write('broken-floors-rotated.step', rotated(plate));

const cp = INTERRUPTED_FIXTURES.crossedPocket;
const cTop = cp.size[2];
const [cx, cy, cw, cl, cd] = cp.pocket;
const [ksx, ksw, ksd] = cp.slot;
const crossed = b.cut(
  b.cut(b.box(cp.size[0], cp.size[1], cp.size[2]), b.box(cw, cl, cd + 1, [cx, cy, cTop - cd])),
  b.box(ksw, cp.size[1] + 2, ksd + 1, [ksx, -1, cTop - ksd]),
);
write('crossed-pocket.step', crossed);
write('crossed-pocket-rotated.step', rotated(crossed));

// One floor where the slots cross, as a CAD system writes it (unified), walls split by the other slot.
const cs = INTERRUPTED_FIXTURES.crossingSlots;
const sTop = cs.size[2];
let crossing = b.box(cs.size[0], cs.size[1], cs.size[2]);
crossing = b.cut(crossing, b.box(cs.alongY[1], cs.size[1] + 2, cs.depth + 1, [cs.alongY[0], -1, sTop - cs.depth]));
crossing = b.unify(b.cut(crossing, b.box(cs.size[0] + 2, cs.alongX[1], cs.depth + 1, [-1, cs.alongX[0], sTop - cs.depth])));
write('crossing-slots.step', crossing);
write('crossing-slots-rotated.step', rotated(crossing));

// Slots in a ledge round a window, each ending on the plane of the wall above the ledge: the cut
// leaves that end as a separate face on the wall's plane, which a CAD system writes as one face
// with the wall (unified), as the designers' files have it.
const ls = INTERRUPTED_FIXTURES.ledgeSlots;
const [wx, wy, wl, ww] = ls.window;
const [ux, uy, ul, uw] = ls.upper;
let frame = b.cut(b.box(ls.size[0], ls.size[1], ls.size[2]), b.box(wl, ww, ls.size[2] + 2, [wx, wy, -1]));
frame = b.cut(frame, b.box(ul, uw, ls.size[2], [ux, uy, ls.ledge]));
for (const x of ls.square) frame = b.cut(frame, b.box(ls.width, wy - uy + 1, ls.size[2], [x, uy, ls.floor]));
// Turned in plan: walls along (cos a, sin a), `width` apart across them, from x = ux to past the window's wall.
const a = (ls.angle * Math.PI) / 180;
const reach = wx - ux + 1;
const slanted = [-1, 1].map((side) => ls.slanted + (side * ls.width) / 2 / Math.cos(a));
frame = b.cut(
  frame,
  zPrism(
    [
      [ux, slanted[0]!],
      [ux + reach, slanted[0]! + reach * Math.tan(a)],
      [ux + reach, slanted[1]! + reach * Math.tan(a)],
      [ux, slanted[1]!],
    ],
    ls.floor,
    ls.size[2],
  ),
);
frame = b.unify(frame);
write('ledge-slots.step', frame);
write('ledge-slots-rotated.step', rotated(frame));

const sf = INTERRUPTED_FIXTURES.splitFloor;
const [fx, fy, fw, fl, fd] = sf.pocket;
const floorZ = sf.size[2] - fd;
let split = b.cut(b.box(sf.size[0], sf.size[1], sf.size[2]), b.box(fw, fl, fd + 1, [fx, fy, floorZ]));
split = b.cut(split, b.cylinder([-1, sf.holeY, floorZ], [1, 0, 0], sf.hole / 2, sf.size[0] + 2));
write('split-floor.step', split);
write('split-floor-rotated.step', rotated(split));

const ss = INTERRUPTED_FIXTURES.splitStep;
let step = b.cut(b.box(ss.size[0], ss.size[1], ss.size[2]), b.box(ss.size[0] + 2, ss.width + 1, ss.depth + 1, [-1, -1, ss.size[2] - ss.depth]));
step = b.cut(step, b.cylinder([ss.holeX, ss.width, -1], Z, ss.hole / 2, ss.size[2] + 2));
write('split-step.step', step);
write('split-step-rotated.step', rotated(step));
