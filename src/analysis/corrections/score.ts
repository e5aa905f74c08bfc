/**
 * The pipeline scored against estimators' corrections, feature by feature, with the project's one
 * confusion-matrix Evaluator (features/evaluate.ts) over feature types plus NONE ("no feature").
 *
 * Each estimator feature is paired with the pipeline feature it came from (its first origin):
 * - a feature kept or retyped: (truth = estimator's type, predicted = pipeline's type);
 * - not_a_feature, and the second and later features of a merge: (NONE, pipeline's type), a
 *   feature the pipeline reported that is not there (a false positive of its class);
 * - name_region and the new piece of a split: (estimator's type, NONE), a feature it missed.
 * A redimension keeps the type right (it is counted apart, as `redimensioned`).
 *
 * Only parts an estimator corrected at least once are scored: a part nobody looked at says
 * nothing about whether its features are right.
 */
import { Evaluator } from '../features/evaluate.ts';
import { applyCorrections, type PipelineFeature } from './apply.ts';
import type { CorrectionInput } from './schema.ts';

export const NONE = 'none';

export interface TypePair {
  truth: string;
  predicted: string;
}

/** One corrected part: the pipeline's features and the corrections made on them, in order. */
export interface CorrectedPart {
  features: readonly PipelineFeature[];
  corrections: readonly CorrectionInput[];
  faceCount: number;
}

export function typePairs(part: CorrectedPart): { pairs: TypePair[]; redimensioned: string[] } {
  const truth = applyCorrections(part.features, part.corrections, part.faceCount);
  const byId = new Map(part.features.map((f) => [f.id, f]));
  const paired = new Set<number>();
  const pairs: TypePair[] = [];
  for (const t of truth) {
    const [first, ...rest] = t.origins;
    const p = first === undefined ? undefined : byId.get(first);
    if (p && !paired.has(p.id)) {
      paired.add(p.id);
      pairs.push({ truth: t.type, predicted: p.type });
    } else {
      pairs.push({ truth: t.type, predicted: NONE });
    }
    for (const id of rest) {
      const merged = byId.get(id);
      if (merged && !paired.has(id)) {
        paired.add(id);
        pairs.push({ truth: NONE, predicted: merged.type });
      }
    }
  }
  for (const p of part.features) if (!paired.has(p.id)) pairs.push({ truth: NONE, predicted: p.type });
  return { pairs, redimensioned: truth.filter((t) => t.redimensioned).map((t) => t.type) };
}

export interface ClassScore {
  type: string;
  precision: number;
  recall: number;
  /** Features of this type in the estimators' view. */
  support: number;
  /** Features of this type the pipeline reported. */
  predicted: number;
}

/** Per-type precision and recall over these pairs (NONE itself is not a class of the report). */
export function scorePairs(pairs: readonly TypePair[]): ClassScore[] {
  const classes = [...new Set(pairs.flatMap((p) => [p.truth, p.predicted]))].filter((c) => c !== NONE).sort();
  const ids = [NONE, ...classes];
  const index = new Map(ids.map((c, i) => [c, i]));
  const evaluator = new Evaluator(ids);
  evaluator.add(
    pairs.map((p) => index.get(p.truth)!),
    pairs.map((p) => index.get(p.predicted)!),
  );
  const { perClass, confusion } = evaluator.result();
  return perClass
    .filter((c) => c.name !== NONE)
    .map((c) => ({
      type: c.name,
      precision: c.precision,
      recall: c.recall,
      support: c.support,
      predicted: confusion.reduce((a, row) => a + row[c.id]!, 0),
    }));
}
