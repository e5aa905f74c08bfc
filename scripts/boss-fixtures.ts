/**
 * Bosses that the plate's outline runs into (`npx tsx scripts/boss-fixtures.ts`, also run by
 * `npm run fixtures`): a hub drawn tangent to its plate, as link plates and levers are modelled.
 * Dimensions in test/boss-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { BOSS_FIXTURES as B } from '../test/boss-fixtures.ts';
import { b, rotated, write, Z } from './fixture-kit.ts';

// The outline: both end circles and the quadrilateral between their outer tangent points
// (a tangent touches each circle at the angle whose cosine is (R − r) / length from +x).
const { hubRadius: R, tailRadius: r, length: L, thickness: t } = B.hubPlate;
const c = (R - r) / L;
const s = Math.sqrt(1 - c * c);
const corners = b.polygon([
  [R * c, -R * s, 0],
  [L + r * c, -r * s, 0],
  [L + r * c, r * s, 0],
  [R * c, R * s, 0],
]);
const between = b.extrude(b.planarFace(corners), [0, 0, t]);
const outline = b.unify(b.fuse(b.fuse(b.cylinder([0, 0, 0], Z, R, t), b.cylinder([L, 0, 0], Z, r, t)), between));
const fused = b.fuse(outline, b.cylinder([0, 0, t], Z, R, B.hubPlate.hubHeight - t));
const bored = (shape: TopoDS_Shape) =>
  b.cut(
    b.cut(shape, b.cylinder([0, 0, -1], Z, B.hubPlate.bore / 2, B.hubPlate.hubHeight + 2)),
    b.cylinder([L, 0, -1], Z, B.hubPlate.tailHole / 2, t + 2),
  );
// Unified, the hub's wall and the outline below it are one cylinder face; the hub fused onto the
// finished plate keeps them two faces that meet at the plate's top, as some exporters write it.
const plate = bored(b.unify(fused));
write('hub-plate.step', plate);
write('hub-plate-rotated.step', rotated(plate));
write('hub-plate-split.step', bored(fused));

// Studs with cuts in their tops: a hole off the axis, a slot cut in from beside.
const cs = B.cutStuds;
const [cx, cy, cz] = cs.plate;
const [[ax, ay], [bx, by]] = cs.studs;
let studs = b.unify(
  b.fuse(b.fuse(b.box(cx, cy, cz), b.cylinder([ax, ay, cz], Z, cs.stud / 2, cs.studHeight)), b.cylinder([bx, by, cz], Z, cs.stud / 2, cs.studHeight)),
);
studs = b.cut(studs, b.cylinder([ax + cs.holeOffset, ay, cz + cs.studHeight - cs.holeDepth], Z, cs.hole / 2, cs.holeDepth + 1));
const [pw, pd] = cs.pocket;
studs = b.cut(studs, b.box(cs.stud, pw, pd + 1, [bx, by - pw / 2, cz + cs.studHeight - pd]));
write('cut-studs.step', studs);
write('cut-studs-rotated.step', rotated(studs));
