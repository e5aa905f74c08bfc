/**
 * An ear drawn in a plate's outline (features/count-ears.ts), on the plate-ear fixture
 * (scripts/count-fixtures.ts, dimensions in test/count-fixtures.ts): the recogniser reads its
 * half-round as outline and its sides with the plate's face as two steps; an estimator counts one
 * boss with its hole and no step.
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { findEars } from '../src/analysis/features/count-ears.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [HOLE, , , , , , , , , , BOSS] = COUNT_CLASSES;
const { plateEar: pe, lug } = COUNT_FIXTURES;

describe('ears drawn in a plate outline', () => {
  it.each(['plate-ear.step', 'plate-ear-rotated.step'])('%s: one boss with its hole, the steps beside it none', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    // What the recogniser reports: the hole, the half-round as outline, a step on either side.
    const round = r.faces.find((f) => f.surface === 'cylinder' && f.params.internal === false)!;
    expect(round.params.radius).toBeCloseTo(pe.width / 2, 3);
    expect(round.outline).toBe(true);
    expect(r.features.filter((f) => f.type === 'step')).toHaveLength(2);
    expect(r.features.find((f) => f.type === 'hole')?.params.diameter).toBeCloseTo(pe.hole, 3);
    const ears = findEars(r);
    expect(ears.ears).toEqual([round.id]);
    expect(ears.steps.size).toBe(2);
    expect(countFeatures(r)).toEqual({ [BOSS]: 1, [HOLE]: 1 });
  });

  it("a plate's round end about a hole, its sides running the plate's length, is no ear", async () => {
    // lug: the half-round end's sides are the plate's own sides, standing out of no face.
    const r = await analyze(fixture('lug.step'), { fileName: 'lug.step' });
    expect(r.faces.some((f) => f.surface === 'cylinder' && Math.abs((f.params.radius ?? 0) - lug.width / 2) < 1e-6)).toBe(true);
    expect(findEars(r).ears).toEqual([]);
  });
});
