/**
 * Hole fixtures of real parts' kinds (`npx tsx scripts/drill-pass-fixtures.ts`, also run by
 * scripts/hole-fixtures.ts): a cooling plate whose side-drilled channels cross, cones at hole
 * mouths (chamfers, lead-ins, countersinks), a countersink that runs through a thin sheet, and
 * holes that end in a slot or a pocket, and holes whose bottom is a sphere.
 * Dimensions in test/hole-fixtures.ts. Built with the project's shape builder alone.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { BALL_HOLES, COOLING_PLATE, HOLE_ENDS, HOLE_MOUTHS, SHEET_COUNTERSINK } from '../test/hole-fixtures.ts';
import { b, rotated, write } from './fixture-kit.ts';

type Profile = (readonly [number, number])[];

function save(name: string, shape: TopoDS_Shape): void {
  write(`${name}.step`, shape);
  write(`${name}-rotated.step`, rotated(shape));
}

/** A drill's cut along +z from z = -1: Ø d, to `depth` where its 118° point begins. */
function drill(d: number, depth: number, counterbore?: readonly [number, number]): Profile {
  const tip = d / 2 / Math.tan(((COOLING_PLATE.tipAngle / 2) * Math.PI) / 180);
  const entry: Profile = counterbore
    ? [
        [counterbore[0] / 2, -1],
        [counterbore[0] / 2, counterbore[1]],
      ]
    : [];
  return [[0, -1], ...entry, [d / 2, entry.length > 0 ? counterbore![1] : -1], [d / 2, depth], [0, depth + tip]];
}

const cp = COOLING_PLATE;
const mid = cp.size[2] / 2;
// A tool along z turned a quarter about y runs along +x; a quarter back about x, along +y.
const alongX = (tool: TopoDS_Shape, y: number) => b.translate(b.rotate(tool, [0, 1, 0], Math.PI / 2), [0, y, mid]);
const alongY = (tool: TopoDS_Shape, x: number) => b.translate(b.rotate(tool, [1, 0, 0], -Math.PI / 2), [x, 0, mid]);
let plate = b.box(...cp.size);
plate = b.cut(plate, alongX(b.revolved(0, 0, drill(cp.diameter, cp.a[1], cp.plug)), cp.a[0]));
plate = b.cut(plate, alongX(b.revolved(0, 0, drill(cp.diameter, cp.b[1])), cp.b[0]));
plate = b.cut(plate, alongY(b.revolved(0, 0, drill(cp.diameter, cp.c[1])), cp.c[0]));
save('cooling-plate', plate);

const hm = HOLE_MOUTHS;
const top = hm.size[2];
const y = hm.size[1] / 2;
let mouths = b.box(...hm.size);
{
  const [x, d, leg] = hm.bore;
  mouths = b.cut(
    mouths,
    b.revolved(x, y, [
      [0, -1],
      [d / 2, -1],
      [d / 2, top - leg],
      [d / 2 + leg + 1, top + 1],
      [0, top + 1],
    ]),
  );
}
{
  const [x, d, chamferD] = hm.leadIn;
  const leg = (chamferD - d) / 2;
  mouths = b.cut(
    mouths,
    b.revolved(x, y, [
      [0, -1],
      [d / 2, -1],
      [d / 2, top - leg],
      [chamferD / 2 + 1, top + 1],
      [0, top + 1],
    ]),
  );
}
{
  const [x, d, sinkD, leg] = hm.countersink;
  mouths = b.cut(
    mouths,
    b.revolved(x, y, [
      [0, -1],
      [d / 2 + leg + 1, -1],
      [d / 2, leg],
      [d / 2, top - (sinkD - d) / 2],
      [sinkD / 2 + 1, top + 1],
      [0, top + 1],
    ]),
  );
}
{
  const [x, d, cbD, cbDepth, leg] = hm.counterbore;
  mouths = b.cut(
    mouths,
    b.revolved(x, y, [
      [0, -1],
      [d / 2, -1],
      [d / 2, top - cbDepth],
      [cbD / 2, top - cbDepth],
      [cbD / 2, top - leg],
      [cbD / 2 + leg + 1, top + 1],
      [0, top + 1],
    ]),
  );
}
save('hole-mouths', mouths);

const sc = SHEET_COUNTERSINK;
const grow = Math.tan(((sc.angle / 2) * Math.PI) / 180); // radius gained per mm of depth
const sheet = b.cut(
  b.box(...sc.size),
  b.revolved(sc.at[0], sc.at[1], [
    [0, -1],
    [sc.diameter / 2 - grow, -1],
    [sc.diameter / 2 + grow * (sc.size[2] + 1), sc.size[2] + 1],
    [0, sc.size[2] + 1],
  ]),
);
save('countersunk-sheet', sheet);

const he = HOLE_ENDS;
const [sy0, sy1, sh] = he.slot;
const [px0, px1, py0, py1, pz] = he.pocket;
let ends = b.box(...he.size);
ends = b.cut(ends, b.box(he.size[0] + 2, sy1 - sy0, sh + 1, [-1, sy0, -1]));
ends = b.cut(ends, b.box(px1 - px0, py1 - py0, he.size[2] - pz + 1, [px0, py0, pz]));
for (const [x, y, d] of [he.intoSlot, he.floorToSlot]) ends = b.cut(ends, b.cylinder([x, y, 0], [0, 0, 1], d / 2, he.size[2] + 1));
{
  const [x, y, d, depth] = he.blindInFloor;
  // The drill profile runs up from z = -1: turned over, it comes down from the floor.
  const tool = b.rotate(b.revolved(0, 0, drill(d, depth)), [1, 0, 0], Math.PI);
  ends = b.cut(ends, b.translate(tool, [x, y, pz]));
}
save('hole-ends', ends);

const bh = BALL_HOLES;
const sphere = (x: number, y: number, z: number, r: number) => b.sphere([x, y, z], r);
let balls = b.box(...bh.size);
{
  const [x, y, d, depth] = bh.ballEnd;
  const z = bh.size[2] - depth;
  balls = b.cut(balls, b.fuse(b.cylinder([x, y, z], [0, 0, 1], d / 2, depth + 1), sphere(x, y, z, d / 2)));
}
{
  const [x, y, r, depth] = bh.dimple;
  balls = b.cut(balls, sphere(x, y, bh.size[2] - depth + r, r));
}
save('ball-holes', balls);
