/** Face-level evaluation against labelled data: accuracy, per-class precision/recall/F1, confusion. */
import { MFCADPP_CLASSES } from './classes.ts';

export interface Evaluation {
  faces: number;
  correct: number;
  accuracy: number;
  /** confusion[truth][predicted] over MFCAD++ ids. */
  confusion: number[][];
  perClass: { id: number; name: string; support: number; precision: number; recall: number; f1: number }[];
}

export class Evaluator {
  private readonly confusion = MFCADPP_CLASSES.map(() => MFCADPP_CLASSES.map(() => 0));

  add(truth: number[], predicted: number[]): void {
    truth.forEach((t, i) => this.confusion[t]![predicted[i]!]!++);
  }

  result(): Evaluation {
    const n = MFCADPP_CLASSES.length;
    let faces = 0;
    let correct = 0;
    for (let t = 0; t < n; t++) for (let p = 0; p < n; p++) {
      faces += this.confusion[t]![p]!;
      if (t === p) correct += this.confusion[t]![p]!;
    }
    const perClass = MFCADPP_CLASSES.map((name, id) => {
      const tp = this.confusion[id]![id]!;
      const support = this.confusion[id]!.reduce((a, b) => a + b, 0);
      const predicted = this.confusion.reduce((a, row) => a + row[id]!, 0);
      const precision = predicted ? tp / predicted : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { id, name, support, precision, recall, f1 };
    }).filter((c) => c.support > 0 || this.confusion.some((row) => row[c.id]! > 0));
    return { faces, correct, accuracy: faces ? correct / faces : 0, confusion: this.confusion, perClass };
  }
}
