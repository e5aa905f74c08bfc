/**
 * Coverage of modelling-operation labels by dimensioned features: BRepNet's `.seg` labels (Fusion
 * 360 Gallery) say how each face was made, not what feature it is, so faces cannot be scored
 * class for class. What a quote needs is that every machined face ends up in a feature with a
 * size. Three shares are measured:
 * - fillet: Fillet faces inside a `fillet` feature with a radius;
 * - chamfer: Chamfer faces inside a `chamfer` feature with dimensions;
 * - cut: CutSide + CutEnd faces inside any feature with dimensions (cuts are material removed).
 */
import type { Feature } from '../result.ts';
import { hasDimensions } from './dimensions.ts';

/** BRepNet's segmentation classes, in `.seg` id order. */
export const SEG_CLASSES = ['ExtrudeSide', 'ExtrudeEnd', 'CutSide', 'CutEnd', 'Fillet', 'Chamfer', 'RevolveSide', 'RevolveEnd'] as const;
const FILLET = SEG_CLASSES.indexOf('Fillet');
const CHAMFER = SEG_CLASSES.indexOf('Chamfer');
const CUT = new Set([SEG_CLASSES.indexOf('CutSide'), SEG_CLASSES.indexOf('CutEnd')]);

export interface Share {
  covered: number;
  total: number;
  /** covered / total; null when nothing was labelled so (a share of nothing is no figure). */
  share: number | null;
}

export interface CoverageCounts {
  fillet: Share;
  chamfer: Share;
  cut: Share;
}

export type CoverageKind = keyof CoverageCounts;
export const COVERAGE_KINDS: readonly CoverageKind[] = ['fillet', 'chamfer', 'cut'];

/** Is the feature one that counts as covering a face labelled `kind`? */
export function covers(kind: CoverageKind, feature: Pick<Feature, 'type' | 'params'>): boolean {
  if (kind === 'fillet') return feature.type === 'fillet' && typeof feature.params.radius === 'number' && feature.params.radius > 0;
  if (kind === 'chamfer') return feature.type === 'chamfer' && hasDimensions(feature);
  return hasDimensions(feature);
}

function kindOf(label: number): CoverageKind | undefined {
  if (label === FILLET) return 'fillet';
  if (label === CHAMFER) return 'chamfer';
  return CUT.has(label) ? 'cut' : undefined;
}

/** Per-face coverage of one part: which labelled faces a qualifying feature holds. */
export function partCoverage(labels: readonly number[], features: readonly Pick<Feature, 'type' | 'params' | 'faces'>[]): CoverageCounts {
  const coveredBy: Record<CoverageKind, Set<number>> = { fillet: new Set(), chamfer: new Set(), cut: new Set() };
  for (const feature of features) {
    for (const kind of COVERAGE_KINDS) if (covers(kind, feature)) for (const f of feature.faces) coveredBy[kind].add(f);
  }
  const counts = emptyCounts();
  labels.forEach((label, face) => {
    const kind = kindOf(label);
    if (!kind) return;
    counts[kind].total++;
    if (coveredBy[kind].has(face)) counts[kind].covered++;
  });
  return withShares(counts);
}

export function emptyCounts(): CoverageCounts {
  return {
    fillet: { covered: 0, total: 0, share: null },
    chamfer: { covered: 0, total: 0, share: null },
    cut: { covered: 0, total: 0, share: null },
  };
}

/** Sums over parts: faces pooled, so a large part weighs by its faces. */
export function sumCoverage(parts: readonly CoverageCounts[]): CoverageCounts {
  const total = emptyCounts();
  for (const p of parts)
    for (const k of COVERAGE_KINDS) {
      total[k].covered += p[k].covered;
      total[k].total += p[k].total;
    }
  return withShares(total);
}

function withShares(c: CoverageCounts): CoverageCounts {
  for (const k of COVERAGE_KINDS) c[k].share = c[k].total ? c[k].covered / c[k].total : null;
  return c;
}
