/**
 * Fitting the calibration table (scripts/fit-calibration.ts runs it on development data): one
 * isotonic curve per signal group with enough features, and the auto-quote threshold.
 */
import type { Feature } from '../result.ts';
import { calibratedConfidence, calibratedStock, signalsOf, STOCK_FACE_GROUP, type CalibrationTable } from './calibrate.ts';
import { fitIsotonic, type IsotonicOptions } from './isotonic.ts';

/** A development feature: its signals and whether it was right. */
export interface LabelledFeature {
  method: 'geometric' | 'ml' | 'review';
  type: string;
  score: number;
  /** params.ml_agreement of a geometric feature when our model ran. */
  agreement?: number;
  needsReview: boolean;
  right: boolean;
}

/** A development part: its features and whether its quote was right. */
export interface LabelledPart {
  features: LabelledFeature[];
  right: boolean;
  dfmErrors: number;
  /** Faces in no feature that the model does not call stock (review.ts). */
  doubtfulFaces: number;
  /** Faces in no feature that the model calls stock: its probability, and whether they are. */
  stockFaces: { score: number; right: boolean }[];
  modelRan: boolean;
}

export interface FitOptions extends IsotonicOptions {
  /** Fewest features a type needs for a curve of its own (else its method's curve serves). */
  minGroup: number;
  /** Part-level precision the auto-quote threshold must reach. */
  targetPrecision: number;
}

export const FIT_OPTIONS: FitOptions = { minBlock: 20, priorWeight: 2, minGroup: 40, targetPrecision: 0.99 };

/** The signals as the pipeline's feature would carry them. */
export function asFeature(f: LabelledFeature): Pick<Feature, 'method' | 'type' | 'params' | 'confidence' | 'score'> {
  const params: Feature['params'] = f.agreement === undefined ? {} : { ml_agreement: f.agreement };
  return { method: f.method, type: f.type, params, confidence: f.score, score: f.score };
}

/**
 * Geometric features found with the model also stand for the same features found without it
 * (geometry runs first and the model never changes them): as such they have no agreement and a
 * raw score of 1, so the model-less curves come from the same parts.
 */
function withoutModel(f: LabelledFeature): LabelledFeature | undefined {
  if (f.method !== 'geometric' || f.agreement === undefined) return undefined;
  const { agreement: _, ...rest } = f;
  return { ...rest, score: 1 };
}

export function fitCurves(parts: readonly LabelledPart[], options: FitOptions = FIT_OPTIONS): CalibrationTable['groups'] {
  const byGroup = new Map<string, { score: number; right: boolean }[]>();
  for (const part of parts) {
    for (const f of part.features) {
      for (const g of [f, withoutModel(f)]) {
        if (!g) continue;
        const { groups, score } = signalsOf(asFeature(g));
        for (const key of groups) {
          const list = byGroup.get(key) ?? [];
          list.push({ score, right: g.right });
          byGroup.set(key, list);
        }
      }
    }
  }
  const stock = parts.flatMap((p) => p.stockFaces);
  if (stock.length > 0) byGroup.set(STOCK_FACE_GROUP, stock);
  const curves: CalibrationTable['groups'] = {};
  const rate = (obs: readonly { right: boolean }[]) => obs.filter((o) => o.right).length / obs.length;
  for (const [key, obs] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    // Method-level groups have no '/': they always get a curve (the fallback of rare types).
    if (key.includes('/') && obs.length < options.minGroup) continue;
    // A type is pulled towards its method's rate: 107 right of 107 counterbores is not certainty.
    const parent = key.includes('/') ? byGroup.get(key.split('/')[0]!) : undefined;
    const curve = fitIsotonic(obs, { ...options, ...(parent ? { prior: rate(parent) } : {}) });
    if (curve) curves[key] = curve;
  }
  return curves;
}

/** Whether a part clears `table`'s threshold as review.ts decides (features, left faces, DFM). */
export function clears(part: LabelledPart, table: CalibrationTable, threshold = table.autoQuoteThreshold): boolean {
  return (
    part.modelRan &&
    part.dfmErrors === 0 &&
    part.doubtfulFaces === 0 &&
    part.features.every((f) => !f.needsReview && calibratedConfidence(asFeature(f), table) >= threshold) &&
    part.stockFaces.every((f) => calibratedStock(f.score, table) >= threshold)
  );
}

/** The lowest calibrated value among what a part's auto-quote rests on (features and left faces). */
function weakest(part: LabelledPart, table: CalibrationTable): number {
  return Math.min(
    ...part.features.map((f) => calibratedConfidence(asFeature(f), table)),
    ...part.stockFaces.map((f) => calibratedStock(f.score, table)),
    1,
  );
}

/**
 * The lowest threshold whose auto-quoted development parts are right at least `targetPrecision`
 * of the time even if one more of them were wrong (right / (auto + 1)): a threshold whose
 * precision rests on not having met the next wrong part is too low. No stricter candidate may
 * fall below the target either, so that a lucky dip does not set it. 1 when none qualifies.
 */
export function chooseThreshold(parts: readonly LabelledPart[], groups: CalibrationTable['groups'], targetPrecision: number): number {
  const table: CalibrationTable = { fitted: {}, groups, autoQuoteThreshold: 1 };
  const candidates = [...new Set(parts.map((p) => weakest(p, table)))].sort((a, b) => b - a);
  let chosen = 1;
  for (const t of candidates) {
    const auto = parts.filter((p) => clears(p, table, t));
    const right = auto.filter((p) => p.right).length;
    if (auto.length > 0 && right / auto.length < targetPrecision) break;
    if (right / (auto.length + 1) >= targetPrecision) chosen = t;
  }
  return chosen;
}
