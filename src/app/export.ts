/** Downloads: the result as JSON (typed arrays as plain arrays, the same text the CLI writes), the hole table as CSV. */
import { stringifyResult } from '../analysis/result.ts';
import { holeTableCsv } from './quote/csv.ts';
import type { HoleRow } from './quote/hole-table.ts';
import type { AnalysisResult } from './types.ts';

const baseName = (result: AnalysisResult) => result.file.name.replace(/\.(step|stp)$/i, '') || 'part';

export function exportFileName(result: AnalysisResult): string {
  return `${baseName(result)}.vectis.json`;
}

export function holeTableFileName(result: AnalysisResult): string {
  return `${baseName(result)}.holes.csv`;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadResult(result: AnalysisResult): void {
  download(exportFileName(result), new Blob([stringifyResult(result)], { type: 'application/json' }));
}

export function downloadHoleTable(result: AnalysisResult, rows: readonly HoleRow[]): void {
  download(holeTableFileName(result), new Blob([holeTableCsv(rows)], { type: 'text/csv;charset=utf-8' }));
}
