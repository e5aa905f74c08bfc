/**
 * `vectis eval <folder> [--out report.json] [--model x.onnx|none] [--losses]`: the pipeline against every
 * labelled part in a folder, the label format detected per folder:
 * - `brepnet-seg`: BRepNet `.seg` files (modelling operations) → coverage by dimensioned features;
 * - `mfinstseg`: MFInstSeg / AAGNet JSON → face accuracy and feature instances;
 * - `topexp-labels`: `*.topexp_labels.json` (MFCAD / MFCAD++) → face accuracy, per class, confusion;
 * - `feature-counts`: MFCAD-VLM's `<part>.json` expert counts → count accuracy, precision, exact.
 * The shipped model runs as in `vectis analyze` (so the figures are the product's), unless
 * `--model none`. Prints a summary and README-ready markdown tables; `--out` writes the report;
 * `--losses` adds, for face labels, where fusion does worse than the model alone (eval-losses.ts).
 */
import { readdir, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { modelFromSetting } from '../analysis/hosts/node.ts';
import type { EvalOptions, EvalReport } from './eval-common.ts';
import { evaluateLabels, formatLabels, LABELS_SUFFIX, type LabelsReport } from './eval-labels.ts';
import { evaluateMfInstSeg, formatMfInstSeg, mfInstSegCandidates, readMfInstSeg, type MfInstSegReport } from './eval-mfinstseg.ts';
import { evaluateSeg, formatSeg, type SegReport } from './eval-seg.ts';
import { LossCollector } from './eval-losses.ts';
import { evaluateCountFolder, formatCountEvaluation, isCountFolder, type CountEvaluation } from './count-eval.ts';

export type FolderReport = SegReport | MfInstSegReport | LabelsReport | CountEvaluation;

interface Format {
  name: FolderReport['format'];
  detect: (folder: string, names: readonly string[]) => Promise<boolean>;
  evaluate: (folder: string, names: readonly string[], options: EvalOptions) => Promise<FolderReport>;
}

// Most specific first: BRepNet's folders also hold our TopExp label files, and so does AAGNet's.
const FORMATS: readonly Format[] = [
  { name: 'brepnet-seg', detect: async (_f, names) => names.some((n) => n.endsWith('.seg')), evaluate: evaluateSeg },
  // Before MFInstSeg: both are `<part>.json`; count files hold `identified_features`.
  {
    name: 'feature-counts',
    detect: (folder) => isCountFolder(folder),
    evaluate: (folder, _n, o) => evaluateCountFolder(folder, o.log, { model: o.model }),
  },
  {
    name: 'mfinstseg',
    detect: async (folder, names) => {
      for (const n of mfInstSegCandidates(names)) if (await readMfInstSeg(folder, n)) return true;
      return false;
    },
    evaluate: evaluateMfInstSeg,
  },
  { name: 'topexp-labels', detect: async (_f, names) => names.some((n) => n.endsWith(LABELS_SUFFIX)), evaluate: evaluateLabels },
];

export class EvalUsageError extends Error {}

export async function detectFormat(folder: string): Promise<FolderReport['format'] | undefined> {
  const names = await readdir(folder);
  for (const f of FORMATS) if (await f.detect(folder, names)) return f.name;
  return undefined;
}

export async function evaluateFolder(folder: string, log: (line: string) => void, model?: string, losses?: LossCollector): Promise<FolderReport> {
  const names = await readdir(folder);
  for (const f of FORMATS) {
    if (await f.detect(folder, names)) return f.evaluate(folder, names, { log, model, losses });
  }
  throw new EvalUsageError(`${folder}: no labels found (.seg, MFInstSeg .json, MFCAD-VLM count .json or ${LABELS_SUFFIX})`);
}

export function formatReport(r: FolderReport, folder: string): string {
  const name = basename(folder);
  if (r.format === 'brepnet-seg') return formatSeg(r, name);
  if (r.format === 'mfinstseg') return formatMfInstSeg(r, name);
  if (r.format === 'feature-counts') return formatCountEvaluation(r);
  return formatLabels(r, name);
}

export async function runEval(folder: string, out: string | undefined, modelSetting: string | undefined, withLosses = false): Promise<number> {
  const model = modelFromSetting(modelSetting);
  if (!model && modelSetting === undefined) process.stderr.write('no models/vectis-brepnet.onnx found: geometric recognition only\n');
  let report: EvalReport;
  const losses = withLosses ? new LossCollector() : undefined;
  try {
    report = await evaluateFolder(folder, (l) => process.stderr.write(`${l}\n`), model, losses);
  } catch (e) {
    if (!(e instanceof EvalUsageError) && !isMissing(e)) throw e;
    process.stderr.write(`${e instanceof EvalUsageError ? e.message : `Cannot read ${folder}.`}\n`);
    return 2;
  }
  process.stdout.write(`format ${report.format}, model ${model ? basename(model) : 'none'}\n${formatReport(report as FolderReport, folder)}`);
  if (losses) process.stdout.write(`${losses.format()}\n`);
  if (out) await writeFile(out, JSON.stringify(report, null, 2));
  return 0;
}

function isMissing(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && ['ENOENT', 'ENOTDIR'].includes(String((e as { code: unknown }).code));
}
