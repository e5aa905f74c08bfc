/**
 * Round-ended slot fixtures (`npx tsx scripts/slot-fixtures.ts`, also run by `npm run fixtures`):
 * an obround cut through a plate with its ends split in quarters, a closed round-ended pocket
 * whose floor a hole breaks, a U-shaped notch through the plate. Dimensions in test/slot-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { SLOT_FIXTURES } from '../test/slot-fixtures.ts';
import { b, rotated, write, Z } from './fixture-kit.ts';

const o = SLOT_FIXTURES.obround;
const top = o.size[2];
let plate: TopoDS_Shape = b.box(o.size[0], o.size[1], o.size[2]);

// Through: the straight part, then each end as two half turns meeting at the slot's axis, so
// every half-round end is written as two quarter cylinders.
const [tx, ty, tLen, tWidth] = o.through;
const half = (tLen - tWidth) / 2;
plate = b.cut(plate, b.box(2 * half, tWidth, top + 2, [tx - half, ty - tWidth / 2, -1]));
for (const x of [tx - half, tx + half]) {
  const disk = [
    [0, -1],
    [tWidth / 2, -1],
    [tWidth / 2, top + 1],
    [0, top + 1],
  ] as const;
  plate = b.cut(b.cut(plate, b.revolved(x, ty, disk, Math.PI, 0)), b.revolved(x, ty, disk, Math.PI, Math.PI));
}

const [px, py, pLen, pWidth, pDepth] = o.pocket;
const pHalf = (pLen - pWidth) / 2;
// One tool (fused and unified), so the floor comes out as one face, as a CAD system writes it.
const pocketTool = b.unify(
  b.fuse(
    b.fuse(
      b.box(2 * pHalf, pWidth, pDepth + 1, [px - pHalf, py - pWidth / 2, top - pDepth]),
      b.cylinder([px - pHalf, py, top - pDepth], Z, pWidth / 2, pDepth + 1),
    ),
    b.cylinder([px + pHalf, py, top - pDepth], Z, pWidth / 2, pDepth + 1),
  ),
);
plate = b.cut(plate, pocketTool);
plate = b.cut(plate, b.cylinder([px, py, -1], Z, o.hole / 2, top + 2));

const [nx, nLen, nWidth] = o.notch;
const nEnd = o.size[1] - nLen + nWidth / 2; // centre of the half-round end
plate = b.cut(plate, b.box(nWidth, o.size[1] - nEnd + 1, top + 2, [nx - nWidth / 2, nEnd, -1]));
plate = b.cut(plate, b.cylinder([nx, nEnd, -1], Z, nWidth / 2, top + 2));

write('obround-slots.step', plate);
write('obround-slots-rotated.step', rotated(plate));
