/**
 * The training-data generator: reproducible parts, one label per face in TopExp order (checked
 * against a STEP re-read by analyze()), and every feature class cut with its own label.
 */
import { describe, expect, it } from 'vitest';
import { analyze, getEngine } from '../../../src/analysis/index.ts';
import { CLASS_NAMES, classId } from './classes.ts';
import { SPECS, place, type Ctx } from './features.ts';
import { boxFrames } from './geom.ts';
import { LabelledSolid } from './labelled.ts';
import { Builder } from './occ.ts';
import { generatePart, type GeneratedPart } from './part.ts';
import { Rng } from './rng.ts';

// Seed 1 draws one part of each kind for indices 0-2 (turned, prismatic, mfcad).
const SEED = 1;

describe('generator', () => {
  let first: GeneratedPart[] = [];

  it('builds three parts of the three kinds whose labels match a STEP re-read', async () => {
    const oc = await getEngine();
    first = [];
    for (let i = 0; i < 3; i++) first.push(await generatePart(oc, SEED, i));
    expect(first.map((p) => p.record.kind).sort()).toEqual(['mfcad', 'prismatic', 'turned']);
    for (const part of first) {
      const { labels, surface, instances, class_names } = part.record;
      expect(class_names).toEqual([...CLASS_NAMES]);
      const result = await analyze(part.step, { fileName: `${part.name}.step` });
      expect(labels.length).toBe(result.faces.length);
      expect(surface.length).toBe(labels.length);
      expect(instances.length).toBe(labels.length);
      expect(result.faces.map((f) => f.surface)).toEqual(surface.map((s) => s.toLowerCase()));
      expect(labels.every((l) => Number.isInteger(l) && l >= 0 && l < CLASS_NAMES.length)).toBe(true);
      expect(new Set(labels).size).toBeGreaterThan(1);
    }
    expect(first.find((p) => p.record.kind !== 'turned')!.record.labels).toContain(classId('stock'));
    expect(first.find((p) => p.record.kind === 'turned')!.record.labels).toContain(classId('turned_profile'));
  });

  it('is deterministic: the same seed gives the same STEP bytes and labels', async () => {
    const oc = await getEngine();
    for (let i = 0; i < 3; i++) {
      const again = await generatePart(oc, SEED, i);
      expect(again.record).toEqual(first[i]!.record);
      expect(Buffer.from(again.step).equals(Buffer.from(first[i]!.step))).toBe(true);
    }
  });

  it('labels the faces of every feature class with that class', async () => {
    const oc = await getEngine();
    const b = new Builder(oc);
    for (const spec of SPECS.filter((s) => s.bound !== 'blend')) {
      const rng = new Rng(11, classId(spec.name));
      const ctx: Ctx = { b, rng, s: 1, minLen: 2, clr: 1, m: 0.5 };
      const solid = LabelledSolid.of(b, b.box(40, 30, 20), classId('stock'));
      let cut = false;
      for (let attempt = 0; attempt < 20 && !cut; attempt++) {
        const placed = place(ctx, boxFrames(40, 30, 20)[0]!, spec, 1);
        if (placed) cut = solid.cut(placed.tool, classId(spec.name), 1, 0.01);
      }
      expect(cut, spec.name).toBe(true);
      expect(solid.labels.filter((l) => l === classId(spec.name)).length, spec.name).toBeGreaterThan(0);
      expect(solid.labels.length).toBe(solid.faces.size);
      solid.dispose();
    }
  });
});
