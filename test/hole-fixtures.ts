/**
 * Dimensions of the hole fixtures drawn as real parts are (scripts/hole-fixtures.ts), for
 * closed-form checks: drill points, faces split in halves as exporters write them, stepped bores,
 * blends at a hole's rim and floor.
 */
export const HOLE_FIXTURES = {
  /**
   * A 260 × 160 × 30 plate, holes from the top (z = 30) at [x, y]:
   * `drilled`: blind Ø × depth with a 118° drill point, every face split in two halves;
   * `clearance`: a plain through hole whose Ø is the M16 tap drill;
   * `stepped`: through Ø with a counterbore [Ø, depth] from the top and another from the bottom;
   * `filletedCounterbore`: through Ø, counterbore [Ø, depth] whose floor corner is rounded (r);
   * `rimBlend`: through Ø whose top rim is rounded (r);
   * `filletedBlind`: blind Ø × depth, flat floor, its corner rounded (r).
   */
  drawn: {
    size: [260, 160, 30] as const,
    drilled: { at: [30, 30] as const, diameter: 10, depth: 20, tipAngle: 118 },
    clearance: { at: [30, 80] as const, diameter: 14, tapDrillFor: 'M16' },
    stepped: { at: [130, 80] as const, diameter: 52, top: [100, 8] as const, bottom: [115, 6] as const },
    filletedCounterbore: { at: [30, 130] as const, diameter: 9, counterbore: [15, 6] as const, radius: 1 },
    rimBlend: { at: [230, 30] as const, diameter: 12, radius: 2 },
    filletedBlind: { at: [230, 130] as const, diameter: 10, depth: 12, radius: 1 },
  },
};

/**
 * A turned shaft Ø`diameter` × `length` along z with holes a drill makes: `radial` [z, Ø] through
 * it along x (both rims are curves where it meets the shaft, no circle); `radialBlind` [z, Ø,
 * depth from the surface] along y with a 118° point; `axial` [Ø, depth] from the z = length end
 * with a 118° point; `cross` [z, Ø] along y through the shaft and across the axial bore.
 */
export const DRILLED_SHAFT = {
  diameter: 30,
  length: 80,
  radial: [20, 6] as const,
  radialBlind: [40, 5, 10] as const,
  axial: [10, 30] as const,
  cross: [65, 4] as const,
  tipAngle: 118,
};

/**
 * A 60 × 40 × 30 block with a through bore Ø`diameter` at [x, y] holding an O-ring groove
 * [Ø, width, top of the groove below the top face], the whole bore written in halves.
 */
export const GROOVED_BORE = { size: [60, 40, 30] as const, at: [30, 20] as const, diameter: 20, groove: [26, 3, 12] as const };

/**
 * A 60 × 40 × 12 plate with holes that have no cylinder, from the top: `spot` [x, y, Ø, point
 * angle] a pointed tool's dimple; `taper` [x, y, Ø at the top, Ø at the bottom] a tapered hole through.
 */
export const CONE_HOLES = { size: [60, 40, 12] as const, spot: [15, 20, 10, 90] as const, taper: [40, 20, 12, 8] as const };
