/**
 * Whether the shared data set is really there. Tests on ../shared/data skip when it is absent, which
 * is right on a laptop without it and wrong in CI: a CI run that skipped them all would pass having
 * checked nothing on real parts. With VECTIS_REQUIRE_SHARED=1 (.ci/run sets it; README and
 * CONTRIBUTING.md say so) this test fails instead, naming what is missing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REQUIRE_SHARED, SHARED_DATA } from './fixtures.ts';

/** Every folder of ../shared/data that some test reads. */
const FOLDERS = [
  'mfcad/dev',
  'brepnet/step_examples',
  'brepnet/test_data',
  'aagnet',
  'brepmfr_sample',
  'real/fabricad',
  'real/hierarchical-cadnet',
  'real/misc',
  'real/mfcad-vlm',
  'real/nist',
  'real/occt-import-js',
  'real/odd',
  'real/pythonocc-demos',
];

function fileCount(dir: string): number {
  const full = join(SHARED_DATA, dir);
  return existsSync(full) ? readdirSync(full).length : 0;
}

describe('the shared data set (../shared/data)', () => {
  it.skipIf(!HAS_SHARED && !REQUIRE_SHARED)('holds every folder the tests read, none empty', () => {
    const missing = FOLDERS.filter((dir) => fileCount(dir) === 0);
    expect(missing, `absent or empty under ${SHARED_DATA}`).toEqual([]);
  });
});
