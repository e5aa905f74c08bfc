/**
 * Dimensions of the blend fixtures (scripts/blend-fixtures.ts): fillets that are not a cylinder
 * or torus on their own.
 */
export const BLEND_FIXTURES = {
  /** A block with the three edges at its corner (0, 0, top) rounded to `radius`: a ball (sphere) joins them. */
  corner: { file: 'blend-corner.step', size: [50, 40, 20] as const, radius: 4 },
  /**
   * A plate with an elliptic boss [x, y, semi-axis a, semi-axis b, height] whose top rim is rounded
   * to `rimRadius` (a rolling-ball blend along an ellipse: a B-spline surface, constant radius), and
   * one top edge of the plate rounded from `variable[0]` to `variable[1]` (a variable-radius fillet).
   */
  curved: { file: 'blend-curved.step', size: [80, 60, 10] as const, boss: [30, 30, 15, 9, 8] as const, rimRadius: 2, variable: [2, 4] as const },
  /**
   * A plate with a taller wall [thickness, height] along its far side (so nothing below is on the
   * part's top) and two square pins [x, y, side] `height` high, their top edges rounded to `radius`:
   * the narrow pin's top is left a flat 2 × (side / 2 − radius) across, the broad pin's stays broad.
   */
  patch: {
    file: 'blend-patch.step',
    size: [60, 40, 6] as const,
    wall: [6, 20] as const,
    pins: [
      [10, 10, 4],
      [30, 8, 14],
    ] as const,
    height: 5,
    radius: 1.9,
  },
};
