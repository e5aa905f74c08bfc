/**
 * Corrected analyses → training parts (issue 14): a real analysis of a generated fixture, corrected,
 * exported from a JSON export and from the server's PGlite database; the labels follow the
 * estimator where a correction touched a feature and the pipeline elsewhere, and a part that
 * cannot be labelled honestly (no STEP file, a type with no class) is skipped with the reason.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, stringifyResult } from '../../../src/analysis/index.ts';
import { useNodeHost } from '../../../src/analysis/hosts/node.ts';
import { correctedAnalyses, type CorrectedAnalysis } from '../../../src/analysis/corrections/record.ts';
import type { CorrectionInput } from '../../../src/analysis/corrections/schema.ts';
import { saveCorrection } from '../../../server/store/corrections.ts';
import { Store, type ResultJson } from '../../../server/store/store.ts';
import { mapLabels } from '../export-dataset.ts';
import { classId } from '../generate/classes.ts';
import { exportCorrected, readCorrected } from './export.ts';
import type { CorrectedLabelRecord } from './labels.ts';

useNodeHost();
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const FIXTURES = join(ROOT, 'fixtures');
const STOCK = classId('stock');
const run = promisify(execFile);

let result: ResultJson;
let tmp: string;
beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'plate-holes.step')));
  result = JSON.parse(stringifyResult(await analyze(bytes, { fileName: 'plate-holes.step' }))) as ResultJson;
  tmp = mkdtempSync(join(tmpdir(), 'vectis-corrected-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function corrected(corrections: CorrectionInput[]): CorrectedAnalysis {
  const at = new Date().toISOString();
  return correctedAnalyses({
    ...result,
    id: randomUUID(),
    pipelineVersion: 'test',
    corrections: corrections.map((c) => ({ ...c, created_at: at })),
  })[0]!;
}

/** A retype, a feature that is not one, and a region the pipeline missed. */
function scenario() {
  const [first, second] = result.features;
  expect(second, 'the plate has at least two features').toBeDefined();
  const claimed = new Set(result.features.flatMap((f) => f.faces));
  const free = Array.from({ length: result.part.faces }, (_, i) => i).find((f) => !claimed.has(f))!;
  const corrections: CorrectionInput[] = [
    { action: 'retype', feature_id: first!.id, faces: first!.faces, type: 'counterbore' },
    { action: 'not_a_feature', feature_id: second!.id, faces: second!.faces },
    { action: 'name_region', faces: [free], type: 'chamfer' },
  ];
  return { first: first!, second: second!, free, corrections };
}

function readRecord(out: string, name: string): CorrectedLabelRecord {
  return JSON.parse(readFileSync(join(out, `${name}.topexp_labels.json`), 'utf8')) as CorrectedLabelRecord;
}

function expectLabels(record: CorrectedLabelRecord, s: ReturnType<typeof scenario>) {
  const faces = result.faces as { mfcadClass?: number }[];
  expect(mapLabels(record)).toHaveLength(result.part.faces);
  for (const f of s.first.faces) expect(record.labels[f]).toBe(classId('counterbore'));
  for (const f of s.second.faces) expect(record.labels[f]).toBe(STOCK);
  expect(record.labels[s.free]).toBe(classId('chamfer'));
  // Faces no correction touched keep the pipeline's class.
  const touched = new Set([...s.first.faces, ...s.second.faces, s.free]);
  faces.forEach((f, i) => {
    if (!touched.has(i)) expect(record.labels[i], `face ${i}`).toBe(f.mfcadClass ?? STOCK);
  });
  expect(record.kind).toBe('corrected');
  expect(record.corrections).toBe(3);
}

describe('model:data --corrections', () => {
  it('labels a corrected analysis from a JSON export, beside its STEP file found by content hash', () => {
    const s = scenario();
    const out = join(tmp, 'json');
    const summary = exportCorrected([corrected(s.corrections)], FIXTURES, out);
    expect(summary.skipped).toEqual([]);
    expect(summary.written).toHaveLength(1);
    const name = summary.written[0]!;
    expect(readFileSync(join(out, `${name}.step`))).toEqual(readFileSync(join(FIXTURES, 'plate-holes.step')));
    expectLabels(readRecord(out, name), s);
  });

  it('vectis report scores the pipeline against the exported labelled folder (offline, as vectis eval does)', async () => {
    const s = scenario();
    const out = join(tmp, 'labelled');
    exportCorrected([corrected(s.corrections)], FIXTURES, out);
    const reportFile = join(tmp, 'labelled-report.json');
    await run(process.execPath, [join(ROOT, 'bin/vectis.mjs'), 'report', out, '--model', 'none', '--out', reportFile], { cwd: ROOT });
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
      source: string;
      files: number;
      classes: { type: string; recall: number; support: number }[];
    };
    expect(report.source).toBe('labels');
    expect(report.files).toBe(1);
    // The region the estimator named a chamfer: one face the pipeline left as stock.
    expect(report.classes.find((c) => c.type === 'chamfer')).toMatchObject({ support: 1, recall: 0 });
  });

  it('skips, with the reason, a part without its STEP file and a type with no training class', () => {
    const s = scenario();
    const noStep = exportCorrected([corrected(s.corrections)], join(ROOT, 'models'), join(tmp, 'none'));
    expect(noStep.written).toEqual([]);
    expect(noStep.skipped[0]).toMatch(/no STEP file with sha256/);
    const unknown = exportCorrected([corrected([{ ...s.corrections[0]!, type: 'engraving' }])], FIXTURES, join(tmp, 'unknown'));
    expect(unknown.written).toEqual([]);
    expect(unknown.skipped[0]).toMatch(/type 'engraving' has no training class/);
    expect(readdirSync(join(tmp, 'unknown'))).toEqual([]);
  });

  it("reads corrected analyses from the server's database (PGlite, the migrations applied)", async () => {
    const s = scenario();
    const dataDir = join(tmp, 'pglite');
    const store = new Store({
      dataDir,
      migrationsDir: join(ROOT, 'supabase/migrations'),
      migrate: true,
      log: pino({ level: 'silent' }) as unknown as FastifyBaseLogger,
    });
    await store.start();
    const { id } = await store.saveAnalysis(result, { pipelineVersion: 'db-test', source: 'analyze' });
    await store.saveAnalysis(result, { pipelineVersion: 'db-test', source: 'analyze' });
    for (const c of s.corrections) await saveCorrection(store, id, c, {});
    await store.close();

    const analyses = await readCorrected(dataDir);
    // Only the corrected analysis, not its uncorrected twin.
    expect(analyses.map((a) => a.id)).toEqual([id]);
    const summary = exportCorrected(analyses, FIXTURES, join(tmp, 'db'));
    expect(summary.written).toHaveLength(1);
    expectLabels(readRecord(join(tmp, 'db'), summary.written[0]!), s);
  }, 120_000);
});
