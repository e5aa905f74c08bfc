/**
 * ML and geometry side by side. Where a geometric feature exists it keeps its type and
 * dimensions; the model's face labels only move its confidence (agreement of the labels with the
 * feature's MFCAD++ class) and, where they disagree, are recorded on it (`ml_label`). Model
 * regions survive only on faces no geometric feature explains and geometry did not read as the
 * part's outline (fuse.ts decides what they become).
 * Models that label modelling operations (Autodesk's) cannot agree or disagree with machining
 * classes: geometric features keep their confidence.
 */
import type { AnalysisResult, Feature } from '../../result.ts';
import { MFCADPP_CLASSES, STOCK_CLASS } from '../../features/classes.ts';
import { mfcadppIdOfLabel } from './model-classes.ts';

export function mergeWithGeometry(result: Pick<AnalysisResult, 'faces' | 'features'>, mlFeatures: Feature[], classKind: string): Feature[] {
  const geometric = result.features.filter((f) => f.method === 'geometric');
  // Faces geometry read as the outline are explained too: stock, whatever the model calls them.
  const explained = new Set([...geometric.flatMap((f) => f.faces), ...result.faces.filter((f) => f.outline === true).map((f) => f.id)]);
  const unexplained = mlFeatures.map((f) => ({ ...f, faces: f.faces.filter((face) => !explained.has(face)) })).filter((f) => f.faces.length > 0);
  if (classKind !== 'machining-features') return unexplained;
  for (const feature of geometric) {
    const expected = result.faces[feature.faces[0]!]!.mfcadClass ?? STOCK_CLASS;
    const labels = feature.faces.map((f) => result.faces[f]!.label).filter((l): l is string => l !== undefined);
    if (labels.length === 0 || MFCADPP_CLASSES[expected] === undefined) continue;
    // Compared in MFCAD++ ids: the model's own classes (counterbore, turned_profile, ...) agree
    // with the class geometry gives the same feature (model-classes.ts), not only equal names.
    const agreement = labels.filter((l) => mfcadppIdOfLabel(l) === expected).length / labels.length;
    feature.params.ml_agreement = Math.round(agreement * 1000) / 1000;
    // Certain when both methods agree; half as sure when the model sees something else everywhere.
    feature.confidence = Math.round((0.5 + 0.5 * agreement) * 1000) / 1000;
    if (agreement < 0.5) feature.params.ml_label = majority(labels);
  }
  return unexplained;
}

function majority(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
