/**
 * `npm run profile:browser -- [--file F] [--runs N] [--no-build] [--out DIR] [--js-flags "..."]`
 *
 * Where the Chromium worker's extra time goes: CPU profiles of the same warm analyses in the
 * app's analysis worker (DevTools Protocol Profiler on the worker target) and in this Node
 * process (node:inspector), side by side as shares of time by category and, for the engine's
 * wasm (the same binary in both hosts, functions named by index), function by function.
 * `--js-flags` passes V8 flags to Chromium (diagnostics: `--no-liftoff`, `--no-wasm-dynamic-tiering`).
 * Prints figures and writes both .cpuprofile files (open them in DevTools); asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { analyze } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { harnessRun, startPreview } from './browser-page.ts';
import { WorkerProfiler } from './cdp-worker.ts';
import { shares, top, type CpuProfile, type ProfileShares } from './cpu-profile.ts';
import { CHROMIUM_ARGS } from './chromium.ts';
import { HEADLINE, ROOT, SHARED_DATA } from './files.ts';
import { median, ms, table } from './stats.ts';

useNodeHost();

const { values: opts } = parseArgs({
  options: {
    file: { type: 'string', default: join(SHARED_DATA, HEADLINE) },
    runs: { type: 'string', default: '4' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: join(tmpdir(), 'vectis-profiles') },
    'js-flags': { type: 'string' },
    interval: { type: 'string', default: '250' },
  },
});
const runs = Number(opts.runs);
const interval = Number(opts.interval);
const say = (line = '') => process.stdout.write(`${line}\n`);
const MODEL = defaultModelPath();

async function profileNode(bytes: Uint8Array, name: string): Promise<{ profile: CpuProfile; totals: number[]; stages: Record<string, number>[] }> {
  for (let i = 0; i < 2; i++) await analyze(bytes.slice(), { fileName: name, model: MODEL });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval });
  await session.post('Profiler.start');
  const stages: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) stages.push((await analyze(bytes.slice(), { fileName: name, model: MODEL })).timings);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return { profile: profile as unknown as CpuProfile, totals: stages.map((s) => s.total!), stages };
}

async function profileChromium(
  bytes: Buffer,
  name: string,
  outDir: string,
): Promise<{ profile: CpuProfile; totals: number[]; stages: Record<string, number>[] }> {
  const args = [...CHROMIUM_ARGS, ...(opts['js-flags'] ? [`--js-flags=${opts['js-flags']}`] : [])];
  const preview = await startPreview(ROOT, outDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage();
    await page.goto(`${preview.url}/e2e/harness.html`);
    await page.waitForFunction(() => window.harnessReady === true);
    for (let i = 0; i < 2; i++) await harnessRun(page, bytes, name);
    const profiler = await WorkerProfiler.attach(browser, 'analysis.worker');
    await profiler.start(interval);
    const stages: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) stages.push((await harnessRun(page, bytes, name)).timings);
    const profile = await profiler.stop();
    await profiler.detach();
    return { profile, totals: stages.map((s) => s.total!), stages };
  } finally {
    await browser.close();
    preview.stop();
  }
}

function printShares(label: string, s: ProfileShares, perRun: number): void {
  say(`\n== ${label}: ${ms(s.busyMs / perRun)} ms busy per run (idle ${ms(s.idleMs / perRun)}) ==`);
  say(
    table(
      ['category', 'ms/run', 'share'],
      top(s.categories, 12).map(([k, v]) => [k, ms(v / perRun), `${((100 * v) / s.busyMs).toFixed(1)}%`]),
    ),
  );
}

async function main(): Promise<void> {
  const file = opts.file!;
  const bytes = readFileSync(file);
  const name = basename(file);
  const outDir = join(tmpdir(), 'vectis-profile-dist');
  if (!opts['no-build'])
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  mkdirSync(opts.out!, { recursive: true });

  const node = await profileNode(new Uint8Array(bytes), name);
  const browser = await profileChromium(bytes, name, outDir);
  writeFileSync(join(opts.out!, 'node.cpuprofile'), JSON.stringify(node.profile));
  writeFileSync(join(opts.out!, 'chromium-worker.cpuprofile'), JSON.stringify(browser.profile));

  say(`profile of ${runs} warm analyses of ${name}, sampling every ${interval} µs; chromium js-flags: ${opts['js-flags'] ?? '(none)'}`);
  say(`analysis total, median: node ${ms(median(node.totals))} ms, chromium worker ${ms(median(browser.totals))} ms`);
  const stageNames = Object.keys(browser.stages[0] ?? {}).filter((k) => k !== 'engine');
  const stageLine = (stages: Record<string, number>[]) => stageNames.map((k) => `${k} ${ms(median(stages.map((s) => s[k] ?? NaN)))}`).join(', ');
  say(`node stages, median ms: ${stageLine(node.stages)}`);
  say(`chromium stages, median ms: ${stageLine(browser.stages)}`);
  const n = shares(node.profile);
  const c = shares(browser.profile);
  printShares('node', n, runs);
  printShares('chromium worker', c, runs);

  say('\n== functions by self time, chromium worker vs node (ms per run) ==');
  const names = top(c.functions, 25).map(([k]) => k);
  for (const [k] of top(n.functions, 10)) if (!names.includes(k)) names.push(k);
  say(
    table(
      ['function', 'chromium', 'node', 'ratio'],
      names.map((k) => {
        const cv = (c.functions.get(k) ?? 0) / runs;
        const nv = (n.functions.get(k) ?? 0) / runs;
        return [k.slice(0, 70), ms(cv), ms(nv), nv > 0 ? `${(cv / nv).toFixed(2)}x` : '-'];
      }),
    ),
  );
  say(`\nprofiles: ${opts.out}/node.cpuprofile, ${opts.out}/chromium-worker.cpuprofile`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
