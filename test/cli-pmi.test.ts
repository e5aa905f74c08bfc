/** `vectis pmi`: the PMI table and the diameter check as a user runs them, and a bad file's exit code. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures.ts';
import { PMI_FIXTURE } from './pmi-fixture.ts';

const run = promisify(execFile);
const BIN = join(FIXTURE_DIR, '..', 'bin', 'vectis.mjs');

async function vectis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('vectis pmi', () => {
  it('prints the PMI table and the diameter check, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vectis-pmi-'));
    const out = join(dir, 'report.json');
    const { code, stdout } = await vectis('pmi', join(FIXTURE_DIR, PMI_FIXTURE.file), '--model', 'none', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\| \d+ \| geometric_tolerance \| position \| 0\.127 \|  \| A\\\|B \|/);
    expect(stdout).toMatch(/2 of 2 diameter PMI on bores agree with their hole feature/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { file: string; pmi: unknown[]; diameters: { verdict: string }[] }[];
    expect(report[0]!.file).toBe(PMI_FIXTURE.file);
    expect(report[0]!.diameters.map((d) => d.verdict)).toEqual(['agrees', 'agrees']);
  }, 120_000);

  it('exits 1 with a coded error for a file that is not STEP, and still reports the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vectis-pmi-'));
    const bad = join(dir, 'notes.step');
    writeFileSync(bad, 'not a STEP file\n');
    const { code, stdout, stderr } = await vectis('pmi', bad, join(FIXTURE_DIR, PMI_FIXTURE.file), '--model', 'none');
    expect(code).toBe(1);
    expect(stderr).toMatch(/"code":"NOT_STEP"/);
    expect(stdout).toMatch(new RegExp(`### ${PMI_FIXTURE.file.replace('.', '\\.')}: \\d+ PMI items`));
  }, 120_000);
});
