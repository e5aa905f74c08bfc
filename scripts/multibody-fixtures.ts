/**
 * Multi-body fixtures (`npx tsx scripts/multibody-fixtures.ts`, also run by `npm run fixtures`):
 * several solids written in one STEP file. Dimensions in test/multibody-fixtures.ts.
 */
import { MULTIBODY_FIXTURES } from '../test/multibody-fixtures.ts';
import { b, rotated, write, Z } from './fixture-kit.ts';

const { twoPlates: tp } = MULTIBODY_FIXTURES;
const [dx, dy, dz] = tp.size;
const drilled = (x: number, y: number) => b.cylinder([x, y, -1], Z, tp.hole / 2, dz + 2);
const first = b.cut(b.box(dx, dy, dz), drilled(dx / 2, dy / 2));
const x0 = dx + tp.gap;
const second = b.cut(b.cut(b.box(dx, dy, dz, [x0, 0, 0]), drilled(x0 + dx / 2, dy / 2 - tp.pitch / 2)), drilled(x0 + dx / 2, dy / 2 + tp.pitch / 2));
const plates = b.compound(first, second);
write('two-plates.step', plates);
write('two-plates-rotated.step', rotated(plates));
