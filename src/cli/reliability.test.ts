/** The figures `vectis eval` prints for calibration: reliability bins, ECE, automation. */
import { describe, expect, it } from 'vitest';
import { automation, reliability } from './reliability.ts';

const points = (confidence: number, ...rights: boolean[]) => rights.map((right) => ({ confidence, right }));

describe('reliability and automation', () => {
  it('computes the ECE of a small example by hand', () => {
    // Bin 0.1-0.2: 2 features at 0.15, none right: gap 0.15. Bin 0.9-1.0: 4 at 0.95, 3 right:
    // gap 0.2. ECE = 2/6 · 0.15 + 4/6 · 0.2 = 0.05 + 0.1333.
    const r = reliability([...points(0.15, false, false), ...points(0.95, true, true, true, false)]);
    expect(r.bins.map((b) => [b.lo, b.count])).toEqual([
      [0.1, 2],
      [0.9, 4],
    ]);
    expect(r.bins[1]!.accuracy).toBe(0.75);
    expect(r.ece).toBeCloseTo(0.05 + 0.2 * (4 / 6), 12);
    // A confidence of exactly 1 falls in the last bin, not past it.
    expect(reliability([{ confidence: 1, right: true }]).bins[0]!.lo).toBe(0.9);
    expect(reliability([]).ece).toBe(0);
  });
  it('counts the automation rate and the precision of auto-quoted parts', () => {
    const parts = [
      { autoQuote: true, right: true },
      { autoQuote: true, right: false },
      { autoQuote: false, right: true },
      { autoQuote: false, right: false },
    ];
    expect(automation(parts)).toEqual({ parts: 4, auto: 2, rate: 0.5, precision: 0.5 });
    expect(automation([{ autoQuote: false, right: true }]).precision).toBeNull();
  });
});
