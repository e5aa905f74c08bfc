/**
 * Sheet-metal fixtures (`npx tsx scripts/sheet-fixtures.ts`, also run by `npm run fixtures`).
 * Dimensions in test/sheet-fixtures.ts.
 */
import { SHEET_FIXTURES } from '../test/sheet-fixtures.ts';
import { b, rotated, write } from './fixture-kit.ts';

// A U bent wide: the bend (half a turn about z) with a straight leg on each end along −y.
const { uBend: u } = SHEET_FIXTURES;
const [r, t] = [u.radius, u.thickness];
const bend = b.revolved(
  0,
  0,
  [
    [r, 0],
    [r + t, 0],
    [r + t, u.width],
    [r, u.width],
  ],
  Math.PI,
  0,
);
let uBend = b.unify(b.fuse(b.fuse(bend, b.box(t, u.leg, u.width, [r, -u.leg, 0])), b.box(t, u.leg, u.width, [-r - t, -u.leg, 0])));
uBend = b.cut(uBend, b.cylinder([r - 1, -u.leg / 2, u.width / 2], [1, 0, 0], u.hole / 2, t + 2));
write('u-bend.step', uBend);
write('u-bend-rotated.step', rotated(uBend));
