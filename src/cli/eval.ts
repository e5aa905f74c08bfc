/**
 * `vectis eval <folder> [--out report.json]`: the geometric recogniser against every labelled file
 * in a folder (`<name>.topexp_labels.json` beside `<name>.step|.stp`), on MFCAD++ class ids.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../analysis/index.ts';
import { MFCAD_TO_MFCADPP } from '../analysis/features/classes.ts';
import { Evaluator, type Evaluation } from '../analysis/features/evaluate.ts';

interface LabelFile {
  scheme?: string;
  labels: number[];
}

/** Labels in MFCAD++ ids, or undefined for schemes that are not machining features (BRepNet's). */
function toMfcadpp(file: LabelFile): number[] | undefined {
  if (file.scheme === 'MFCAD-16') return file.labels.map((l) => MFCAD_TO_MFCADPP[l]!);
  if (file.scheme === 'MFCAD++-25') return file.labels;
  return undefined;
}

export async function evaluateFolder(folder: string, log: (line: string) => void): Promise<Evaluation & { files: number; skipped: string[] }> {
  const names = (await readdir(folder)).filter((f) => f.endsWith('.topexp_labels.json')).sort();
  const evaluator = new Evaluator();
  const skipped: string[] = [];
  let files = 0;
  for (const name of names) {
    const base = name.replace('.topexp_labels.json', '');
    const labels = toMfcadpp(JSON.parse(await readFile(join(folder, name), 'utf8')) as LabelFile);
    const step = (await readdir(folder)).find((f) => f === `${base}.step` || f === `${base}.stp`);
    if (!labels || !step) {
      skipped.push(`${base}: ${labels ? 'no STEP file' : 'labels are not machining classes'}`);
      continue;
    }
    const result = await analyze(new Uint8Array(await readFile(join(folder, step))), { fileName: step });
    if (result.faces.length !== labels.length) {
      skipped.push(`${base}: ${result.faces.length} faces vs ${labels.length} labels`);
      continue;
    }
    evaluator.add(labels, result.faces.map((f) => f.mfcadClass ?? 24));
    files++;
  }
  for (const s of skipped) log(`skipped ${s}`);
  return { ...evaluator.result(), files, skipped };
}

export function formatEvaluation(e: Evaluation & { files: number }): string {
  const lines = [`files ${e.files}, faces ${e.faces}, face accuracy ${e.accuracy.toFixed(4)}`, '', 'class                        support  precision  recall     f1'];
  for (const c of e.perClass) {
    lines.push(`${String(c.id).padStart(2)} ${c.name.padEnd(26)} ${String(c.support).padStart(6)}  ${c.precision.toFixed(3).padStart(9)}  ${c.recall.toFixed(3).padStart(6)}  ${c.f1.toFixed(3).padStart(5)}`);
  }
  const ids = e.perClass.map((c) => c.id);
  lines.push('', `confusion (rows truth, columns predicted): ${ids.join(' ')}`);
  for (const t of ids) lines.push(`${String(t).padStart(2)} | ${ids.map((p) => String(e.confusion[t]![p]!).padStart(4)).join('')}`);
  return `${lines.join('\n')}\n`;
}

export async function runEval(folder: string, out: string | undefined): Promise<number> {
  const evaluation = await evaluateFolder(folder, (l) => process.stderr.write(`${l}\n`));
  process.stdout.write(formatEvaluation(evaluation));
  if (out) await writeFile(out, JSON.stringify(evaluation, null, 2));
  return 0;
}
