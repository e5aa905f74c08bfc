/**
 * Flats milled on turned parts (features/turned-flats.ts) on scripts/turned-fixtures.ts's
 * flatted shaft (dimensions in test/turned-fixtures.ts), also rotated: a plane along the axis
 * that the turned surface meets on both long sides is a milled step with its depth below the
 * diameter, its chord and length; a keyway's floor is none.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { fixture } from './fixtures.ts';
import { TURNED_FIXTURES } from './turned-fixtures.ts';

useNodeHost();

const chord = (diameter: number, depth: number) => 2 * Math.sqrt((diameter / 2) ** 2 - (diameter / 2 - depth) ** 2);

describe('flats on turned parts', () => {
  const { flattedShaft: fs } = TURNED_FIXTURES;

  it.each(['flatted-shaft.step', 'flatted-shaft-rotated.step'])('%s: each flat is a milled step, the keyway no flat', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    expect(r.part.process).toBe('mill-turn');
    const flats = r.features.filter((f) => f.type === 'step' && f.params.outline === 'flat');
    const byDepth = flats.sort((a, b) => Number(b.params.depth) - Number(a.params.depth));
    expect(byDepth.map((f) => f.params)).toEqual([
      {
        outline: 'flat',
        through: false,
        depth: expect.closeTo(fs.flat[0], 4),
        width: expect.closeTo(chord(fs.body, fs.flat[0]), 4),
        length: expect.closeTo(fs.flat[1], 4),
      },
      {
        outline: 'flat',
        through: false,
        depth: expect.closeTo(fs.dFlat[0], 4),
        width: expect.closeTo(chord(fs.spigot, fs.dFlat[0]), 4),
        length: expect.closeTo(fs.dFlat[1], 4),
      },
    ]);
    // Each flat with its end wall: two faces, none of them turned work.
    const turned = new Set(r.features.filter((f) => f.type.startsWith('turned')).flatMap((f) => f.faces));
    for (const flat of flats) {
      expect(flat.faces).toHaveLength(2);
      expect(flat.faces.some((id) => turned.has(id))).toBe(false);
    }
    // The keyway's floor meets its walls, not the turned surface: the keyway is a cut of its own.
    const keyway = r.features.find((f) => f.type === 'pocket' || f.type === 'slot');
    expect(keyway?.params.width).toBeCloseTo(fs.keyway[0], 4);
    expect(keyway!.faces.some((id) => flats.some((f) => f.faces.includes(id)))).toBe(false);
  });
});
