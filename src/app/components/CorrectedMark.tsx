/**
 * Marks a tree row whose feature(s) an estimator corrected (issue 14): `useCorrected(ids)` for the
 * row's `data-corrected`, `<CorrectedMark>` for the label. The row keeps the pipeline's text: the
 * correction itself is listed in the selection panel (CorrectFeature.tsx).
 */
import { useCorrections } from '../corrections/store.ts';

/** True when a correction changed, removed or merged any of these pipeline features. */
export function isCorrected(corrected: ReadonlySet<number>, featureIds: readonly (string | number)[]): boolean {
  return featureIds.some((id) => corrected.has(Number(id)));
}

export function useCorrected(featureIds: readonly (string | number)[]): boolean {
  return useCorrections((s) => isCorrected(s.corrected, featureIds));
}

export function CorrectedMark({ featureIds }: { featureIds: readonly (string | number)[] }) {
  if (!useCorrected(featureIds)) return null;
  return (
    <span className="method" data-testid="corrected-mark" title="Corrected by an estimator: see the selection panel">
      corrected
    </span>
  );
}
