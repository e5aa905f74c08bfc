/**
 * Format `topexp-labels`: `<name>.topexp_labels.json` beside `<name>.step|.stp` (MFCAD 16-class,
 * MFCAD++ 25-class or our generator's `vectis-N` labels in TopExp face order, as ../shared/data
 * and `npm run model:data` write them). Scores the
 * pipeline's final class per face (`mfcadClass`) and, when our model ran, its raw `label`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MFCAD_TO_MFCADPP, mfcadppIdOfLabel, type Evaluation } from '../analysis/index.ts';
import { ANY_HOLE, ClassScores } from './eval-classes.ts';
import { calibrationReport, formatCalibration, type CalibrationReport } from './eval-calibration.ts';
import { partOutcome, type PartOutcome } from './feature-truth.ts';
import { analyzeLabelled, fixed, stepFileFor, type EvalOptions, type EvalReport } from './eval-common.ts';

export const LABELS_SUFFIX = '.topexp_labels.json';

export interface LabelFile {
  scheme?: string;
  class_names?: string[];
  labels: number[];
}

export interface LabelsReport extends EvalReport, Evaluation {
  format: 'topexp-labels';
  /** The model's raw labels scored the same way (absent without a machining-feature model). */
  model?: Evaluation;
  /** Calibrated confidence against rightness, auto-quoting against right quotes. */
  calibration: CalibrationReport;
}

/** Labels in MFCAD++ ids, or undefined for schemes that are not machining features (BRepNet's). */
export function toMfcadpp(file: LabelFile): number[] | undefined {
  if (file.scheme === 'MFCAD-16') return file.labels.map((l) => MFCAD_TO_MFCADPP[l]!);
  if (file.scheme === 'MFCAD++-25') return file.labels;
  // Our generator's parts (`npm run model:data`): MFCAD++ ids, then our classes, mapped by name;
  // its stepped holes say "hole", not which end (ANY_HOLE).
  if (file.scheme?.startsWith('vectis-') && file.class_names) {
    const ids = file.labels.map((l) => {
      const name = file.class_names![l] ?? '';
      return STEPPED_HOLES.has(name) ? ANY_HOLE : mfcadppIdOfLabel(name);
    });
    return ids.every((i): i is number => i !== undefined) ? ids : undefined;
  }
  return undefined;
}

/** Our generator's classes with no one MFCAD++ class: which end a stepped hole has is not said. */
const STEPPED_HOLES = new Set(['counterbore', 'countersunk_hole']);

export async function evaluateLabels(folder: string, names: readonly string[], options: EvalOptions): Promise<LabelsReport> {
  const scores = new ClassScores();
  const skipped: string[] = [];
  let files = 0;
  const outcomes: PartOutcome[] = [];
  for (const name of names.filter((f) => f.endsWith(LABELS_SUFFIX)).sort()) {
    const base = name.slice(0, -LABELS_SUFFIX.length);
    const labels = toMfcadpp(JSON.parse(await readFile(join(folder, name), 'utf8')) as LabelFile);
    const step = stepFileFor(names, base);
    if (!labels || !step) {
      skipped.push(`${base}: ${labels ? 'no STEP file' : 'labels are not machining classes'}`);
      continue;
    }
    const result = await analyzeLabelled(folder, step, base, labels.length, options, skipped);
    if (!result) continue;
    scores.add(labels, result);
    options.losses?.add(base, labels, result);
    outcomes.push(partOutcome(result, labels));
    files++;
  }
  for (const s of skipped) options.log(`skipped ${s}`);
  return { format: 'topexp-labels', ...scores.result(), files, skipped, calibration: calibrationReport(outcomes) };
}

export function formatLabels(e: LabelsReport, folder: string): string {
  const lines = [
    `files ${e.files}, faces ${e.faces}, face accuracy ${e.accuracy.toFixed(4)}${e.model ? ` (model label alone ${e.model.accuracy.toFixed(4)})` : ''}`,
    '',
    '| data | files | faces | face accuracy (`mfcadClass`) | model `label` alone |',
    '|---|---:|---:|---:|---:|',
    `| \`${folder}\` | ${e.files} | ${e.faces} | **${e.accuracy.toFixed(4)}** | ${e.model ? fixed(e.model.accuracy, 4) : '–'} |`,
    '',
    'class                        support  precision  recall     f1',
  ];
  for (const c of e.perClass) {
    lines.push(
      `${String(c.id).padStart(2)} ${c.name.padEnd(26)} ${String(c.support).padStart(6)}  ${c.precision.toFixed(3).padStart(9)}  ${c.recall.toFixed(3).padStart(6)}  ${c.f1.toFixed(3).padStart(5)}`,
    );
  }
  const ids = e.perClass.map((c) => c.id);
  lines.push('', `confusion (rows truth, columns predicted): ${ids.join(' ')}`);
  for (const t of ids) lines.push(`${String(t).padStart(2)} | ${ids.map((p) => String(e.confusion[t]![p]!).padStart(4)).join('')}`);
  return `${lines.join('\n')}\n\n${formatCalibration(e.calibration)}`;
}
