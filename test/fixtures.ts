/**
 * Where test inputs live. Our own generated fixtures (fixtures/, committed) always exist; the
 * shared data set (../shared/data, licences forbid committing it) may not, and tests that need it
 * skip loudly through `sharedData`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'fixtures');
export const SHARED_DATA = resolve(ROOT, '..', 'shared', 'data');
export const HAS_SHARED = existsSync(SHARED_DATA);

if (!HAS_SHARED) {
  console.warn(`\n*** ${SHARED_DATA} is absent: tests on the shared data set are SKIPPED ***\n`);
}

/** Dimensions of the generated fixtures (scripts/make-fixtures.ts), for closed-form checks. */
export const FIXTURES = {
  boxWithHole: { size: [40, 30, 20] as const, hole: [20, 15] as const, radius: 5 },
  cylinder: { radius: 10, height: 30 },
};

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
}

export function shared(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_DATA, path)));
}

export function sharedFiles(dir: string, pattern: RegExp): string[] {
  const full = join(SHARED_DATA, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}
