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
