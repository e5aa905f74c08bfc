/**
 * Feature counts as an estimator reads them (MFCAD-VLM's 16 classes) and their scores: the metric
 * arithmetic on hand-worked counts, the whole folder scorer on a folder built from our fixtures
 * (runs anywhere), and the real exports with expert counts (skips loudly without ../shared).
 */
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countClassNamed, countFeatures, scoreCounts } from '../src/analysis/index.ts';
import { defaultModelPath } from '../src/analysis/hosts/node.ts';
import { evaluateCountFolder, formatCountEvaluation, isCountFolder } from '../src/cli/count-eval.ts';
import { FIXTURE_DIR, HAS_SHARED, SHARED_DATA, fixture } from './fixtures.ts';

const [HOLE, SLOT, , POCKET, , FILLET] = COUNT_CLASSES;
const VLM = join(SHARED_DATA, 'real', 'mfcad-vlm');

describe('count metrics', () => {
  it('scores accuracy, precision and exact pairs as defined in count-score.ts', () => {
    const s = scoreCounts([
      // Holes 4 of 6 found, one fillet too many, a pocket invented.
      { part: 'a', truth: { [HOLE]: 6, [FILLET]: 1 }, predicted: { [HOLE]: 4, [FILLET]: 2, [POCKET]: 1 } },
      // Exact on its only class; a class neither side has is no pair.
      { part: 'b', truth: { [SLOT]: 2 }, predicted: { [SLOT]: 2, [POCKET]: 0 } },
    ]);
    expect([s.truthUnits, s.predictedUnits, s.matchedUnits]).toEqual([9, 9, 7]);
    expect(s.accuracy).toBeCloseTo(7 / 9, 9);
    expect(s.precision).toBeCloseTo(7 / 9, 9);
    expect([s.exactPairs, s.pairs]).toEqual([1, 4]);
    // On expert classes only: holes 4/6 no, fillet 2/1 no, slots 2/2 yes.
    expect([s.exactTruthPairs, s.truthPairs]).toEqual([1, 3]);
    expect(s.hallucination).toBeCloseTo(1 / 9, 9);
  });

  it("reads the benchmark's class names, full or short", () => {
    expect(countClassNamed('Hole (Through / Blind Hole)')).toBe(HOLE);
    expect(countClassNamed('fillet / round')).toBe(FILLET);
    expect(countClassNamed('Knurl')).toBeUndefined();
  });
});

describe('counting features of a fixture', () => {
  it('counts every hole of a pattern, as experts count equal holes', async () => {
    // plate-holes: a 2 x 2 counterbore grid, 2 countersinks, 2 blind holes, 1 counterdrilled hole.
    const counts = countFeatures(await analyze(fixture('plate-holes.step'), { fileName: 'plate-holes.step' }));
    expect(counts).toEqual({ [HOLE]: 9 });
  });

  it('scores a folder of STEP files with expert counts beside them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vectis-counts-'));
    copyFileSync(join(FIXTURE_DIR, 'plate-holes.step'), join(folder, 'plate.step'));
    const truth = [
      { feature_name: 'Hole (Through / Blind Hole)', quantity: 9 },
      { feature_name: 'Fillet / Round (Concave / Convex)', quantity: 1 },
    ];
    writeFileSync(join(folder, 'plate.json'), JSON.stringify({ identified_features: truth }));
    expect(await isCountFolder(folder)).toBe(true);
    const e = await evaluateCountFolder(folder, () => undefined, { model: undefined });
    expect(e.parts).toBe(1);
    expect(e.accuracy).toBeCloseTo(9 / 10, 9);
    expect(e.precision).toBe(1);
    expect([e.exactPairs, e.pairs]).toEqual([1, 2]);
    // The table names, per class, the parts furthest off: here the fillet the plate lacks.
    const table = formatCountEvaluation(e).split('\n');
    expect(table.find((l) => l.startsWith('Fillet'))).toMatch(/\b0\/1\s+plate 1\/0$/);
    expect(table.find((l) => l.startsWith('Hole'))).toMatch(/\b1\/1\s*$/);
  });

  it('does not take a folder of face labels for count files', async () => {
    expect(await isCountFolder(FIXTURE_DIR)).toBe(false);
  });
});

describe.skipIf(!HAS_SHARED || !existsSync(VLM))('MFCAD-VLM development third (../shared/data/real/mfcad-vlm)', () => {
  it('analyses and scores all 33 parts', async () => {
    const failures: string[] = [];
    // The shipped model on, as `vectis eval` runs it: the product's answer.
    const e = await evaluateCountFolder(VLM, (line) => failures.push(line), { model: defaultModelPath() });
    expect(e.parts).toBe(33);
    expect(failures).toEqual([]);
    expect(e.truthUnits).toBe(199);
    // Floors a little under the figures measured with the estimator's units (docs/recognition.md,
    // 2026-12-03, after the spigot shoulders, multi-body weldments and blends inside turned bores:
    // 89.4 / 90.4 / 73.3 %; before them 87.4 / 88.8 / 68.3 %), so a change that breaks counting
    // fails here.
    expect(e.accuracy).toBeGreaterThanOrEqual(0.89);
    expect(e.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.exact).toBeGreaterThanOrEqual(0.73);
  }, 300_000);
});
