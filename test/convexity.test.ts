/** Convexity against the check values of BRepNet's own tests (docs/model-inputs.md §a.4). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { HAS_SHARED, shared, sharedFiles } from './fixtures.ts';
import { convexityCounts, seamEdges } from './invariants.ts';

describe.skipIf(!HAS_SHARED)('BRepNet unit-test solids', () => {
  it('block_hole: 1 concave, 13 convex, 1 smooth', async () => {
    const r = await analyze(shared('brepnet/test_data/block_hole.step'));
    expect(convexityCounts(r)).toEqual({ convex: 13, concave: 1, smooth: 1, none: 0 });
  });

  it.each(sharedFiles('brepnet/test_data', /\.step$/))('%s: seam edges are smooth', async (file) => {
    const r = await analyze(shared(file));
    for (const seam of seamEdges(r)) expect(seam.convexity).toBe('smooth');
  });

  it('the 197-face example has convex, concave and smooth edges and no unresolved ones', async () => {
    const r = await analyze(shared('brepnet/step_examples/42811_d1f01a68_2.stp'));
    const counts = convexityCounts(r);
    expect(counts.none).toBe(0);
    expect(counts.convex + counts.concave + counts.smooth).toBe(r.edges.length);
    expect(seamEdges(r).every((e) => e.convexity === 'smooth')).toBe(true);
  });
});
