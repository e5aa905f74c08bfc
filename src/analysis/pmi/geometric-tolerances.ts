/**
 * Geometric tolerances (flatness, position, profile, runout, ...) with their zone size, datum
 * reference frame and modifiers. A tolerance is written simple (FLATNESS_TOLERANCE(name,
 * description, magnitude, toleranced_shape_aspect)) or complex (GEOMETRIC_TOLERANCE(...) +
 * GEOMETRIC_TOLERANCE_WITH_DATUM_REFERENCE((datum system)) + POSITION_TOLERANCE() + ...).
 */
import type { StepFile } from './step-file.ts';
import { enumOf, refOf, refsOf, textOf, type StepValue } from './step-values.ts';
import { measureOfValue } from './units.ts';

export interface ToleranceItem {
  entity: number;
  /** 'position', 'flatness', ... (the entity's name without _TOLERANCE, in words). */
  name: string;
  value: number | null;
  datums: string[];
  modifiers: string[];
  aspects: number[];
}

const SUBTYPES = [
  'ANGULARITY_TOLERANCE',
  'CIRCULAR_RUNOUT_TOLERANCE',
  'COAXIALITY_TOLERANCE',
  'CONCENTRICITY_TOLERANCE',
  'CYLINDRICITY_TOLERANCE',
  'FLATNESS_TOLERANCE',
  'LINE_PROFILE_TOLERANCE',
  'PARALLELISM_TOLERANCE',
  'PERPENDICULARITY_TOLERANCE',
  'POSITION_TOLERANCE',
  'ROUNDNESS_TOLERANCE',
  'STRAIGHTNESS_TOLERANCE',
  'SURFACE_PROFILE_TOLERANCE',
  'SYMMETRY_TOLERANCE',
  'TOTAL_RUNOUT_TOLERANCE',
];

/** Zone forms that make the zone a diameter (⌀ before the value). */
const DIAMETER_ZONES = new Set(['cylindrical or circular', 'spherical']);

export function readGeometricTolerances(file: StepFile): ToleranceItem[] {
  const ids = new Set<number>(file.ofType('GEOMETRIC_TOLERANCE'));
  for (const type of SUBTYPES) for (const id of file.ofType(type)) ids.add(id);
  const zones = zoneFormsByTolerance(file);
  const items: ToleranceItem[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const record = file.record(id);
    if (!record) continue;
    const subtype = SUBTYPES.find((t) => record.has(t));
    // The attributes live in the GEOMETRIC_TOLERANCE part of a complex instance, in the subtype's own params otherwise.
    const base = record.get('GEOMETRIC_TOLERANCE') ?? (subtype ? record.get(subtype) : undefined) ?? [];
    const simpleDatums = subtype && !record.has('GEOMETRIC_TOLERANCE') ? record.get(subtype)?.[4] : undefined;
    const datumSystem = record.get('GEOMETRIC_TOLERANCE_WITH_DATUM_REFERENCE')?.[0] ?? simpleDatums;
    const magnitude = measureOfValue(file, base[2]);
    const modifiers = [...(zones.get(id) ?? []), ...modifierNames(record.get('GEOMETRIC_TOLERANCE_WITH_MODIFIERS')?.[0])];
    items.push({
      entity: id,
      name: subtype
        ? subtype
            .replace(/_TOLERANCE$/, '')
            .toLowerCase()
            .replace(/_/g, ' ')
        : (textOf(base[0]) ?? 'geometric tolerance'),
      value: magnitude?.value ?? null,
      datums: datumLetters(file, datumSystem),
      modifiers,
      aspects: refsOf(base[3]),
    });
  }
  return items;
}

/** TOLERANCE_ZONE(name, description, of_shape, product_definitional, defining_tolerance, form). */
function zoneFormsByTolerance(file: StepFile): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const zone of file.ofType('TOLERANCE_ZONE')) {
    const params = file.params(zone, 'TOLERANCE_ZONE') ?? [];
    const form = refOf(params[5]);
    const formName = form === undefined ? '' : (textOf(file.params(form, 'TOLERANCE_ZONE_FORM')?.[0]) ?? '').trim().toLowerCase();
    if (!DIAMETER_ZONES.has(formName)) continue;
    for (const tolerance of refsOf(params[4])) out.set(tolerance, [formName === 'spherical' ? 'spherical diameter' : 'diameter']);
  }
  return out;
}

function modifierNames(value: StepValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => enumOf(v)?.toLowerCase()).filter((v): v is string => !!v);
}

/** Datum letters in precedence order: one per compartment, 'A-B' for a common datum. */
function datumLetters(file: StepFile, system: StepValue | undefined): string[] {
  const letters: string[] = [];
  for (const ref of refsOf(system)) {
    const datumSystem = file.params(ref, 'DATUM_SYSTEM');
    // DATUM_SYSTEM(name, description, of_shape, product_definitional, constituents)
    const compartments = datumSystem ? refsOf(datumSystem[4]) : [ref];
    for (const compartment of compartments) {
      const letter = compartmentLetter(file, compartment);
      if (letter) letters.push(letter);
    }
  }
  return letters;
}

/** Nesting of datum reference elements is one or two levels; the bound stops a self-reference. */
const MAX_DATUM_DEPTH = 6;

function compartmentLetter(file: StepFile, id: number, depth = 0): string | undefined {
  if (depth > MAX_DATUM_DEPTH) return undefined;
  // Before AP242: DATUM_REFERENCE(precedence, referenced_datum).
  const legacy = file.params(id, 'DATUM_REFERENCE');
  if (legacy) return datumLetter(file, refOf(legacy[1]), depth + 1);
  // DATUM_REFERENCE_COMPARTMENT / _ELEMENT(name, description, of_shape, product_definitional, base, modifiers)
  const params =
    file.params(id, 'DATUM_REFERENCE_COMPARTMENT') ?? file.params(id, 'DATUM_REFERENCE_ELEMENT') ?? file.params(id, 'GENERAL_DATUM_REFERENCE');
  if (!params) return datumLetter(file, id, depth + 1);
  const base = params[4];
  if (Array.isArray(base)) {
    const parts = refsOf(base)
      .map((e) => compartmentLetter(file, e, depth + 1))
      .filter((x): x is string => !!x);
    return parts.length > 0 ? parts.join('-') : undefined;
  }
  return datumLetter(file, refOf(base), depth + 1);
}

/** DATUM(name, description, of_shape, product_definitional, identification). */
export function datumLetter(file: StepFile, id: number | undefined, depth = 0): string | undefined {
  if (id === undefined) return undefined;
  const params = file.params(id, 'DATUM');
  if (params) return (textOf(params[4]) ?? '').trim() || undefined;
  // A DATUM_REFERENCE_ELEMENT may name another element.
  return file.is(id, 'DATUM_REFERENCE_ELEMENT') ? compartmentLetter(file, id, depth + 1) : undefined;
}
