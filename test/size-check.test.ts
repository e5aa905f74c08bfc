/** A part whose size only makes sense in another unit is flagged, with the size it would have. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { unitPlausibility } from '../src/analysis/size-check.ts';
import { FIXTURE_DIR } from './fixtures.ts';

/** The fixture with its declared length unit replaced (OCC then scales the whole part). */
function withUnit(name: string, unit: string): Uint8Array {
  const text = readFileSync(join(FIXTURE_DIR, name), 'latin1');
  expect(text).toContain('SI_UNIT(.MILLI.,.METRE.)');
  return Uint8Array.from(text.replace('SI_UNIT(.MILLI.,.METRE.)', unit), (c) => c.charCodeAt(0));
}

describe('implausible part sizes', () => {
  it('flags millimetre numbers under a metre unit, naming the size they would give', async () => {
    const ok = await analyze(new Uint8Array(readFileSync(join(FIXTURE_DIR, 'plate-holes.step'))));
    expect(ok.dfm.filter((d) => d.code === 'IMPLAUSIBLE_SIZE')).toEqual([]);
    const longest = Math.max(...ok.part.bbox.max.map((v, i) => v - ok.part.bbox.min[i]!));
    const metres = await analyze(withUnit('plate-holes.step', 'SI_UNIT($,.METRE.)'));
    expect(metres.file.units).toBe('m');
    const issue = metres.dfm.find((d) => d.code === 'IMPLAUSIBLE_SIZE');
    expect(issue).toMatchObject({ severity: 'error', faces: [], expected: '0.5-5000 mm' });
    expect(issue!.actual).toBeCloseTo(longest * 1000, 3);
    expect(issue!.message).toContain(`it would be ${Math.round(longest * 1e4) / 1e4} mm`);
  });

  it('leaves plausible sizes alone and handles tiny parts and unknown units', () => {
    expect(unitPlausibility(120, 'mm')).toBeUndefined();
    expect(unitPlausibility(4999, 'inch')).toBeUndefined();
    expect(unitPlausibility(0.12, 'mm')!.message).toContain('meant as m, it would be 120 mm');
    // A 1.2 m number declared in inches: 30.48 m, or 1200 mm if the numbers were millimetres.
    expect(unitPlausibility(1200 * 25.4, 'inch')!.message).toContain('meant as mm, it would be 1200 mm');
    expect(unitPlausibility(9e6, 'furlong')!.message).toMatch(/Check the export's units\.$/);
  });
});
