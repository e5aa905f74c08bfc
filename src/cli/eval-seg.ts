/**
 * Format `brepnet-seg`: BRepNet's `<name>.seg` (one modelling-operation class per line, line i =
 * face i in TopExp order) beside `<name>.step|.stp`. Modelling operations are not machining
 * classes, so the score is coverage (../analysis/features/coverage.ts): Fillet, Chamfer and Cut
 * faces inside features that carry their dimensions.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COVERAGE_KINDS, SEG_CLASSES, partCoverage, sumCoverage, type CoverageCounts, type Share } from '../analysis/index.ts';
import { analyzeLabelled, fixed, stepFileFor, type EvalOptions, type EvalReport } from './eval-common.ts';

export interface SegReport extends EvalReport {
  format: 'brepnet-seg';
  faces: number;
  total: CoverageCounts;
  parts: { name: string; faces: number; coverage: CoverageCounts }[];
}

/** A `.seg` file's labels; a line that is not a class id makes the file unusable, not a crash. */
export function parseSeg(text: string): number[] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const labels = lines.map(Number);
  return labels.every((l) => Number.isInteger(l) && l >= 0 && l < SEG_CLASSES.length) ? labels : undefined;
}

export async function evaluateSeg(folder: string, names: readonly string[], options: EvalOptions): Promise<SegReport> {
  const parts: SegReport['parts'] = [];
  const skipped: string[] = [];
  for (const name of names.filter((f) => f.endsWith('.seg')).sort()) {
    const base = name.slice(0, -'.seg'.length);
    const labels = parseSeg(await readFile(join(folder, name), 'utf8'));
    const step = stepFileFor(names, base);
    if (!labels || !step) {
      skipped.push(`${base}: ${labels ? 'no STEP file' : `not one class id 0-${SEG_CLASSES.length - 1} per line`}`);
      continue;
    }
    const result = await analyzeLabelled(folder, step, base, labels.length, options, skipped);
    if (!result) continue;
    parts.push({ name: base, faces: labels.length, coverage: partCoverage(labels, result.features) });
  }
  for (const s of skipped) options.log(`skipped ${s}`);
  const total = sumCoverage(parts.map((p) => p.coverage));
  return { format: 'brepnet-seg', files: parts.length, skipped, faces: parts.reduce((s, p) => s + p.faces, 0), total, parts };
}

const cell = (s: Share) => (s.total ? `${s.covered}/${s.total}` : '–');

export function formatSeg(r: SegReport, folder: string): string {
  const shares = COVERAGE_KINDS.map((k) => fixed(r.total[k].share));
  const lines = [
    `files ${r.files}, faces ${r.faces}; covered by dimensioned features: fillet ${shares[0]}, chamfer ${shares[1]}, cut ${shares[2]}`,
    '',
    '| data | files | faces | Fillet in a `fillet` with radius | Chamfer in a dimensioned `chamfer` | CutSide+CutEnd in a dimensioned feature |',
    '|---|---:|---:|---:|---:|---:|',
    `| \`${folder}\` | ${r.files} | ${r.faces} | **${shares[0]}** (${cell(r.total.fillet)}) | **${shares[1]}** (${cell(r.total.chamfer)}) | **${shares[2]}** (${cell(r.total.cut)}) |`,
    '',
    '| part | faces | Fillet | Chamfer | Cut |',
    '|---|---:|---:|---:|---:|',
    ...r.parts.map((p) => `| ${p.name} | ${p.faces} | ${cell(p.coverage.fillet)} | ${cell(p.coverage.chamfer)} | ${cell(p.coverage.cut)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
