/**
 * `vectis eval <folder>` on a folder of per-part feature counts (MFCAD-VLM's format: `<part>.json`
 * = `{ identified_features: [{ feature_name, quantity }] }` beside `<part>.step|.stp`): every part
 * analysed as the CLI analyses it (the shipped model on unless told otherwise), its features counted
 * in the benchmark's classes (../analysis/features/count-classes.ts) and scored
 * (../analysis/features/count-score.ts).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  analyze,
  countClassNamed,
  countFeatures,
  shortName,
  scoreCounts,
  type AnalyzeOptions,
  type ClassCounts,
  type CountScore,
  type PartCounts,
} from '../analysis/index.ts';
import { useNodeHost } from '../analysis/hosts/node.ts';

useNodeHost();

interface CountFile {
  identified_features: { feature_name: string; quantity: number }[];
}

function isCountFile(x: unknown): x is CountFile {
  return typeof x === 'object' && x !== null && Array.isArray((x as CountFile).identified_features);
}

const STEP = /\.(step|stp)$/i;

/** Pairs `<part>.json` (expert counts) with `<part>.step|.stp`. */
async function countParts(folder: string): Promise<{ part: string; json: string; step: string }[]> {
  const names = await readdir(folder);
  const steps = new Map(names.filter((n) => STEP.test(n)).map((n) => [n.replace(STEP, ''), n]));
  return names
    .filter((n) => n.endsWith('.json') && steps.has(n.slice(0, -5)))
    .sort()
    .map((json) => ({ part: json.slice(0, -5), json, step: steps.get(json.slice(0, -5))! }));
}

/** True when the folder holds at least one STEP file with expert counts beside it. */
export async function isCountFolder(folder: string): Promise<boolean> {
  for (const { json } of await countParts(folder)) {
    try {
      if (isCountFile(JSON.parse(await readFile(join(folder, json), 'utf8')))) return true;
    } catch {
      // not JSON we read: not a count file
    }
  }
  return false;
}

/** Expert counts by class; names outside the 16 classes are reported, not silently dropped. */
function truthCounts(file: CountFile, unknown: (name: string) => void): ClassCounts {
  const counts: ClassCounts = {};
  for (const { feature_name, quantity } of file.identified_features) {
    const cls = countClassNamed(feature_name);
    if (!cls) unknown(feature_name);
    else counts[cls] = (counts[cls] ?? 0) + quantity;
  }
  return counts;
}

export type CountEvaluation = CountScore & { format: 'feature-counts'; files: number; details: PartCounts[]; skipped: string[] };

export async function evaluateCountFolder(
  folder: string,
  log: (line: string) => void,
  options: Pick<AnalyzeOptions, 'model'> = {},
): Promise<CountEvaluation> {
  const details: PartCounts[] = [];
  const skipped: string[] = [];
  for (const { part, json, step } of await countParts(folder)) {
    const file: unknown = JSON.parse(await readFile(join(folder, json), 'utf8'));
    if (!isCountFile(file)) {
      skipped.push(`${part}: ${json} has no identified_features`);
      continue;
    }
    const truth = truthCounts(file, (name) => log(`${part}: class "${name}" is not one of the benchmark's 16; left out`));
    try {
      const result = await analyze(new Uint8Array(await readFile(join(folder, step))), { fileName: step, ...options });
      details.push({ part, truth, predicted: countFeatures(result) });
    } catch (e) {
      // A part we cannot read reports nothing: it scores as zero units, it does not vanish.
      log(`${part}: ${(e as Error).message}`);
      details.push({ part, truth, predicted: {} });
    }
  }
  for (const s of skipped) log(`skipped ${s}`);
  return { format: 'feature-counts', files: details.length, ...scoreCounts(details), details, skipped };
}

/** The parts whose count of one class is furthest from the expert's, worst first: where to look next. */
function mostOff(details: PartCounts[], cls: keyof ClassCounts, n = 4): { part: string; truth: number; predicted: number }[] {
  return details
    .map((d) => ({ part: d.part, truth: d.truth[cls] ?? 0, predicted: d.predicted[cls] ?? 0 }))
    .filter((d) => d.truth !== d.predicted)
    .sort((a, b) => Math.abs(b.truth - b.predicted) - Math.abs(a.truth - a.predicted) || a.part.localeCompare(b.part))
    .slice(0, n);
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function formatCountEvaluation(e: CountEvaluation): string {
  const lines = [
    `parts ${e.parts}: expert units ${e.truthUnits}, reported ${e.predictedUnits}, matched ${e.matchedUnits}`,
    `count accuracy ${pct(e.accuracy)}  count precision ${pct(e.precision)}  exact per-class counts ${pct(e.exact)} (${e.exactPairs}/${e.pairs}; on expert classes only ${pct(e.exactOnTruth)}, ${e.exactTruthPairs}/${e.truthPairs})  hallucination ${pct(e.hallucination)}`,
    '',
    'class                 truth  reported  matched  exact  most off (part truth/reported)',
  ];
  for (const c of e.perClass) {
    const worst = mostOff(e.details, c.name)
      .map((d) => `${d.part} ${d.truth}/${d.predicted}`)
      .join(', ');
    lines.push(
      `${shortName(c.name).padEnd(20)} ${String(c.truth).padStart(6)} ${String(c.predicted).padStart(9)} ${String(c.matched).padStart(8)}  ${`${c.exactPairs}/${c.pairs}`.padEnd(5)}  ${worst}`,
    );
  }
  lines.push('', 'per part (class: truth/reported, differences only)');
  for (const d of e.details) {
    const names = new Set([...Object.keys(d.truth), ...Object.keys(d.predicted)] as (keyof ClassCounts)[]);
    const diff = [...names]
      .filter((n) => (d.truth[n] ?? 0) !== (d.predicted[n] ?? 0))
      .map((n) => `${shortName(n)} ${d.truth[n] ?? 0}/${d.predicted[n] ?? 0}`);
    lines.push(`${d.part.padEnd(12)} ${diff.length ? diff.join(', ') : 'exact'}`);
  }
  return `${lines.join('\n')}\n`;
}
