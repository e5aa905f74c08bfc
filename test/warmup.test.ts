/** The engines' warm-up part must exercise what real parts do: B-spline faces and blends, read and meshed. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
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
});
