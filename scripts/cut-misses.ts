/**
 * Which CutSide / CutEnd faces (or, with `--kind chamfer|fillet`, Chamfer or Fillet faces) of a
 * BRepNet `.seg` folder end outside every feature that covers them for the eval's coverage,
 * and what the pipeline made of them: per part, each missed face with its surface (and the type
 * the file wrote), area, the features that hold it (type, method) and its neighbours (surface,
 * convexity of the shared edges, label). Read it to group misses into geometric causes before
 * writing a rule; it prints and asserts nothing.
 *
 * Run: `npx tsx scripts/cut-misses.ts [FOLDER] [--model none] [--part NAME] [--kind cut|chamfer|fillet]`
 * (FOLDER defaults to ../shared/data/brepnet/step_examples).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, SEG_CLASSES, covers, type AnalysisResult } from '../src/analysis/index.ts';
import { modelFromSetting, useNodeHost } from '../src/analysis/hosts/node.ts';
import { parseSeg } from '../src/cli/eval-seg.ts';
import { SHARED_DATA } from '../test/fixtures.ts';

useNodeHost();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: 'string' }, part: { type: 'string' }, kind: { type: 'string', default: 'cut' } },
});
const folder = positionals[0] ?? join(SHARED_DATA, 'brepnet', 'step_examples');
if (!existsSync(folder)) {
  console.error(`no folder ${folder}: nothing to list`);
  process.exit(0);
}
const model = modelFromSetting(values.model);
const KINDS = { cut: ['CutSide', 'CutEnd'], chamfer: ['Chamfer'], fillet: ['Fillet'] } as const;
const kind = values.kind as keyof typeof KINDS;
if (!(kind in KINDS)) {
  console.error(`--kind is one of ${Object.keys(KINDS).join(', ')}`);
  process.exit(1);
}
const LABELLED = new Set<number>(KINDS[kind].map((name) => SEG_CLASSES.indexOf(name)));

function surfaceOf(r: AnalysisResult, f: number): string {
  const face = r.faces[f]!;
  return face.surfaceSource ? `${face.surface}<${face.surfaceSource}` : face.surface;
}

let missedTotal = 0;
for (const seg of readdirSync(folder)
  .filter((n) => n.endsWith('.seg'))
  .sort()) {
  const base = seg.slice(0, -4);
  if (values.part && !base.includes(values.part)) continue;
  const step = ['.stp', '.step'].map((e) => join(folder, base + e)).find(existsSync);
  const labels = parseSeg(readFileSync(join(folder, seg), 'utf8'));
  if (!step || !labels) continue;
  const r = await analyze(new Uint8Array(readFileSync(step)), { model });
  if (r.faces.length !== labels.length) continue;
  const holders = r.faces.map(() => [] as number[]);
  r.features.forEach((feat, i) => feat.faces.forEach((f) => holders[f]!.push(i)));
  const missed = labels.flatMap((l, f) => (LABELLED.has(l) && !holders[f]!.some((i) => covers(kind, r.features[i]!)) ? [f] : []));
  if (!missed.length) continue;
  missedTotal += missed.length;
  console.log(`\n## ${base}: ${missed.length} of ${labels.filter((l) => LABELLED.has(l)).length} ${kind} faces missed`);
  for (const f of missed) {
    const face = r.faces[f]!;
    const feats =
      holders[f]!.map((i) => `${r.features[i]!.type}/${r.features[i]!.method}${r.features[i]!.hint ? `(${r.features[i]!.hint})` : ''}`).join(',') ||
      '-';
    const nbrs = new Map<number, string>();
    for (const e of r.edges) {
      if (!e.faces.includes(f)) continue;
      for (const g of e.faces) if (g !== f) nbrs.set(g, `${g}:${surfaceOf(r, g)}:${e.convexity[0]}:${SEG_CLASSES[labels[g]!]}`);
    }
    const p = face.params;
    const geom = p.normal
      ? `n=${p.normal.map((v) => v.toFixed(2)).join(',')}`
      : p.radius !== undefined
        ? `r=${p.radius.toFixed(2)}${p.internal ? ' int' : ''}`
        : '';
    console.log(
      `${f}\t${SEG_CLASSES[labels[f]!]}\t${surfaceOf(r, f)}\t${geom}\tarea ${face.area.toFixed(1)}\tloops ${face.loops.length}\t${feats}\tmfcad ${face.mfcadClass ?? '-'}\t| ${[...nbrs.values()].join(' ')}`,
    );
  }
}
console.log(`\nmissed ${kind} faces: ${missedTotal}`);
