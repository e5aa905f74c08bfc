/**
 * Dimensions of the fixtures whose cuts another cut opens or bevels (scripts/opened-cut-fixtures.ts),
 * for closed-form checks. Each is one block; lengths in mm.
 */
export const OPENED_CUT_FIXTURES = {
  /**
   * `opened-obround.step`: a 80 × 40 × 50 block; a round-ended pocket plunged into the front face
   * (y = 0) along +y, `depth` deep, its length along z (end centres at `ends` z, centre x `x`,
   * `width` wide); a rectangular pocket from the top [x0, x1] × [y0, y1] down to `floor` clips the
   * pocket's upper end and the back of its floor, but neither its straight walls nor its mouth.
   */
  openedObround: {
    size: [80, 40, 50] as const,
    x: 40,
    ends: [15, 35] as const,
    width: 12,
    depth: 12,
    clip: { x: [30, 50] as const, y: [8, 30] as const, floor: 38 },
  },
  /**
   * `opened-hexagon.step`: a 100 × 60 × 30 block; a regular hexagonal pocket from the top, centre
   * (`centre`), corner radius `radius` (a corner on +x), `depth` deep; a through step along y cut
   * at x > `stepX` down to z = `stepZ` (below the pocket's floor) takes the corner on +x, so the
   * floor runs out to the step's wall while every one of the six walls keeps a part.
   */
  openedHexagon: {
    size: [100, 60, 30] as const,
    centre: [50, 30] as const,
    radius: 20,
    depth: 12,
    stepX: 67,
    stepZ: 10,
  },
  /**
   * `one-wall-slots.step`: a 80 × 50 × 20 block. A U slot milled in from the x = 80 side, `u.width`
   * wide about y = `u.y`, its half-round end centred at x = `u.end`, its floor at z = `u.floor`; a
   * through step along x takes y < `u.stepY` above z = `u.stepZ`, so one straight wall and part of
   * the round end are gone. A slot milled along the y = 50 side with quarter-round ends (radius
   * `h.radius` = its width, centres on that side at x = `h.ends`), floor at z = `h.floor`; a
   * through step along y takes x < `h.stepX` above z = `h.stepZ`, so one end is gone.
   */
  oneWallSlots: {
    size: [80, 50, 20] as const,
    u: { width: 14, y: 12, end: 50, floor: 12, stepY: 10, stepZ: 4 },
    h: { radius: 10, ends: [20, 60] as const, floor: 14, stepX: 25, stepZ: 6 },
  },
  /**
   * `split-wall-slot.step`: a 80 × 50 × 20 block; a U slot from the top, open to the x = 80 side,
   * walls at y = `walls`, its half-round end centred at x = `end`, floor at z = `floor`; a hole of
   * Ø `hole` along x through the part, its axis in the plane of the wall at y = walls[1] at
   * z = `holeZ`, splits that wall into a piece on the floor and a piece above the hole.
   */
  splitWallSlot: {
    size: [80, 50, 20] as const,
    walls: [18, 32] as const,
    end: 40,
    floor: 12,
    hole: 3,
    holeZ: 16,
  },
  /**
   * `shortened-obround.step`: a 80 × 50 × 30 block; a round-ended pocket from the top along x, end
   * centres at x = `ends`, y = `y`, `width` wide, floor at z = `floor`; a through step along y
   * takes x > `stepX` above z = `stepZ` (below the pocket's floor), so the pocket's far end is gone
   * and it opens onto the step's wall, not onto a side of the block.
   */
  shortenedObround: {
    size: [80, 50, 30] as const,
    ends: [30, 60] as const,
    y: 25,
    width: 12,
    floor: 20,
    stepX: 55,
    stepZ: 15,
  },
  /**
   * `bevelled-triangle.step`: a 100 × 60 × 30 block; a triangular pocket from the top through the
   * corners `corners`, `depth` deep, the rim edge of its wall on y = corners[0].y chamfered
   * `chamfer` × 45°.
   */
  bevelledTriangle: {
    size: [100, 60, 30] as const,
    corners: [
      [30, 20],
      [70, 20],
      [50, 45],
    ] as const,
    depth: 10,
    chamfer: 2,
  },
};
