/**
 * Bosses that the plate's outline runs into (`npx tsx scripts/boss-fixtures.ts`, also run by
 * `npm run fixtures`): a hub drawn tangent to its plate, as link plates and levers are modelled.
 * Dimensions in test/boss-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { BOSS_FIXTURES as B } from '../test/boss-fixtures.ts';
import { box, cut, fuse, rotated, unify, write, oc, zCylinder, zPrism } from './fixture-kit.ts';

// The outline: both end circles and the quadrilateral between their outer tangent points
// (a tangent touches each circle at the angle whose cosine is (R − r) / length from +x).
const { hubRadius: R, tailRadius: r, length: L, thickness: t } = B.hubPlate;
const c = (R - r) / L;
const s = Math.sqrt(1 - c * c);
const between = zPrism(
  [
    [R * c, -R * s],
    [L + r * c, -r * s],
    [L + r * c, r * s],
    [R * c, R * s],
  ],
  0,
  t,
);
const outline = unify(fuse(fuse(zCylinder(0, 0, 0, R, t), zCylinder(L, 0, 0, r, t)), between));
const fused = fuse(outline, zCylinder(0, 0, t, R, B.hubPlate.hubHeight - t));
const bored = (shape: TopoDS_Shape) =>
  cut(cut(shape, zCylinder(0, 0, -1, B.hubPlate.bore / 2, B.hubPlate.hubHeight + 2)), zCylinder(L, 0, -1, B.hubPlate.tailHole / 2, t + 2));
// Unified, the hub's wall and the outline below it are one cylinder face; the hub fused onto the
// finished plate keeps them two faces that meet at the plate's top, as some exporters write it.
const plate = bored(unify(fused));
write(oc, 'hub-plate.step', plate);
write(oc, 'hub-plate-rotated.step', rotated(plate));
write(oc, 'hub-plate-split.step', bored(fused));

// Studs with cuts in their tops: a hole off the axis, a slot cut in from beside.
const cs = B.cutStuds;
const [cx, cy, cz] = cs.plate;
const [[ax, ay], [bx, by]] = cs.studs;
let studs = unify(
  fuse(fuse(box(0, 0, 0, cx, cy, cz), zCylinder(ax, ay, cz, cs.stud / 2, cs.studHeight)), zCylinder(bx, by, cz, cs.stud / 2, cs.studHeight)),
);
studs = cut(studs, zCylinder(ax + cs.holeOffset, ay, cz + cs.studHeight - cs.holeDepth, cs.hole / 2, cs.holeDepth + 1));
const [pw, pd] = cs.pocket;
studs = cut(studs, box(bx, by - pw / 2, cz + cs.studHeight - pd, cs.stud, pw, pd + 1));
write(oc, 'cut-studs.step', studs);
write(oc, 'cut-studs-rotated.step', rotated(studs));
