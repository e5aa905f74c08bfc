/**
 * STEP measures in the result's units: lengths in millimetres, angles in degrees. A measure names
 * its unit (SI_UNIT with a prefix, or a CONVERSION_BASED_UNIT such as INCH defined by another
 * measure), so each value is converted by its own unit, never by the file's default.
 */
import type { StepFile } from './step-file.ts';
import { enumOf, numberOf, refOf, textOf, type StepValue } from './step-values.ts';

export type MeasureKind = 'length' | 'angle' | 'other';

export interface Measure {
  /** In mm for lengths, degrees for angles, as written otherwise. */
  value: number;
  kind: MeasureKind;
  /** REPRESENTATION_ITEM's name: 'nominal value', 'upper limit', 'lower limit', or ''. */
  name: string;
}

const SI_PREFIX: Record<string, number> = {
  EXA: 1e18,
  PETA: 1e15,
  TERA: 1e12,
  GIGA: 1e9,
  MEGA: 1e6,
  KILO: 1e3,
  HECTO: 1e2,
  DECA: 1e1,
  DECI: 1e-1,
  CENTI: 1e-2,
  MILLI: 1e-3,
  MICRO: 1e-6,
  NANO: 1e-9,
  PICO: 1e-12,
  FEMTO: 1e-15,
  ATTO: 1e-18,
};

const MEASURE_PARTS = ['MEASURE_WITH_UNIT', 'LENGTH_MEASURE_WITH_UNIT', 'PLANE_ANGLE_MEASURE_WITH_UNIT', 'UNCERTAINTY_MEASURE_WITH_UNIT'] as const;

/** How many of the result's units one of `unit` is; units defined by units nest a few levels at most. */
export function unitScale(file: StepFile, unit: number, depth = 0): { kind: MeasureKind; factor: number } {
  const record = file.record(unit);
  if (!record || depth > 8) return { kind: 'other', factor: 1 };
  const si = record.get('SI_UNIT');
  if (si) {
    const prefix = SI_PREFIX[enumOf(si[0]) ?? ''] ?? 1;
    const name = enumOf(si[1]);
    if (name === 'METRE') return { kind: 'length', factor: prefix * 1000 };
    if (name === 'RADIAN') return { kind: 'angle', factor: (prefix * 180) / Math.PI };
    return { kind: 'other', factor: prefix };
  }
  const conversion = record.get('CONVERSION_BASED_UNIT');
  if (conversion) {
    const base = refOf(conversion[1]);
    const inner = base === undefined ? undefined : measureOf(file, base, depth + 1);
    if (inner) return { kind: inner.kind, factor: inner.value };
  }
  const kind: MeasureKind = record.has('LENGTH_UNIT') ? 'length' : record.has('PLANE_ANGLE_UNIT') ? 'angle' : 'other';
  return { kind, factor: 1 };
}

/** The measure held by instance `id` (a MEASURE_WITH_UNIT, simple or in a complex instance). */
export function measureOf(file: StepFile, id: number, depth = 0): Measure | undefined {
  const part = file.paramsOfAny(id, MEASURE_PARTS);
  if (!part) return undefined;
  const name = textOf(file.params(id, 'REPRESENTATION_ITEM')?.[0]) ?? '';
  return measureFrom(file, part.params[0], part.params[1], name, depth);
}

/** A measure written inline (`LENGTH_MEASURE(0.1)`) or by reference. */
export function measureOfValue(file: StepFile, value: StepValue | undefined): Measure | undefined {
  const ref = refOf(value);
  if (ref !== undefined) return measureOf(file, ref);
  const n = numberOf(value);
  if (!n) return undefined;
  const kind: MeasureKind =
    n.type === 'LENGTH_MEASURE' || n.type === 'POSITIVE_LENGTH_MEASURE' ? 'length' : n.type === 'PLANE_ANGLE_MEASURE' ? 'angle' : 'other';
  return { value: n.value, kind, name: '' };
}

function measureFrom(
  file: StepFile,
  valueComponent: StepValue | undefined,
  unitComponent: StepValue | undefined,
  name: string,
  depth: number,
): Measure | undefined {
  const n = numberOf(valueComponent);
  if (!n) return undefined;
  const unit = refOf(unitComponent);
  const scale = unit === undefined ? { kind: 'other' as const, factor: 1 } : unitScale(file, unit, depth);
  const kind: MeasureKind =
    scale.kind !== 'other' ? scale.kind : n.type?.includes('LENGTH') ? 'length' : n.type?.includes('ANGLE') ? 'angle' : 'other';
  return { value: n.value * scale.factor, kind, name: name.trim().toLowerCase() };
}
