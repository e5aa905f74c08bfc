/**
 * Dimensions of the chamfer fixtures (scripts/chamfer-fixtures.ts): chamfers that are not one
 * plane between two planes.
 */
export const CHAMFER_FIXTURES = {
  /**
   * A plate with a round boss [x, y, Ø, height] on its top: the boss's top rim chamfered
   * `rim` × 45° (a convex cone) and its foot `foot` × 45° (a concave cone, an inside corner).
   */
  boss: { file: 'chamfer-boss.step', size: [80, 60, 10] as const, boss: [30, 30, 20, 8] as const, rim: 1.5, foot: 1 },
  /**
   * A block whose four vertical edges are rounded to `cornerRadius`; its top outline chamfered
   * `top` × 45° (planes along the sides, cones around the rounds: one chain), its bottom outline
   * with unequal legs, `bottom[0]` on the bottom face and `bottom[1]` up the sides.
   */
  filletedBox: {
    file: 'chamfer-filleted-box.step',
    rotated: 'chamfer-filleted-box-rotated.step',
    size: [60, 40, 20] as const,
    cornerRadius: 5,
    top: 2,
    bottom: [3, 1.5] as const,
  },
  /** An L-shaped block (a `notch` [x-size, y-size] taken out of one corner) with its top outline chamfered `top` × 45°: the chain turns a concave corner. */
  lBlock: { file: 'chamfer-l-block.step', size: [50, 40, 15] as const, notch: [20, 15] as const, top: 1.2 },
  /**
   * A plate with a stepped window through it: an `upper` [x, y] opening `upperDepth` deep, then a
   * `lower` one through, centred; the ledge between them (`ledge` wide all round) chamfered away
   * whole: the bevel runs from the upper wall straight down to the lower wall, `drop` below the
   * ledge (legs `ledge` on the ledge, `drop` down the lower wall). `slotted`: the same window with
   * `slots` [count, width, reach] through slots out of each long side, across the bevel and into
   * the upper wall, so the bevel is left in pieces shorter than its width. `rounded`: the window's
   * corners rounded, the lower opening's to `cornerRadius` and the upper's concentric with them, so
   * the bevel turns each corner as a cone.
   */
  ledgeWindow: {
    file: 'chamfer-ledge-window.step',
    slotted: 'chamfer-ledge-window-slotted.step',
    rotated: 'chamfer-ledge-window-slotted-rotated.step',
    rounded: 'chamfer-ledge-window-rounded.step',
    roundedRotated: 'chamfer-ledge-window-rounded-rotated.step',
    cornerRadius: 4,
    size: [60, 40, 12] as const,
    upper: [40, 26] as const,
    upperDepth: 4,
    lower: [34, 20] as const,
    ledge: 3,
    drop: 2,
    slots: [5, 3, 5] as const,
  },
  /**
   * A plate with an elliptic boss [x, y, semi-axis a, semi-axis b, height] (x-axis along a), its
   * top rim chamfered `rim` × 45° and its foot `foot` × 45°: bevels along a curve that is no
   * circle, ruled surfaces the engine writes as B-splines.
   */
  ellipticBoss: {
    file: 'chamfer-elliptic-boss.step',
    rotated: 'chamfer-elliptic-boss-rotated.step',
    size: [80, 60, 10] as const,
    boss: [30, 30, 15, 9, 8] as const,
    rim: 1.5,
    foot: 1,
  },
  /**
   * A block with a closed `pocket` [x, y, length, width, depth] whose floor edges are chamfered
   * `floor` × 45° all round (a concave bevel between floor and walls): still a pocket, that deep.
   */
  pocketFloor: {
    file: 'chamfer-pocket-floor.step',
    rotated: 'chamfer-pocket-floor-rotated.step',
    size: [60, 40, 15] as const,
    pocket: [15, 10, 30, 20, 6] as const,
    floor: 1.5,
  },
  /**
   * A block with a closed `pocket` [x, y, length, width, depth] and a `slot` [x, width, depth]
   * through it along y, the rim (top edges) of each chamfered × 45° (`pocket[5]`, `slot[3]`): the
   * cuts are as deep as drawn, from the top face they open on, not from the bevels' lower edges.
   */
  rimChamfered: {
    file: 'chamfer-rim-pocket-slot.step',
    rotated: 'chamfer-rim-pocket-slot-rotated.step',
    size: [60, 40, 15] as const,
    pocket: [8, 12, 24, 16, 6, 1] as const,
    slot: [40, 8, 10, 0.8] as const,
  },
  /**
   * A plate with through holes [x, Ø, top leg, bottom leg] on its middle line, each chamfered 45°
   * at both mouths (deburred on both faces): equal legs, and unequal ones.
   */
  bothEnds: {
    file: 'chamfer-hole-both-ends.step',
    rotated: 'chamfer-hole-both-ends-rotated.step',
    size: [60, 30, 10] as const,
    holes: [
      [15, 8, 1, 1],
      [40, 10, 1.5, 0.5],
    ] as const,
  },
};
