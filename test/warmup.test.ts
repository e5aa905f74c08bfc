/** The engines' warm-up part must exercise what real parts do: B-spline faces and blends, read and meshed. */
import { describe, expect, it } from 'vitest';
import { analyze, warmUp, yieldWarmUp } from '../src/analysis/index.ts';
import { WARMUP_PART_STEP } from '../src/analysis/warmup-part-step.ts';

describe('warm-up part', () => {
  it('reads, meshes and recognises, with B-spline faces and rounded edges among its faces', async () => {
    const r = await analyze(new TextEncoder().encode(WARMUP_PART_STEP), { fileName: 'warmup.step' });
    const surfaces = new Set(r.faces.map((f) => f.surface));
    expect(surfaces).toContain('bspline');
    expect(surfaces).toContain('cylinder');
    expect(r.part.solids).toBe(1);
    expect(r.mesh.faceRanges.every(([, count]) => count > 0)).toBe(true);
    expect(r.features.filter((f) => f.type === 'fillet').length).toBeGreaterThanOrEqual(4);
    expect(r.features.some((f) => f.type === 'hole')).toBe(true);
  });

  it('runs its analyses to the end unless a file arrives, which stops it before the first one ends', async () => {
    expect(await warmUp({ tierUpRounds: 2 })).toEqual({ outcome: 'done', analyses: 3 });
    // The browser worker calls yieldWarmUp as a file arrives: the warm-up in flight stops at its
    // next stage, the first analysis included (the file must not wait for its remaining stages).
    const running = warmUp({ tierUpRounds: 2 });
    yieldWarmUp();
    expect(await running).toEqual({ outcome: 'yielded', analyses: 0 });
  });
});
