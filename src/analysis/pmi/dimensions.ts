/**
 * Semantic dimensions: DIMENSIONAL_SIZE / ANGULAR_SIZE (a feature's size: 'diameter', 'radius',
 * 'thickness', ...) and DIMENSIONAL_LOCATION / ANGULAR_LOCATION (a distance or angle between two
 * aspects). The value is the SHAPE_DIMENSION_REPRESENTATION that a
 * DIMENSIONAL_CHARACTERISTIC_REPRESENTATION ties to the dimension; a PLUS_MINUS_TOLERANCE on the
 * dimension gives its deviations (TOLERANCE_VALUE) or its fit class (LIMITS_AND_FITS).
 */
import type { StepFile } from './step-file.ts';
import { refOf, refsOf, textOf } from './step-values.ts';
import { measureOf, measureOfValue, type MeasureKind } from './units.ts';

export interface DimensionItem {
  entity: number;
  name: string;
  nominal: number | null;
  upper: number | null;
  lower: number | null;
  kind: MeasureKind;
  toleranceClass?: string;
  /** Shape aspects whose faces the dimension applies to. */
  aspects: number[];
}

const SIZES = ['DIMENSIONAL_SIZE', 'ANGULAR_SIZE', 'DIMENSIONAL_SIZE_WITH_PATH', 'DIMENSIONAL_SIZE_WITH_DATUM_FEATURE'];
const LOCATIONS = ['DIMENSIONAL_LOCATION', 'ANGULAR_LOCATION', 'DIMENSIONAL_LOCATION_WITH_PATH'];

export function readDimensions(file: StepFile): DimensionItem[] {
  const values = valuesByDimension(file);
  const tolerances = tolerancesByDimension(file);
  const ids = new Set<number>();
  for (const type of [...SIZES, ...LOCATIONS]) for (const id of file.ofType(type)) ids.add(id);
  const items: DimensionItem[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const size = file.paramsOfAny(id, ['DIMENSIONAL_SIZE', 'ANGULAR_SIZE']);
    const location = size ? undefined : file.paramsOfAny(id, LOCATIONS);
    // DIMENSIONAL_SIZE(applies_to, name); DIMENSIONAL_LOCATION(name, description, relating, related)
    const name = (size ? textOf(size.params[1]) : textOf(location?.params[0])) ?? '';
    const aspects = size
      ? refsOf(size.params[0])
      : [refOf(location?.params[2]), refOf(location?.params[3])].filter((x): x is number => x !== undefined);
    const value = values.get(id) ?? { nominal: null, upper: null, lower: null, kind: 'other' as MeasureKind };
    const tolerance = tolerances.get(id);
    items.push({
      entity: id,
      name: name.trim() || (size ? 'size' : 'location'),
      nominal: value.nominal,
      upper: tolerance?.upper ?? value.upper,
      lower: tolerance?.lower ?? value.lower,
      kind: value.kind !== 'other' ? value.kind : file.is(id, 'ANGULAR_SIZE') || file.is(id, 'ANGULAR_LOCATION') ? 'angle' : 'length',
      ...(tolerance?.toleranceClass ? { toleranceClass: tolerance.toleranceClass } : {}),
      aspects,
    });
  }
  return items;
}

interface DimensionValue {
  nominal: number | null;
  upper: number | null;
  lower: number | null;
  kind: MeasureKind;
}

/**
 * dimension id → its value. A value written as limits only ('upper limit' / 'lower limit', no
 * nominal) reads as the middle of the limits with symmetric deviations: a model is drawn at one
 * size and the limits say how far it may go.
 */
function valuesByDimension(file: StepFile): Map<number, DimensionValue> {
  const out = new Map<number, DimensionValue>();
  for (const link of file.ofType('DIMENSIONAL_CHARACTERISTIC_REPRESENTATION')) {
    // (dimension, representation)
    const params = file.params(link, 'DIMENSIONAL_CHARACTERISTIC_REPRESENTATION') ?? [];
    const dimension = refOf(params[0]);
    const representation = refOf(params[1]);
    if (dimension === undefined || representation === undefined) continue;
    // SHAPE_DIMENSION_REPRESENTATION(name, items, context)
    const items = refsOf(file.params(representation, 'SHAPE_DIMENSION_REPRESENTATION')?.[1] ?? file.params(representation, 'REPRESENTATION')?.[1]);
    let nominal: number | null = null;
    let upperLimit: number | null = null;
    let lowerLimit: number | null = null;
    let kind: MeasureKind = 'other';
    for (const item of items) {
      const measure = measureOf(file, item);
      if (!measure) continue;
      if (kind === 'other') kind = measure.kind;
      if (measure.name === 'upper limit') upperLimit = measure.value;
      else if (measure.name === 'lower limit') lowerLimit = measure.value;
      else if (nominal === null) nominal = measure.value;
    }
    if (nominal === null && upperLimit !== null && lowerLimit !== null) {
      const middle = (upperLimit + lowerLimit) / 2;
      out.set(dimension, { nominal: middle, upper: upperLimit - middle, lower: lowerLimit - middle, kind });
    } else {
      out.set(dimension, {
        nominal,
        upper: nominal !== null && upperLimit !== null ? upperLimit - nominal : null,
        lower: nominal !== null && lowerLimit !== null ? lowerLimit - nominal : null,
        kind,
      });
    }
  }
  return out;
}

interface DimensionTolerance {
  upper: number | null;
  lower: number | null;
  toleranceClass?: string;
}

function tolerancesByDimension(file: StepFile): Map<number, DimensionTolerance> {
  const out = new Map<number, DimensionTolerance>();
  for (const id of file.ofType('PLUS_MINUS_TOLERANCE')) {
    // (range, toleranced_dimension)
    const params = file.params(id, 'PLUS_MINUS_TOLERANCE') ?? [];
    const range = refOf(params[0]);
    const dimension = refOf(params[1]);
    if (range === undefined || dimension === undefined) continue;
    const bounds = file.params(range, 'TOLERANCE_VALUE');
    if (bounds) {
      // (lower_bound, upper_bound)
      const lower = measureOfValue(file, bounds[0]);
      const upper = measureOfValue(file, bounds[1]);
      out.set(dimension, { upper: upper?.value ?? null, lower: lower?.value ?? null });
      continue;
    }
    const fit = file.params(range, 'LIMITS_AND_FITS');
    if (fit) {
      // (form_variance, zone_variance, grade, source): 'H' + '7' → H7
      const deviation = (textOf(fit[0]) ?? '').trim() || (textOf(fit[1]) ?? '').trim();
      const grade = (textOf(fit[2]) ?? '').trim();
      out.set(dimension, { upper: null, lower: null, toleranceClass: `${deviation}${grade}` || undefined });
    }
  }
  return out;
}
