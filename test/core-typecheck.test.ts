/**
 * The pipeline's core type-checks without DOM and Node (tsconfig.core.json, run by `npm run
 * typecheck`): code there that reaches for a browser or Node API must fail that check, and code
 * that keeps to what both hosts provide (types/core-globals.d.ts) must pass it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'vectis-core-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Type-checks one module under the core's settings; the compiler's messages, empty when it passes. */
function checkAsCore(name: string, source: string): string {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, source);
  const config = join(dir, `${name}.tsconfig.json`);
  writeFileSync(config, JSON.stringify({ extends: join(ROOT, 'tsconfig.core.json'), include: [file, join(ROOT, 'types/core-globals.d.ts')] }));
  try {
    execFileSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout);
  }
}

describe('the core type-check (tsconfig.core.json)', () => {
  it('passes code that uses only what both hosts provide', () => {
    expect(
      checkAsCore('portable', 'export const text = new TextDecoder().decode(new Uint8Array([104, 105]));\nexport const t = performance.now();\n'),
    ).toBe('');
  });

  it('fails on a DOM global', () => {
    expect(checkAsCore('dom', 'export const title = document.title;\n')).toMatch(/Cannot find name 'document'/);
  });

  it('fails on a Node built-in', () => {
    expect(checkAsCore('node', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n")).toMatch(/node:fs/);
  });
});
