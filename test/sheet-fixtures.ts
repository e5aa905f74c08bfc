/**
 * Dimensions of the sheet-metal fixtures (scripts/sheet-fixtures.ts).
 */
export const SHEET_FIXTURES = {
  /**
   * A strip `thickness` thick and `width` wide bent through 180° about z at inside radius
   * `radius` (centre on the z axis), its two legs `leg` long along −y, one leg drilled Ø`hole`
   * through at mid-width: a U whose bend holds most of its area.
   */
  uBend: { thickness: 2, width: 30, radius: 20, leg: 15, hole: 6 },
};
