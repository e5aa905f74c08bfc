/**
 * What can be learnt from a STEP file's text before the engine sees it: is it STEP at all, is it
 * complete, which application protocol and which length unit it declares. Cheap checks first, so
 * that bad input is refused with a precise code instead of an engine failure.
 *
 * `checkStepHeader` reads a bounded prefix and the last few kilobytes only, in time linear in
 * those: the server runs it on its main thread for every upload, the browser worker before the
 * engine. `readStepHeader` adds the length unit, which may sit anywhere in the DATA section.
 */
import { AnalysisError } from './errors.ts';
import { findDataSection } from './step-sections.ts';

export interface StepHeader {
  /** 'AP203' | 'AP214' | 'AP242' | the raw schema name when it is none of these. */
  schema: string;
  /** The declared length unit ('mm', 'inch', ...); OCC converts every length to mm. */
  units: string;
}

const MAGIC = 'ISO-10303-21;';
const END_MARK = 'END-ISO-10303-21';
/**
 * The header (up to `DATA;`) must lie in this prefix. Real headers are a few hundred bytes to a
 * few kilobytes; the bound keeps the check's cost independent of the upload's size.
 */
export const HEADER_WINDOW = 1024 * 1024;
/** The schema is read from this much of the header only (its regex then has a bounded input). */
const SCHEMA_WINDOW = 64 * 1024;
/** The end marker must be within this many bytes of the end (trailing blank lines, signatures). */
const TAIL_WINDOW = 4096;
/** GLOBAL_UNIT_ASSIGNED_CONTEXT lists length, angle and solid angle units: a few, never dozens. */
const MAX_CONTEXT_UNITS = 4;

const SCHEMAS: [RegExp, string][] = [
  [/^AP242/i, 'AP242'],
  [/^AUTOMOTIVE_DESIGN/i, 'AP214'],
  [/^AP214/i, 'AP214'],
  [/^(CONFIG_CONTROL_DESIGN|CONFIGURATION_CONTROL_3D_DESIGN|AP203)/i, 'AP203'],
];
/** Schemas that are STEP physical files but carry no B-Rep we can machine. */
const FOREIGN_SCHEMAS = /^(IFC|CIS|STRUCTURAL_FRAME|AP209|AP210|ELECTRONIC|PLANT)/i;

const SI_PREFIX: Record<string, string> = { MILLI: 'mm', CENTI: 'cm', DECI: 'dm', MICRO: 'um', KILO: 'km', NANO: 'nm' };

const latin1 = new TextDecoder('latin1');

export function checkStepHeader(bytes: Uint8Array, maxBytes: number): { schema: string } {
  if (bytes.byteLength === 0) throw new AnalysisError('EMPTY', 'The file is empty.');
  if (bytes.byteLength > maxBytes) {
    throw new AnalysisError('TOO_LARGE', `The file is ${mb(bytes.byteLength)}; the limit is ${mb(maxBytes)}.`);
  }
  const complete = bytes.byteLength <= HEADER_WINDOW;
  const head = latin1.decode(complete ? bytes : bytes.subarray(0, HEADER_WINDOW));
  const start = head.replace(/^\uFEFF|^ï»¿/, '').trimStart();
  if (start.length === 0) throw new AnalysisError(complete ? 'EMPTY' : 'NOT_STEP', 'The file holds only white space.');
  if (!start.startsWith(MAGIC)) {
    throw new AnalysisError('NOT_STEP', `This is not a STEP file: it does not start with "${MAGIC}".`);
  }
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.byteLength - TAIL_WINDOW)));
  if (!tail.includes(END_MARK)) {
    throw new AnalysisError('TRUNCATED', `The file ends before "${END_MARK};": it was cut off in transfer or export.`);
  }
  const schema = parseSchema(head.slice(0, SCHEMA_WINDOW));
  if (FOREIGN_SCHEMAS.test(schema)) {
    throw new AnalysisError('UNSUPPORTED_SCHEMA', `STEP schema ${schema} holds no machinable solid geometry.`);
  }
  const data = findDataSection(head, complete);
  if (!data.found && data.complete) throw new AnalysisError('EMPTY', 'The file has no DATA section.');
  if (!data.found) throw new AnalysisError('NOT_STEP', `No DATA section in the first ${mb(HEADER_WINDOW)}: this is not a STEP header.`);
  if (data.empty) throw new AnalysisError('EMPTY', 'The DATA section of the file is empty.');
  return { schema };
}

/** The header checks plus the declared length unit (a scan of the whole file: run off the main thread). */
export function readStepHeader(bytes: Uint8Array, maxBytes: number): StepHeader {
  const { schema } = checkStepHeader(bytes, maxBytes);
  return { schema, units: parseLengthUnit(latin1.decode(bytes)) };
}

function parseSchema(head: string): string {
  const m = /FILE_SCHEMA\s*\(\s*\(\s*'([^']{1,200})'/i.exec(head);
  if (!m) return 'unknown';
  const raw = m[1]!.trim().split(/\s|\{/)[0]!;
  for (const [pattern, name] of SCHEMAS) if (pattern.test(raw)) return name;
  return raw.toUpperCase();
}

/**
 * The length unit of the representation context: GLOBAL_UNIT_ASSIGNED_CONTEXT lists the units,
 * one of which is a LENGTH_UNIT (an SI prefix or a named conversion unit such as INCH). Falls
 * back to the first LENGTH_UNIT instance in the file.
 */
function parseLengthUnit(text: string): string {
  const context = /GLOBAL_UNIT_ASSIGNED_CONTEXT\s*\(\s*\(([^)]{0,200})\)/i.exec(text);
  const ids = context ? [...context[1]!.matchAll(/#(\d+)/g)].map((m) => m[1]!).slice(0, MAX_CONTEXT_UNITS) : [];
  for (const id of ids) {
    const at = text.search(new RegExp(`#${id}\\s*=`));
    if (at < 0) continue;
    const entity = instanceAt(text, at);
    if (/LENGTH_UNIT\s*\(\s*\)/i.test(entity)) return checkedUnitName(text, entity);
  }
  const first = text.search(/LENGTH_UNIT\s*\(\s*\)/i);
  return first < 0 ? 'mm' : checkedUnitName(text, instanceAt(text, first));
}

function checkedUnitName(text: string, entity: string): string {
  checkUnitScale(text, entity);
  return unitName(entity);
}

/** The entity instance around `at`: from the end of the previous instance to its own ';'. */
function instanceAt(text: string, at: number): string {
  const to = text.indexOf(';', at);
  return text.slice(text.lastIndexOf(';', at) + 1, to < 0 ? at + 400 : to);
}

/** Millimetres per SI length unit, by prefix ('' = the metre itself). */
const SI_MM: Record<string, number> = { '': 1000, KILO: 1e6, DECI: 100, CENTI: 10, MILLI: 1, MICRO: 1e-3, NANO: 1e-6 };
/**
 * A conversion-based length unit must convert to between a nanometre and ten kilometres: inch, foot,
 * yard, even mile fit, while a unit of 1e30 mm made the engine trap on astronomically large
 * faces (a WebAssembly trap that costs the host its worker). Such a file is refused before the
 * engine sees it.
 */
const UNIT_MM_RANGE = [1e-6, 1e7] as const;

/** Millimetres per unit of a CONVERSION_BASED_UNIT, or undefined when it cannot be read. */
function conversionFactorMm(text: string, entity: string): number | undefined {
  const ref = /CONVERSION_BASED_UNIT\s*\(\s*'[^']{0,40}'\s*,\s*#(\d+)/i.exec(entity);
  if (!ref) return undefined;
  const at = text.search(new RegExp(`#${ref[1]}\\s*=`));
  if (at < 0) return undefined;
  const measure = /LENGTH_MEASURE\s*\(\s*([-+0-9.Ee]{1,40})\s*\)\s*,\s*#(\d+)/i.exec(instanceAt(text, at));
  if (!measure) return undefined;
  const base = text.search(new RegExp(`#${measure[2]}\\s*=`));
  if (base < 0) return undefined;
  const si = /SI_UNIT\s*\(\s*(?:\.([A-Z]+)\.|\$)\s*,\s*\.METRE\./i.exec(instanceAt(text, base));
  const perBase = si ? SI_MM[(si[1] ?? '').toUpperCase()] : undefined;
  const value = Number(measure[1]!.replace(/\.$/, '').replace(/\.([Ee])/, '$1'));
  return perBase === undefined || !Number.isFinite(value) ? undefined : value * perBase;
}

function checkUnitScale(text: string, entity: string): void {
  const mm = conversionFactorMm(text, entity);
  if (mm === undefined) return;
  if (!(mm >= UNIT_MM_RANGE[0] && mm <= UNIT_MM_RANGE[1])) {
    throw new AnalysisError('INVALID_STEP', `The file declares a length unit of ${mm.toExponential(3)} mm: no part is drawn in such units.`);
  }
}

function unitName(entity: string): string {
  const si = /SI_UNIT\s*\(\s*(?:\.([A-Z]+)\.|\$)\s*,\s*\.METRE\./i.exec(entity);
  if (si) return si[1] ? (SI_PREFIX[si[1].toUpperCase()] ?? `${si[1].toLowerCase()}metre`) : 'm';
  const conv = /CONVERSION_BASED_UNIT\s*\(\s*'([^']{1,40})'/i.exec(entity);
  return conv ? conv[1]!.toLowerCase() : 'mm';
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
