/** Face accuracy of the recogniser on the MFCAD dev set (target ≥ 0.97) through the eval command's code. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolder } from '../src/cli/eval.ts';
import { HAS_SHARED, SHARED_DATA } from './fixtures.ts';

describe.skipIf(!HAS_SHARED)('vectis eval on ../shared/data', () => {
  it('reaches face accuracy ≥ 0.97 on mfcad/dev', async () => {
    const e = await evaluateFolder(join(SHARED_DATA, 'mfcad/dev'), () => undefined);
    expect(e.files).toBe(100);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
