/**
 * Sheet metal (features/sheet-metal.ts) on scripts/sheet-fixtures.ts's parts (dimensions in
 * test/sheet-fixtures.ts), also rotated: a strip bent wide, whose bend's coaxial faces hold most
 * of its area, is still one sheet with its bend, not a turned diameter and a slot.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { fixture } from './fixtures.ts';
import { SHEET_FIXTURES } from './sheet-fixtures.ts';

useNodeHost();

describe('sheet metal', () => {
  const { uBend } = SHEET_FIXTURES;

  it.each(['u-bend.step', 'u-bend-rotated.step'])('%s: a U bent wide is a sheet with one bend and its hole', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    expect(r.part.process).toBe('sheet_metal');
    expect(r.features.filter((f) => f.type.startsWith('turned'))).toEqual([]);
    expect(r.features.find((f) => f.type === 'sheet')?.params).toEqual({ thickness: uBend.thickness, bends: 1 });
    expect(r.features.filter((f) => f.type === 'bend').map((f) => f.params)).toEqual([
      { radius: uBend.radius, thickness: uBend.thickness, angle: expect.closeTo(180, 1) },
    ]);
    const holes = r.features.filter((f) => f.type === 'hole');
    expect(holes.map((h) => [h.params.diameter, h.params.depth, h.params.through])).toEqual([[uBend.hole, uBend.thickness, true]]);
  });
});
