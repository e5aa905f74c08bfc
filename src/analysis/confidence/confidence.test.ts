/**
 * Calibrated confidence: the isotonic fit and its curves, the shipped table, the review decision,
 * and the reliability figures `vectis eval` prints, each against cases worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Feature } from '../result.ts';
import { calibrateFeatures, calibratedConfidence, calibratedStock, signalsOf, STOCK_FACE_GROUP, type CalibrationTable } from './calibrate.ts';
import { chooseThreshold, clears, fitCurves, type LabelledPart } from './fit.ts';
import { CALIBRATION } from './fitted.ts';
import { applyCurve, fitIsotonic, type Observation } from './isotonic.ts';
import { reviewOf } from './review.ts';

const obs = (score: number, ...rights: boolean[]): Observation[] => rights.map((right) => ({ score, right }));

describe('isotonic calibration', () => {
  it('fits block rates by hand: monotone data keeps its blocks, a violation is pooled', () => {
    const exact = { minBlock: 1, priorWeight: 0 };
    const curve = fitIsotonic([...obs(0.2, false, false), ...obs(0.4, true, false), ...obs(0.6, true, true)], exact)!;
    expect(curve).toEqual({ x: [0.2, 0.4, 0.6], y: [0, 0.5, 1], n: [2, 2, 2] });
    expect(applyCurve(curve, 0.3)).toBeCloseTo(0.25, 12);
    expect(applyCurve(curve, 0)).toBe(0);
    expect(applyCurve(curve, 1)).toBe(1);
    // 0.2 right, 0.4 wrong: a higher score may not be worse, so both are one block at 0.5.
    expect(fitIsotonic([...obs(0.2, true), ...obs(0.4, false)], exact)).toEqual({ x: [0.3], y: [0.5], n: [2] });
  });

  it('pulls small blocks towards the overall rate and pools blocks under minBlock', () => {
    // Blocks 0/2 and 2/2, overall 0.5, two pseudo-features each: (0+1)/4 and (2+1)/4.
    expect(fitIsotonic([...obs(0.2, false, false), ...obs(0.8, true, true)], { minBlock: 1, priorWeight: 2 })!.y).toEqual([0.25, 0.75]);
    // A type pulled towards its method's rate (0.9) instead: (0+1.8)/4 and (2+1.8)/4.
    expect(fitIsotonic([...obs(0.2, false, false), ...obs(0.8, true, true)], { minBlock: 1, priorWeight: 2, prior: 0.9 })!.y).toEqual([0.45, 0.95]);
    // With minBlock 3 neither block stands alone: one knot at the overall rate.
    expect(fitIsotonic([...obs(0.2, false, false), ...obs(0.8, true, true)], { minBlock: 3, priorWeight: 2 })).toEqual({
      x: [0.5],
      y: [0.5],
      n: [4],
    });
  });

  it('is monotone on noisy data: knots never fall, nor does the curve between them', () => {
    let s = 7;
    const random = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const data = Array.from({ length: 500 }, () => {
      const score = random();
      return { score, right: random() < score * score };
    });
    const curve = fitIsotonic(data, { minBlock: 20, priorWeight: 2 })!;
    for (let i = 1; i < curve.x.length; i++) {
      expect(curve.x[i]!).toBeGreaterThan(curve.x[i - 1]!);
      expect(curve.y[i]!).toBeGreaterThanOrEqual(curve.y[i - 1]!);
      expect(curve.n[i]!).toBeGreaterThanOrEqual(20);
    }
    let last = -1;
    for (let x = 0; x <= 1; x += 0.01) {
      const y = applyCurve(curve, x);
      expect(y).toBeGreaterThanOrEqual(last);
      last = y;
    }
  });
});

const feature = (over: Partial<Feature>): Feature => ({ id: 0, type: 'hole', faces: [0], params: {}, confidence: 1, method: 'geometric', ...over });

describe('the shipped table', () => {
  it('has monotone curves of probabilities, and every method has a fallback curve', () => {
    for (const [key, c] of Object.entries(CALIBRATION.groups)) {
      expect(c.x.length, key).toBe(c.y.length);
      for (let i = 0; i < c.y.length; i++) {
        expect(c.y[i]!, key).toBeGreaterThanOrEqual(0);
        expect(c.y[i]!, key).toBeLessThanOrEqual(1);
        if (i > 0) expect(c.y[i]!, key).toBeGreaterThanOrEqual(c.y[i - 1]!);
      }
    }
    for (const method of ['geometric', 'geometric+model', 'ml', 'review']) expect(CALIBRATION.groups[method], method).toBeDefined();
    expect(CALIBRATION.autoQuoteThreshold).toBeGreaterThan(0.5);
  });

  it('maps each group knot to its fitted value, a rare type through its method, and is idempotent', () => {
    for (const [key, c] of Object.entries(CALIBRATION.groups)) {
      if (key === STOCK_FACE_GROUP) {
        expect(calibratedStock(c.x.at(-1)!)).toBeCloseTo(c.y.at(-1)!, 3);
        continue;
      }
      const [group, type] = key.split('/');
      const method = group === 'ml' ? 'ml' : group === 'review' ? 'review' : 'geometric';
      const params: Feature['params'] = group === 'geometric+model' ? { ml_agreement: 1 } : {};
      const f = feature({
        method,
        type: type ?? 'no_such_type',
        params,
        confidence: c.x[0]!,
        ...(method === 'review' ? { needs_review: true } : {}),
      });
      expect(signalsOf(f).groups[0] === key || signalsOf(f).groups.at(-1) === key, key).toBe(true);
      expect(calibratedConfidence(f), key).toBeCloseTo(c.y[0]!, 3);
    }
    const f = feature({ method: 'ml', type: 'pocket', confidence: 0.93 });
    calibrateFeatures([f], []);
    const once = { ...f };
    calibrateFeatures([f], []);
    expect(f).toEqual(once);
    expect(f.score).toBe(0.93);
  });

  it('keeps a raw score where no table has a curve', () => {
    const empty: CalibrationTable = { fitted: {}, groups: {}, autoQuoteThreshold: 1 };
    expect(calibratedConfidence(feature({ confidence: 0.42 }), empty)).toBe(0.42);
  });
});

describe('fitting the table and the threshold', () => {
  const part = (scores: number[], right: boolean): LabelledPart => ({
    features: scores.map((score) => ({ method: 'ml', type: 'pocket', score, needsReview: false, right })),
    right,
    dfmErrors: 0,
    doubtfulFaces: 0,
    stockFaces: [],
    modelRan: true,
  });
  const exact = { minBlock: 5, priorWeight: 0, minGroup: 1, targetPrecision: 0.99 };
  it('chooses the lowest threshold whose auto-quoted parts (and every stricter set) stay right 99 % of the time with one more wrong', () => {
    // 200 right parts at 0.95, 10 wrong at 0.6: the curve is 0 at 0.6 and 1 at 0.95.
    const parts = [...Array.from({ length: 200 }, () => part([0.95], true)), ...Array.from({ length: 10 }, () => part([0.6], false))];
    const groups = fitCurves(parts, exact);
    expect(groups.ml!.y).toEqual([0, 1]);
    expect(chooseThreshold(parts, groups, 0.99)).toBe(1);
    // One wrong part among the sure ones: 200 / (201 + 1) = 0.9901 still clears 0.99, at the
    // curve's 200/201.
    const oneWrong = [...parts, part([0.95], false)];
    expect(chooseThreshold(oneWrong, fitCurves(oneWrong, exact), 0.99)).toBeCloseTo(200 / 201, 3);
    // Two wrong: 200 / 203 < 0.99, nothing qualifies but certainty.
    const twoWrong = [...oneWrong, part([0.95], false)];
    expect(chooseThreshold(twoWrong, fitCurves(twoWrong, exact), 0.99)).toBe(1);
    // With 100 right and one wrong, 100 / 102 falls short although 100 / 101 would not.
    const few = [...Array.from({ length: 100 }, () => part([0.95], true)), part([0.95], false), ...parts.slice(200)];
    expect(chooseThreshold(few, fitCurves(few, exact), 0.99)).toBe(1);
  });
  it("fits the left faces' stock probability as a curve of its own, and a part waits on its weakest face too", () => {
    // The wrong parts' features are right here: only their left face is not stock.
    const withStock = (score: number, right: boolean): LabelledPart => ({ ...part([0.95], true), right, stockFaces: [{ score, right }] });
    const parts = [...Array.from({ length: 50 }, () => withStock(0.99, true)), ...Array.from({ length: 10 }, () => withStock(0.7, false))];
    const groups = fitCurves(parts, exact);
    expect(groups['stock-face']).toEqual({ x: [0.7, 0.99], y: [0, 1], n: [10, 50] });
    const table: CalibrationTable = { fitted: {}, groups, autoQuoteThreshold: 0.9 };
    expect(clears(parts[0]!, table)).toBe(true);
    expect(clears(parts[59]!, table)).toBe(false);
    expect(clears({ ...parts[0]!, modelRan: false }, table)).toBe(false);
  });
});

const table = (autoQuoteThreshold: number): CalibrationTable => ({ fitted: {}, groups: {}, autoQuoteThreshold });
const face = (id: number, label: string, confidence: number) => ({ id, label, confidence }) as never;
const model = { version: 'm', classKind: 'machining-features', classes: [] };

describe('review', () => {
  const sure = feature({ id: 1, confidence: 0.999 });
  it('auto-quotes a part whose features all clear the threshold', () => {
    expect(reviewOf({ features: [sure], dfm: [], faces: [], model }, table(0.99))).toEqual({ auto_quote: true, reasons: [] });
  });
  it('holds back a part with a needs_review feature, a feature below the threshold, or a DFM error', () => {
    const unmeasured = feature({
      id: 2,
      type: 'unrecognised',
      method: 'review',
      hint: 'rectangular_pocket',
      needs_review: true,
      confidence: 0.999,
      faces: [3, 4],
    });
    const r = reviewOf({ features: [sure, unmeasured], dfm: [], faces: [], model }, table(0.99));
    expect(r.auto_quote).toBe(false);
    expect(r.reasons).toEqual(['feature 2 (unrecognised, model: rectangular_pocket, 2 faces) needs review: no size measured']);
    expect(reviewOf({ features: [feature({ id: 3, confidence: 0.98 })], dfm: [], faces: [], model }, table(0.99)).reasons).toEqual([
      'feature 3 (hole, 1 face) confidence 0.980 below 0.99',
    ]);
    const dfm = [{ code: 'IMPLAUSIBLE_SIZE', severity: 'error' as const, message: 'too big', faces: [], expected: 1, actual: 2 }];
    expect(reviewOf({ features: [sure], dfm, faces: [], model }, table(0.99)).auto_quote).toBe(false);
  });
  it('holds back a part with a face in no feature that the model does not call stock, or not surely', () => {
    const faces = [
      face(0, 'through_hole', 0.99),
      face(1, 'stock', 0.97),
      face(2, 'stock', 0.45),
      face(3, 'rectangular_pocket', 0.8),
      face(4, 'stock', 0.6),
    ];
    const r = reviewOf({ features: [feature({ faces: [0] })], dfm: [], faces, model }, table(0.9));
    expect(r.reasons).toEqual([
      'faces 2, 3: in no feature, and the model does not call them plain stock',
      'face 4: in no feature, and not sure enough to be plain stock (below 0.9)',
    ]);
  });
  it('cannot rule out a missed feature without a machining-feature model', () => {
    const r = reviewOf({ features: [sure], dfm: [], faces: [face(0, 'stock', 1)] }, table(0.5));
    expect(r).toEqual({ auto_quote: false, reasons: ['no machining-feature model ran: a feature geometry missed cannot be ruled out'] });
  });
});
