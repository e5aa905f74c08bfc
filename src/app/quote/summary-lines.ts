/**
 * The machining summary as label/value lines: one text for the screen (where lines that name a
 * group select it) and for the printed sheet.
 */
import { num } from '../format.ts';
import { pmiItemId } from '../pmi-items.ts';
import { pmiTitle } from '../pmi-format.ts';
import type { AnalysisResult } from '../types.ts';
import type { MachiningSummary } from './machining.ts';

export interface SummaryLine {
  label: string;
  value: string;
  /** A tree item the line is about (a group, a check): clicking it on screen selects its faces. */
  select?: string;
  testId?: string;
}

export const mm3 = (v: number): string => `${Math.round(v).toLocaleString('en-US')} mm³`;

const PROCESS: Record<string, string> = { turned: 'turned part', milled: 'milled part', 'mill-turn': 'mill-turn part', sheet_metal: 'sheet metal' };

export function summaryLines(f: MachiningSummary, result: Pick<AnalysisResult, 'part' | 'pmi' | 'faces'>): SummaryLine[] {
  const stock = result.part.stock;
  const sides = f.setups.map((s) => `${s.side} (${s.features})`).join(', ');
  const lines: SummaryLine[] = [
    { label: 'Stock', value: `${stock.map((v) => num(v, 1)).join(' × ')} mm · ${mm3(f.stockVolume)}` },
    { label: 'Removed', value: `${mm3(f.removedVolume)} · ${num(f.removedPercent, 1)} %`, testId: 'removed-volume' },
    { label: 'Setups', value: f.setups.length === 0 ? 'none (no milled feature)' : `${f.setups.length}: ${sides}`, testId: 'setups' },
  ];
  const corner = f.minInsideRadius;
  lines.push(
    corner
      ? {
          label: 'Smallest inside r',
          // No end mill cuts a sharp inside corner: it needs EDM, a relief, or a drawing change.
          value: corner.radius > 0 ? `r${num(corner.radius)} · end mill ≤ Ø${num(2 * corner.radius)}` : 'sharp corner · no end mill (EDM or relief)',
          select: corner.groupId,
        }
      : { label: 'Smallest inside r', value: '–' },
  );
  const deep = f.deepest;
  lines.push(
    deep
      ? { label: 'Deepest', value: `${num(deep.depth)} deep / ${num(deep.width)} wide (${num(deep.depth / deep.width, 1)} ×)`, select: deep.groupId }
      : { label: 'Deepest', value: '–' },
  );
  lines.push({ label: 'Threads', value: String(f.threads) });
  lines.push({ label: 'Lathe / mill', value: `${f.lathe} / ${f.mill} features${f.process ? ` · ${PROCESS[f.process] ?? f.process}` : ''}` });
  const findings = f.findings.length === 0 ? 'none' : f.findings.map((x) => `${x.count} ${x.severity}`).join(', ');
  lines.push({ label: 'Findings', value: `${findings}${f.reviewRegions > 0 ? ` · ${f.reviewRegions} to review` : ''}`, testId: 'findings' });
  // The file's tightest tolerances, written as on the drawing; a click selects the faces they name.
  for (const [label, id] of [
    ['Tightest dimension', f.tightestDimension?.pmiId],
    ['Tightest tolerance', f.tightestTolerance?.pmiId],
  ] as const) {
    const item = id === undefined ? undefined : result.pmi.find((p) => p.id === id);
    if (item) lines.push({ label, value: pmiTitle(item, result.faces), select: pmiItemId(item.id), testId: 'tightest-pmi' });
  }
  return lines;
}
