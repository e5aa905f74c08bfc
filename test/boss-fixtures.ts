/**
 * Dimensions of the boss fixtures (scripts/boss-fixtures.ts writes them; test/bosses.test.ts reads them).
 */
export const BOSS_FIXTURES = {
  /**
   * A link plate `thickness` thick (z), its outline the two circles' tangent hull: a hub end of
   * radius `hubRadius` on the z axis and a tail end of radius `tailRadius` `length` along x. On the
   * hub end a hub of the same radius stands `hubHeight` above z = 0 (so it rises hubHeight −
   * thickness above the plate, its wall running on below the plate's top as the plate's outline),
   * bored Ø`bore` through; the tail bored Ø`tailHole`. An estimator counts 1 boss and 2 holes; the
   * tail's round end is outline, no fillet.
   */
  hubPlate: { hubRadius: 15, tailRadius: 25, length: 80, thickness: 10, hubHeight: 25, bore: 12, tailHole: 20 },
} as const;
