/**
 * The PMI fixture's part and the semantic PMI written into it (scripts/pmi-fixture.ts), in inches
 * as the file states them: a 60 × 40 × 10 mm plate with two Ø5/16" through holes and one Ø1/2"
 * blind bore, written in inches so that every PMI value has to go through the file's unit.
 */
export const INCH = 25.4;

export const PMI_FIXTURE = {
  file: 'pmi-plate.step',
  size: [60, 40, 10] as const,
  /** Through holes [x, y], Ø in inches, with +upper/-lower deviations in inches. */
  holes: {
    at: [
      [15, 20],
      [45, 20],
    ] as const,
    diameter: 0.3125,
    upper: 0.002,
    lower: 0,
  },
  /** A blind bore [x, y], Ø in inches, depth in mm, toleranced by a fit class. */
  bore: { at: [30, 20] as const, diameter: 0.5, depth: 5, fit: ['H', '7'] as const },
  /** Top to bottom as a location written with limits only, in inches. */
  thickness: { lower: 10 / INCH - 0.004, upper: 10 / INCH + 0.004 },
  /** Position of the two holes: ⌀ zone, maximum material, datums A (bottom) then B (the x = 0 side). */
  position: { value: 0.005 },
  /** Flatness of the top face. */
  flatness: { value: 0.001 },
  /** Roughness of the bore's wall, written in micrometres. */
  texture: { parameter: 'Ra', micrometres: 1.6 },
};
