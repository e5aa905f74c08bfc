/**
 * The recognisers' tolerances, each named once. The values are the ones the recognisers have
 * always used (changing one changes results); what they share is the reasoning:
 * - exact B-Rep geometry (analytic surfaces, recognised freeform ones) agrees with itself to float
 *   noise, about 1e-12 relative; CAD writes directions and radii to 1e-7 or better;
 * - machined features differ by far more: the smallest drawing tolerance is ~1e-3 mm and the
 *   smallest designed draft or angle ~0.1°.
 * So a tolerance between the two tells "the same" from "different" without tuning to a file.
 */

/**
 * Cosines of unit vectors: |cos| within this of 1 is parallel (within ~0.08°), |cos| below it is
 * perpendicular, cos above 1 − it the same direction, below −1 + it the opposite one.
 */
export const DIRECTION_TOL = 1e-6;

/**
 * Plane identity: two planes are one when their normals' cosine is within this of 1. Stricter
 * than DIRECTION_TOL: it merges faces, where a wrong merge joins two features.
 */
export const COPLANAR_COS_TOL = 1e-9;

/** Lengths in millimetres compared as equal (radii, diameters, offsets along an axis). */
export const LENGTH_TOL = 1e-6;

/** Relative to the part's size: float noise in coordinates grows with their magnitude. */
export const RELATIVE_LENGTH_TOL = 1e-6;

/** Positions on a part of this size (its bounding-box diagonal, mm) compared as equal: coaxial, on a line. */
export const partTolerance = (size: number): number => size * RELATIVE_LENGTH_TOL + LENGTH_TOL;

/** Cone half-angles in degrees compared as equal (the same countersink or thread flank). */
export const HALF_ANGLE_TOL_DEG = 1e-6;

/** Blend radii compared as equal: relative, as fitted radii carry the fit's relative error. */
export const BLEND_RADIUS_REL_TOL = 1e-4;
