/**
 * `npm run trace:first-drop [-- --runs N] [--idle MS] [--no-build | --dist DIR] [--file F] [--no-samples] [--out DIR] [--trace F ...]`
 *
 * Where the first drop's time to the shaded part goes (issue 11: ≤ 0.8 s for 42811 after 4 s of
 * idle page). A Chromium trace (through Playwright) of a fresh page of the production build
 * (`/?cache=off`, as bench/browser.ts opens it): page load, the idle wait, then one drop. It prints
 *  - the app's user-timing marks (src/app/perf-marks.ts, the worker's) relative to the drop:
 *    worker start → mesh sent → mesh received → geometry / BVH → first draw → shaded (two frames);
 *  - per window (worker until the mesh, the transfer, the page after the mesh), each busy
 *    thread's self time by trace event, and the sampled JS/wasm functions of the page and worker;
 *  - the idle wait: how busy the worker and the page were, second by second, and the wasm
 *    compile/tier-up work in it and in the drop;
 *  - thread CPU where wall time says little on a loaded machine (cpuFigures), and medians of all
 *    of it over the runs. `--idle 20000` lets the warm-up finish even on a busy machine, so that
 *    what the first file still compiles is the warm-up's coverage, not its lateness.
 * Writes each trace (open it in DevTools' Performance panel or ui.perfetto.dev). Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { appDrop, startPreview, type AppDrop } from './browser-page.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { HEADLINE, ROOT, SHARED_DATA } from './files.ts';
import { median, ms, table } from './stats.ts';
import { largest, marks, parseTrace, sampledFunctions, selfTimes, type Mark, type Trace } from './trace-events.ts';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    idle: { type: 'string', default: '4000' },
    file: { type: 'string', default: join(SHARED_DATA, HEADLINE) },
    'no-build': { type: 'boolean', default: false },
    'no-samples': { type: 'boolean', default: false },
    dist: { type: 'string' },
    out: { type: 'string', default: join(tmpdir(), 'vectis-traces') },
    /** Report on traces written before (their .drop.json beside them) instead of running. */
    trace: { type: 'string', multiple: true },
  },
});
const IDLE_MS = Number(opts.idle);
const BUILD_DIR = opts.dist ?? join(tmpdir(), 'vectis-trace-dist');
const say = (line = '') => process.stdout.write(`${line}\n`);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8',
  'v8.execute',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
  'gpu',
  ...(opts['no-samples'] ? [] : ['disabled-by-default-v8.cpu_profiler']),
];

interface Run {
  drop: AppDrop;
  trace: Trace;
}

async function tracedFirstDrop(browser: Browser, url: string, bytes: Buffer, name: string, out: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await browser.startTracing(undefined, { categories: CATEGORIES });
  await page.goto(`${url}/?cache=off`);
  await page.waitForFunction('window.vectis !== undefined');
  await page.waitForTimeout(IDLE_MS);
  const drop = await appDrop(page, bytes, name);
  const json = (await browser.stopTracing()).toString('utf8');
  writeFileSync(out, json);
  writeFileSync(`${out}.drop.json`, JSON.stringify(drop));
  await context.close();
  return { drop, trace: parseTrace(json) };
}

function threadLabel(trace: Trace, thread: string): string {
  return `${trace.threadNames.get(thread) ?? '?'} [${thread}]`;
}

/** Each busy thread's self time in [from, to) by event name, and its top events. */
function windowReport(run: Run, title: string, from: number, to: number): void {
  const { trace } = run;
  say(`\n-- ${title}: ${ms(to - from)} ms --`);
  const perThread = [...selfTimes(trace, from, to)]
    .map(([thread, names]) => ({ thread, names, busy: [...names.values()].reduce((a, b) => a + b, 0) }))
    .filter((t) => t.busy >= 3)
    .sort((a, b) => b.busy - a.busy);
  say(
    table(
      ['thread', 'CPU ms', 'largest self times (trace events, thread CPU), ms'],
      perThread.map((t) => [
        threadLabel(trace, t.thread),
        ms(t.busy),
        largest(t.names, 5)
          .map(([n, v]) => `${n} ${ms(v)}`)
          .join(', '),
      ]),
    ),
  );
  if (opts['no-samples']) return;
  for (const [thread, functions] of sampledFunctions(trace, from, to)) {
    const total = [...functions.values()].reduce((a, b) => a + b, 0);
    if (total < 5) continue;
    say(`  sampled on ${threadLabel(trace, thread)}: ${ms(total)} ms`);
    for (const [f, v] of largest(functions, 8)) say(`    ${ms(v).padStart(6)}  ${f.slice(0, 100)}`);
  }
}

/** The idle wait second by second: busy ms of the page's main thread and of the worker. */
function idleReport(run: Run, pageStart: number, drop: number): void {
  const { trace } = run;
  const busiest = (pattern: RegExp) => [...trace.threadNames].filter(([, n]) => pattern.test(n)).map(([k]) => k);
  const watched = [...busiest(/^CrRendererMain$/), ...busiest(/DedicatedWorker/), ...busiest(/^CrGpuMain$/)];
  const rows: string[][] = [];
  for (let t = pageStart; t < drop; t += 1000) {
    const self = selfTimes(trace, t, Math.min(t + 1000, drop));
    rows.push([
      `${ms(t - drop)}..${ms(Math.min(t + 1000, drop) - drop)}`,
      ...watched.map((k) => ms([...(self.get(k)?.values() ?? [])].reduce((a, b) => a + b, 0))),
    ]);
  }
  say(`\n-- page load and idle wait, thread CPU ms per second (relative to the drop) --`);
  say(table(['window', ...watched.map((k) => threadLabel(trace, k))], rows));
  const wasm = (from: number, to: number) => {
    const counts = new Map<string, { n: number; ms: number }>();
    for (const e of trace.events) {
      if (!e.cat.includes('wasm') || e.ts / 1000 < from || e.ts / 1000 >= to) continue;
      const c = counts.get(e.name) ?? { n: 0, ms: 0 };
      c.n++;
      c.ms += (e.dur ?? 0) / 1000;
      counts.set(e.name, c);
    }
    return [...counts]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 6)
      .map(([n, c]) => `${n} ×${c.n} ${ms(c.ms)} ms`)
      .join(', ');
  };
  say(`wasm events before the drop: ${wasm(pageStart, drop) || 'none'}`);
  say(`wasm events from the drop to the shaded part: ${wasm(drop, drop + run.drop.shadedMs) || 'none'}`);
}

/**
 * Thread CPU (ms) where wall time says little on a loaded machine: the worker from the file's
 * arrival to the mesh, the page's main thread from the mesh to the shaded part, V8's background
 * tier-up (TurboFan) and the worker's lazy Liftoff compiles from the file's arrival to the shaded
 * part; and the worker's CPU before the drop (engine and model start, warm-up).
 */
function cpuFigures(run: Run, drop: Mark, started: Mark | undefined, meshSent: Mark | undefined, meshReceived: number): Record<string, number> {
  const shaded = drop.at + run.drop.shadedMs;
  const arrived = started?.at ?? drop.at;
  const sum = (thread: string | undefined, from: number, to: number) =>
    [
      ...(selfTimes(run.trace, from, to)
        .get(thread ?? '')
        ?.values() ?? []),
    ].reduce((a, b) => a + b, 0);
  let tierUp = 0;
  let lazy = 0;
  for (const e of run.trace.events) {
    const at = e.ts / 1000;
    if (at < arrived || at >= shaded) continue;
    if (e.name === 'wasm.TopTierCompilation') tierUp += (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'wasm.CompileLazy') lazy += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  return {
    'cpu: worker before the drop': sum(meshSent?.thread, 0, drop.at),
    'cpu: worker, file → mesh': sum(meshSent?.thread, arrived, meshSent?.at ?? arrived),
    'cpu: page, mesh → shaded': sum(drop.thread, meshReceived, shaded),
    'cpu: tier-up, file → shaded': tierUp,
    'cpu: lazy compile, file → shaded': lazy,
  };
}

function report(run: Run, index: number): Record<string, number> {
  const all = marks(run.trace);
  const drop = all.find((m) => m.name === 'file');
  if (!drop) throw new Error('no vectis:file mark in the trace: is the build instrumented (src/app/perf-marks.ts)?');
  const after = (name: string): Mark | undefined => all.find((m) => m.name === name && m.at >= drop.at);
  const rel: Record<string, number> = {};
  for (const m of all) if (m.at >= drop.at && rel[m.name] === undefined) rel[m.name] = m.at - drop.at;
  // The worker's warm-up ends before the drop (negative) or, on a busy machine, after it.
  const warm = all.find((m) => m.name.startsWith('warmup-'));
  if (warm) rel[warm.name] = warm.at - drop.at;
  rel.shaded = run.drop.shadedMs;
  rel.full = run.drop.fullMs;
  say(
    `\n== run ${index + 1}: shaded ${ms(run.drop.shadedMs)} ms, full ${ms(run.drop.fullMs)} ms; worker read ${ms(run.drop.timings.read)}, mesh ${ms(run.drop.timings.mesh)} ms ==`,
  );
  say(
    Object.entries(rel)
      .sort((a, b) => a[1] - b[1])
      .map(([n, v]) => `${n} ${ms(v)}`)
      .join('  →  '),
  );
  const meshSent = after('worker-mesh')?.at ?? drop.at;
  const meshReceived = after('mesh-received')?.at ?? meshSent;
  Object.assign(rel, cpuFigures(run, drop, after('worker-analyze'), after('worker-mesh'), meshReceived));
  windowReport(run, 'drop → worker sends the mesh', drop.at, meshSent);
  windowReport(run, 'mesh sent → received on the page', meshSent, meshReceived);
  windowReport(run, 'mesh received → shaded (two frames drawn)', meshReceived, drop.at + run.drop.shadedMs);
  let firstEvent = drop.at;
  for (const e of run.trace.events) if (e.ph === 'X' && e.ts > 0 && e.ts / 1000 < firstEvent) firstEvent = e.ts / 1000;
  idleReport(run, firstEvent, drop.at);
  return rel;
}

function summary(rows: Record<string, number>[]): void {
  // Marks in time order, then the CPU figures.
  const order = (name: string) => median(rows.map((r) => r[name] ?? NaN)) + (name.startsWith('cpu:') ? 1e9 : 0);
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort((a, b) => order(a) - order(b));
  say(`\n== medians over ${rows.length} run(s), ms after the drop; 1-min load at end ${loadavg()[0]!.toFixed(2)} ==`);
  say(
    table(
      ['mark', 'median', 'runs'],
      names.map((n) => [n, ms(median(rows.map((r) => r[n] ?? NaN))), rows.map((r) => ms(r[n])).join(' / ')]),
    ),
  );
}

async function main(): Promise<void> {
  if (opts.trace) {
    const runs = opts.trace.map((f) => ({
      trace: parseTrace(readFileSync(f, 'utf8')),
      drop: JSON.parse(readFileSync(`${f}.drop.json`, 'utf8')) as AppDrop,
    }));
    summary(runs.map((run, i) => report(run, i)));
    return;
  }
  const bytes = readFileSync(opts.file!);
  const name = basename(opts.file!);
  if (!opts['no-build'] && !opts.dist)
    execFileSync('npx', ['vite', 'build', '--outDir', BUILD_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  mkdirSync(opts.out!, { recursive: true });
  say(`first-drop trace of ${name}, ${opts.runs} fresh page(s), ${IDLE_MS} ms idle; 1-min load ${loadavg()[0]!.toFixed(2)}`);
  const preview = await startPreview(ROOT, BUILD_DIR);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Record<string, number>[] = [];
  try {
    for (let i = 0; i < Number(opts.runs); i++) {
      const out = join(opts.out!, `first-drop-${i + 1}.json`);
      rows.push(report(await tracedFirstDrop(browser, preview.url, bytes, name, out), i));
      say(`trace: ${out}`);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort(
    (a, b) => median(rows.map((r) => r[a] ?? NaN)) - median(rows.map((r) => r[b] ?? NaN)),
  );
  say(`\n== medians over ${rows.length} run(s), ms after the drop; 1-min load at end ${loadavg()[0]!.toFixed(2)} ==`);
  say(
    table(
      ['mark', 'median', 'runs'],
      names.map((n) => [n, ms(median(rows.map((r) => r[n] ?? NaN))), rows.map((r) => ms(r[n])).join(' / ')]),
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
