/**
 * Evaluation against labelled data: accuracy, per-class precision/recall/F1, confusion. Faces over
 * MFCAD++ ids by default; any other class list (feature types scored against estimators'
 * corrections, src/analysis/corrections/score.ts) is passed to the constructor.
 */
import { MFCADPP_CLASSES } from './classes.ts';

export interface Evaluation {
  faces: number;
  correct: number;
  accuracy: number;
  /** confusion[truth][predicted] over the evaluator's class ids (MFCAD++ by default). */
  confusion: number[][];
  /** Classes with truth or predictions; iou = tp / (truth + predicted − tp), the segmentation figure. */
  perClass: { id: number; name: string; support: number; precision: number; recall: number; f1: number; iou: number }[];
}

export class Evaluator {
  private readonly confusion: number[][];

  constructor(private readonly classes: readonly string[] = MFCADPP_CLASSES) {
    this.confusion = classes.map(() => classes.map(() => 0));
  }

  add(truth: number[], predicted: number[]): void {
    truth.forEach((t, i) => this.confusion[t]![predicted[i]!]!++);
  }

  result(): Evaluation {
    const n = this.classes.length;
    let faces = 0;
    let correct = 0;
    for (let t = 0; t < n; t++)
      for (let p = 0; p < n; p++) {
        faces += this.confusion[t]![p]!;
        if (t === p) correct += this.confusion[t]![p]!;
      }
    const perClass = this.classes
      .map((name, id) => {
        const tp = this.confusion[id]![id]!;
        const support = this.confusion[id]!.reduce((a, b) => a + b, 0);
        const predicted = this.confusion.reduce((a, row) => a + row[id]!, 0);
        const precision = predicted ? tp / predicted : 0;
        const recall = support ? tp / support : 0;
        const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
        const union = support + predicted - tp;
        return { id, name, support, precision, recall, f1, iou: union ? tp / union : 0 };
      })
      .filter((c) => c.support > 0 || this.confusion.some((row) => row[c.id]! > 0));
    return { faces, correct, accuracy: faces ? correct / faces : 0, confusion: this.confusion, perClass };
  }
}
