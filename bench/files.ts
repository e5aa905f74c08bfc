/**
 * The fixed file list of the benchmarks (`npm run bench` in Node, `npm run bench:browser` in
 * Chromium): both measure exactly these files. Shared-data files that are absent are reported as
 * skipped (loudly, by the caller); every generated fixture in fixtures/ is included.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DATA = resolve(ROOT, '..', 'shared', 'data');
export const FIXTURE_DIR = join(ROOT, 'fixtures');

export const HEADLINE = 'brepnet/step_examples/42811_d1f01a68_2.stp';
export const SMALL = 'brepnet/test_data/block_hole.step';

export interface BenchFile {
  /** Short label for the tables. */
  label: string;
  /** Path as given (relative to the shared data folder, or fixtures/...). */
  source: string;
  path: string;
  /** Large files get fewer warm runs by default to keep the whole bench near 2-3 minutes. */
  heavy: boolean;
}

export interface Skipped {
  source: string;
  reason: string;
}

export function collectFiles(skipped: Skipped[]): BenchFile[] {
  const files: BenchFile[] = [];
  const shared = (source: string, label: string, heavy = false) => {
    const path = join(SHARED_DATA, source);
    if (existsSync(path)) files.push({ label, source, path, heavy });
    else skipped.push({ source: `../shared/data/${source}`, reason: 'absent' });
  };
  shared(SMALL, 'block_hole');
  shared(HEADLINE, '42811 (headline)');
  const mfcadDir = join(SHARED_DATA, 'mfcad', 'dev');
  const mfcad = existsSync(mfcadDir)
    ? readdirSync(mfcadDir)
        .filter((f) => /\.(step|stp)$/i.test(f))
        .sort()[0]
    : undefined;
  if (mfcad) shared(`mfcad/dev/${mfcad}`, `mfcad ${mfcad.replace(/\.(step|stp)$/i, '')}`);
  else skipped.push({ source: '../shared/data/mfcad/dev/*.step', reason: 'absent or empty' });
  shared('real/fabricad/geometry_00000002.STEP', 'fabricad 00000002');
  shared('real/nist/nist_ctc_01_asme1_ap203.stp', 'nist ctc_01');
  shared('real/hierarchical-cadnet/004-15944-2_pressure_plate_MT09_18.step', 'pressure plate', true);

  const fixtures = existsSync(FIXTURE_DIR)
    ? readdirSync(FIXTURE_DIR)
        .filter((f) => /\.step$/i.test(f))
        .sort()
    : [];
  if (fixtures.length === 0) skipped.push({ source: 'fixtures/*.step', reason: 'none present' });
  for (const f of fixtures) files.push({ label: `fixture ${f}`, source: `fixtures/${f}`, path: join(FIXTURE_DIR, f), heavy: false });
  return files;
}
