/**
 * `npm run bench [-- --runs N] [--plate-runs N] [--json out.json]`
 *
 * Prints figures, asserts nothing. In one Node process:
 *  1. vectis `analyze()` per file: the cold first call on that file (the process's very first call
 *     also starts the engine; that start is reported on its own), then N warm runs; medians per stage.
 *  2. occt-import-js (read + mesh only): init once, then per file a cold first `ReadStepFile` and
 *     the median of N warm ones; ratios vectis / occt-import-js and triangle counts of both.
 *  3. WASM heap growth over repeated analyses, each series on a fresh engine instance.
 *  4. The segmentation model's stage per file, onnxruntime-web (product) vs onnxruntime-node (./model.ts).
 *
 * Files come from ../shared/data (absent files are skipped, loudly) and fixtures/*.step.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, discardEngine, engineHeapBytes, getEngine, serializeError, type AnalysisResult } from '../src/analysis/index.ts';
import { collectFiles, HEADLINE, SHARED_DATA, SMALL, type BenchFile, type Skipped } from './files.ts';
import { faceCount, initOcctImport, triangleCount, type OcctImport } from './occt-import.ts';
import { benchModel } from './model.ts';
import { kib, median, mib, ms, ratio, table } from './stats.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const STAGES = ['read', 'brep', 'mesh', 'metrics', 'total'] as const;
type StageName = (typeof STAGES)[number];
type StageTimes = Record<StageName, number>;

interface VectisFigures {
  label: string;
  source: string;
  bytes: number;
  faces: number;
  edges: number;
  triangles: number;
  runs: number;
  /** Timings of the first analyze() of this file in the process (engine start excluded from total). */
  cold: StageTimes & { engine: number; totalWithEngine: number };
  warmMedian: StageTimes;
  warmAll: StageTimes[];
  error?: string;
}

interface OcctFigures {
  label: string;
  source: string;
  runs: number;
  cold: number;
  warmMedian: number;
  warmAll: number[];
  triangles: number;
  faces: number;
  error?: string;
}

interface Comparison {
  label: string;
  vectisWarmTotal: number;
  vectisReadBrepMesh: number;
  occtWarm: number;
  /** vectis warm total / occt-import-js warm. */
  totalRatio: number;
  /** vectis (read + brep + mesh) / occt-import-js warm. */
  readBrepMeshRatio: number;
  vectisTriangles: number;
  occtTriangles: number;
}

interface HeapFigures {
  label: string;
  source: string;
  warmup: number;
  runs: number;
  heapAfterWarmup: number;
  heapAfterRuns: number;
  growthPercent: number;
  medianTotal: number;
  error?: string;
}

const USAGE = 'usage: npm run bench -- [--runs N] [--plate-runs N] [--heap-runs N] [--json out.json]';

function parseCli() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: 'string', default: '5' },
      'plate-runs': { type: 'string', default: '3' },
      'heap-runs': { type: 'string', default: '100' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`--${name} must be an integer >= ${min}\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  return {
    runs: int('runs', values.runs, 1),
    plateRuns: int('plate-runs', values['plate-runs'], 1),
    heapRuns: int('heap-runs', values['heap-runs'], 1),
    json: values.json,
  };
}

function errorText(e: unknown): string {
  const s = serializeError(e);
  return `${s.code}: ${s.message}`;
}

function stageTimes(t: Record<string, number>): StageTimes {
  return { read: t.read ?? NaN, brep: t.brep ?? NaN, mesh: t.mesh ?? NaN, metrics: t.metrics ?? NaN, total: t.total ?? NaN };
}

function medianTimes(all: StageTimes[]): StageTimes {
  const out = {} as StageTimes;
  for (const s of STAGES) out[s] = median(all.map((t) => t[s]));
  return out;
}

function runsFor(file: BenchFile, opts: { runs: number; plateRuns: number }): number {
  return file.heavy ? Math.min(opts.runs, opts.plateRuns) : opts.runs;
}

async function benchVectis(file: BenchFile, bytes: Uint8Array, runs: number): Promise<VectisFigures> {
  const base = { label: file.label, source: file.source, bytes: bytes.byteLength, runs };
  let first: AnalysisResult;
  try {
    first = await analyze(bytes, { fileName: basename(file.path) });
  } catch (e) {
    const nan = { read: NaN, brep: NaN, mesh: NaN, metrics: NaN, total: NaN };
    return {
      ...base,
      faces: 0,
      edges: 0,
      triangles: 0,
      cold: { ...nan, engine: NaN, totalWithEngine: NaN },
      warmMedian: nan,
      warmAll: [],
      error: errorText(e),
    };
  }
  const engine = first.timings.engine ?? 0;
  const totalWithEngine = first.timings.total ?? NaN;
  const cold = { ...stageTimes(first.timings), total: totalWithEngine - engine, engine, totalWithEngine };
  const warmAll: StageTimes[] = [];
  for (let i = 0; i < runs; i++) warmAll.push(stageTimes((await analyze(bytes, { fileName: basename(file.path) })).timings));
  return {
    ...base,
    faces: first.part.faces,
    edges: first.part.edges,
    triangles: first.mesh.indices.length / 3,
    cold,
    warmMedian: medianTimes(warmAll),
    warmAll,
  };
}

function benchOcct(occt: OcctImport, file: BenchFile, bytes: Uint8Array, runs: number): OcctFigures {
  const base = { label: file.label, source: file.source, runs };
  const once = () => {
    const t0 = performance.now();
    const result = occt.ReadStepFile(bytes, null);
    const elapsed = performance.now() - t0;
    if (!result.success) throw new Error('ReadStepFile returned success: false');
    return { elapsed, result };
  };
  try {
    const first = once();
    const warmAll: number[] = [];
    for (let i = 0; i < runs; i++) warmAll.push(once().elapsed);
    return {
      ...base,
      cold: first.elapsed,
      warmMedian: median(warmAll),
      warmAll,
      triangles: triangleCount(first.result),
      faces: faceCount(first.result),
    };
  } catch (e) {
    return { ...base, cold: NaN, warmMedian: NaN, warmAll: [], triangles: 0, faces: 0, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Repeated analyses on a fresh engine instance, so that earlier (bigger) files do not pre-size its heap. */
async function benchHeap(label: string, file: BenchFile, bytes: Uint8Array, warmup: number, runs: number): Promise<HeapFigures> {
  const base = { label, source: file.source, warmup, runs };
  discardEngine();
  try {
    const oc = await getEngine();
    for (let i = 0; i < warmup; i++) await analyze(bytes);
    const heapAfterWarmup = engineHeapBytes(oc);
    const totals: number[] = [];
    for (let i = 0; i < runs; i++) totals.push((await analyze(bytes)).timings.total ?? NaN);
    const heapAfterRuns = engineHeapBytes(oc);
    return {
      ...base,
      heapAfterWarmup,
      heapAfterRuns,
      growthPercent: ((heapAfterRuns - heapAfterWarmup) / heapAfterWarmup) * 100,
      medianTotal: median(totals),
    };
  } catch (e) {
    return { ...base, heapAfterWarmup: NaN, heapAfterRuns: NaN, growthPercent: NaN, medianTotal: NaN, error: errorText(e) };
  }
}

function gitRevision(): string | undefined {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // The figures are about src/: say when it differs from the commit named.
    const dirty = git('status', '--porcelain', '--', 'src') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (src/ has uncommitted changes)' : ''}`;
  } catch {
    return undefined;
  }
}

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
  const opts = parseCli();
  const began = performance.now();
  const skipped: Skipped[] = [];
  const files = collectFiles(skipped);
  const cpu = cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpu.length} x ${cpu[0]?.model ?? 'unknown'}`,
    git: gitRevision(),
    runs: opts.runs,
    plateRuns: opts.plateRuns,
    heapRuns: opts.heapRuns,
    loadAtStart: loadavg()[0]!,
  };

  say(`vectis bench  ${meta.date}  node ${meta.node}  ${meta.platform}  ${meta.cpu}${meta.git ? `  git ${meta.git}` : ''}`);
  say(`1-min load average at start: ${meta.loadAtStart.toFixed(2)} (other processes on the machine skew the figures)`);
  say(`warm runs per file: ${opts.runs}; heavy files (the pressure plate): ${Math.min(opts.runs, opts.plateRuns)} (--plate-runs)`);
  if (!existsSync(SHARED_DATA)) say(`\n*** ${SHARED_DATA} is ABSENT: every shared-data file is SKIPPED ***`);
  for (const s of skipped) say(`*** SKIPPED ${s.source}: ${s.reason} ***`);
  if (files.length === 0) {
    say('\nNothing to benchmark.');
    process.exitCode = 1;
    return;
  }
  const bytesOf = new Map(files.map((f) => [f.path, new Uint8Array(readFileSync(f.path))]));
  const input = (f: BenchFile) => bytesOf.get(f.path)!;

  // 1. vectis analyze(): cold first call per file, then warm runs.
  const vectis: VectisFigures[] = [];
  for (const f of files) {
    process.stderr.write(`vectis ${f.label} ...\n`);
    vectis.push(await benchVectis(f, input(f), runsFor(f, opts)));
  }
  const engineStart = vectis.find((v) => !v.error)?.cold.engine ?? NaN;
  const mainHeap = engineHeapBytes(await getEngine());

  say('\n== vectis analyze(): median of warm runs per stage, ms; cold = first analyze() of that file (engine start excluded) ==');
  say(
    table(
      ['file', 'size', 'faces', 'tris', 'runs', 'read', 'brep', 'mesh', 'metrics', 'total', 'cold'],
      vectis.map((v) =>
        v.error
          ? [v.label, kib(v.bytes), 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-']
          : [
              v.label,
              kib(v.bytes),
              String(v.faces),
              String(v.triangles),
              String(v.runs),
              ...STAGES.map((s) => ms(v.warmMedian[s])),
              ms(v.cold.total),
            ],
      ),
    ),
  );
  for (const v of vectis) if (v.error) say(`*** FAILED ${v.label}: ${v.error} ***`);
  const firstOk = vectis.find((v) => !v.error);
  if (firstOk) {
    say(
      `engine start (in the process's first analyze(), ${firstOk.label}): ${ms(engineStart)} ms; that first analyze() took ${ms(firstOk.cold.totalWithEngine)} ms in all`,
    );
  }
  say(`engine WASM heap after all of the above: ${mib(mainHeap)}`);

  // 2. occt-import-js: init once, then cold first call and warm runs per file.
  process.stderr.write('occt-import-js init ...\n');
  const t0 = performance.now();
  const occt = await initOcctImport();
  const occtInit = performance.now() - t0;
  const occtFigures: OcctFigures[] = [];
  for (const f of files) {
    process.stderr.write(`occt-import-js ${f.label} ...\n`);
    occtFigures.push(benchOcct(occt, f, input(f), runsFor(f, opts)));
  }
  const comparisons: Comparison[] = [];
  for (const v of vectis) {
    const o = occtFigures.find((x) => x.source === v.source);
    if (!o || v.error || o.error) continue;
    const rbm = v.warmMedian.read + v.warmMedian.brep + v.warmMedian.mesh;
    comparisons.push({
      label: v.label,
      vectisWarmTotal: v.warmMedian.total,
      vectisReadBrepMesh: rbm,
      occtWarm: o.warmMedian,
      totalRatio: v.warmMedian.total / o.warmMedian,
      readBrepMeshRatio: rbm / o.warmMedian,
      vectisTriangles: v.triangles,
      occtTriangles: o.triangles,
    });
  }
  say(`\n== occt-import-js ReadStepFile(bytes, null) (read + mesh only), ms; init ${ms(occtInit)} ms ==`);
  say('ratios: vectis warm total / occt-import-js warm, and vectis (read+brep+mesh) / occt-import-js warm; below 1 = vectis faster');
  say(
    table(
      [
        'file',
        'runs',
        'occt cold',
        'occt warm',
        'vectis total',
        'total ratio',
        'vectis r+b+m',
        'r+b+m ratio',
        'vectis tris',
        'occt tris',
        'occt faces',
      ],
      occtFigures.map((o) => {
        if (o.error) return [o.label, String(o.runs), 'FAILED', '-', '-', '-', '-', '-', '-', '-', '-'];
        const c = comparisons.find((x) => x.label === o.label);
        return [
          o.label,
          String(o.runs),
          ms(o.cold),
          ms(o.warmMedian),
          ms(c?.vectisWarmTotal),
          ratio(c?.totalRatio),
          ms(c?.vectisReadBrepMesh),
          ratio(c?.readBrepMeshRatio),
          c ? String(c.vectisTriangles) : '-',
          String(o.triangles),
          String(o.faces),
        ];
      }),
    ),
  );
  for (const o of occtFigures) if (o.error) say(`*** FAILED occt-import-js ${o.label}: ${o.error} ***`);
  for (const v of vectis) if (v.error) say(`(${v.label}: no ratio, vectis failed)`);
  say('(both mesh at linear deflection 0.001 x bounding-box diagonal, angular 0.5 rad)');

  // 3. Heap growth over repeated analyses, each series on a fresh engine.
  const heap: HeapFigures[] = [];
  const small = files.find((f) => f.source === SMALL) ?? [...files].sort((a, b) => statSync(a.path).size - statSync(b.path).size)[0]!;
  process.stderr.write(`heap ${small.label} x ${opts.heapRuns} ...\n`);
  heap.push(await benchHeap(small.label, small, input(small), 5, opts.heapRuns));
  const headline = files.find((f) => f.source === HEADLINE);
  if (headline) {
    process.stderr.write(`heap ${headline.label} x 20 ...\n`);
    heap.push(await benchHeap(headline.label, headline, input(headline), 5, 20));
  } else {
    say(`\n*** SKIPPED heap series on ${HEADLINE}: absent ***`);
  }
  say('\n== WASM heap growth: fresh engine, 5 warm-up analyses, then repeated analyses of the same file ==');
  say(
    table(
      ['file', 'runs', 'heap after warm-up', 'heap after runs', 'growth', 'median total ms'],
      heap.map((h) =>
        h.error
          ? [h.label, String(h.runs), 'FAILED', '-', '-', '-']
          : [h.label, String(h.runs), mib(h.heapAfterWarmup), mib(h.heapAfterRuns), `${h.growthPercent.toFixed(1)} %`, ms(h.medianTotal)],
      ),
    ),
  );

  for (const h of heap) if (h.error) say(`*** FAILED heap series ${h.label}: ${h.error} ***`);

  // 4. The model stage alone.
  process.stderr.write('segmentation model ...\n');
  const model = await benchModel(files, Math.max(opts.runs, 20), say);

  const wall = (performance.now() - began) / 1000;
  const loadAtEnd = loadavg()[0]!;
  say(`\nbench wall time: ${wall.toFixed(1)} s; 1-min load average at end: ${loadAtEnd.toFixed(2)}`);
  if (skipped.length > 0) say(`*** ${skipped.length} input(s) SKIPPED: ${skipped.map((s) => s.source).join(', ')} ***`);

  if (opts.json) {
    const out = {
      meta: { ...meta, loadAtEnd, wallSeconds: wall, sharedData: relative(ROOT, SHARED_DATA) },
      skipped,
      vectis: { engineStartMs: engineStart, heapBytesAfterFiles: mainHeap, files: vectis },
      occtImportJs: { version: occtVersion(), initMs: occtInit, files: occtFigures },
      comparisons,
      heap,
      model,
    };
    writeFileSync(opts.json, `${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
    say(`figures written to ${opts.json}`);
  }
}

function occtVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'occt-import-js', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version;
  } catch {
    return undefined;
  }
}

await main();
