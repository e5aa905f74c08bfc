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
  /**
   * A plate `plate` (x, y, z from 0) with two studs Ø`stud` standing `studHeight` on its top at
   * `studs` (x, y): the first drilled Ø`hole` × `holeDepth` `holeOffset` off its axis along x (an
   * inner loop on its top that is no circle about the axis); across the second a slot [width in y,
   * depth from the stud's top] from its axis out through its side, the plate and the plate's +x
   * end (its top's outline broken by the slot's walls). An estimator counts 2 bosses, 1 hole and
   * 1 slot.
   */
  cutStuds: {
    plate: [100, 60, 10],
    stud: 30,
    studHeight: 10,
    studs: [
      [25, 30],
      [70, 30],
    ],
    hole: 6,
    holeDepth: 5,
    holeOffset: 7,
    pocket: [10, 15],
  },
} as const;
