/** The one confusion-matrix evaluator (face classes, feature types, the model card's IoU). */
import { describe, expect, it } from 'vitest';
import { Evaluator } from './evaluate.ts';

describe('Evaluator', () => {
  it('counts accuracy, precision, recall and IoU from the confusion matrix', () => {
    const e = new Evaluator(['a', 'b', 'c', 'd']);
    // truth a a b b c, predicted a b b b a: a 1 of 2 right, b 2 of 2 (one a taken for b), c missed.
    e.add([0, 0, 1, 1, 2], [0, 1, 1, 1, 0]);
    const r = e.result();
    expect(r.faces).toBe(5);
    expect(r.accuracy).toBeCloseTo(3 / 5, 12);
    expect(r.confusion).toEqual([
      [1, 1, 0, 0],
      [0, 2, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const by = Object.fromEntries(r.perClass.map((c) => [c.name, c]));
    // 'd' has neither truth nor predictions: not listed.
    expect(Object.keys(by)).toEqual(['a', 'b', 'c']);
    expect(by.a).toMatchObject({ support: 2, precision: 1 / 2, recall: 1 / 2, iou: 1 / 3 });
    expect(by.b).toMatchObject({ support: 2, precision: 2 / 3, recall: 1, iou: 2 / 3 });
    expect(by.c).toMatchObject({ support: 1, precision: 0, recall: 0, iou: 0 });
  });
});
