/**
 * Round-ended slot fixtures (`npx tsx scripts/slot-fixtures.ts`, also run by `npm run fixtures`):
 * an obround cut through a plate with its ends split in quarters, a closed round-ended pocket
 * whose floor a hole breaks, a U-shaped notch through the plate. Dimensions in test/slot-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { SLOT_FIXTURES } from '../test/slot-fixtures.ts';
import { box, cut, fuse, oc, revolved, rotated, unify, write, zCylinder } from './fixture-kit.ts';

const o = SLOT_FIXTURES.obround;
const top = o.size[2];
let plate: TopoDS_Shape = box(0, 0, 0, o.size[0], o.size[1], o.size[2]);

// Through: the straight part, then each end as two half turns meeting at the slot's axis, so
// every half-round end is written as two quarter cylinders.
const [tx, ty, tLen, tWidth] = o.through;
const half = (tLen - tWidth) / 2;
plate = cut(plate, box(tx - half, ty - tWidth / 2, -1, 2 * half, tWidth, top + 2));
for (const x of [tx - half, tx + half]) {
  const disk = [
    [0, -1],
    [tWidth / 2, -1],
    [tWidth / 2, top + 1],
    [0, top + 1],
  ] as const;
  plate = cut(cut(plate, revolved(x, ty, disk, Math.PI, 0)), revolved(x, ty, disk, Math.PI, Math.PI));
}

const [px, py, pLen, pWidth, pDepth] = o.pocket;
const pHalf = (pLen - pWidth) / 2;
// One tool (fused and unified), so the floor comes out as one face, as a CAD system writes it.
const pocketTool = unify(
  fuse(
    fuse(
      box(px - pHalf, py - pWidth / 2, top - pDepth, 2 * pHalf, pWidth, pDepth + 1),
      zCylinder(px - pHalf, py, top - pDepth, pWidth / 2, pDepth + 1),
    ),
    zCylinder(px + pHalf, py, top - pDepth, pWidth / 2, pDepth + 1),
  ),
);
plate = cut(plate, pocketTool);
plate = cut(plate, zCylinder(px, py, -1, o.hole / 2, top + 2));

const [nx, nLen, nWidth] = o.notch;
const nEnd = o.size[1] - nLen + nWidth / 2; // centre of the half-round end
plate = cut(plate, box(nx - nWidth / 2, nEnd, -1, nWidth, o.size[1] - nEnd + 1, top + 2));
plate = cut(plate, zCylinder(nx, nEnd, -1, nWidth / 2, top + 2));

write(oc, 'obround-slots.step', plate);
write(oc, 'obround-slots-rotated.step', rotated(plate));
