/**
 * Finishes an estimator does not count (features/count-marks.ts): rounds that break an edge and
 * engraved lettering are reported for the quote but counted as no Fillet and no Pocket, on the
 * finish-marks fixture (scripts/count-fixtures.ts, dimensions in test/count-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { finishMarks } from '../src/analysis/features/count-marks.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [, , , POCKET, , FILLET] = COUNT_CLASSES;
const { finishMarks: fm } = COUNT_FIXTURES;

describe('edge rounds and engravings', () => {
  it.each(['finish-marks.step', 'finish-marks-rotated.step'])('%s: every round and cut reported, the finishes not counted', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    // The recogniser keeps all five rounds (the quote prices the deburr too) and the letters.
    const radii = r.features
      .filter((f) => f.type === 'fillet')
      .map((f) => Number(f.params.radius))
      .sort((a, b) => a - b);
    expect(radii).toEqual([...Array(4).fill(fm.edgeRound), fm.fillet].map((x) => expect.closeTo(x, 3)));
    const depths = r.features
      .filter((f) => f.type === 'pocket')
      .map((f) => Number(f.params.depth))
      .sort((a, b) => a - b);
    expect(depths).toEqual([fm.engraving, fm.engraving, fm.pocket[4]].map((x) => expect.closeTo(x, 3)));
    expect(countFeatures(r)).toEqual({ [FILLET]: 1, [POCKET]: 1 });
    // Without the part's box nothing says what is small: every round and every cut counts.
    expect(countFeatures({ features: r.features })).toEqual({ [FILLET]: 5, [POCKET]: 3 });
  });

  it('keeps a small round or a shallow cut on a small part: a share of the part, not only a size', () => {
    const part = (size: number) => ({ bbox: { min: [0, 0, 0] as [number, number, number], max: [size, size, size] as [number, number, number] } });
    const features: { type: string; method: 'geometric'; params: Record<string, number> }[] = [
      { type: 'fillet', method: 'geometric', params: { radius: 0.25 } },
      { type: 'pocket', method: 'geometric', params: { depth: 0.3 } },
      { type: 'fillet', method: 'geometric', params: { radius: 0.8 } },
    ];
    // A 6 mm watch part: R0.25 and a 0.3 mm recess are its shape (over 1 % of its diagonal).
    expect([...finishMarks({ features, part: part(3.5) })]).toEqual([]);
    // A 100 mm part: both are finishes; R0.8 is more than a general note's break.
    expect([...finishMarks({ features, part: part(100) })]).toEqual([0, 1]);
  });
});
