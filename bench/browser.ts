/**
 * `npm run bench:browser [-- --runs N] [--plate-runs N] [--engine-runs N] [--no-build] [--json out.json]`
 *
 * The same fixed file list as `npm run bench` (bench/files.ts), measured in headless Chromium
 * against the built app (`vite build`, served by `vite preview` with its COOP/COEP headers), and
 * printed next to Node's figures measured in this process. Prints figures, asserts nothing.
 *  1. Node: `analyze()` per file, cold first call then N warm runs (engine start reported once).
 *  2. Chromium engine start: a fresh browser context per sample (first visit: nothing cached),
 *     the harness page's first analysis in a new module worker.
 *  3. Chromium worker: one page, engine warm; per file the first analysis (cold) and N warm ones.
 *  4. The app itself (`/?cache=off`): drop a file on the window until the shaded part is on screen,
 *     first and warm; and a cache hit of the headline file (`/`, the same file dropped twice).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { analyze } from '../src/analysis/index.ts';
// Node analyses with the shipped model on the browser's runtime, as the Chromium worker does.
import '../src/analysis/ml/node.ts';
import { defaultModelPath } from '../src/analysis/ml/model-file.ts';
import { appDropToShaded, harnessRun, startPreview, type WorkerRun } from './browser-page.ts';
import { collectFiles, HEADLINE, ROOT, SHARED_DATA, type BenchFile, type Skipped } from './files.ts';
import { kib, median, ms, ratio, table } from './stats.ts';

import { CHROMIUM_ARGS } from './chromium.ts';
const STAGES = ['read', 'brep', 'mesh', 'metrics', 'recognize', 'infer', 'total'] as const;

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'plate-runs': { type: 'string', default: '2' },
    'engine-runs': { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const runs = Number(opts.runs);
const plateRuns = Number(opts['plate-runs']);
const runsFor = (f: BenchFile) => (f.heavy ? Math.min(runs, plateRuns) : runs);
const MODEL = defaultModelPath();
const say = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  file: BenchFile;
  bytes: number;
  faces?: number;
  error?: string;
  node?: { cold: number; warm: number; engine: number };
  chromium?: { cold: number; warm: number; stages: Record<string, number>; wallWarm: number };
  app?: { first: number; warm: number };
}

async function benchNode(rows: Row[], input: (f: BenchFile) => Uint8Array): Promise<number> {
  let engineStart = NaN;
  for (const row of rows) {
    note(`node ${row.file.label} ...`);
    try {
      const first = await analyze(input(row.file), { fileName: basename(row.file.path), model: MODEL });
      if (Number.isNaN(engineStart)) engineStart = first.timings.engine ?? NaN;
      const warm: number[] = [];
      for (let i = 0; i < runsFor(row.file); i++) warm.push((await analyze(input(row.file), { fileName: basename(row.file.path), model: MODEL })).timings.total!);
      row.faces = first.part.faces;
      row.node = { cold: first.timings.total! - (first.timings.engine ?? 0), warm: median(warm), engine: first.timings.engine ?? 0 };
    } catch (e) {
      row.error = e instanceof Error ? e.message.slice(0, 80) : String(e);
    }
  }
  return engineStart;
}

async function benchEngine(browser: Browser, base: string, small: BenchFile): Promise<{ engine: number[]; firstCall: number[] }> {
  const engine: number[] = [];
  const firstCall: number[] = [];
  for (let i = 0; i < Number(opts['engine-runs']); i++) {
    note(`chromium engine start ${i + 1} ...`);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/e2e/harness.html`);
    await page.waitForFunction(() => window.harnessReady === true);
    const run = await harnessRun(page, readFileSync(small.path), basename(small.path));
    if (run.ok) {
      engine.push(run.timings.engine ?? NaN);
      firstCall.push(run.wallMs);
    }
    await context.close();
  }
  return { engine, firstCall };
}

async function benchWorker(page: Page, rows: Row[]): Promise<void> {
  for (const row of rows) {
    if (row.error) continue;
    note(`chromium worker ${row.file.label} ...`);
    const bytes = readFileSync(row.file.path);
    const name = basename(row.file.path);
    const first = await harnessRun(page, bytes, name);
    if (!first.ok) {
      row.error = `chromium: ${first.error}`;
      continue;
    }
    const warm: WorkerRun[] = [];
    for (let i = 0; i < runsFor(row.file); i++) warm.push(await harnessRun(page, bytes, name));
    const stages = Object.fromEntries(STAGES.map((s) => [s, median(warm.map((w) => w.timings[s] ?? NaN).filter((v) => !Number.isNaN(v)))]));
    row.chromium = { cold: first.timings.total! - (first.timings.engine ?? 0), warm: stages.total!, stages, wallWarm: median(warm.map((w) => w.wallMs)) };
  }
}

async function benchApp(page: Page, rows: Row[]): Promise<void> {
  for (const row of rows) {
    if (row.error) continue;
    note(`chromium app ${row.file.label} ...`);
    const bytes = readFileSync(row.file.path);
    const first = await appDropToShaded(page, bytes, basename(row.file.path));
    const warm: number[] = [];
    for (let i = 0; i < runsFor(row.file); i++) warm.push((await appDropToShaded(page, bytes, basename(row.file.path))).ms);
    row.app = { first: first.ms, warm: median(warm) };
  }
}

async function main(): Promise<void> {
  const skipped: Skipped[] = [];
  const files = collectFiles(skipped);
  const load0 = loadavg()[0]!;
  say(`vectis browser bench  ${new Date().toISOString()}  node ${process.version}  ${cpus().length}x ${cpus()[0]?.model ?? '?'}`);
  say(`chromium: ${execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()} (headless, SwiftShader WebGL)`);
  say(`1-min load average at start: ${load0.toFixed(2)} (other processes on the machine skew the figures)`);
  say(`warm runs per file: ${runs}; heavy files: ${Math.min(runs, plateRuns)}`);
  for (const s of skipped) say(`*** SKIPPED ${s.source}: ${s.reason} ***`);
  if (files.length === 0) throw new Error('nothing to benchmark');

  if (!opts['no-build']) {
    note('vite build ...');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const bytesOf = new Map(files.map((f) => [f.path, new Uint8Array(readFileSync(f.path))]));
  const rows: Row[] = files.map((file) => ({ file, bytes: bytesOf.get(file.path)!.byteLength }));
  const nodeEngine = await benchNode(rows, (f) => bytesOf.get(f.path)!.slice());

  const preview = await startPreview(ROOT);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const small = [...files].sort((a, b) => bytesOf.get(a.path)!.byteLength - bytesOf.get(b.path)!.byteLength).find((f) => !rows.find((r) => r.file === f)?.error) ?? files[0]!;
    const engine = await benchEngine(browser, preview.url, small);

    const workerPage = await (await browser.newContext()).newPage();
    await workerPage.goto(`${preview.url}/e2e/harness.html`);
    await workerPage.waitForFunction(() => window.harnessReady === true);
    await harnessRun(workerPage, readFileSync(small.path), basename(small.path));
    await benchWorker(workerPage, rows);

    const appPage = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await appPage.goto(`${preview.url}/?cache=off`);
    await appPage.waitForFunction(() => window.vectis !== undefined);
    await appDropToShaded(appPage, readFileSync(small.path), basename(small.path));
    await benchApp(appPage, rows);

    const headline = rows.find((r) => r.file.source === HEADLINE && !r.error) ?? rows.find((r) => !r.error);
    let cacheHit: { file: string; analysed: number; hit: number } | undefined;
    if (headline) {
      note('chromium app cache hit ...');
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(`${preview.url}/`);
      await page.waitForFunction(() => window.vectis !== undefined);
      const bytes = readFileSync(headline.file.path);
      const analysed = await appDropToShaded(page, bytes, basename(headline.file.path));
      const hit = await appDropToShaded(page, bytes, basename(headline.file.path));
      cacheHit = { file: headline.file.label, analysed: analysed.ms, hit: hit.source === 'cache' ? hit.ms : NaN };
    }

    say(`\n== engine start: Node (first analyze() in the process) vs Chromium module worker (fresh context, ${engine.engine.length} samples, median) ==`);
    say(table(['host', 'engine start', 'first analysis, wall'], [
      ['node', ms(nodeEngine), '-'],
      ['chromium worker', ms(median(engine.engine)), ms(median(engine.firstCall))],
    ]));
    say('\n== analysis total, ms: cold = first analysis of that file (engine warm), warm = median; chromium = module worker of the built app ==');
    say(table(
      ['file', 'size', 'faces', 'node cold', 'node warm', 'chromium cold', 'chromium warm', 'chromium/node', 'app first', 'app warm'],
      rows.map((r) =>
        r.error
          ? [r.file.label, kib(r.bytes), 'FAILED', '-', '-', '-', '-', '-', '-', '-']
          : [r.file.label, kib(r.bytes), String(r.faces ?? '-'), ms(r.node?.cold), ms(r.node?.warm), ms(r.chromium?.cold), ms(r.chromium?.warm),
            ratio(r.chromium && r.node ? r.chromium.warm / r.node.warm : undefined), ms(r.app?.first), ms(r.app?.warm)],
      ),
    ));
    say('(app = drop on the window until the shaded part is on screen: hashing, worker, transfer, tree, BVH, first frame)');
    say('\n== chromium worker, median of warm runs per stage, ms ==');
    say(table(['file', ...STAGES, 'page wall'], rows.filter((r) => r.chromium).map((r) => [r.file.label, ...STAGES.map((s) => ms(r.chromium!.stages[s])), ms(r.chromium!.wallWarm)])));
    for (const r of rows) if (r.error) say(`*** FAILED ${r.file.label}: ${r.error} ***`);
    if (cacheHit) say(`\napp cache (IndexedDB) on ${cacheHit.file}: analysed ${ms(cacheHit.analysed)} ms, dropped again ${ms(cacheHit.hit)} ms (from cache)`);
    say(`1-min load average at end: ${loadavg()[0]!.toFixed(2)}`);
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ nodeEngine, engine, rows: rows.map(({ file, ...r }) => ({ label: file.label, source: file.source, ...r })), cacheHit, sharedData: SHARED_DATA }, null, 2));
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});

