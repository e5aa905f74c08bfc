/**
 * npm run model:data -- --corrections <source> --steps <dir> [--out DIR]
 *
 * Corrected analyses → labelled parts in the training format (`<name>.step` +
 * `<name>.topexp_labels.json`, labels.ts), ready for models/training/export-dataset.ts and a
 * `model:train` fine-tune (docs/recognition.md, "Learning from corrections"). <source> is
 * - a JSON export: a file or folder of GET /analyses/:id answers (one each, or a list);
 * - the server's database: a postgres:// URL, or a PGlite data folder (the server's DATA_DIR;
 *   stop that server first: PGlite is one process's).
 * The server never keeps the uploaded STEP files, so --steps names a folder of them (the
 * customers' files, found by content hash); a corrected part without its file is skipped, with
 * the reason, as is one whose types have no training class.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { correctedAnalyses, type CorrectedAnalysis } from '../../../src/analysis/corrections/record.ts';
import { listCorrections } from '../../../server/store/corrections.ts';
import { Store } from '../../../server/store/store.ts';
import { correctedLabels, UnlabelledError } from './labels.ts';

export interface ExportSummary {
  written: string[];
  skipped: string[];
}

/** Reads corrected analyses from a JSON export or from the server's database. */
export async function readCorrected(source: string): Promise<CorrectedAnalysis[]> {
  const isDb = /^postgres(ql)?:\/\//.test(source) || (existsSync(join(source, 'PG_VERSION')) && statSync(source).isDirectory());
  if (!isDb) {
    const files = statSync(source).isDirectory()
      ? readdirSync(source)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(source, f))
      : [source];
    return files.flatMap((f) => correctedAnalyses(JSON.parse(readFileSync(f, 'utf8'))));
  }
  const postgresUrl = source.startsWith('postgres') ? source : undefined;
  const store = new Store({
    databaseUrl: postgresUrl,
    dataDir: source,
    migrationsDir: '',
    migrate: false,
    log: pino({ level: 'warn' }) as unknown as FastifyBaseLogger,
  });
  await store.start();
  try {
    if (!store.available) throw new Error(`cannot open the database ${postgresUrl ? '(DATABASE_URL)' : source}`);
    const rows = await store.query<{ id: string; pipeline_version: string; result: unknown }>(
      `select a.id, a.pipeline_version, a.result from public.analyses a
       where exists (select 1 from public.feature_corrections c where c.analysis_id = a.id) order by a.created_at`,
    );
    const out: CorrectedAnalysis[] = [];
    for (const r of rows) {
      const result = (typeof r.result === 'string' ? JSON.parse(r.result) : r.result) as Record<string, unknown>;
      out.push(...correctedAnalyses({ ...result, id: r.id, pipelineVersion: r.pipeline_version, corrections: await listCorrections(store, r.id) }));
    }
    return out;
  } finally {
    await store.close();
  }
}

/** STEP files of a folder by the sha256 of their bytes (the hash the pipeline puts in file.sha256). */
function stepsByHash(dir: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (!/\.(step|stp)$/i.test(name)) continue;
    const path = join(dir, name);
    map.set(createHash('sha256').update(readFileSync(path)).digest('hex'), path);
  }
  return map;
}

export function exportCorrected(analyses: readonly CorrectedAnalysis[], stepsDir: string, out: string): ExportSummary {
  const steps = stepsByHash(stepsDir);
  const summary: ExportSummary = { written: [], skipped: [] };
  mkdirSync(out, { recursive: true });
  for (const a of analyses) {
    const step = steps.get(a.file.sha256);
    const what = `${a.file.name} (analysis ${a.id})`;
    if (a.corrections.length === 0) continue;
    if (!step) {
      summary.skipped.push(`${what}: no STEP file with sha256 ${a.file.sha256.slice(0, 12)}… in ${stepsDir}`);
      continue;
    }
    try {
      const record = correctedLabels(a);
      const name = `corr-${a.file.sha256.slice(0, 12)}-${a.id.slice(0, 8)}`;
      writeFileSync(join(out, `${name}.step`), readFileSync(step));
      writeFileSync(join(out, `${name}.topexp_labels.json`), JSON.stringify(record));
      summary.written.push(name);
    } catch (e) {
      if (!(e instanceof UnlabelledError) && (e as Error).name !== 'CorrectionError') throw e;
      summary.skipped.push(`${what}: ${(e as Error).message}`);
    }
  }
  return summary;
}

/** The `model:data -- --corrections` command line; the exit code. */
export async function runCorrectionsExport(argv: string[]): Promise<number> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    args: argv,
    options: { corrections: { type: 'string' }, steps: { type: 'string' }, out: { type: 'string', default: 'data/corrected' } },
  });
  if (!values.corrections || !values.steps) {
    console.error('usage: npm run model:data -- --corrections <export.json|folder|postgres://…|pglite-dir> --steps <dir of STEP files> [--out DIR]');
    return 2;
  }
  for (const path of [values.corrections, values.steps]) {
    if (!/^postgres(ql)?:\/\//.test(path) && !existsSync(path)) {
      console.error(`Cannot read ${path}.`);
      return 2;
    }
  }
  const analyses = await readCorrected(values.corrections);
  const { written, skipped } = exportCorrected(analyses, values.steps, values.out);
  for (const s of skipped) console.warn(`skipped ${s}`);
  console.log(`${written.length} corrected parts written to ${values.out} (${skipped.length} skipped, ${analyses.length} analyses read)`);
  return 0;
}
