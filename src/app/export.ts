/** Download the result as JSON (typed arrays as plain arrays, the same text the CLI writes). */
import { stringifyResult } from '../analysis/result.ts';
import type { AnalysisResult } from './types.ts';

export function exportFileName(result: AnalysisResult): string {
  return `${result.file.name.replace(/\.(step|stp)$/i, '') || 'part'}.vectis.json`;
}

export function downloadResult(result: AnalysisResult): void {
  const blob = new Blob([stringifyResult(result)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(result);
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
