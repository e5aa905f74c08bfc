/**
 * Format `mfinstseg`: MFInstSeg / AAGNet JSON, `<file>.json` = `[[name, { seg: { faceIdx: cls },
 * inst: N×N, bottom: {...} }], ...]` (25 MFCAD++ classes, TopExp face order) with `<name>.step`
 * beside it. Scores the final class per face (`mfcadClass`), the model's raw `label` when our
 * model ran, and feature instances (../analysis/features/instances.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MFCADPP_CLASSES,
  predictedInstances,
  scoreInstances,
  sumInstanceScores,
  truthInstances,
  type Evaluation,
  type InstanceScore,
} from '../analysis/index.ts';
import { ClassScores } from './eval-classes.ts';
import { analyzeLabelled, fixed, stepFileFor, type EvalOptions, type EvalReport } from './eval-common.ts';
import { LABELS_SUFFIX } from './eval-labels.ts';

export interface MfInstSegPart {
  name: string;
  classes: number[];
  inst: number[][];
}

export interface MfInstSegReport extends EvalReport, Evaluation {
  format: 'mfinstseg';
  model?: Evaluation;
  instances: InstanceScore;
}

/** The parts of one MFInstSeg JSON document, or undefined when it is not in that format. */
export function parseMfInstSeg(doc: unknown): MfInstSegPart[] | undefined {
  if (!Array.isArray(doc) || doc.length === 0) return undefined;
  const parts: MfInstSegPart[] = [];
  for (const entry of doc) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return undefined;
    const body = entry[1] as { seg?: unknown; inst?: unknown } | undefined;
    if (!body || typeof body.seg !== 'object' || body.seg === null || Array.isArray(body.seg) || !Array.isArray(body.inst)) return undefined;
    const seg = body.seg as Record<string, unknown>;
    const n = Object.keys(seg).length;
    const classes = Array.from({ length: n }, (_, i) => seg[String(i)]);
    if (!classes.every((c): c is number => Number.isInteger(c) && (c as number) >= 0 && (c as number) < MFCADPP_CLASSES.length)) return undefined;
    const inst = body.inst as unknown[];
    if (inst.length !== n || !inst.every((row) => Array.isArray(row) && row.length === n)) return undefined;
    parts.push({ name: entry[0], classes, inst: inst as number[][] });
  }
  return parts;
}

/** JSON files that could hold MFInstSeg labels (our own TopExp label files are another format). */
export function mfInstSegCandidates(names: readonly string[]): string[] {
  return names.filter((n) => n.endsWith('.json') && !n.endsWith(LABELS_SUFFIX)).sort();
}

export async function readMfInstSeg(folder: string, name: string): Promise<MfInstSegPart[] | undefined> {
  try {
    return parseMfInstSeg(JSON.parse(await readFile(join(folder, name), 'utf8')));
  } catch {
    return undefined;
  }
}

export async function evaluateMfInstSeg(folder: string, names: readonly string[], options: EvalOptions): Promise<MfInstSegReport> {
  const classes = new ClassScores();
  const scores: InstanceScore[] = [];
  const skipped: string[] = [];
  for (const json of mfInstSegCandidates(names)) {
    const parts = await readMfInstSeg(folder, json);
    if (!parts) {
      skipped.push(`${json}: not MFInstSeg JSON`);
      continue;
    }
    // A one-part document may be named after its file rather than after the part inside it.
    const fallback = parts.length === 1 ? json.slice(0, -'.json'.length) : undefined;
    for (const part of parts) {
      const step = stepFileFor(names, part.name) ?? (fallback ? stepFileFor(names, fallback) : undefined);
      if (!step) {
        skipped.push(`${part.name}: no STEP file`);
        continue;
      }
      const result = await analyzeLabelled(folder, step, part.name, part.classes.length, options, skipped);
      if (!result) continue;
      const final = classes.add(part.classes, result);
      scores.push(scoreInstances(truthInstances(part.inst, part.classes), predictedInstances(final, result.edges, result.features)));
    }
  }
  for (const s of skipped) options.log(`skipped ${s}`);
  return { format: 'mfinstseg', ...classes.result(), files: scores.length, skipped, instances: sumInstanceScores(scores) };
}

export function formatMfInstSeg(r: MfInstSegReport, folder: string): string {
  const i = r.instances;
  const lines = [
    `files ${r.files}, faces ${r.faces}, face accuracy ${r.accuracy.toFixed(4)}; instances ${i.matched}/${i.truth} found (IoU ≥ 0.5, same class), ${i.exact} exactly; F1 ${i.f1.toFixed(3)}`,
    '',
    '| data | files | faces | face accuracy (`mfcadClass`) | model `label` alone | instances found / truth | exact | predicted | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| \`${folder}\` | ${r.files} | ${r.faces} | **${r.accuracy.toFixed(4)}** | ${r.model ? fixed(r.model.accuracy, 4) : '–'} | ${i.matched}/${i.truth} | ${i.exact} | ${i.predicted} | ${fixed(i.precision)} | ${fixed(i.recall)} | **${fixed(i.f1)}** |`,
    '',
    'class                        support  precision  recall     f1',
    ...r.perClass.map(
      (c) =>
        `${String(c.id).padStart(2)} ${c.name.padEnd(26)} ${String(c.support).padStart(6)}  ${c.precision.toFixed(3).padStart(9)}  ${c.recall.toFixed(3).padStart(6)}  ${c.f1.toFixed(3).padStart(5)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
