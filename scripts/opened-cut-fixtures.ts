/**
 * Cuts that another cut opens or bevels (`npx tsx scripts/opened-cut-fixtures.ts`, also run by
 * `npm run fixtures`): a round-ended pocket whose upper end and floor a pocket from the top clips;
 * a hexagonal pocket whose corner a through step takes; a triangular pocket with one rim edge
 * chamfered; a U slot and a slot along a side with quarter-round ends, each of which a step takes
 * a straight wall or an end of; a U slot whose wall a hole along it splits; a round-ended pocket whose
 * far end a step takes. Dimensions in test/opened-cut-fixtures.ts.
 */
import { OPENED_CUT_FIXTURES as F } from '../test/opened-cut-fixtures.ts';
import { b, both, near, rotated, where, write, Z } from './fixture-kit.ts';

const ob = F.openedObround;
const r = ob.width / 2;
const Y = [0, 1, 0] as const;
// One tool (fused and unified), so the floor comes out as one face, as a CAD system writes it.
const obround = b.unify(
  b.fuse(
    b.fuse(
      b.box(ob.width, ob.depth + 1, ob.ends[1] - ob.ends[0], [ob.x - r, -1, ob.ends[0]]),
      b.cylinder([ob.x, -1, ob.ends[0]], Y, r, ob.depth + 1),
    ),
    b.cylinder([ob.x, -1, ob.ends[1]], Y, r, ob.depth + 1),
  ),
);
let opened = b.cut(b.box(ob.size[0], ob.size[1], ob.size[2]), obround);
const { clip } = ob;
opened = b.cut(opened, b.box(clip.x[1] - clip.x[0], clip.y[1] - clip.y[0], ob.size[2] - clip.floor + 1, [clip.x[0], clip.y[0], clip.floor]));
write('opened-obround.step', opened);
write('opened-obround-rotated.step', rotated(opened));

const hx = F.openedHexagon;
const corners = Array.from({ length: 6 }, (_, k) => {
  const a = (k * Math.PI) / 3;
  return [hx.centre[0] + hx.radius * Math.cos(a), hx.centre[1] + hx.radius * Math.sin(a)] as const;
});
let hexagon = b.cut(
  b.box(hx.size[0], hx.size[1], hx.size[2]),
  b.extrude(b.planarFace(b.polygon(corners.map(([x, y]) => [x, y, hx.size[2] - hx.depth] as const))), [0, 0, hx.depth + 1]),
);
hexagon = b.cut(hexagon, b.box(hx.size[0] - hx.stepX + 1, hx.size[1] + 2, hx.size[2] - hx.stepZ + 1, [hx.stepX, -1, hx.stepZ]));
write('opened-hexagon.step', hexagon);
write('opened-hexagon-rotated.step', rotated(hexagon));

const bt = F.bevelledTriangle;
const top = bt.size[2];
const triangle = b.cut(
  b.box(bt.size[0], bt.size[1], bt.size[2]),
  b.extrude(b.planarFace(b.polygon(bt.corners.map(([x, y]) => [x, y, top - bt.depth] as const))), [0, 0, bt.depth + 1]),
);
const rimY = bt.corners[0][1];
const bevelled = b.chamfer(
  triangle,
  where(
    both((p) => near(p[1]!, rimY) && near(p[2]!, top)),
    bt.chamfer,
  ),
);
write('bevelled-triangle.step', bevelled);
write('bevelled-triangle-rotated.step', rotated(bevelled));

const ow = F.oneWallSlots;
const [ox, oy, oz] = ow.size;
const { u, h } = ow;
let slots = b.box(ox, oy, oz);
// The U slot: straight part from its end's centre out past the x = 80 side, then the half-round end.
slots = b.cut(slots, b.box(ox - u.end + 1, u.width, oz - u.floor + 1, [u.end, u.y - u.width / 2, u.floor]));
slots = b.cut(slots, b.cylinder([u.end, u.y, u.floor], Z, u.width / 2, oz - u.floor + 1));
slots = b.cut(slots, b.box(ox + 2, u.stepY + 1, oz - u.stepZ + 1, [-1, -1, u.stepZ]));
// The slot along y = 50: a cutter of radius `h.radius` centred on that side, run from one end to the other.
slots = b.cut(slots, b.box(h.ends[1] - h.ends[0], h.radius + 1, oz - h.floor + 1, [h.ends[0], oy - h.radius, h.floor]));
for (const x of h.ends) slots = b.cut(slots, b.cylinder([x, oy, h.floor], Z, h.radius, oz - h.floor + 1));
slots = b.cut(slots, b.box(h.stepX + 1, oy + 2, oz - h.stepZ + 1, [-1, -1, h.stepZ]));
// One face per floor and wall, as a CAD system writes them (the tools' seams unified away).
slots = b.unify(slots);
write('one-wall-slots.step', slots);
write('one-wall-slots-rotated.step', rotated(slots));

const sw = F.splitWallSlot;
const [wy0, wy1] = sw.walls;
const wr = (wy1 - wy0) / 2;
let walled = b.box(sw.size[0], sw.size[1], sw.size[2]);
walled = b.cut(walled, b.box(sw.size[0] - sw.end + 1, wy1 - wy0, sw.size[2] - sw.floor + 1, [sw.end, wy0, sw.floor]));
walled = b.cut(walled, b.cylinder([sw.end, wy0 + wr, sw.floor], Z, wr, sw.size[2] - sw.floor + 1));
walled = b.unify(walled);
walled = b.cut(walled, b.cylinder([-1, wy1, sw.holeZ], [1, 0, 0], sw.hole / 2, sw.size[0] + 2));
write('split-wall-slot.step', walled);
write('split-wall-slot-rotated.step', rotated(walled));

const so = F.shortenedObround;
const sr = so.width / 2;
const shortenedTool = b.unify(
  b.fuse(
    b.fuse(
      b.box(so.ends[1] - so.ends[0], so.width, so.size[2] - so.floor + 1, [so.ends[0], so.y - sr, so.floor]),
      b.cylinder([so.ends[0], so.y, so.floor], Z, sr, so.size[2] - so.floor + 1),
    ),
    b.cylinder([so.ends[1], so.y, so.floor], Z, sr, so.size[2] - so.floor + 1),
  ),
);
let shortened = b.cut(b.box(so.size[0], so.size[1], so.size[2]), shortenedTool);
shortened = b.cut(shortened, b.box(so.size[0] - so.stepX + 1, so.size[1] + 2, so.size[2] - so.stepZ + 1, [so.stepX, -1, so.stepZ]));
write('shortened-obround.step', shortened);
write('shortened-obround-rotated.step', rotated(shortened));
