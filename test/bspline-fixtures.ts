/**
 * Dimensions of the B-spline fixture pair (scripts/bspline-fixtures.ts): one block built twice,
 * from OCC's analytic primitives and from lofts (which OCC writes as B-spline surfaces and
 * curves, as Fusion, SolidWorks or NX exports do), so both must give the same features.
 */
export const BSPLINE_FIXTURES = {
  files: { analytic: 'bspline-block-analytic.step', bspline: 'bspline-block.step', rotated: 'bspline-block-rotated.step' },
  size: [60, 40, 20] as const,
  /** Through hole [x, y, Ø] with its top rim rounded to `rimRadius`. */
  hole: [15, 20, 10] as const,
  rimRadius: 1,
  /** Countersunk through hole [x, y, Ø, countersink Ø at the top face] (90°). */
  countersink: [12, 8, 4, 8] as const,
  /** Pocket [x, y, x-size, y-size, depth] from the top. */
  pocket: [30, 10, 20, 20, 6] as const,
  /** The vertical edge at x = y = 0 rounded. */
  edgeRadius: 3,
};
