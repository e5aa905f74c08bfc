/** The CLI contract other tools rely on: exit codes, the summary, and the JSON fields. */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { FIXTURE_DIR, FIXTURES } from './fixtures.ts';
import { PMI_FIXTURE } from './pmi-fixture.ts';

const run = promisify(execFile);
const BIN = join(FIXTURE_DIR, '..', 'bin', 'vectis.mjs');
const out = () => join(mkdtempSync(join(tmpdir(), 'vectis-cli-')), 'result.json');

async function vectis(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('vectis analyze', () => {
  it('prints a summary and writes the result JSON', async () => {
    const file = out();
    const { code, stdout } = await vectis('analyze', join(FIXTURE_DIR, 'box-with-hole.step'), '--out', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/faces 7/);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.faces[0]).toMatchObject({ id: 0, surface: expect.any(String), area: expect.any(Number) });
    expect(json.edges[0]).toMatchObject({
      id: 0,
      curve: expect.any(String),
      convexity: expect.stringMatching(/^(convex|concave|smooth|none)$/),
      faces: expect.any(Array),
    });
    expect(Array.isArray(json.mesh.positions)).toBe(true);
    expect(json.mesh.faceRanges).toHaveLength(7);
    expect(json.part.bbox.max).toHaveLength(3);
    expect(json.features).toEqual([
      expect.objectContaining({ type: 'hole', method: 'geometric', params: expect.objectContaining({ diameter: 10, through: true }) }),
    ]);
    expect(json.timings.total).toBeGreaterThan(0);
    // The shipped model ran: every face labelled, the hole's faces as a through hole.
    expect(stdout).toMatch(/model vectis-brepnet-\d+/);
    expect(json.model).toMatchObject({ version: expect.stringMatching(/^vectis-brepnet-/), classKind: 'machining-features' });
    expect(
      json.faces.every((f: { label?: string; confidence?: number }) => typeof f.label === 'string' && f.confidence! > 0 && f.confidence! <= 1),
    ).toBe(true);
    const hole = json.features[0].faces as number[];
    expect(hole.map((f) => json.faces[f].label)).toEqual(hole.map(() => 'through_hole'));
  });

  it('--model none gives the geometric result alone', async () => {
    const file = out();
    const { code, stdout } = await vectis('analyze', join(FIXTURE_DIR, 'box-with-hole.step'), '--model', 'none', '--out', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/model none/);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json.model).toBeUndefined();
    expect(json.faces.some((f: { label?: string }) => f.label !== undefined)).toBe(false);
  });

  it('exits 1 with a typed error in --out and on stderr', async () => {
    const file = out();
    const { code, stderr } = await vectis('analyze', join(FIXTURE_DIR, 'surface-only.step'), '--out', file);
    expect(code).toBe(1);
    expect(JSON.parse(stderr)).toEqual({ error: { code: 'NO_SOLID', message: expect.any(String) } });
    expect(JSON.parse(readFileSync(file, 'utf8')).error.code).toBe('NO_SOLID');
  });

  it('exits 2 on usage errors', async () => {
    expect((await vectis()).code).toBe(2);
    expect((await vectis('analyse', 'x.step')).code).toBe(2);
    expect((await vectis('analyze', '--bogus')).code).toBe(2);
  });
});

describe('vectis eval', () => {
  it('detects BRepNet .seg labels, prints the README table and writes the report', async () => {
    // rounded.step's one outside round (the cylinder of the fixture's edge radius) labelled Fillet.
    const dir = mkdtempSync(join(tmpdir(), 'vectis-cli-eval-'));
    const r = await analyze(new Uint8Array(readFileSync(join(FIXTURE_DIR, 'rounded.step'))));
    const labels = r.faces.map((f) => (f.surface === 'cylinder' && f.params.radius === FIXTURES.rounded.edgeRadius ? 4 : 0));
    writeFileSync(join(dir, 'r.seg'), labels.join('\n'));
    copyFileSync(join(FIXTURE_DIR, 'rounded.step'), join(dir, 'r.stp'));
    const report = join(dir, 'report.json');
    const { code, stdout } = await vectis('eval', dir, '--model', 'none', '--out', report);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^format brepnet-seg, model none/);
    expect(stdout).toContain('| data | files | faces | Fillet in a `fillet` with radius |');
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ format: 'brepnet-seg', files: 1, total: { fillet: { covered: 1, total: 1 } } });
  });

  it('exits 2 on a folder without labels', async () => {
    const { code, stderr } = await vectis('eval', FIXTURE_DIR, '--model', 'none');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no labels found/);
  });
});

describe('vectis pmi', () => {
  it('prints the PMI table and the diameter check, and writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vectis-pmi-'));
    const out = join(dir, 'report.json');
    const { code, stdout } = await vectis('pmi', join(FIXTURE_DIR, PMI_FIXTURE.file), '--model', 'none', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\| \d+ \| geometric_tolerance \| position \| 0\.127 \| {2}\| A\\\|B \|/);
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
