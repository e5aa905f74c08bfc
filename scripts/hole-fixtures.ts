/**
 * Hole fixtures drawn as real CAD exports draw them (`npx tsx scripts/hole-fixtures.ts`, also run
 * by `npm run fixtures`): faces split in halves, drill points, stepped bores, blends at a hole's
 * rim and floor. Dimensions in test/hole-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { CONE_HOLES, DRILLED_SHAFT, GROOVED_BORE, HOLE_FIXTURES } from '../test/hole-fixtures.ts';
import type { Point3 } from '../src/analysis/index.ts';
import { b, rotated, where, write, Z } from './fixture-kit.ts';

type Profile = readonly (readonly [number, number])[];

/** A profile revolved in two half turns: the hole's faces come out split in halves, as many exporters write them. */
function cutInHalves(shape: TopoDS_Shape, x: number, y: number, profile: Profile): TopoDS_Shape {
  return b.cut(b.cut(shape, b.revolved(x, y, profile, Math.PI, 0)), b.revolved(x, y, profile, Math.PI, Math.PI));
}

/** A z-cylinder tool whose bottom circle is rounded: it leaves a floor with a blended corner. */
function roundedTool(x: number, y: number, z: number, r: number, h: number, blend: number): TopoDS_Shape {
  return b.fillet(
    b.cylinder([x, y, z], Z, r, h),
    where((a, c) => a[2] === z && c[2] === z, blend),
  );
}

const d = HOLE_FIXTURES.drawn;
const top = d.size[2];
let plate = b.box(d.size[0], d.size[1], d.size[2]);

const dr = d.drilled;
const tip = dr.diameter / 2 / Math.tan(((dr.tipAngle / 2) * Math.PI) / 180);
plate = cutInHalves(plate, dr.at[0], dr.at[1], [
  [0, top + 1],
  [dr.diameter / 2, top + 1],
  [dr.diameter / 2, top - dr.depth],
  [0, top - dr.depth - tip],
]);

plate = b.cut(plate, b.cylinder([d.clearance.at[0], d.clearance.at[1], -1], Z, d.clearance.diameter / 2, top + 2));

const st = d.stepped;
plate = b.cut(
  plate,
  b.revolved(st.at[0], st.at[1], [
    [0, -1],
    [st.bottom[0] / 2, -1],
    [st.bottom[0] / 2, st.bottom[1]],
    [st.diameter / 2, st.bottom[1]],
    [st.diameter / 2, top - st.top[1]],
    [st.top[0] / 2, top - st.top[1]],
    [st.top[0] / 2, top + 1],
    [0, top + 1],
  ]),
);

const fc = d.filletedCounterbore;
plate = b.cut(plate, roundedTool(fc.at[0], fc.at[1], top - fc.counterbore[1], fc.counterbore[0] / 2, fc.counterbore[1] + 1, fc.radius));
plate = b.cut(plate, b.cylinder([fc.at[0], fc.at[1], -1], Z, fc.diameter / 2, top + 2));

const rb = d.rimBlend;
plate = b.cut(plate, b.cylinder([rb.at[0], rb.at[1], -1], Z, rb.diameter / 2, top + 2));
plate = b.fillet(
  plate,
  where((a, c) => a[2] === top && c[2] === top && Math.abs(Math.hypot(a[0]! - rb.at[0], a[1]! - rb.at[1]) - rb.diameter / 2) < 1e-6, rb.radius),
);

const fb = d.filletedBlind;
plate = b.cut(plate, roundedTool(fb.at[0], fb.at[1], top - fb.depth, fb.diameter / 2, fb.depth + 1, fb.radius));

write('drawn-holes.step', plate);
write('drawn-holes-rotated.step', rotated(plate));

/** A cylinder of radius r along `dir` from (x, y, z), h long. */
const cylinderAlong = (x: number, y: number, z: number, dir: Point3, r: number, h: number) => b.cylinder([x, y, z], dir, r, h);

/** A drill's cut from (0, 0, 0) along +z: Ø d, `depth` to where the 118° point begins. */
function drill(d: number, depth: number): TopoDS_Shape {
  const tip = d / 2 / Math.tan(((DRILLED_SHAFT.tipAngle / 2) * Math.PI) / 180);
  return b.revolved(0, 0, [
    [0, 0],
    [d / 2, 0],
    [d / 2, depth],
    [0, depth + tip],
  ]);
}

/** `shape` turned by `angle` about the x axis, then moved by (x, y, z). */
const placed = (shape: TopoDS_Shape, angle: number, x: number, y: number, z: number) => b.translate(b.rotate(shape, [1, 0, 0], angle), [x, y, z]);

const ds = DRILLED_SHAFT;
const R = ds.diameter / 2;
let shaft = b.cylinder([0, 0, 0], Z, R, ds.length);
shaft = b.cut(shaft, cylinderAlong(-R - 1, 0, ds.radial[0], [1, 0, 0], ds.radial[1] / 2, ds.diameter + 2));
// +z turned a quarter about x points along -y: in from the +y side.
shaft = b.cut(shaft, placed(drill(ds.radialBlind[1], ds.radialBlind[2] + 1), Math.PI / 2, 0, R + 1, ds.radialBlind[0]));
shaft = b.cut(shaft, placed(drill(ds.axial[0], ds.axial[1] + 1), Math.PI, 0, 0, ds.length + 1));
shaft = b.cut(shaft, cylinderAlong(0, -R - 1, ds.cross[0], [0, 1, 0], ds.cross[1] / 2, ds.diameter + 2));
write('drilled-shaft.step', shaft);
write('drilled-shaft-rotated.step', rotated(shaft));

const gb = GROOVED_BORE;
const gTop = gb.size[2];
const [gD, gWidth, gAt] = gb.groove;
const grooved = cutInHalves(b.box(gb.size[0], gb.size[1], gb.size[2]), gb.at[0], gb.at[1], [
  [0, -1],
  [gb.diameter / 2, -1],
  [gb.diameter / 2, gTop - gAt - gWidth],
  [gD / 2, gTop - gAt - gWidth],
  [gD / 2, gTop - gAt],
  [gb.diameter / 2, gTop - gAt],
  [gb.diameter / 2, gTop + 1],
  [0, gTop + 1],
]);
write('grooved-bore.step', grooved);
write('grooved-bore-rotated.step', rotated(grooved));

const ch = CONE_HOLES;
const cTop = ch.size[2];
const [sx, sy, sD, sAngle] = ch.spot;
const spotDepth = sD / 2 / Math.tan(((sAngle / 2) * Math.PI) / 180);
let coned = b.box(ch.size[0], ch.size[1], ch.size[2]);
// The tool's cone runs on 1 mm above the top, so the cut opens at exactly Ø sD.
coned = b.cut(
  coned,
  b.revolved(sx, sy, [
    [0, cTop - spotDepth],
    [sD / 2 + Math.tan(((sAngle / 2) * Math.PI) / 180), cTop + 1],
    [0, cTop + 1],
  ]),
);
const [tx, ty, tTop, tBottom] = ch.taper;
const slope = (tTop - tBottom) / 2 / cTop; // radius change per mm of depth
coned = b.cut(
  coned,
  b.revolved(tx, ty, [
    [0, -1],
    [tBottom / 2 - slope, -1],
    [tTop / 2 + slope, cTop + 1],
    [0, cTop + 1],
  ]),
);
write('cone-holes.step', coned);
write('cone-holes-rotated.step', rotated(coned));
await import('./drill-pass-fixtures.ts');
