/**
 * How fuse.ts's `minConfidence` was chosen, on development data only: MFCAD dev, the AAGNet sample,
 * BRepNet's step_examples (../shared/data) and a generated split (`npm run model:data -- --seed 2`,
 * the model card's held-out seed; pass its folder with --generated). Each part is analysed once
 * without the model, then labelled and fused at every candidate threshold; the table gives the face
 * accuracy of the fused `mfcadClass`, the Fusion coverage figures and how many regions become
 * measured `ml` features, `unrecognised` review features, or are dropped, and how many faces the
 * model alone classed are right (labelled sets: the fused class; Fusion's: a Cut, Fillet or
 * Chamfer face, not the outside of an extrusion).
 *
 * Run: `npx tsx scripts/fusion-dev.ts [--generated DIR] [--limit N]`. Prints, asserts nothing.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyze,
  applyModel,
  loadModel,
  partCoverage,
  sumCoverage,
  hasDimensions,
  mfcadppIdOfLabel,
  type AnalysisResult,
  type CoverageCounts,
} from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { toMfcadpp, type LabelFile } from '../src/cli/eval-labels.ts';
import { resolveTruth } from '../src/cli/eval-classes.ts';
import { parseMfInstSeg } from '../src/cli/eval-mfinstseg.ts';
import { parseSeg } from '../src/cli/eval-seg.ts';
import { SHARED_DATA } from '../test/fixtures.ts';

useNodeHost();

const THRESHOLDS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, Infinity];
const { values } = parseArgs({ options: { generated: { type: 'string' }, limit: { type: 'string' } } });
const limit = values.limit ? Number(values.limit) : Infinity;

type Truth = { kind: 'classes'; labels: number[] } | { kind: 'seg'; labels: number[] };
interface Part {
  set: string;
  step: string;
  truth: Truth;
}

function parts(): Part[] {
  const out: Part[] = [];
  const labelled = (set: string, dir: string) => {
    if (!existsSync(dir)) return;
    for (const n of readdirSync(dir)
      .filter((f) => f.endsWith('.topexp_labels.json'))
      .sort()
      .slice(0, limit)) {
      const labels = toMfcadpp(JSON.parse(readFileSync(join(dir, n), 'utf8')) as LabelFile);
      const step = ['.step', '.stp'].map((e) => join(dir, n.replace('.topexp_labels.json', e))).find(existsSync);
      if (labels && step) out.push({ set, step, truth: { kind: 'classes', labels } });
    }
  };
  labelled('mfcad/dev', join(SHARED_DATA, 'mfcad', 'dev'));
  if (values.generated) labelled('generated (seed 2)', values.generated);
  const aag = join(SHARED_DATA, 'aagnet');
  if (existsSync(join(aag, 'test.json'))) {
    const [part] = parseMfInstSeg(JSON.parse(readFileSync(join(aag, 'test.json'), 'utf8')))!;
    out.push({ set: 'aagnet', step: join(aag, 'test.step'), truth: { kind: 'classes', labels: part!.classes } });
  }
  const seg = join(SHARED_DATA, 'brepnet', 'step_examples');
  if (existsSync(seg)) {
    for (const n of readdirSync(seg)
      .filter((f) => f.endsWith('.seg'))
      .sort()) {
      out.push({
        set: 'step_examples',
        step: join(seg, n.replace('.seg', '.stp')),
        truth: { kind: 'seg', labels: parseSeg(readFileSync(join(seg, n), 'utf8'))! },
      });
    }
  }
  return out;
}

interface Tally {
  faces: number;
  correct: number;
  coverage: CoverageCounts[];
  ml: number;
  review: number;
  undimensionedMl: number;
  modelFaces: number;
  modelRight: number;
}
/** BRepNet ops that remove or shape material (Cut*, Fillet, Chamfer): a feature there is a real one. */
const MACHINED_OPS = new Set([2, 3, 4, 5]);
const tallies = new Map<string, Tally>();
const session = await loadModel(defaultModelPath()!);
for (const part of parts()) {
  const geometric = await analyze(new Uint8Array(readFileSync(part.step)));
  if (geometric.faces.length !== part.truth.labels.length) continue;
  for (const t of THRESHOLDS) {
    const r = structuredClone(geometric) as AnalysisResult;
    await applyModel(r, session, undefined, { minConfidence: t });
    const key = `${part.set}\t${t}`;
    const tally = tallies.get(key) ?? { faces: 0, correct: 0, coverage: [], ml: 0, review: 0, undimensionedMl: 0, modelFaces: 0, modelRight: 0 };
    const ml = r.features.filter((f) => f.method === 'ml');
    // Precision of what the model alone added: its faces' fused class is right (labelled sets), or
    // they were machined at all (Fusion's operations).
    const modelFaces = r.features.filter((f) => f.method !== 'geometric').flatMap((f) => f.faces);
    tally.modelFaces += modelFaces.length;
    const resolved =
      part.truth.kind === 'classes'
        ? resolveTruth(
            part.truth.labels,
            r.faces.map((f) => f.mfcadClass!),
          )
        : undefined;
    tally.modelRight += modelFaces.filter((f) =>
      resolved ? r.faces[f]!.mfcadClass === resolved[f] : MACHINED_OPS.has(part.truth.labels[f]!),
    ).length;
    tally.ml += ml.length;
    tally.undimensionedMl += ml.filter((f) => !hasDimensions(f)).length;
    tally.review += r.features.filter((f) => f.method === 'review').length;
    if (part.truth.kind === 'classes') {
      const final = r.faces.map((f) => f.mfcadClass!);
      const truth = resolveTruth(part.truth.labels, final);
      tally.faces += r.faces.length;
      tally.correct += final.filter((c, i) => c === truth[i]).length;
      if (t === 0.5) {
        // The rejected alternative: the model's class over geometry's wherever the model is sure.
        const over = r.faces.map((f, i) => ((f.confidence ?? 0) >= 0.99 ? (mfcadppIdOfLabel(f.label ?? '') ?? final[i]!) : final[i]!));
        const overTruth = resolveTruth(part.truth.labels, over);
        const alt = tallies.get(`${part.set}\tmodel over geometry at >= 0.99`) ?? {
          faces: 0,
          correct: 0,
          coverage: [],
          ml: 0,
          review: 0,
          undimensionedMl: 0,
          modelFaces: 0,
          modelRight: 0,
        };
        alt.faces += over.length;
        alt.correct += over.filter((c, i) => c === overTruth[i]).length;
        tallies.set(`${part.set}\tmodel over geometry at >= 0.99`, alt);
      }
    } else tally.coverage.push(partCoverage(part.truth.labels, r.features));
    tallies.set(key, tally);
  }
}
console.log(
  'set\tminConfidence\tface accuracy\tfillet/chamfer/cut coverage\tml features\tml without dimensions\treview features\tmodel-only faces right',
);
for (const [key, t] of tallies) {
  const c = sumCoverage(t.coverage);
  const cov = t.coverage.length ? [c.fillet, c.chamfer, c.cut].map((s) => s.share?.toFixed(3) ?? '-').join('/') : '';
  const right = t.modelFaces ? `${(t.modelRight / t.modelFaces).toFixed(3)} (${t.modelRight}/${t.modelFaces})` : '-';
  console.log(`${key}\t${t.faces ? (t.correct / t.faces).toFixed(4) : ''}\t${cov}\t${t.ml}\t${t.undimensionedMl}\t${t.review}\t${right}`);
}
