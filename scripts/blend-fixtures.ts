/**
 * Blend fixtures (`npx tsx scripts/blend-fixtures.ts`, also run by `npm run fixtures`): a corner
 * where three rounded edges meet in a ball, a constant-radius blend along an ellipse (OCC makes it
 * a B-spline surface, as exporters write blends along curved edges), a variable-radius fillet, and
 * a pin whose top the rounding leaves a small flat.
 * Dimensions in test/blend-fixtures.ts.
 */
import { BLEND_FIXTURES as B } from '../test/blend-fixtures.ts';
import { b, both, near, rotated, where, write, Z } from './fixture-kit.ts';

// Corner: the edges x = 0 & y = 0, x = 0 & z = top, y = 0 & z = top rounded together.
{
  const { size, radius } = B.corner;
  const on = (p: readonly number[], a: number, v: number) => near(p[a]!, v);
  const corner = both((p) => (on(p, 0, 0) && on(p, 1, 0)) || (on(p, 0, 0) && on(p, 2, size[2])) || (on(p, 1, 0) && on(p, 2, size[2])));
  write(B.corner.file, b.fillet(b.box(size[0], size[1], size[2]), where(corner, radius)));
}

// Curved: an elliptic boss with its rim rounded, and a variable fillet on the plate's far top edge.
{
  const { size, boss, rimRadius, variable } = B.curved;
  const [bx, by, a, minor, h] = boss;
  const column = b.extrude(b.planarFace(b.ring([bx, by, size[2]], Z, a, minor, [1, 0, 0])), [0, 0, h]);
  let part = b.unify(b.fuse(b.box(size[0], size[1], size[2]), column));
  part = b.fillet(
    part,
    where(
      both((p) => near(p[2]!, size[2] + h)),
      rimRadius,
    ),
  );
  const ramp = both((p) => near(p[1]!, size[1]) && near(p[2]!, size[2]));
  write(B.curved.file, b.fillet(part, where(ramp, variable)));
}

// Patch: square pins beside a taller wall, their top edges rounded; the narrow one keeps a small flat.
{
  const { size, wall, pins, height, radius } = B.patch;
  let part = b.fuse(b.box(size[0], size[1], size[2]), b.box(size[0], wall[0], wall[1], [0, size[1] - wall[0], 0]));
  for (const [x, y, side] of pins) part = b.fuse(part, b.box(side, side, height, [x, y, size[2]]));
  part = b.fillet(
    b.unify(part),
    where(
      both((p) => near(p[2]!, size[2] + height)),
      radius,
    ),
  );
  write(B.patch.file, part);
  write(B.patch.file.replace('.step', '-rotated.step'), rotated(part));
}
