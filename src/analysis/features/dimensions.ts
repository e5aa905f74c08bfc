/**
 * Which feature parameters are dimensions: lengths and angles a machinist could quote from.
 *
 * A quote needs sizes; counts, pattern shapes, hints (drill sizes, tap names) and the model's
 * agreement are not sizes. Keys are matched by the measured quantity in their name, so new
 * families (`leg_1`, `floor_radius`, `counterbore_depth`) count without being listed here.
 */
import type { Feature } from '../result.ts';

const DIMENSION_WORDS = /(diameter|radius|width|length|depth|height|distance|angle|pitch|leg|thickness)/;

export function isDimensionKey(key: string): boolean {
  return DIMENSION_WORDS.test(key);
}

/** True when the feature carries at least one positive, finite length or angle. */
export function hasDimensions(feature: Pick<Feature, 'params'>): boolean {
  return Object.entries(feature.params).some(
    ([key, value]) => typeof value === 'number' && Number.isFinite(value) && value > 0 && isDimensionKey(key),
  );
}
