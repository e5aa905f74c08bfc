/**
 * Features grouped the way they are priced: identical features (same type, same dimensions to
 * 0.01, machined from the same side) are one row with a count, "12 × R10 fillet". An estimator
 * prices a drill size or a fillet radius once and multiplies; 281 fillet rows hide that.
 * Regions the model named but geometry did not measure go to a separate "needs review" section:
 * they carry no size to price and must not read as features beside the measured ones.
 */
import { featureDetail, featureTitle, modelClassText, num } from '../format.ts';
import type { AnalysisResult, Feature } from '../types.ts';
import { sidesOfFeatures } from './sides.ts';

export type QuoteSection = 'holes' | 'prismatic' | 'turned' | 'threads' | 'edges' | 'other' | 'review';

/** Sections in the order an estimator works through a part: drilling first, what to ask about last. */
export const SECTION_ORDER: readonly QuoteSection[] = ['holes', 'prismatic', 'turned', 'threads', 'edges', 'other', 'review'];

export const SECTION_TITLES: Record<QuoteSection, string> = {
  holes: 'Holes',
  prismatic: 'Pockets, slots and steps',
  turned: 'Turned features',
  threads: 'Threads',
  edges: 'Edges: fillets and chamfers',
  other: 'Other features',
  review: 'Needs review',
};

export const HOLE_TYPES: ReadonlySet<string> = new Set(['hole', 'counterbore_hole', 'countersink_hole']);
const PRISMATIC_TYPES = new Set(['pocket', 'slot', 'step', 'passage', 'boss']);
const TURNED_TYPES = new Set(['turned_diameter', 'turned_face', 'taper', 'groove', 'oring_groove']);
const EDGE_TYPES = new Set(['fillet', 'chamfer']);

/**
 * Parameters that do not change what is machined: how a pattern is laid out (the count is summed
 * instead), the nearest stock drills (derived from the diameter) and the model's agreement.
 */
const NOT_PRICED = new Set([
  'count',
  'pattern',
  'rows',
  'columns',
  'pitch_diameter',
  'drill_metric',
  'drill_inch',
  'ml_agreement',
  'ml_label',
  'model_class',
]);

export interface QuoteGroup {
  /** `group:<key>`: a tree item id, so rows select, hover and frame like feature rows. */
  id: string;
  key: string;
  section: QuoteSection;
  type: string;
  /** "12 × R10 fillet", "Pocket 30 × 16 × 6, corner r2". */
  title: string;
  detail: string;
  /** Pieces to make: a recognised pattern of 4 holes is one feature and counts 4. */
  count: number;
  featureIds: number[];
  faces: number[];
  /** The side it is machined from ("top", "top + bottom"), '' when in no setup. */
  side: string;
  /** One feature of the group, for its dimensions. */
  sample: Feature;
}

export function sectionOf(f: Feature): QuoteSection {
  if (f.method !== 'geometric' || f.needs_review === true || f.type === 'unrecognised') return 'review';
  if (HOLE_TYPES.has(f.type)) return 'holes';
  if (PRISMATIC_TYPES.has(f.type)) return 'prismatic';
  if (TURNED_TYPES.has(f.type)) return 'turned';
  if (f.type === 'thread') return 'threads';
  if (EDGE_TYPES.has(f.type)) return 'edges';
  return 'other';
}

/** Pieces a feature stands for: a pattern's count, else one. */
export function piecesOf(f: Feature): number {
  const n = f.params.count;
  return typeof n === 'number' && n >= 1 ? Math.round(n) : 1;
}

/** Type, priced parameters rounded to 0.01 and the side: equal keys are priced as one. */
export function groupKey(f: Feature, side: string): string {
  const section = sectionOf(f);
  if (section === 'review') {
    // Nothing measured to compare: regions group by what the model thinks they are.
    const guess = f.hint ?? (typeof f.params.model_class === 'string' ? f.params.model_class : '');
    return `review|${f.type}|${guess}`;
  }
  const params = Object.entries(f.params)
    .filter(([k]) => !NOT_PRICED.has(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? (Math.round(v * 100) / 100).toFixed(2) : String(v)}`);
  return `${f.type}|${params.join(',')}|${side}`;
}

const numParam = (f: Feature, key: string): number | undefined => (typeof f.params[key] === 'number' ? (f.params[key] as number) : undefined);
const times = (n: number) => (n > 1 ? `${n} × ` : '');

/** "R10 fillet", "R2 round", "0.3 × 45° chamfer". */
function edgeTitle(f: Feature): string {
  if (f.type === 'fillet') return `R${num(numParam(f, 'radius') ?? 0)} ${f.params.convex === true ? 'round' : 'fillet'}`;
  const d = numParam(f, 'distance');
  const d2 = numParam(f, 'distance2');
  const angle = numParam(f, 'angle');
  const size =
    d2 !== undefined && d !== undefined && Math.abs(d2 - d) > 0.005
      ? `${num(d)} × ${num(d2)}`
      : d !== undefined
        ? `${num(d)} × ${num(angle ?? 45, 1)}°`
        : `${num(angle ?? 45, 1)}°`;
  return `${size} chamfer`;
}

/** "Pocket 30 × 16 × 6, corner r2", "Step 60.85 × 21.81 through": L × W × D as the cut is priced. */
function prismaticTitle(f: Feature): string {
  const through = f.params.through === true;
  const box = [numParam(f, 'length'), numParam(f, 'width'), through ? undefined : numParam(f, 'depth')].filter((v): v is number => v !== undefined);
  const name = f.type.charAt(0).toUpperCase() + f.type.slice(1);
  if (f.type === 'boss') return featureTitle({ ...f, params: { ...f.params, count: 1 } });
  const corner = numParam(f, 'corner_radius');
  return `${name} ${box.map((v) => num(v)).join(' × ')}${through ? ' through' : ''}${corner !== undefined ? `, corner r${num(corner)}` : ''}`;
}

/** "Ø8.40 through", "Ø5 × 7 deep": the hole's callout without its type (the hole table names it). */
export function holeSize(f: Feature): string {
  const d = numParam(f, 'diameter') ?? 0;
  const depth = numParam(f, 'depth');
  return `Ø${num(d)} ${f.params.through === true ? 'through' : depth !== undefined ? `× ${num(depth)} deep` : ''}`.trim();
}

/** "Turned Ø30 × 15 long", "Bore Ø12 × 20 long", "Face Ø28", "Groove Ø24 × 4 wide × 3 deep": what the lathe cuts. */
function turnedTitle(f: Feature): string {
  const d = numParam(f, 'diameter');
  const length = numParam(f, 'length');
  const width = numParam(f, 'width');
  const depth = numParam(f, 'depth');
  const size = d !== undefined ? ` Ø${num(d)}` : '';
  if (f.type === 'turned_diameter')
    return `${f.params.internal === true ? 'Bore' : 'Turned'}${size}${length !== undefined ? ` × ${num(length)} long` : ''}`;
  if (f.type === 'turned_face') return `Face${size}`;
  if (f.type === 'groove' || f.type === 'oring_groove') {
    const name = f.type === 'groove' ? 'Groove' : 'O-ring groove';
    return `${name}${size}${width !== undefined ? ` × ${num(width)} wide` : ''}${depth !== undefined ? ` × ${num(depth)} deep` : ''}`;
  }
  return featureTitle({ ...f, params: { ...f.params, count: 1 } });
}

function reviewTitle(f: Feature, classKind: string | undefined): string {
  const guess = f.hint ?? (typeof f.params.model_class === 'string' ? f.params.model_class : f.type);
  return f.type === 'unrecognised'
    ? `Unrecognised region (model: ${modelClassText(guess, classKind)}?)`
    : `${modelClassText(guess, classKind)}? (model only)`;
}

function titleOf(f: Feature, section: QuoteSection, classKind: string | undefined): string {
  switch (section) {
    case 'holes': {
      const kind = f.type === 'counterbore_hole' ? 'Counterbore ' : f.type === 'countersink_hole' ? 'Countersink ' : '';
      return `${kind}${holeSize(f)}`;
    }
    case 'edges':
      return edgeTitle(f);
    case 'prismatic':
      return prismaticTitle(f);
    case 'review':
      return reviewTitle(f, classKind);
    case 'turned':
      return turnedTitle(f);
    default:
      // Turned features, threads and whole-part features read as in the feature tree, less the
      // pattern count (the group's count replaces it).
      return featureTitle({ ...f, params: { ...f.params, count: 1 } });
  }
}

/** The details that do not differ within a group, without the pattern layout (the count says it). */
function detailOf(f: Feature, section: QuoteSection): string {
  if (section === 'review') return 'no size measured: check before quoting';
  const { pattern: _p, rows: _r, columns: _c, ...rest } = f.params;
  return featureDetail({ ...f, params: rest });
}

const sortValue = (g: QuoteGroup): number =>
  numParam(g.sample, 'diameter') ?? numParam(g.sample, 'radius') ?? numParam(g.sample, 'distance') ?? numParam(g.sample, 'length') ?? 0;

/** Every feature of the result in exactly one group; groups by section, then by size. */
export function groupFeatures(result: Pick<AnalysisResult, 'features' | 'setups' | 'model'>): QuoteGroup[] {
  const sides = sidesOfFeatures(result);
  const byKey = new Map<string, QuoteGroup>();
  for (const f of result.features) {
    const side = sides.get(f.id) ?? '';
    const key = groupKey(f, side);
    const section = sectionOf(f);
    let group = byKey.get(key);
    if (!group) {
      group = {
        id: `group:${key}`,
        key,
        section,
        type: f.type,
        title: '',
        detail: detailOf(f, section),
        count: 0,
        featureIds: [],
        faces: [],
        side,
        sample: f,
      };
      byKey.set(key, group);
    }
    group.count += section === 'review' ? 1 : piecesOf(f);
    group.featureIds.push(f.id);
    for (const face of f.faces) if (!group.faces.includes(face)) group.faces.push(face);
  }
  const groups = [...byKey.values()];
  for (const g of groups) {
    const sideText = g.side && g.section !== 'review' ? `, from ${g.side}` : '';
    g.title = `${times(g.count)}${titleOf(g.sample, g.section, result.model?.classKind)}${sideText}`;
  }
  return groups.sort(
    (a, b) =>
      SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
      a.type.localeCompare(b.type) ||
      sortValue(a) - sortValue(b) ||
      b.count - a.count ||
      a.key.localeCompare(b.key),
  );
}
