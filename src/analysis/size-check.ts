/**
 * A part far outside what a machine shop makes nearly always means the file's declared length unit
 * is wrong, not the part: generators that write millimetre numbers under a metre unit (AAGNet's
 * parts come out 86 m long), exports that say inches for millimetres. OCC converts the declared
 * unit faithfully, so the quote would be for the wrong size; we say so instead of failing, with
 * the size the numbers would give in the likely unit.
 */
import type { DfmIssue } from './result.ts';
import { round4 } from './features/extent.ts';

/** Longest side, mm, beyond which no CNC quote is plausible (largest gantry mills: a few metres). */
export const MAX_PLAUSIBLE_MM = 5000;
/** Longest side, mm, below which a machined part is implausible (the smallest watch parts). */
export const MIN_PLAUSIBLE_MM = 0.5;

/** mm per declared unit, by the names step-header.ts gives them (SI prefixes, conversion-unit names). */
const MM_PER: Record<string, number> = { mm: 1, cm: 10, dm: 100, m: 1000, km: 1e6, um: 1e-3, nm: 1e-6, inch: 25.4, in: 25.4, foot: 304.8, ft: 304.8 };

export function unitPlausibility(longestMm: number, declaredUnit: string): DfmIssue | undefined {
  if (!(longestMm > MAX_PLAUSIBLE_MM || longestMm < MIN_PLAUSIBLE_MM)) return undefined;
  const declared = MM_PER[declaredUnit];
  // The size the file's numbers would give if they meant millimetres (or, for a tiny part in mm, metres).
  const asNumbers = declared ? longestMm / declared : undefined;
  const alternative =
    declaredUnit === 'mm' ? { unit: 'm', mm: longestMm * 1000 } : asNumbers !== undefined ? { unit: 'mm', mm: asNumbers } : undefined;
  const hint =
    alternative && alternative.mm >= MIN_PLAUSIBLE_MM && alternative.mm <= MAX_PLAUSIBLE_MM
      ? ` If the file's numbers were meant as ${alternative.unit}, it would be ${round4(alternative.mm)} mm: check the export's units.`
      : " Check the export's units.";
  const size = longestMm >= 1000 ? `${round4(longestMm / 1000)} m` : `${round4(longestMm)} mm`;
  return {
    code: 'IMPLAUSIBLE_SIZE',
    severity: 'error',
    message: `The part is ${size} along its longest side in the unit the file declares (${declaredUnit}).${hint}`,
    faces: [],
    expected: `${MIN_PLAUSIBLE_MM}-${MAX_PLAUSIBLE_MM} mm`,
    actual: round4(longestMm),
  };
}
