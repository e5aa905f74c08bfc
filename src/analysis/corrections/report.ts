/**
 * The accuracy report (issue 14): how right the pipeline was on the parts estimators corrected,
 * per class, per pipeline/model version, which classes get corrected most and which parts.
 * The same function answers GET /reports/accuracy and `vectis report` on an export, so the two
 * can never disagree.
 */
import type { PipelineFeature } from './apply.ts';
import { scorePairs, typePairs, type ClassScore, type TypePair } from './score.ts';
import type { CorrectionAction, CorrectionInput } from './schema.ts';

export interface ReportPart {
  analysisId: string;
  fileName: string;
  fileHash: string;
  pipelineVersion: string;
  modelVersion: string | null;
  faceCount: number;
  features: readonly PipelineFeature[];
  /** In the order they were made. */
  corrections: readonly CorrectionInput[];
}

export interface AccuracyReport {
  since: string | null;
  /** Corrected parts scored. */
  parts: number;
  corrections: number;
  by_action: Partial<Record<CorrectionAction, number>>;
  classes: ClassScore[];
  by_version: { pipeline_version: string; model_version: string | null; parts: number; corrections: number; classes: ClassScore[] }[];
  /** The pipeline's types corrected most (a name_region counts for the type it names). */
  most_corrected_classes: { type: string; corrections: number }[];
  most_corrected_parts: { analysis_id: string; file_name: string; file_hash: string; corrections: number }[];
  /** Features whose type was right but whose dimensions the estimator corrected, per type. */
  redimensioned: Record<string, number>;
}

const TOP = 10;

export function accuracyReport(parts: readonly ReportPart[], since: string | null = null): AccuracyReport {
  const scored = parts.filter((p) => p.corrections.length > 0);
  const allPairs: TypePair[] = [];
  const byVersion = new Map<
    string,
    { pipeline_version: string; model_version: string | null; parts: number; corrections: number; pairs: TypePair[] }
  >();
  const byAction: Partial<Record<CorrectionAction, number>> = {};
  const byClass = new Map<string, number>();
  const redimensioned: Record<string, number> = {};
  for (const part of scored) {
    const { pairs, redimensioned: redim } = typePairs(part);
    allPairs.push(...pairs);
    const key = `${part.pipelineVersion}\u0000${part.modelVersion ?? ''}`;
    const v = byVersion.get(key) ?? { pipeline_version: part.pipelineVersion, model_version: part.modelVersion, parts: 0, corrections: 0, pairs: [] };
    v.parts++;
    v.corrections += part.corrections.length;
    v.pairs.push(...pairs);
    byVersion.set(key, v);
    for (const t of redim) redimensioned[t] = (redimensioned[t] ?? 0) + 1;
    const typeOf = new Map(part.features.map((f) => [f.id, f.type]));
    for (const c of part.corrections) {
      byAction[c.action] = (byAction[c.action] ?? 0) + 1;
      const type = (c.feature_id !== undefined ? typeOf.get(c.feature_id) : undefined) ?? c.type;
      if (type) byClass.set(type, (byClass.get(type) ?? 0) + 1);
    }
  }
  return {
    since,
    parts: scored.length,
    corrections: scored.reduce((a, p) => a + p.corrections.length, 0),
    by_action: byAction,
    classes: scorePairs(allPairs),
    by_version: [...byVersion.values()].map(({ pairs, ...v }) => ({ ...v, classes: scorePairs(pairs) })),
    most_corrected_classes: [...byClass]
      .map(([type, corrections]) => ({ type, corrections }))
      .sort((a, b) => b.corrections - a.corrections || a.type.localeCompare(b.type))
      .slice(0, TOP),
    most_corrected_parts: scored
      .map((p) => ({ analysis_id: p.analysisId, file_name: p.fileName, file_hash: p.fileHash, corrections: p.corrections.length }))
      .sort((a, b) => b.corrections - a.corrections || a.analysis_id.localeCompare(b.analysis_id))
      .slice(0, TOP),
    redimensioned,
  };
}

/** The report as a machinist-readable text table (the CLI's output). */
export function formatAccuracyReport(r: AccuracyReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [
    `accuracy against estimators' corrections${r.since ? ` since ${r.since}` : ''}: ${r.parts} corrected parts, ${r.corrections} corrections`,
    `  by action: ${
      Object.entries(r.by_action)
        .map(([a, n]) => `${a} ${n}`)
        .join(', ') || 'none'
    }`,
    '',
    'type                         precision   recall  support  predicted',
    ...r.classes.map(
      (c) =>
        `${c.type.padEnd(28)} ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(8)} ${String(c.support).padStart(8)} ${String(c.predicted).padStart(10)}`,
    ),
  ];
  for (const v of r.by_version) {
    lines.push('', `pipeline ${v.pipeline_version}, model ${v.model_version ?? 'none'}: ${v.parts} parts, ${v.corrections} corrections`);
    for (const c of v.classes) lines.push(`  ${c.type.padEnd(26)} precision ${pct(c.precision)}, recall ${pct(c.recall)}, support ${c.support}`);
  }
  lines.push('', 'most corrected classes: ' + (r.most_corrected_classes.map((c) => `${c.type} (${c.corrections})`).join(', ') || 'none'));
  lines.push('parts with the most corrections:');
  for (const p of r.most_corrected_parts) lines.push(`  ${String(p.corrections).padStart(4)}  ${p.file_name}  ${p.analysis_id}`);
  return lines.join('\n');
}
