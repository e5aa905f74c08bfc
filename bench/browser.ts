/**
 * `npm run bench:browser [-- --drops N] [--idle MS] [--dist DIR | --no-build] [--no-node] [--no-plate] [--js-flags "..."] [--json out.json]`
 *
 * Issue 11's table: our app against occt-import-js (Online3DViewer's engine, read + mesh only) in
 * the same headless Chromium, on BRepNet 42811 and a 240-counterbore plate (bench/plate-fixture.ts).
 *  - app: the production build under `vite preview` (`/?cache=off`), a fresh page per file; after
 *    `--idle` ms (4 s) of idle page, N drops on the window (6). "shaded" = until the part is drawn
 *    (two frames after it is shown), "full" = until the whole result (features, model labels) is.
 *  - occt-import-js: its own page in the same build dir, one worker started at page load (the
 *    module instantiated once), the same idle wait, then N runs of ReadStepFile(bytes, null).
 *  - first = the first drop/run after the idle wait; steady = median of drops 3..N; the two sides
 *    alternate drop by drop after the first, so a busy machine skews both alike.
 *  - node: the same pipeline and occt-import-js in this process, steady the same way (context).
 *  - engine start on a first visit and on a revisit (same browser profile, new page): Chromium
 *    caches the compiled engine for a cacheable streamed wasm (vite.config.ts, server/app.ts).
 * `--js-flags` passes V8 flags to Chromium (diagnostics, e.g. `--no-liftoff`).
 * `--dist DIR` serves another build of the app (e.g. an older commit's, for before/after).
 * Prints figures, asserts nothing.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { analyze } from '../src/analysis/index.ts';
// Node analyses with the shipped model on the browser's runtime, as the Chromium worker does.
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { appDrop, harnessRun, startPreview, type AppDrop } from './browser-page.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { HEADLINE, ROOT, SHARED_DATA } from './files.ts';
import { initOcctImport } from './occt-import.ts';
import { plateFixture } from './plate-fixture.ts';
import { median, ms, ratio, table } from './stats.ts';

useNodeHost();

const { values: opts } = parseArgs({
  options: {
    drops: { type: 'string', default: '6' },
    idle: { type: 'string', default: '4000' },
    'no-build': { type: 'boolean', default: false },
    'no-node': { type: 'boolean', default: false },
    'no-plate': { type: 'boolean', default: false },
    'js-flags': { type: 'string' },
    dist: { type: 'string' },
    json: { type: 'string' },
  },
});
const DROPS = Math.max(3, Number(opts.drops));
const IDLE_MS = Number(opts.idle);
const BUILD_DIR = opts.dist ?? join(tmpdir(), 'vectis-bench-dist');
const STAGES = ['engine', 'read', 'brep', 'mesh', 'metrics', 'recognize', 'infer', 'total'] as const;
const say = (line = '') => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);
/** Steady: the median of drops 3..N (the first two still pay for first-use work). */
const steady = (values: number[]) => median(values.slice(2));

interface Row {
  label: string;
  path: string;
  faces?: number;
  app: AppDrop[];
  occt: number[];
  node?: { app: number; occt: number };
}

/** The app build plus the peer's page (bench/occt-import-page and occt-import-js's dist files). */
function build(): void {
  if (!opts['no-build'] && !opts.dist) {
    note('vite build ...');
    execFileSync('npx', ['vite', 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const peer = join(BUILD_DIR, 'occt-import-js');
  mkdirSync(peer, { recursive: true });
  cpSync(join(ROOT, 'bench', 'occt-import-page'), peer, { recursive: true });
  for (const f of ['occt-import-js.js', 'occt-import-js.wasm']) cpSync(join(ROOT, 'node_modules', 'occt-import-js', 'dist', f), join(peer, f));
}

async function openIdle(browser: Browser, url: string, ready: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('crash', () => note(`*** page crashed: ${url} ***`));
  page.on('pageerror', (e) => note(`page error (${url}): ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(ready);
  await page.waitForTimeout(IDLE_MS);
  return page;
}

function occtRun(page: Page, bytes: Buffer): Promise<number> {
  return page
    .evaluate((b64) => (window as unknown as { occtRun(b: string): Promise<{ ms: number }> }).occtRun(b64), bytes.toString('base64'))
    .then((r) => r.ms);
}

async function benchChromium(browser: Browser, base: string, row: Row): Promise<void> {
  const bytes = readFileSync(row.path);
  const name = basename(row.path);
  note(`chromium app ${row.label}: first drop after ${IDLE_MS} ms idle ...`);
  const app = await openIdle(browser, `${base}/?cache=off`, 'window.vectis !== undefined');
  row.app.push(await appDrop(app, bytes, name));
  note(`chromium occt-import-js ${row.label}: first run after ${IDLE_MS} ms idle ...`);
  const occt = await openIdle(browser, `${base}/occt-import-js/index.html`, 'window.occtReady === true');
  row.occt.push(await occtRun(occt, bytes));
  for (let i = 1; i < DROPS; i++) {
    note(`chromium ${row.label}: drop ${i + 1}/${DROPS} ...`);
    row.app.push(await appDrop(app, bytes, name));
    row.occt.push(await occtRun(occt, bytes));
  }
  row.faces = row.app.at(-1)?.faces;
  await app.context().close();
  await occt.context().close();
}

async function benchNode(row: Row): Promise<void> {
  note(`node ${row.label} ...`);
  const bytes = new Uint8Array(readFileSync(row.path));
  const occt = await initOcctImport();
  const ours: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < DROPS; i++) {
    ours.push((await analyze(bytes.slice(), { fileName: basename(row.path), model: defaultModelPath() })).timings.total!);
    const t0 = performance.now();
    occt.ReadStepFile(bytes, null);
    peer.push(performance.now() - t0);
  }
  row.node = { app: steady(ours), occt: steady(peer) };
}

/** Engine start (the wait for the engine in the first analysis) on a first visit and two revisits. */
async function benchRevisit(browser: Browser, base: string): Promise<{ engine: number; wall: number }[]> {
  const context = await browser.newContext();
  const bytes = readFileSync(join(ROOT, 'fixtures', 'box-with-hole.step'));
  const visits: { engine: number; wall: number }[] = [];
  for (let i = 0; i < 3; i++) {
    note(`chromium engine start, visit ${i + 1} ...`);
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${base}/e2e/harness.html`);
    await page.waitForFunction(() => window.harnessReady === true);
    const run = await harnessRun(page, bytes, 'box-with-hole.step');
    visits.push({ engine: run.timings.engine ?? NaN, wall: Date.now() - t0 });
    await page.close();
    // Chromium writes its code cache in the background once the module has tiered up.
    await new Promise((r) => setTimeout(r, 3000));
  }
  await context.close();
  return visits;
}

function report(rows: Row[]): void {
  say(
    `\n== drop → result in Chromium: app (cache off) vs occt-import-js (read + mesh, worker), ms; first after ${IDLE_MS / 1000} s idle, steady = median of drops 3-${DROPS} ==`,
  );
  say(
    table(
      ['file', 'faces', 'app first', 'app steady', 'occt-import-js first', 'steady', 'steady ratio', 'node ratio'],
      rows.map((r) => {
        const appSteady = steady(r.app.map((d) => d.fullMs));
        const occtSteady = steady(r.occt);
        return [
          r.label,
          String(r.faces ?? '-'),
          ms(r.app[0]?.fullMs),
          ms(appSteady),
          ms(r.occt[0]),
          ms(occtSteady),
          ratio(appSteady / occtSteady),
          r.node ? ratio(r.node.app / r.node.occt) : '-',
        ];
      }),
    ),
  );
  say('\n== time to the shaded part on screen (app), ms ==');
  say(
    table(
      ['file', 'first shaded', 'first full', 'steady shaded', 'steady full'],
      rows.map((r) => [
        r.label,
        ms(r.app[0]?.shadedMs),
        ms(r.app[0]?.fullMs),
        ms(steady(r.app.map((d) => d.shadedMs))),
        ms(steady(r.app.map((d) => d.fullMs))),
      ]),
    ),
  );
  say('\n== worker stages (result.timings), ms: first drop / steady median ==');
  say(
    table(
      ['file', ...STAGES],
      rows.map((r) => [r.label, ...STAGES.map((s) => `${ms(r.app[0]?.timings[s])} / ${ms(steady(r.app.map((d) => d.timings[s] ?? NaN)))}`)]),
    ),
  );
  say('(app figures are page wall time from the drop: file read, worker, transfer, tree, BVH, first frames under SwiftShader)');
}

async function main(): Promise<void> {
  say(`vectis browser bench  ${new Date().toISOString()}  node ${process.version}  ${cpus().length}x ${cpus()[0]?.model ?? '?'}`);
  say(`chromium: ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()} (headless, SwiftShader WebGL)`);
  say(`1-min load average at start: ${loadavg()[0]!.toFixed(2)} (other processes on the machine skew the figures)`);
  const rows: Row[] = [];
  const headline = join(SHARED_DATA, HEADLINE);
  try {
    readFileSync(headline);
    rows.push({ label: 'BRepNet 42811', path: headline, app: [], occt: [] });
  } catch {
    say(`*** SKIPPED ${headline}: absent (the shared data set is not in this checkout) ***`);
  }
  if (!opts['no-plate']) rows.push({ label: 'plate, 240 counterbores', path: await plateFixture(), app: [], occt: [] });

  build();
  if (!opts['no-node']) for (const row of rows) await benchNode(row);
  const preview = await startPreview(ROOT, BUILD_DIR);
  const args = [...CHROMIUM_ARGS, ...(opts['js-flags'] ? [`--js-flags=${opts['js-flags']}`] : [])];
  if (opts['js-flags']) say(`chromium js-flags: ${opts['js-flags']}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  let visits: { engine: number; wall: number }[];
  try {
    for (const row of rows) await benchChromium(browser, preview.url, row);
    visits = await benchRevisit(browser, preview.url);
  } finally {
    await browser.close();
    preview.stop();
  }
  report(rows);
  say('\n== engine start in the worker, ms (page load to first small analysis: wall) ==');
  say(
    table(
      ['visit', 'engine start', 'wall'],
      visits.map((v, i) => [i === 0 ? 'first' : `revisit ${i}`, ms(v.engine), ms(v.wall)]),
    ),
  );
  say(`1-min load average at end: ${loadavg()[0]!.toFixed(2)}`);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(rows, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
