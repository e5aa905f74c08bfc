/**
 * What every `vectis eval` format shares: finding a part's STEP file beside its labels, running
 * the same analysis the CLI runs (with the shipped model unless told otherwise), and keeping
 * going past a file that cannot be analysed (it is reported, not fatal: real data has such files).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze, mfcadppIdOfLabel, type AnalysisResult } from '../analysis/index.ts';
import { useNodeHost } from '../analysis/hosts/node.ts';
import type { LossCollector } from './eval-losses.ts';

useNodeHost();

export interface EvalOptions {
  /** A model path (the shipped one by default); undefined runs geometry alone. */
  model?: string;
  log: (line: string) => void;
  /** With `--losses`: where the final class is wrong and the model's right (topexp labels). */
  losses?: LossCollector;
}

/** Summary lines and README-ready markdown tables of a finished evaluation. */
export interface EvalReport {
  format: string;
  files: number;
  skipped: string[];
}

const STEP_EXTENSIONS = ['.step', '.stp', '.STEP', '.STP'];

/** The STEP file of a labelled part named `base`, if the folder has one. */
export function stepFileFor(names: readonly string[], base: string): string | undefined {
  return STEP_EXTENSIONS.map((ext) => `${base}${ext}`).find((n) => names.includes(n));
}

/** Analyses one part; an analysis error is returned as its code, so a folder is always scored to the end. */
export async function analyzePart(folder: string, file: string, options: EvalOptions): Promise<AnalysisResult | { error: string }> {
  try {
    return await analyze(new Uint8Array(await readFile(join(folder, file))), { fileName: file, model: options.model });
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : 'INTERNAL';
    return { error: code };
  }
}

export function isFailure(r: AnalysisResult | { error: string }): r is { error: string } {
  return 'error' in r;
}

/**
 * Analyses a labelled part; undefined (and a line in `skipped`) when it cannot be scored: the
 * analysis failed, or its face count is not its labels' (labels for another reading of the file).
 */
export async function analyzeLabelled(
  folder: string,
  step: string,
  name: string,
  labels: number,
  options: EvalOptions,
  skipped: string[],
): Promise<AnalysisResult | undefined> {
  const result = await analyzePart(folder, step, options);
  if (isFailure(result)) {
    skipped.push(`${name}: ${result.error}`);
    return undefined;
  }
  if (result.faces.length !== labels) {
    skipped.push(`${name}: ${result.faces.length} faces vs ${labels} labels`);
    return undefined;
  }
  return result;
}

/** The model's class per face in MFCAD++ ids, when a machining-feature model labelled every face. */
export function modelClassIds(result: AnalysisResult): number[] | undefined {
  if (result.model?.classKind !== 'machining-features') return undefined;
  const ids = result.faces.map((f) => (f.label === undefined ? undefined : mfcadppIdOfLabel(f.label)));
  return ids.every((i): i is number => i !== undefined) ? ids : undefined;
}

export function fixed(v: number | null, digits = 3): string {
  return v === null ? '–' : v.toFixed(digits);
}
