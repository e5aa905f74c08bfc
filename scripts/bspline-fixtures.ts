/**
 * The B-spline fixture pair (`npx tsx scripts/bspline-fixtures.ts`, also run by `npm run
 * fixtures`): the same block with a rounded edge, a rim-blended hole, a countersunk hole and a
 * pocket, once from OCC's analytic primitives and once from lofts through three equal sections.
 * OCC makes planes from a loft through two equal sections but approximates three with B-spline
 * surfaces, and writes their edges as B-spline curves: the planes, cylinders and cone of that
 * variant, and the tori its rim blend gets, reach the STEP file as B-splines, as many exporters
 * write them. Dimensions in test/bspline-fixtures.ts.
 */
import type { TopoDS_Shape, TopoDS_Wire } from 'replicad-opencascadejs';
import { BSPLINE_FIXTURES as B } from '../test/bspline-fixtures.ts';
import { b, near, rotated, write, Z } from './fixture-kit.ts';

const rectangle = (x: number, y: number, z: number, dx: number, dy: number): TopoDS_Wire =>
  b.polygon([
    [x, y, z],
    [x + dx, y, z],
    [x + dx, y + dy, z],
    [x, y + dy, z],
  ]);

const circle = (x: number, y: number, z: number, r: number): TopoDS_Wire => b.ring([x, y, z], Z, r);

/** A solid through the sections at z0, a third of the way and z1 (three, so OCC fits B-splines). */
const loft = (section: (z: number, f: number) => TopoDS_Wire, z0: number, z1: number): TopoDS_Shape =>
  b.loft([0, 0.35, 1].map((f) => section(z0 + f * (z1 - z0), f)));

/** Rounds the vertical edge at x = y = 0 and the hole's top rim. */
function blend(shape: TopoDS_Shape): TopoDS_Shape {
  const top = B.size[2];
  const [hx, hy, hd] = B.hole;
  return b.fillet(shape, (a, c) => {
    if (near(a[0], 0) && near(a[1], 0) && near(c[0], 0) && near(c[1], 0)) return B.edgeRadius;
    if (near(a[2], top) && near(c[2], top) && Math.abs(Math.hypot(a[0] - hx, a[1] - hy) - hd / 2) < 1e-3) return B.rimRadius;
    return undefined;
  });
}

function build(kind: 'analytic' | 'bspline'): TopoDS_Shape {
  const [sx, sy, top] = B.size;
  const [hx, hy, hd] = B.hole;
  const [cx, cy, cd, csd] = B.countersink;
  const [px, py, pw, pl, depth] = B.pocket;
  const sink = (csd - cd) / 2; // 90°: as deep as the radius grows
  if (kind === 'analytic') {
    let s = b.box(sx, sy, top);
    s = b.cut(
      s,
      b.revolved(hx, hy, [
        [0, -1],
        [hd / 2, -1],
        [hd / 2, top + 1],
        [0, top + 1],
      ]),
    );
    s = b.cut(s, b.box(pw, pl, depth + 1, [px, py, top - depth]));
    s = b.cut(
      s,
      b.revolved(cx, cy, [
        [0, -1],
        [cd / 2, -1],
        [cd / 2, top - sink],
        [csd / 2 + 1, top + 1],
        [0, top + 1],
      ]),
    );
    return blend(s);
  }
  let s = loft((z) => rectangle(0, 0, z, sx, sy), 0, top);
  s = b.cut(
    s,
    loft((z) => circle(hx, hy, z, hd / 2), -1, top + 1),
  );
  s = b.cut(
    s,
    loft((z) => rectangle(px, py, z, pw, pl), top - depth, top + 1),
  );
  // The countersink's cone from a loft of growing circles, then the drilled hole.
  s = b.cut(
    s,
    loft((z, f) => circle(cx, cy, z, cd / 2 + f * (sink + 1)), top - sink, top + 1),
  );
  s = b.cut(
    s,
    loft((z) => circle(cx, cy, z, cd / 2), -1, top + 1),
  );
  return blend(s);
}

for (const kind of ['analytic', 'bspline', 'rotated'] as const) {
  write(B.files[kind], kind === 'rotated' ? rotated(build('bspline')) : build(kind));
}
