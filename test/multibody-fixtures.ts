/**
 * Dimensions of the multi-body fixtures (scripts/multibody-fixtures.ts): several solids in one
 * STEP file, as weldments and multi-body exports write them.
 */
export const MULTIBODY_FIXTURES = {
  /**
   * Two plates `size` side by side along x, `gap` apart (two solids in one compound), each
   * drilled through at its centre Ø`hole`, and a third `hole` through the second plate `pitch`
   * further along y: the first plate's hole is one hole, the second plate's two a pattern of two.
   */
  twoPlates: { size: [40, 40, 10] as const, gap: 20, hole: 8, pitch: 12 },
};
