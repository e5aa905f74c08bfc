/**
 * `vectis eval --losses` (src/cli/eval-losses.ts) on a real analysis with the shipped model: the
 * truth is taken to be the model's own labels, so every face the final class gets wrong is a loss,
 * and one face's final class is moved on purpose to make such a loss happen.
 */
import { describe, expect, it } from 'vitest';
import { analyze, mfcadppId, MFCADPP_CLASSES } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { modelClassIds } from '../src/cli/eval-common.ts';
import { LossCollector } from '../src/cli/eval-losses.ts';
import { fixture } from './fixtures.ts';

useNodeHost();
const MODEL = defaultModelPath();

/** The "lost" column of a class's row in the table. */
function lostOf(text: string, cls: number): number {
  const row = text.split('\n').find((l) => l.startsWith(`| ${MFCADPP_CLASSES[cls]} |`));
  return row ? Number(row.split('|')[5]) : 0;
}

describe.skipIf(!MODEL)('vectis eval --losses', () => {
  it('lists a face fusion gets wrong where the model is right, with the feature that gave the class', async () => {
    const r = await analyze(fixture('prismatic.step'), { model: MODEL });
    const truth = modelClassIds(r)!;
    const pocket = r.features.find((f) => f.type === 'pocket' && f.method === 'geometric')!;
    const face = pocket.faces[0]!;
    const before = new LossCollector();
    before.add('part', truth, r);

    r.faces[face]!.mfcadClass = mfcadppId('rectangular_blind_slot');
    const after = new LossCollector();
    after.add('part', truth, r);
    const text = after.format();
    expect(lostOf(text, truth[face]!)).toBe(lostOf(before.format(), truth[face]!) + 1);
    expect(text).toMatch(/faces, 1 parts: geometric pocket rectangular → rectangular_blind_slot {2}\[part\]/);
  });
});
