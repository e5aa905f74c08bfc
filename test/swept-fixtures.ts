/**
 * Dimensions of the pockets whose walls are swept from curves that are no polygon
 * (scripts/swept-fixtures.ts): what an end mill following a free outline leaves.
 */
export const SWEPT_FIXTURES = {
  /**
   * A 100 × 70 × 20 plate with three pockets from the top, each `depth` deep:
   * - `ellipse` [x, y, semi-axis along x, semi-axis along y]: its wall is a surface of linear
   *   extrusion (an elliptic outline), no analytic type;
   * - `splineEllipse`, the same outline lofted through three equal sections, so the file writes its
   *   wall as a B-spline surface (as Fusion and other exporters write sketch-curve cuts);
   * - `capped` [x, y, length, width, cap radius]: a rectangle along x whose far end is a shallow
   *   circular cap (an arc of radius `cap radius` through the end's corners), so the cylinder meets
   *   the straight walls at sharp inside corners: an arc of the outline, no blend.
   */
  plate: {
    size: [100, 70, 20] as const,
    depth: 6,
    ellipse: [25, 20, 15, 8] as const,
    splineEllipse: [25, 50, 15, 8] as const,
    capped: [60, 35, 25, 16, 20] as const,
  },
  /** The elliptic pocket with 5° of draft on its wall (the outline shrinks towards the floor): no swept wall. */
  drafted: { size: [60, 40, 20] as const, depth: 6, ellipse: [30, 20, 15, 8] as const, draftDeg: 5 },
  files: { plate: 'swept-pockets.step', rotated: 'swept-pockets-rotated.step', drafted: 'drafted-pocket.step' },
};
