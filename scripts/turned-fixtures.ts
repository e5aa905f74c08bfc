/**
 * Turned-part fixtures (`npx tsx scripts/turned-fixtures.ts`, also run by `npm run fixtures`):
 * each part one profile revolved about z, as a lathe part is drawn. Axial bores that a drill,
 * counterbore or end mill makes (holes, with their steps) and an ID profile with an undercut
 * (turned work). Dimensions in test/turned-fixtures.ts.
 */
import { TURNED_FIXTURES } from '../test/turned-fixtures.ts';
import { b, rotated, write } from './fixture-kit.ts';

const { boredShaft: bs, counterboredBush: cb, groovedBush: gb, flattedShaft: fs } = TURNED_FIXTURES;

// The shaft's half section, (r, z) round the profile: the end-milled bore from z = 0, the outside,
// then the stepped drilled bore from z = length down to its point on the axis.
const tip = bs.top.drill / 2 / Math.tan(((bs.top.tipAngle / 2) * Math.PI) / 180);
const [cbDiameter, cbDepth] = bs.top.counterbore;
const [bottomDiameter, bottomDepth] = bs.bottom;
const shaft = b.revolved(0, 0, [
  [0, bottomDepth],
  [bottomDiameter / 2, bottomDepth],
  [bottomDiameter / 2, 0],
  [bs.diameter / 2, 0],
  [bs.diameter / 2, bs.length],
  [cbDiameter / 2, bs.length],
  [cbDiameter / 2, bs.length - cbDepth],
  [bs.top.drill / 2, bs.length - cbDepth],
  [bs.top.drill / 2, bs.length - bs.top.depth],
  [0, bs.length - bs.top.depth - tip],
]);
write('bored-shaft.step', shaft);
write('bored-shaft-rotated.step', rotated(shaft));

const bush = b.revolved(0, 0, [
  [cb.bottom[0] / 2, 0],
  [cb.diameter / 2, 0],
  [cb.diameter / 2, cb.length],
  [cb.top[0] / 2, cb.length],
  [cb.top[0] / 2, cb.length - cb.top[1]],
  [cb.bore / 2, cb.length - cb.top[1]],
  [cb.bore / 2, cb.bottom[1]],
  [cb.bottom[0] / 2, cb.bottom[1]],
]);
write('counterbored-bush.step', bush);
write('counterbored-bush-rotated.step', rotated(bush));

const [grooveDiameter, grooveWidth, grooveAt] = gb.groove;
const grooved = b.revolved(0, 0, [
  [gb.bore / 2, 0],
  [gb.diameter / 2, 0],
  [gb.diameter / 2, gb.length],
  [gb.bore / 2, gb.length],
  [gb.bore / 2, grooveAt + grooveWidth],
  [grooveDiameter / 2, grooveAt + grooveWidth],
  [grooveDiameter / 2, grooveAt],
  [gb.bore / 2, grooveAt],
]);
write('grooved-bush.step', grooved);
write('grooved-bush-rotated.step', rotated(grooved));

// Milled work on a turned shaft: two flats (one ending in a wall, one running out at the end) and a keyway.
const top = fs.bodyLength + fs.spigotLength;
let flatted = b.revolved(0, 0, [
  [0, 0],
  [fs.body / 2, 0],
  [fs.body / 2, fs.bodyLength],
  [fs.spigot / 2, fs.bodyLength],
  [fs.spigot / 2, top],
  [0, top],
]);
const [flatDepth, flatLength] = fs.flat;
flatted = b.cut(flatted, b.box(fs.body, fs.body + 2, flatLength + 1, [fs.body / 2 - flatDepth, -fs.body / 2 - 1, -1]));
const [dDepth, dLength] = fs.dFlat;
flatted = b.cut(flatted, b.box(fs.spigot, fs.spigot + 2, dLength + 1, [-fs.spigot / 2 - fs.spigot + dDepth, -fs.spigot / 2 - 1, top - dLength]));
const [keyWidth, keyDepth, keyFrom, keyTo] = fs.keyway;
flatted = b.cut(flatted, b.box(keyDepth + 1, keyWidth, keyTo - keyFrom, [-fs.body / 2 - 1, -keyWidth / 2, keyFrom]));
write('flatted-shaft.step', flatted);
write('flatted-shaft-rotated.step', rotated(flatted));
