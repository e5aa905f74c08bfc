/**
 * `vectis report`: the accuracy report (issue 14), from a server or offline.
 *
 *   vectis report --server URL [--since DATE] [--token T] [--out report.json]
 *       GET URL/reports/accuracy (admins: an admin's JWT, the service role or an API key, in
 *       --token or $VECTIS_TOKEN); the server's report, printed.
 *   vectis report <export.json | folder> [--since DATE] [--out report.json] [--model x.onnx|none]
 *       offline: a JSON export of corrected analyses (GET /analyses/:id answers, one per file or
 *       a list) scored by the server's own code (src/analysis/corrections/report.ts); or a
 *       labelled folder (`*.topexp_labels.json` beside STEP files, e.g. what `npm run model:data`
 *       exports) scored face by face as `vectis eval` does, printed as the same per-class table.
 *
 * Exit 0 with the report, 1 when the server refuses or cannot be reached, 2 on a usage error.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { correctedAnalyses, reportPartOf } from '../analysis/corrections/record.ts';
import { accuracyReport, formatAccuracyReport, type AccuracyReport } from '../analysis/corrections/report.ts';

const USAGE = `usage: vectis report --server URL [--since DATE] [--token T] [--out report.json]
       vectis report <corrections-export.json|folder> [--since DATE] [--out report.json] [--model x.onnx|none]`;

export async function runReport(argv: string[]): Promise<number> {
  let values: { server?: string; since?: string; token?: string; out?: string; model?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        server: { type: 'string' },
        since: { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string', short: 'o' },
        model: { type: 'string', short: 'm' },
      },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const since = values.since ? new Date(values.since) : undefined;
  if ((values.server ? positionals.length !== 0 : positionals.length !== 1) || (since && Number.isNaN(since.getTime()))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let report: AccuracyReport | LabelledReport;
  try {
    report = values.server
      ? await fromServer(values.server, values.since, values.token ?? process.env.VECTIS_TOKEN)
      : await offline(positionals[0]!, since, values.model);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${JSON.stringify({ error: { code: (e as { code?: string }).code ?? 'REPORT_FAILED', message: (e as Error).message } })}\n`);
    return 1;
  }
  process.stdout.write(`${'parts' in report ? formatAccuracyReport(report) : formatLabelled(report)}\n`);
  if (values.out) await writeFile(values.out, JSON.stringify(report, null, 2));
  return 0;
}

class UsageError extends Error {}

async function fromServer(server: string, since: string | undefined, token: string | undefined): Promise<AccuracyReport> {
  const url = new URL('/reports/accuracy', server);
  if (since) url.searchParams.set('since', since);
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = (await res.json().catch(() => ({}))) as AccuracyReport & { error?: { code: string; message: string } };
  if (!res.ok) throw Object.assign(new Error(body.error?.message ?? `HTTP ${res.status}`), { code: body.error?.code ?? `HTTP_${res.status}` });
  return body;
}

async function offline(path: string, since: Date | undefined, model: string | undefined): Promise<AccuracyReport | LabelledReport> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UsageError(`Cannot read ${path}.`);
  const names = info.isDirectory() ? (await readdir(path)).sort() : [];
  if (names.some((n) => n.endsWith('.topexp_labels.json'))) return labelled(path, names, model);
  const files = info.isDirectory() ? names.filter((n) => n.endsWith('.json')).map((n) => join(path, n)) : [path];
  const records = [];
  for (const f of files) {
    try {
      records.push(...correctedAnalyses(JSON.parse(await readFile(f, 'utf8'))));
    } catch (e) {
      throw new UsageError(`${f}: ${(e as Error).message}`);
    }
  }
  const parts = records.flatMap((r) => reportPartOf(r, since) ?? []);
  return accuracyReport(parts, since?.toISOString() ?? null);
}

interface LabelledReport {
  source: 'labels';
  files: number;
  skipped: string[];
  classes: { type: string; precision: number; recall: number; support: number }[];
}

/** A labelled folder, through `vectis eval`'s own scoring (face classes), as the report's table. */
async function labelled(folder: string, names: string[], modelSetting: string | undefined): Promise<LabelledReport> {
  const { modelFromSetting } = await import('../analysis/hosts/node.ts');
  const { evaluateLabels } = await import('./eval-labels.ts');
  const r = await evaluateLabels(folder, names, { model: modelFromSetting(modelSetting), log: (l) => process.stderr.write(`${l}\n`) });
  return {
    source: 'labels',
    files: r.files,
    skipped: r.skipped,
    classes: r.perClass.map((c) => ({ type: c.name, precision: c.precision, recall: c.recall, support: c.support })),
  };
}

function formatLabelled(r: LabelledReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return [
    `accuracy against labels (faces): ${r.files} parts, ${r.skipped.length} skipped`,
    'type                         precision   recall  support',
    ...r.classes.map((c) => `${c.type.padEnd(28)} ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(8)} ${String(c.support).padStart(8)}`),
  ].join('\n');
}
