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

/**
 * A 120 × 80 × 20 cooling plate drilled from its sides at mid-height (z = 10), every channel Ø`diameter`
 * ending in a 118° point: `a` [y, depth] along x from x = 0, its entry counterbored [Ø, depth] for a
 * plug; `b` [y, depth] along x from x = 0; `c` [x, depth] along y from y = 0, crossing `a` and `b`, so
 * that the pieces between the crossings have no circle for a rim.
 */
export const COOLING_PLATE = {
  size: [120, 80, 20] as const,
  diameter: 8,
  a: [20, 100] as const,
  plug: [12, 10] as const,
  b: [60, 100] as const,
  c: [90, 70] as const,
  tipAngle: 118,
};

/**
 * A 220 × 80 × 20 plate with cones at hole mouths, each hole through from the top at [x, y = 40]:
 * `bore` [x, Ø, chamfer leg] a bore wider than any drill with a 45° chamfer at its top edge (NIST
 * CTC-05's Ø254 bore, scaled); `leadIn` [x, Ø, chamfer Ø] a tap drill chamfered 90° for the tap; `countersink` [x, Ø,
 * countersink Ø, chamfer leg underneath] 90°; `counterbore` [x, Ø, counterbore Ø, depth, chamfer
 * leg at its mouth].
 */
export const HOLE_MOUTHS = {
  size: [220, 80, 20] as const,
  bore: [50, 60, 3] as const,
  leadIn: [110, 8.5, 10.5] as const,
  countersink: [150, 6.6, 13, 0.5] as const,
  counterbore: [190, 6.6, 11, 6.4, 1] as const,
};

/** A 60 × 40 × 2 sheet with a 90° countersink [x, y, Ø at the bottom] that runs right through it (no cylinder). */
export const SHEET_COUNTERSINK = { size: [60, 40, 2] as const, at: [30, 20] as const, diameter: 4, angle: 90 };

/**
 * An 80 × 40 × 20 block with a slot along x under it [y from, y to, height] and a pocket from the
 * top [x from, x to, y from, y to, floor z]; holes down into them: `intoSlot` [x, y, Ø] from the
 * top, through into the slot's roof; `floorToSlot` [x, y, Ø] from the pocket's floor into the slot;
 * `blindInFloor` [x, y, Ø, depth] from the pocket's floor, ending in a 118° point.
 */
export const HOLE_ENDS = {
  size: [80, 40, 20] as const,
  slot: [15, 25, 7] as const,
  pocket: [50, 70, 5, 35, 10] as const,
  intoSlot: [20, 20, 6] as const,
  floorToSlot: [60, 20, 6] as const,
  blindInFloor: [55, 9, 5, 5] as const,
  tipAngle: 118,
};

/**
 * An 80 × 40 × 20 block with spheres for bottoms, from the top: `ballEnd` [x, y, Ø, depth] a blind
 * hole whose bottom is a half sphere (a ball end mill's), depth to where the ball begins;
 * `dimple` [x, y, sphere radius, depth] a spherical cap alone.
 */
export const BALL_HOLES = { size: [80, 40, 20] as const, ballEnd: [20, 20, 8, 10] as const, dimple: [55, 20, 10, 3] as const };
