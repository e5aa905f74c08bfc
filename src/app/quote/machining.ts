/**
 * The machining summary's figures, from what the result already measured: the stock block and the
 * part's volume give the material removed; the setups give the sides; the measured features give
 * the smallest inside corner (the largest end mill that fits) and the deepest cut (reach). Only
 * presentation happens here (products, minima, counts); nothing is measured again.
 */
import type { AnalysisResult, Feature } from '../types.ts';
import type { QuoteGroup } from './group.ts';
import { sideOfTool } from './sides.ts';

export interface DeepestCut {
  /** The group's row title. */
  title: string;
  groupId: string;
  depth: number;
  /** Diameter of a hole, width of a pocket or slot: what depth/width is taken of. */
  width: number;
}

export interface MachiningSummary {
  /** mm³: the stock block (part.stock, in the part's own frame) and what machining takes off it. */
  stockVolume: number;
  partVolume: number;
  removedVolume: number;
  /** 0-100. */
  removedPercent: number;
  setups: { side: string; features: number }[];
  /** Smallest inside corner or concave fillet radius a cutter must fit, mm (0: a sharp corner); undefined: none. */
  minInsideRadius?: { radius: number; title: string; groupId: string };
  deepest?: DeepestCut;
  threads: number;
  /** Measured features (pieces) for the lathe and for the mill. */
  lathe: number;
  mill: number;
  process?: string;
  findings: { severity: 'error' | 'warning' | 'info'; count: number; codes: string[] }[];
  reviewRegions: number;
  /**
   * The file's tightest PMI, which decides the price more than any hole: the length dimension
   * with the narrowest band (upper − lower) and the geometric tolerance with the smallest zone.
   */
  tightestDimension?: { pmiId: number; band: number };
  tightestTolerance?: { pmiId: number; zone: number };
}

const n = (f: Feature, key: string): number | undefined => (typeof f.params[key] === 'number' ? (f.params[key] as number) : undefined);

/**
 * A cutter must fit the corners of closed cuts and the concave blends between walls. The
 * pipeline's `inside_radius` (features/inside-corners.ts) covers every corner a milled cut's
 * walls make along its tool axis, through cuts' round ends too; 0 is a sharp inside corner.
 */
function insideRadii(f: Feature): number[] {
  const radii: number[] = [];
  const corner = n(f, 'corner_radius');
  if (corner !== undefined && corner > 0) radii.push(corner);
  const inside = n(f, 'inside_radius');
  if (inside !== undefined && inside >= 0) radii.push(inside);
  if (f.type === 'fillet' && f.params.convex !== true) {
    const r = n(f, 'radius');
    if (r !== undefined && r > 0) radii.push(r);
  }
  return radii;
}

/** Depth and the width it is cut through: a hole's diameter, a pocket's or slot's width. */
function cut(f: Feature): { depth: number; width: number } | undefined {
  const depth = n(f, 'depth');
  const width = n(f, 'diameter') ?? n(f, 'width');
  return depth !== undefined && width !== undefined && width > 0 ? { depth, width } : undefined;
}

/**
 * Which machine a group is for: turned features and a thread on a shaft (external) are lathe
 * work; holes, pockets, a tapped thread (internal) are mill work. Fillets and chamfers go with
 * their setup: in one, they are milled; in none on a turned part, they come off the lathe.
 */
function workOf(g: QuoteGroup, process: string | undefined): 'lathe' | 'mill' | undefined {
  if (g.section === 'turned') return 'lathe';
  if (g.section === 'threads') return g.sample.params.internal === true ? 'mill' : 'lathe';
  if (g.section === 'holes' || g.section === 'prismatic') return 'mill';
  if (g.section === 'edges') return g.side !== '' ? 'mill' : process === 'turned' || process === 'mill-turn' ? 'lathe' : 'mill';
  return undefined;
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Narrowest band of a length dimension and smallest zone of a geometric tolerance, in mm. */
function tightestPmi(pmi: AnalysisResult['pmi']): Pick<MachiningSummary, 'tightestDimension' | 'tightestTolerance'> {
  const out: Pick<MachiningSummary, 'tightestDimension' | 'tightestTolerance'> = {};
  for (const p of pmi) {
    if (p.unit !== 'mm') continue;
    if (p.kind === 'dimension' && p.upper !== null && p.lower !== null) {
      const band = p.upper - p.lower;
      if (band > 0 && (!out.tightestDimension || band < out.tightestDimension.band)) out.tightestDimension = { pmiId: p.id, band };
    }
    if (p.kind === 'geometric_tolerance' && p.nominal !== null && p.nominal > 0) {
      if (!out.tightestTolerance || p.nominal < out.tightestTolerance.zone) out.tightestTolerance = { pmiId: p.id, zone: p.nominal };
    }
  }
  return out;
}

export function machiningSummary(
  result: Pick<AnalysisResult, 'part' | 'setups' | 'dfm' | 'features'> & Partial<Pick<AnalysisResult, 'pmi'>>,
  groups: readonly QuoteGroup[],
): MachiningSummary {
  const { stock, volume, process } = result.part;
  const stockVolume = stock[0] * stock[1] * stock[2];
  const removedVolume = Math.max(0, stockVolume - volume);
  const summary: MachiningSummary = {
    stockVolume,
    partVolume: volume,
    removedVolume,
    removedPercent: stockVolume > 0 ? (100 * removedVolume) / stockVolume : 0,
    setups: result.setups.map((s) => ({ side: sideOfTool(s.direction), features: s.features.length })),
    threads: 0,
    lathe: 0,
    mill: 0,
    ...(process ? { process } : {}),
    findings: SEVERITIES.map((severity) => {
      const of = result.dfm.filter((d) => d.severity === severity);
      return { severity, count: of.length, codes: [...new Set(of.map((d) => d.code))] };
    }).filter((x) => x.count > 0),
    reviewRegions: 0,
    ...tightestPmi(result.pmi ?? []),
  };
  for (const g of groups) {
    if (g.section === 'review') {
      summary.reviewRegions += g.count;
      continue;
    }
    if (g.section === 'threads') summary.threads += g.count;
    const work = workOf(g, result.part.process);
    if (work === 'lathe') summary.lathe += g.count;
    else if (work === 'mill') summary.mill += g.count;
    for (const r of insideRadii(g.sample)) {
      if (!summary.minInsideRadius || r < summary.minInsideRadius.radius) summary.minInsideRadius = { radius: r, title: g.title, groupId: g.id };
    }
    // Through cuts are as deep as the wall they pierce: reach matters for them too.
    const c = cut(g.sample);
    if (c && (!summary.deepest || c.depth > summary.deepest.depth)) summary.deepest = { title: g.title, groupId: g.id, ...c };
  }
  return summary;
}
