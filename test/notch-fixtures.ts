/**
 * Dimensions of the round notches and the U slot cut into a side (scripts/notch-fixtures.ts).
 */
export const NOTCH_FIXTURES = {
  /**
   * A 100 (x) × 60 (y) × 30 (z) plate, most of its area on its top and bottom, with:
   * - `throughNotch` [x, radius]: a half bore on the back edge (centre on the face y = 60), through
   *   the plate along z;
   * - `blindNotch` [x, radius, depth]: the same, `depth` deep from the top, on a half-disk floor;
   * - `sideSlot` [z centre, width, length, depth]: a U slot milled into the front face (y = 0) from
   *   the right-hand edge (x = 100) towards -x, round at its inner end, `depth` deep along +y: its
   *   walls face ±z, the plate's main direction, and its floor faces -y;
   * - `hole` [x, y, diameter]: a plain through hole, which stays a hole;
   * - `crossedSlot` [x centre, width, length, depth, cross-hole diameter, its axis below the top]: a
   *   U slot milled from the top at the left-hand edge (x = 0) along +x, round at its inner end,
   *   and a cross hole along y under its floor that breaks through it: the floor in two pieces;
   * - `splitObround` [x start, y centre, length, width, depth, cross x, cross width, cross depth]: a
   *   closed round-ended slot from the top along x, and a deeper slot along y through the plate
   *   across its middle, which leaves two U slots.
   */
  plate: {
    size: [100, 60, 30] as const,
    throughNotch: [30, 6] as const,
    blindNotch: [70, 5, 8] as const,
    sideSlot: [15, 10, 40, 12] as const,
    hole: [20, 30, 8] as const,
    crossedSlot: [45, 10, 30, 6, 8, 9] as const,
    splitObround: [45, 30, 40, 10, 5, 58, 6, 8] as const,
  },
  files: { plate: 'round-notches.step', rotated: 'round-notches-rotated.step' },
};
