/**
 * Multi-body exports (several solids in one STEP file): analysed together, each body's features
 * its own (features/bodies.ts). The generated two-plates fixture (scripts/multibody-fixtures.ts,
 * dimensions in test/multibody-fixtures.ts), also rotated, and the real multi-solid files in
 * ../shared (skipped when absent): no feature holds faces of two bodies.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { FaceGraph } from '../src/analysis/features/graph.ts';
import { bodyOfFaces } from '../src/analysis/features/bodies.ts';
import { HAS_SHARED, fixture, shared } from './fixtures.ts';
import { MULTIBODY_FIXTURES } from './multibody-fixtures.ts';

useNodeHost();

describe('multi-body parts', () => {
  const { twoPlates } = MULTIBODY_FIXTURES;

  it.each(['two-plates.step', 'two-plates-rotated.step'])('%s: equal holes of two plates are no one pattern', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    expect(r.part.solids).toBe(2);
    const holes = r.features.filter((f) => f.type === 'hole');
    expect(holes.every((h) => h.params.diameter === twoPlates.hole)).toBe(true);
    // One lone hole in the first plate, a pattern of two in the second.
    expect(holes.map((h) => h.params.count ?? 1).sort()).toEqual([1, 2]);
    const bodyOf = bodyOfFaces(new FaceGraph(r));
    expect(new Set(bodyOf).size).toBe(2);
    for (const h of holes) expect(new Set(h.faces.map((f) => bodyOf[f])).size).toBe(1);
  });

  it
    .skipIf(!HAS_SHARED)
    .each(['real/occt-import-js/as1-oc-214.stp', 'real/fabricad/geometry_00000010.STEP', 'real/mfcad-vlm/hard_3.stp', 'real/mfcad-vlm/hard_30.STEP'])(
    '%s: every feature lies on one body',
    async (file) => {
      const r = await analyze(shared(file), { fileName: file });
      expect(r.part.solids).toBeGreaterThan(1);
      const bodyOf = bodyOfFaces(new FaceGraph(r));
      const mixed = r.features.filter((f) => new Set(f.faces.map((id) => bodyOf[id])).size > 1).map((f) => f.type);
      expect(mixed).toEqual([]);
    },
  );
});
