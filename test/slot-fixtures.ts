/**
 * Dimensions of the round-ended slot fixtures (scripts/slot-fixtures.ts), for closed-form checks.
 */
export const SLOT_FIXTURES = {
  /**
   * A 120 × 80 × 16 plate, slots along x from the top (z = 16):
   * `through`: a round-ended slot [centre x, centre y, length, width] through the plate, each
   * half-round end written as two quarter faces (as exporters split them);
   * `pocket`: a closed round-ended pocket [centre x, centre y, length, width, depth] with a through
   * hole of Ø `hole` in the middle of its floor;
   * `notch`: a U-shaped notch [centre x, length in from the y = 80 side, width] through the plate.
   */
  obround: {
    size: [120, 80, 16] as const,
    through: [30, 20, 20, 6] as const,
    pocket: [80, 20, 30, 10, 5] as const,
    hole: 5,
    notch: [60, 15, 8] as const,
  },
};
