/**
 * Chamfer fixtures (`npx tsx scripts/chamfer-fixtures.ts`, also run by `npm run fixtures`):
 * conical chamfers on a boss (convex at its rim, concave at its foot), a chamfer chain running on
 * around the rounded corners of a filleted box (equal and unequal legs), and one turning the
 * concave corner of an L-shaped block, a stepped window whose ledge a bevel took whole (plain,
 * and cut across by slots), a pocket whose floor edges are chamfered, through holes chamfered
 * at both mouths, an elliptic boss chamfered at its rim and foot, and a pocket and a slot whose
 * rims are chamfered. Dimensions in
 * test/chamfer-fixtures.ts.
 */
import type { TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { CHAMFER_FIXTURES as C } from '../test/chamfer-fixtures.ts';
import { b, both, near, rotated, where, write, Z, zPrism } from './fixture-kit.ts';

/** The plane face of `shape` at height z. */
function horizontalFace(shape: TopoDS_Shape, z: number): TopoDS_Face {
  const face = b.faceWhere(shape, (kind, middle) => kind === 'Plane' && near(middle[2], z));
  if (!face) throw new Error(`no horizontal face at z = ${z}`);
  return face;
}

// Boss: rim and foot circles chamfered.
{
  const { size, boss, rim, foot } = C.boss;
  const [bx, by, bd, bh] = boss;
  const part = b.unify(b.fuse(b.box(size[0], size[1], size[2]), b.cylinder([bx, by, size[2]], Z, bd / 2, bh)));
  const onCircle = (z: number) => both(([x, y, pz]) => near(pz!, z) && near(Math.hypot(x! - bx, y! - by), bd / 2));
  write(C.boss.file, b.chamfer(part, where(onCircle(size[2] + bh), rim), where(onCircle(size[2]), foot)));
}

// Filleted box: rounded vertical edges, then the top and bottom outlines chamfered.
{
  const { size, cornerRadius, top, bottom } = C.filletedBox;
  const vertical = (a: readonly number[], c: readonly number[]) => near(a[0]!, c[0]!) && near(a[1]!, c[1]!) && !near(a[2]!, c[2]!);
  const part = b.fillet(b.box(size[0], size[1], size[2]), where(vertical, cornerRadius));
  // One straight edge of each outline: the chamfer propagates along the tangent chain.
  const topEdge = both(([, y, z]) => near(y!, 0) && near(z!, size[2]));
  const bottomEdge = both(([, y, z]) => near(y!, 0) && near(z!, 0));
  const chamfered = b.chamfer(part, where(topEdge, top), where(bottomEdge, { legs: bottom, face: horizontalFace(part, 0) }));
  write(C.filletedBox.file, chamfered);
  write(C.filletedBox.rotated, rotated(chamfered));
}

// L-block: every top outline edge chamfered.
{
  const { size, notch, top } = C.lBlock;
  const part = b.unify(
    b.cut(b.box(size[0], size[1], size[2]), b.box(notch[0] + 1, notch[1] + 1, size[2] + 2, [size[0] - notch[0], size[1] - notch[1], -1])),
  );
  write(
    C.lBlock.file,
    b.chamfer(
      part,
      where(
        both(([, , z]) => near(z!, size[2])),
        top,
      ),
    ),
  );
}

// Stepped window: the upper opening, the bevel from its floor's outline down to the lower
// opening's (a ruled loft between two rectangles), the lower opening through; then slots.
{
  const { size, upper, upperDepth, lower, ledge, drop, slots } = C.ledgeWindow;
  const [cx, cy, top] = [size[0] / 2, size[1] / 2, size[2]];
  const rect = ([w, h]: readonly [number, number], z: number) =>
    b.polygon([
      [cx - w / 2, cy - h / 2, z],
      [cx + w / 2, cy - h / 2, z],
      [cx + w / 2, cy + h / 2, z],
      [cx - w / 2, cy + h / 2, z],
    ]);
  const centred = ([w, h]: readonly [number, number]): [number, number][] => [
    [cx - w / 2, cy - h / 2],
    [cx + w / 2, cy - h / 2],
    [cx + w / 2, cy + h / 2],
    [cx - w / 2, cy + h / 2],
  ];
  if (!near(upper[0] - lower[0], 2 * ledge) || !near(upper[1] - lower[1], 2 * ledge)) throw new Error('the ledge is not `ledge` wide all round');
  const ledgeZ = top - upperDepth;
  const bevel = b.loft([rect(upper, ledgeZ), rect(lower, ledgeZ - drop)], true);
  const tool = b.fuse(b.fuse(zPrism(centred(upper), ledgeZ, upperDepth + 1), bevel), zPrism(centred(lower), -1, ledgeZ - drop + 1));
  const window = b.unify(b.cut(b.box(size[0], size[1], size[2]), tool));
  write(C.ledgeWindow.file, window);
  // Slots out of both long sides (along y), evenly spaced, through the plate, past the upper wall.
  const [count, width, reach] = slots;
  let slotted = window;
  for (let i = 1; i <= count; i++) {
    const x = cx - lower[0] / 2 + (i * lower[0]) / (count + 1);
    for (const [y0, y1] of [
      [cy - lower[1] / 2 - reach, cy - lower[1] / 2 + 1],
      [cy + lower[1] / 2 - 1, cy + lower[1] / 2 + reach],
    ] as const) {
      const slot = zPrism(
        [
          [x - width / 2, y0],
          [x + width / 2, y0],
          [x + width / 2, y1],
          [x - width / 2, y1],
        ],
        -1,
        top + 2,
      );
      slotted = b.cut(slotted, slot);
    }
  }
  slotted = b.unify(slotted);
  write(C.ledgeWindow.slotted, slotted);
  write(C.ledgeWindow.rotated, rotated(slotted));
  // Rounded corners: the same window with concentric corner arcs, the bevel a cone round each.
  const roundedRect = ([w, h]: readonly [number, number], r: number, z: number) => {
    const [x0, x1, y0, y1] = [cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2];
    const s = Math.SQRT1_2 * r;
    return b.outline(
      [x0 + r, y0, z],
      [
        { to: [x1 - r, y0, z] },
        { to: [x1, y0 + r, z], via: [x1 - r + s, y0 + r - s, z] },
        { to: [x1, y1 - r, z] },
        { to: [x1 - r, y1, z], via: [x1 - r + s, y1 - r + s, z] },
        { to: [x0 + r, y1, z] },
        { to: [x0, y1 - r, z], via: [x0 + r - s, y1 - r + s, z] },
        { to: [x0, y0 + r, z] },
        { to: [x0 + r, y0, z], via: [x0 + r - s, y0 + r - s, z] },
      ],
    );
  };
  const r = C.ledgeWindow.cornerRadius;
  const prism = (wire: ReturnType<typeof roundedRect>, h: number) => b.extrude(b.planarFace(wire), [0, 0, h]);
  const roundedTool = b.fuse(
    b.fuse(
      prism(roundedRect(upper, r + ledge, ledgeZ), upperDepth + 1),
      b.loft([roundedRect(upper, r + ledge, ledgeZ), roundedRect(lower, r, ledgeZ - drop)], true),
    ),
    prism(roundedRect(lower, r, -1), ledgeZ - drop + 1),
  );
  const rounded = b.unify(b.cut(b.box(size[0], size[1], size[2]), roundedTool));
  write(C.ledgeWindow.rounded, rounded);
  write(C.ledgeWindow.roundedRotated, rotated(rounded));
}

// Through holes chamfered 45° at both mouths: each one revolved profile (bore, two cones).
{
  const { size, holes } = C.bothEnds;
  const top = size[2];
  let plate = b.box(size[0], size[1], size[2]);
  for (const [x, d, topLeg, bottomLeg] of holes) {
    const r = d / 2;
    plate = b.cut(
      plate,
      b.revolved(x, size[1] / 2, [
        [0, -1],
        [r + bottomLeg + 1, -1],
        [r, bottomLeg],
        [r, top - topLeg],
        [r + topLeg + 1, top + 1],
        [0, top + 1],
      ]),
    );
  }
  write(C.bothEnds.file, plate);
  write(C.bothEnds.rotated, rotated(plate));
}

// Pocket with its floor edges chamfered all round.
{
  const { size, pocket, floor } = C.pocketFloor;
  const [x, y, length, width, depth] = pocket;
  const floorZ = size[2] - depth;
  const part = b.cut(b.box(size[0], size[1], size[2]), b.box(length, width, depth + 1, [x, y, floorZ]));
  const onFloor = both(
    ([px, py, pz]) => near(pz!, floorZ) && px! >= x - 1e-6 && px! <= x + length + 1e-6 && py! >= y - 1e-6 && py! <= y + width + 1e-6,
  );
  const chamfered = b.chamfer(part, where(onFloor, floor));
  write(C.pocketFloor.file, chamfered);
  write(C.pocketFloor.rotated, rotated(chamfered));
}

// A pocket and a slot through, each with its rim (top edges) chamfered.
{
  const { size, pocket, slot } = C.rimChamfered;
  const [px, py, length, width, depth, pocketLeg] = pocket;
  const [sx, slotWidth, slotDepth, slotLeg] = slot;
  const top = size[2];
  const block = b.box(size[0], size[1], size[2]);
  const withPocket = b.cut(block, b.box(length, width, depth + 1, [px, py, top - depth]));
  const part = b.unify(b.cut(withPocket, b.box(slotWidth, size[1] + 2, slotDepth + 1, [sx, -1, top - slotDepth])));
  const inPocket = ([x, y]: readonly number[]) => x! > px - 1e-6 && x! < px + length + 1e-6 && y! > py - 1e-6 && y! < py + width + 1e-6;
  const pocketRim = both((p) => near(p[2]!, top) && inPocket(p));
  // The slot's rim runs along y at its two walls; the top's outline edges end off them.
  const slotRim = (a: readonly number[], c: readonly number[]) =>
    near(a[2]!, top) && near(c[2]!, top) && near(a[0]!, c[0]!) && (near(a[0]!, sx) || near(a[0]!, sx + slotWidth));
  const chamfered = b.chamfer(part, where(pocketRim, pocketLeg), where(slotRim, slotLeg));
  write(C.rimChamfered.file, chamfered);
  write(C.rimChamfered.rotated, rotated(chamfered));
}

// Elliptic boss: rim and foot chamfered along the ellipse.
{
  const { size, boss, rim, foot } = C.ellipticBoss;
  const [bx, by, a, minor, h] = boss;
  const column = b.extrude(b.planarFace(b.ring([bx, by, size[2]], Z, a, minor, [1, 0, 0])), [0, 0, h]);
  const part = b.unify(b.fuse(b.box(size[0], size[1], size[2]), column));
  // Points on the ellipse at height z (its foot or its rim).
  const onEllipse = (z: number) => both(([x, y, pz]) => near(pz!, z) && Math.abs(((x! - bx) / a) ** 2 + ((y! - by) / minor) ** 2 - 1) < 1e-6);
  const chamfered = b.chamfer(part, where(onEllipse(size[2] + h), rim), where(onEllipse(size[2]), foot));
  write(C.ellipticBoss.file, chamfered);
  write(C.ellipticBoss.rotated, rotated(chamfered));
}
