/**
 * A weldment written as several bodies, counted as an estimator counts it
 * (features/count-bodies.ts), on the weldment fixtures (scripts/count-fixtures.ts, dimensions in
 * test/count-fixtures.ts): the beads are no features, the ear welded on is a boss, the tube welded
 * on a pipe whose bore is no hole; the same members merely touching (an assembly) are none of that.
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { bodiesOf } from '../src/analysis/features/bodies.ts';
import { weldment } from '../src/analysis/features/count-bodies.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [HOLE, , , , , , , , , PIPE, BOSS] = COUNT_CLASSES;
const run = (name: string) => analyze(fixture(name), { fileName: name });
const { weldment: wm } = COUNT_FIXTURES;

describe('weldments written as several bodies', () => {
  it.each(['weldment.step', 'weldment-rotated.step'])('%s: beads count nothing, the ear is a boss, the tube a pipe', async (name) => {
    const r = await run(name);
    expect(r.part.solids).toBe(6);
    expect(bodiesOf(r.faces.length, r.edges)).toHaveLength(6);
    const w = weldment(r);
    expect([w.bosses, w.pipes]).toEqual([1, 1]);
    // What the recogniser reads on the beads (the ring's bore round the tube, the beads' bevels)
    // and the tube's bore are the silenced features.
    const silenced = [...w.none].map((i) => r.features[i]!);
    const diameters = silenced.filter((f) => f.type === 'hole').map((f) => Number(f.params.diameter));
    expect(diameters.sort((a, b) => a - b)).toEqual([wm.tubeBore, wm.tube].map((d) => expect.closeTo(d, 3)));
    expect(silenced.filter((f) => f.type === 'chamfer').map((f) => Number(f.params.distance))).toEqual(
      [wm.leg, wm.leg].map((d) => expect.closeTo(d, 3)),
    );
    expect(countFeatures(r)).toEqual({ [HOLE]: 2, [BOSS]: 1, [PIPE]: 1 });
  });

  it('members that merely touch (no bead joins them) are no weldment: every hole counts', async () => {
    const r = await run('weldment-unwelded.step');
    expect(bodiesOf(r.faces.length, r.edges)).toHaveLength(3);
    expect(weldment(r)).toEqual({ none: new Set(), bosses: 0, pipes: 0 });
    expect(countFeatures(r)).toEqual({ [HOLE]: 3 });
  });
});
