/**
 * The file's PMI as a machinist reads it on a drawing: "Ø8.38 +0.05/0 × 4", "R3.18 ±0.51",
 * "Thickness 20.83 ±1.52", "Ø12.7 H7", "position ⌀0.1 Ⓜ |A|B|C|", "Datum A". Pure text from
 * `result.pmi` and the faces it names, shared by the PMI list (components/PmiList.tsx), the
 * feature tree's PMI group (tree.ts) and whatever else shows PMI (quote sheet, exports).
 */
import { num } from './format.ts';
import type { AnalysisResult } from './types.ts';

export type PmiItem = AnalysisResult['pmi'][number];
type FaceLike = Pick<AnalysisResult['faces'][number], 'surface' | 'params'>;

/** Size dimensions drawn with a symbol before the value. */
const SIZE_SYMBOLS: Record<string, string> = {
  diameter: 'Ø',
  radius: 'R',
  'spherical diameter': 'SØ',
  'spherical radius': 'SR',
};

/** Modifiers a feature control frame writes as a symbol. */
const MODIFIER_SYMBOLS: Record<string, string> = {
  maximum_material_requirement: 'Ⓜ',
  least_material_requirement: 'Ⓛ',
  free_state: 'Ⓕ',
  tangent_plane: 'Ⓣ',
  projected: 'Ⓟ',
  statistical_tolerance: '⟨ST⟩',
};

/** The zone forms that put ⌀ (or S⌀) before a geometric tolerance's value. */
const ZONE_SYMBOLS: Record<string, string> = { diameter: '⌀', 'spherical diameter': 'S⌀' };

export function pmiTitle(p: PmiItem, faces: readonly FaceLike[] = []): string {
  if (p.kind === 'datum') return `Datum ${p.name}`;
  if (p.kind === 'geometric_tolerance') return toleranceFrame(p);
  if (p.kind === 'surface_texture') return p.nominal === null ? p.name : `${p.name} ${num(p.nominal, 3)}${p.unit === 'um' ? ' µm' : ''}`;
  const unit = p.unit === 'deg' ? '°' : '';
  const symbol = SIZE_SYMBOLS[p.name.toLowerCase()];
  const value = p.nominal === null ? '' : `${num(p.nominal, 3)}${unit}`;
  const head = symbol ? `${symbol}${value}` : `${capitalise(p.name)} ${value}`.trim();
  const tolerance = [deviations(p, unit), p.tolerance_class ?? ''].filter(Boolean).join(' ');
  const count = instances(p, faces);
  return [head, tolerance, count > 1 ? `× ${count}` : ''].filter(Boolean).join(' ');
}

/** What the item applies to: "2 faces · 1 hole" (features by type), or why nothing is shown. */
export function pmiDetail(p: PmiItem, features: readonly Pick<AnalysisResult['features'][number], 'id' | 'type'>[]): string {
  if (p.faces.length === 0) return 'on no face of the part (an edge, a point or a datum target)';
  const types = new Map<string, number>();
  for (const id of p.features) {
    const type = features.find((f) => f.id === id)?.type;
    if (type) types.set(type, (types.get(type) ?? 0) + 1);
  }
  const held = [...types].map(([type, n]) => `${n} ${type.replace(/_/g, ' ')}${n === 1 ? '' : 's'}`);
  return [`${p.faces.length} face${p.faces.length === 1 ? '' : 's'}`, ...held].join(' · ');
}

/** "+0.05/0", "±0.1", "0/-0.2"; empty when the file gives no deviations. */
export function deviations(p: Pick<PmiItem, 'upper' | 'lower'>, unit = ''): string {
  if (p.upper === null || p.lower === null) return '';
  if (p.upper > 0 && Math.abs(p.upper + p.lower) < 1e-9) return `±${num(p.upper, 4)}${unit}`;
  return `${signed(p.upper)}${unit}/${signed(p.lower)}${unit}`;
}

/** "position ⌀0.1 Ⓜ |A|B|C|": the feature control frame in one line. */
export function toleranceFrame(p: PmiItem): string {
  const modifiers = p.modifiers ?? [];
  const zone = modifiers.map((m) => ZONE_SYMBOLS[m]).find(Boolean) ?? '';
  const symbols = modifiers.map((m) => MODIFIER_SYMBOLS[m]).filter(Boolean);
  const value = p.nominal === null ? '' : `${zone}${num(p.nominal, 4)}`;
  const datums = p.datums && p.datums.length > 0 ? `|${p.datums.join('|')}|` : '';
  return [p.name, value, ...symbols, datums].filter(Boolean).join(' ');
}

/**
 * How many separate features of size a dimension covers: its cylinders, cones and spheres
 * grouped by axis line (a hole written as two half cylinders is one), planes and others not
 * counted. A "4X" callout on four holes reads "× 4".
 */
export function instances(p: Pick<PmiItem, 'faces'>, faces: readonly FaceLike[]): number {
  const axes: { center: readonly number[]; axis: readonly number[] }[] = [];
  for (const id of p.faces) {
    const f = faces[id];
    if (!f || !['cylinder', 'cone', 'sphere'].includes(f.surface) || !f.params.center) continue;
    const center = f.params.center;
    const axis = f.params.axis ?? [0, 0, 1];
    if (!axes.some((a) => onLine(center, a.center, a.axis))) axes.push({ center, axis });
  }
  return axes.length;
}

/** True when `p` lies on the line through `c` along `axis` (to 1 µm; exporters write axes to 1e-7). */
function onLine(p: readonly number[], c: readonly number[], axis: readonly number[]): boolean {
  const d = [p[0]! - c[0]!, p[1]! - c[1]!, p[2]! - c[2]!];
  const along = d[0]! * axis[0]! + d[1]! * axis[1]! + d[2]! * axis[2]!;
  const off = Math.hypot(d[0]! - along * axis[0]!, d[1]! - along * axis[1]!, d[2]! - along * axis[2]!);
  return off < 1e-3;
}

function signed(v: number): string {
  if (Math.abs(v) < 1e-12) return '0';
  return v > 0 ? `+${num(v, 4)}` : `-${num(-v, 4)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The width of the zone an item allows, mm: a dimension's upper minus lower deviation, a geometric
 * tolerance's zone size; null for angles, datums, textures and items without limits. What makes a
 * part expensive is the narrowest zone, whatever kind states it.
 */
export function toleranceBand(p: PmiItem): number | null {
  if (p.unit !== 'mm') return null;
  if (p.kind === 'dimension') return p.upper !== null && p.lower !== null ? p.upper - p.lower : null;
  if (p.kind === 'geometric_tolerance') return p.nominal;
  return null;
}

/** The `count` items with the narrowest bands, narrowest first (for the summary to flag). */
export function tightestPmi(pmi: readonly PmiItem[], count = 3): { item: PmiItem; band: number }[] {
  return pmi
    .map((item) => ({ item, band: toleranceBand(item) }))
    .filter((x): x is { item: PmiItem; band: number } => x.band !== null && x.band > 0)
    .sort((a, b) => a.band - b.band || a.item.id - b.item.id)
    .slice(0, count);
}
