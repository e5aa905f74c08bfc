/**
 * npm run model:eval — the model card's figures (models/README.md), through the product's own
 * path: analyze(bytes, { model }) with onnxruntime-node, labels compared face by face.
 *
 *   npx tsx models/training/eval.ts [--model models/vectis-brepnet.onnx] [--json out.json]
 *
 * Sets: the held-out generated split (seed 2, 500 parts; generated into data/generated/val when
 * absent), ../shared/data/mfcad/dev (MFCAD labels through their true MFCAD++ meaning) and the
 * labelled AAGNet (MFInstSeg) sample, when ../shared/data is there. Prints accuracy, mean IoU and
 * per-class IoU per set, and latency of the model stage in onnxruntime-node and -web (wasm).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, Evaluator, loadModel, type BrepNetSession } from '../../src/analysis/index.ts';
import { useOnnxRuntimeNode, useOnnxRuntimeWebInNode } from '../../src/analysis/hosts/node.ts';
import { mapLabels } from './export-dataset.ts';
import { CLASS_NAMES } from './generate/classes.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(ROOT, '..', 'shared', 'data');
const HELD_OUT = { seed: 2, count: 500, dir: join(ROOT, 'data', 'generated', 'val') };

interface SetResult {
  name: string;
  parts: number;
  faces: number;
  accuracy: number;
  meanIoU: number;
  iou: Record<string, number>;
  support: Record<string, number>;
  msPerPart: number;
}

function labelled(dir: string, only?: string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(step|stp)$/i.test(f) && (!only || only.includes(f)))
    .filter((f) => existsSync(join(dir, f.replace(/\.(step|stp)$/i, '.topexp_labels.json'))))
    .sort()
    .map((f) => join(dir, f));
}

async function evaluateSet(name: string, files: string[], session: BrepNetSession): Promise<SetResult> {
  const evaluator = new Evaluator(CLASS_NAMES);
  let inferMs = 0;
  for (const file of files) {
    const truth = mapLabels(JSON.parse(readFileSync(file.replace(/\.(step|stp)$/i, '.topexp_labels.json'), 'utf8')));
    const result = await analyze(new Uint8Array(readFileSync(file)), { fileName: basename(file), model: session, meshDeflection: 0.2 });
    inferMs += result.timings.infer ?? 0;
    if (truth.length !== result.faces.length) throw new Error(`${file}: ${truth.length} labels, ${result.faces.length} faces`);
    const predicted = result.faces.map((f) => {
      const p = CLASS_NAMES.indexOf(f.label as (typeof CLASS_NAMES)[number]);
      if (p < 0) throw new Error(`the model's class '${f.label}' is not one of the generator's classes`);
      return p;
    });
    evaluator.add(truth, predicted);
  }
  const e = evaluator.result();
  // IoU per class present in the truth: a class only predicted has no IoU of its own here.
  const present = e.perClass.filter((c) => c.support > 0);
  const iou = Object.fromEntries(present.map((c) => [c.name, c.iou]));
  const support = Object.fromEntries(present.map((c) => [c.name, c.support]));
  return {
    name,
    parts: files.length,
    faces: e.faces,
    accuracy: e.accuracy,
    meanIoU: present.reduce((s, c) => s + c.iou, 0) / present.length,
    iou,
    support,
    msPerPart: inferMs / files.length,
  };
}

/** Median time of the model stage alone (inputs + run) on one part, over `runs` runs. */
async function latency(session: BrepNetSession, file: string, runs: number): Promise<{ faces: number; ms: number }> {
  const result = await analyze(new Uint8Array(readFileSync(file)), { fileName: basename(file), meshDeflection: 0.2 });
  await session.segment(result);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await session.segment(result);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { faces: result.faces.length, ms: times[Math.floor(runs / 2)]! };
}

function table(results: SetResult[]): string {
  const lines = ['| set | parts | faces | face accuracy | mean IoU | model stage ms/part |', '|---|---:|---:|---:|---:|---:|'];
  for (const r of results)
    lines.push(`| ${r.name} | ${r.parts} | ${r.faces} | ${r.accuracy.toFixed(4)} | ${r.meanIoU.toFixed(4)} | ${r.msPerPart.toFixed(1)} |`);
  lines.push('', `| class | ${results.map((r) => r.name).join(' | ')} |`, `|---|${results.map(() => '---:').join('|')}|`);
  for (const c of CLASS_NAMES) {
    if (!results.some((r) => r.support[c])) continue;
    lines.push(`| ${c} | ${results.map((r) => (r.support[c] ? `${r.iou[c]!.toFixed(3)} (${r.support[c]})` : '–')).join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: join(ROOT, 'models', 'vectis-brepnet.onnx') },
      json: { type: 'string' },
      // Other held-out folders instead of the default (e.g. an older generator's split, to compare
      // models across generator versions), or fewer parts: quick looks; the card's figures use the defaults.
      heldout: { type: 'string', multiple: true },
      limit: { type: 'string' },
    },
  });
  const model = values.model!;
  const limit = values.limit ? Number(values.limit) : undefined;
  const heldOut = values.heldout?.map((d) => resolve(d)) ?? [HELD_OUT.dir];
  if (!values.heldout && labelled(HELD_OUT.dir).length < HELD_OUT.count) {
    console.log(`generating the held-out split (seed ${HELD_OUT.seed}, ${HELD_OUT.count} parts) into ${HELD_OUT.dir}`);
    const args = [
      'tsx',
      join(ROOT, 'models/training/generate/cli.ts'),
      '--seed',
      String(HELD_OUT.seed),
      '--count',
      String(HELD_OUT.count),
      '--out',
      HELD_OUT.dir,
      '--resume',
      '--quiet',
    ];
    const run = spawnSync('npx', args, { stdio: 'inherit', cwd: ROOT });
    if (run.status !== 0) throw new Error('generating the held-out split failed');
  }
  const sets: [string, string[]][] = heldOut.map((dir) => [
    values.heldout ? `held-out ${basename(dir)}` : `generated held-out (seed ${HELD_OUT.seed})`,
    labelled(dir).slice(0, limit ?? HELD_OUT.count),
  ]);
  if (existsSync(SHARED)) {
    sets.push(['mfcad/dev', labelled(join(SHARED, 'mfcad', 'dev')).slice(0, limit)]);
    sets.push(['aagnet sample', labelled(join(SHARED, 'aagnet'), ['test.step'])]);
  } else console.warn(`*** ${SHARED} is absent: MFCAD and AAGNet figures are SKIPPED ***`);
  useOnnxRuntimeNode();
  const session = await loadModel(model);
  console.log(`model ${model}: ${session.info.version}, ${session.info.classes.length} classes, normalisation ${session.info.normalization}`);
  const results: SetResult[] = [];
  for (const [name, files] of sets) {
    if (files.length === 0) continue;
    results.push(await evaluateSet(name, files, session));
    console.log(`${name}: accuracy ${results.at(-1)!.accuracy.toFixed(4)}, mean IoU ${results.at(-1)!.meanIoU.toFixed(4)}`);
  }
  // Latency on the held-out part with the most faces, native and wasm.
  const biggest = sets[0]![1]
    .map((f) => ({ f, n: (JSON.parse(readFileSync(f.replace(/\.step$/, '.topexp_labels.json'), 'utf8')) as { labels: number[] }).labels.length }))
    .sort((a, b) => b.n - a.n)[0]!.f;
  // ...and on a real ~200-face part (the bench's headline file) when the shared data is there.
  const parts = [biggest, join(SHARED, 'brepnet', 'step_examples', '42811_d1f01a68_2.stp')].filter((f) => existsSync(f));
  const native: { faces: number; ms: number }[] = [];
  for (const f of parts) native.push(await latency(session, f, 20));
  useOnnxRuntimeWebInNode();
  const webSession = await loadModel(model);
  const web: { faces: number; ms: number }[] = [];
  for (const f of parts) web.push(await latency(webSession, f, 20));
  console.log('\n' + table(results));
  const timing = parts.map((f, i) => ({ part: basename(f), faces: native[i]!.faces, nodeMs: native[i]!.ms, webMs: web[i]!.ms }));
  console.log('\nlatency of the model stage (inputs + run, median of 20 warm runs):');
  for (const t of timing)
    console.log(
      `  ${t.part} (${t.faces} faces): onnxruntime-node ${t.nodeMs.toFixed(1)} ms, onnxruntime-web (wasm, in Node) ${t.webMs.toFixed(1)} ms`,
    );
  if (values.json) writeFileSync(values.json, JSON.stringify({ model, version: session.info.version, results, latency: timing }, null, 1));
}

await main();
