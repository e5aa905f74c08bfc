/** The one STEP writer: reproducible bytes (fixed header time, named product) that read back as written. */
import { describe, expect, it } from 'vitest';
import { analyze, FIXED_STEP_TIME, getEngine, withScope, writeStep } from '../src/analysis/index.ts';

describe('writeStep', () => {
  it('writes the same bytes twice, with the fixed time and the product name, in the unit asked', async () => {
    const oc = await getEngine();
    const [inch, mm, again] = withScope((s) => {
      const box = s.track(new oc.BRepPrimAPI_MakeBox(10, 20, 30)).Solid();
      s.track(box);
      // Inches first: the session's first writer resets the unit it is given unless set after it.
      return [writeStep(oc, box, { unit: 'INCH' }), writeStep(oc, box, { product: 'block' }), writeStep(oc, box, { product: 'block' })];
    });
    const text = new TextDecoder().decode(mm);
    expect(Buffer.from(again).equals(Buffer.from(mm))).toBe(true);
    expect(text).toMatch(new RegExp(`FILE_NAME\\('[^']*','${FIXED_STEP_TIME}'`));
    expect(text).toContain("PRODUCT('block','block'");
    const [inMm, inInch] = [await analyze(mm), await analyze(inch)];
    expect(inMm.file.units).toBe('mm');
    expect(inInch.file.units).toBe('inch');
    // Lengths come back in millimetres whatever unit the file declares.
    for (const r of [inMm, inInch]) expect(r.part.volume).toBeCloseTo(10 * 20 * 30, 3);
  });
});
