/**
 * Dimensions of the fixtures whose features other features cut into (scripts/interrupted-fixtures.ts).
 */
export const INTERRUPTED_FIXTURES = {
  /**
   * A 60 × 40 × 30 block with a rectangular passage [x, y, x-size, y-size] through it along z, and
   * the vertical edge at x = y = 0 chamfered with legs `chamfer`: the chamfer cuts the passage's
   * corner open, so the passage's outline joins the top and bottom faces' outer loops.
   */
  openedPassage: { size: [60, 40, 30] as const, passage: [5, 5, 16, 10] as const, chamfer: 14 },
  /**
   * A 100 × 60 × 20 plate with a rectangular pocket [x, y, x-size, y-size, depth] from the top whose
   * floor two through holes (Ø `hole` at [x, y]) break, and a through slot [x, width, depth] along y
   * whose floor a blind hole (Ø `hole`, `holeDepth` deep from the slot floor) breaks.
   */
  brokenFloors: {
    size: [100, 60, 20] as const,
    pocket: [10, 10, 40, 30, 8] as const,
    hole: 6,
    pocketHoles: [
      [20, 25],
      [40, 25],
    ] as const,
    slot: [70, 12, 6] as const,
    slotHole: [76, 30] as const,
    holeDepth: 5,
  },
  /**
   * A 100 × 80 × 20 block with a rectangular pocket [x, y, x-size, y-size, depth] from the top and a
   * deeper slot [x, width, depth] along y through the block that crosses it, splitting the pocket's
   * floor and two of its walls in two.
   */
  crossedPocket: { size: [100, 80, 20] as const, pocket: [20, 20, 50, 40, 6] as const, slot: [40, 12, 10] as const },
  /**
   * A 100 × 80 × 20 block with two slots from the top, through the block and crossing, one floor:
   * `alongY` [x, width] and `alongX` [y, width], both `depth` deep.
   */
  crossingSlots: { size: [100, 80, 20] as const, alongY: [40, 12] as const, alongX: [30, 10] as const, depth: 6 },
  /**
   * A 60 × 40 × 20 block with a rectangular pocket [x, y, x-size, y-size, depth] from the top, and a
   * through hole Ø `hole` along x whose axis lies in the pocket's floor at y = `holeY`: the hole
   * runs along the floor and splits it in two, so no piece of it is bounded by walls alone.
   */
  splitFloor: { size: [60, 40, 20] as const, pocket: [20, 10, 20, 20, 8] as const, hole: 6, holeY: 20 },
  /**
   * A 60 × 40 × 20 block with a step along x through it, `width` deep into y and `depth` down from
   * the top, and a through hole Ø `hole` along z centred on the step's wall at x = `holeX`: the hole
   * splits the wall in two (and notches the floor), so the step is three faces on two planes.
   */
  splitStep: { size: [60, 40, 20] as const, width: 10, depth: 8, hole: 6, holeX: 30 },
  /**
   * A 60 × 40 × 12 frame: a window [x, y, x-size, y-size] through it along z, under a wider opening
   * `upper` [x, y, x-size, y-size] from the top down to the ledge at z = `ledge`. Slots `width` wide
   * are cut into the ledge down to z = `floor`, each from the upper opening's wall (where it ends,
   * on that wall's plane: one face with it) out into the window: `square` at x along the y = upper
   * wall side, `slanted` centred at y on the x = upper wall side, turned `angle`° in plan.
   */
  ledgeSlots: {
    size: [60, 40, 12] as const,
    window: [15, 10, 30, 20] as const,
    upper: [12, 7, 36, 26] as const,
    ledge: 7,
    floor: 3,
    width: 2,
    square: [22, 34] as const,
    slanted: 20,
    angle: 20,
  },
};
