/**
 * Face classes scored twice, the same way for every labelled format: the pipeline's final class
 * (`mfcadClass`) and, when our machining-feature model ran on every part, its raw `label` alone.
 */
import { STOCK_CLASS, mfcadppId, Evaluator, type Evaluation, type AnalysisResult } from '../analysis/index.ts';
import { modelClassIds } from './eval-common.ts';

/**
 * A label that means "a hole, either end": our generator's counterbored and countersunk holes
 * are through or blind (features.ts draws both), and MFCAD++ has only through_hole and
 * blind_hole, so such a face is right as either.
 */
export const ANY_HOLE = -1;
const HOLES = new Set([mfcadppId('through_hole'), mfcadppId('blind_hole')]);

/** Truth with every ANY_HOLE resolved against the prediction (the prediction's hole, else through). */
export function resolveTruth(truth: readonly number[], predicted: readonly number[]): number[] {
  return truth.map((t, i) => (t !== ANY_HOLE ? t : HOLES.has(predicted[i]!) ? predicted[i]! : mfcadppId('through_hole')));
}

export class ClassScores {
  private readonly final = new Evaluator();
  private readonly model = new Evaluator();
  private parts = 0;
  private modelParts = 0;

  /** `truth` in MFCAD++ ids (ANY_HOLE allowed), one per face of `result`. */
  add(truth: readonly number[], result: AnalysisResult): number[] {
    const final = result.faces.map((f) => f.mfcadClass ?? STOCK_CLASS);
    this.final.add(resolveTruth(truth, final), final);
    const model = modelClassIds(result);
    if (model) {
      this.model.add(resolveTruth(truth, model), model);
      this.modelParts++;
    }
    this.parts++;
    return final;
  }

  /** The final classes' evaluation, with the model's when it labelled every part. */
  result(): Evaluation & { model?: Evaluation } {
    const out: Evaluation & { model?: Evaluation } = this.final.result();
    if (this.modelParts === this.parts && this.parts > 0) out.model = this.model.result();
    return out;
  }
}
