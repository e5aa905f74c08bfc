/**
 * Hole fixtures drawn as real CAD exports draw them (`npx tsx scripts/hole-fixtures.ts`, also run
 * by `npm run fixtures`): faces split in halves, drill points, stepped bores, blends at a hole's
 * rim and floor. Dimensions in test/hole-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { HOLE_FIXTURES } from '../test/hole-fixtures.ts';
import { box, cut, filletEdges, oc, revolved, rotated, write, zCylinder } from './fixture-kit.ts';

type Profile = readonly (readonly [number, number])[];

/** A profile revolved in two half turns: the hole's faces come out split in halves, as many exporters write them. */
function cutInHalves(shape: TopoDS_Shape, x: number, y: number, profile: Profile): TopoDS_Shape {
  return cut(cut(shape, revolved(x, y, profile, Math.PI, 0)), revolved(x, y, profile, Math.PI, Math.PI));
}

/** A z-cylinder tool whose bottom circle is rounded: it leaves a floor with a blended corner. */
function roundedTool(x: number, y: number, z: number, r: number, h: number, blend: number): TopoDS_Shape {
  return filletEdges(zCylinder(x, y, z, r, h), blend, (a, b) => a[2] === z && b[2] === z);
}

const d = HOLE_FIXTURES.drawn;
const top = d.size[2];
let plate = box(0, 0, 0, d.size[0], d.size[1], d.size[2]);

const dr = d.drilled;
const tip = dr.diameter / 2 / Math.tan(((dr.tipAngle / 2) * Math.PI) / 180);
plate = cutInHalves(plate, dr.at[0], dr.at[1], [[0, top + 1], [dr.diameter / 2, top + 1], [dr.diameter / 2, top - dr.depth], [0, top - dr.depth - tip]]);

plate = cut(plate, zCylinder(d.clearance.at[0], d.clearance.at[1], -1, d.clearance.diameter / 2, top + 2));

const st = d.stepped;
plate = cut(plate, revolved(st.at[0], st.at[1], [
  [0, -1], [st.bottom[0] / 2, -1], [st.bottom[0] / 2, st.bottom[1]], [st.diameter / 2, st.bottom[1]],
  [st.diameter / 2, top - st.top[1]], [st.top[0] / 2, top - st.top[1]], [st.top[0] / 2, top + 1], [0, top + 1],
]));

const fc = d.filletedCounterbore;
plate = cut(plate, roundedTool(fc.at[0], fc.at[1], top - fc.counterbore[1], fc.counterbore[0] / 2, fc.counterbore[1] + 1, fc.radius));
plate = cut(plate, zCylinder(fc.at[0], fc.at[1], -1, fc.diameter / 2, top + 2));

const rb = d.rimBlend;
plate = cut(plate, zCylinder(rb.at[0], rb.at[1], -1, rb.diameter / 2, top + 2));
plate = filletEdges(plate, rb.radius, (a, b) => a[2] === top && b[2] === top && Math.abs(Math.hypot(a[0]! - rb.at[0], a[1]! - rb.at[1]) - rb.diameter / 2) < 1e-6);

const fb = d.filletedBlind;
plate = cut(plate, roundedTool(fb.at[0], fb.at[1], top - fb.depth, fb.diameter / 2, fb.depth + 1, fb.radius));

write(oc, 'drawn-holes.step', plate);
write(oc, 'drawn-holes-rotated.step', rotated(plate));
