/**
 * Estimators' corrections in public.feature_corrections (migration 20251204000300), on PGlite and
 * Postgres alike. A correction is checked against the estimator's current view of the part (the
 * pipeline's features with the earlier corrections applied, src/analysis/corrections/apply.ts)
 * inside one transaction that locks the analysis row, so two corrections made at once are applied
 * in one order. The analysis's stored result is never touched: it stays the pipeline's answer.
 */
import { applyCorrection, startingView, type PipelineFeature } from '../../src/analysis/corrections/apply.ts';
import type { ReportPart } from '../../src/analysis/corrections/report.ts';
import type { CorrectedFeature, CorrectionInput, StoredCorrection } from '../../src/analysis/corrections/schema.ts';
import type { Sql } from './sql.ts';
import type { Store } from './store.ts';

export interface CorrectionMeta {
  createdBy?: string;
  correlationId?: string;
}

interface CorrectionRow {
  id: string;
  analysis_id: string;
  action: CorrectionInput['action'];
  feature_id: number | null;
  face_ids: number[];
  feature_type: string | null;
  parameters: unknown;
  before: unknown;
  after: unknown;
  pipeline_version: string;
  model_version: string | null;
  created_by: string | null;
  created_at: Date | string;
}

interface AnalysisRow {
  id: string;
  file_name: string;
  file_hash: string;
  pipeline_version: string;
  faces: number;
  features: unknown;
  model_version: string | null;
}

const COLUMNS = `c.id, c.analysis_id, c.action, c.feature_id, c.face_ids, c.feature_type, c.parameters, c.before, c.after,
  c.pipeline_version, c.model_version, c.created_by, c.created_at`;

/** Stores one correction; undefined when the analysis does not exist. Throws CorrectionError when it does not fit. */
export async function saveCorrection(
  store: Store,
  analysisId: string,
  input: CorrectionInput,
  meta: CorrectionMeta,
): Promise<{ id: string } | undefined> {
  return store.transaction(async (tx) => {
    const analysis = (await tx.query<AnalysisRow>(`${ANALYSIS_SELECT} where a.id = $1 for update`, [analysisId]))[0];
    if (!analysis) return undefined;
    const earlier = await listRows(tx, [analysisId]);
    let view = startingView(pipelineFeatures(analysis.features));
    for (const c of earlier) view = applyCorrection(view, toInput(c), analysis.faces).features;
    const { before, after } = applyCorrection(view, input, analysis.faces);
    const rows = await tx.query<{ id: string }>(
      `insert into public.feature_corrections (analysis_id, file_hash, action, feature_id, face_ids, feature_type, parameters, before, after,
         pipeline_version, model_version, correlation_id, created_by)
       values ($1, $2, $3, $4, coalesce(array(select jsonb_array_elements_text($5::text::jsonb)::integer), '{}'), $6, $7::text::jsonb,
         $8::text::jsonb, $9::text::jsonb, $10, $11, $12, $13)
       returning id`,
      [
        analysisId,
        analysis.file_hash,
        input.action,
        input.feature_id ?? null,
        JSON.stringify(input.faces),
        input.type ?? null,
        input.params ? JSON.stringify(input.params) : null,
        JSON.stringify(before),
        JSON.stringify(after),
        analysis.pipeline_version,
        analysis.model_version,
        meta.correlationId ?? null,
        meta.createdBy ?? null,
      ],
    );
    return { id: rows[0]!.id };
  });
}

/** The corrections of one analysis, in the order they were made. */
export async function listCorrections(store: Store, analysisId: string): Promise<StoredCorrection[]> {
  return store.transaction(async (tx) => (await listRows(tx, [analysisId])).map(toStored));
}

/** Every analysis corrected at or after `since` (all of its corrections, since they build on each other). */
export async function reportParts(store: Store, since: Date | undefined): Promise<ReportPart[]> {
  return store.transaction(async (tx) => {
    const analyses = await tx.query<AnalysisRow>(
      `${ANALYSIS_SELECT} where exists (select 1 from public.feature_corrections c where c.analysis_id = a.id and ($1::timestamptz is null or c.created_at >= $1::timestamptz))
       order by a.created_at`,
      [since?.toISOString() ?? null],
    );
    const rows = analyses.length
      ? await listRows(
          tx,
          analyses.map((a) => a.id),
        )
      : [];
    return analyses.map((a) => ({
      analysisId: a.id,
      fileName: a.file_name,
      fileHash: a.file_hash,
      pipelineVersion: a.pipeline_version,
      modelVersion: a.model_version,
      faceCount: a.faces,
      features: pipelineFeatures(a.features),
      corrections: rows.filter((r) => r.analysis_id === a.id).map(toInput),
    }));
  });
}

const ANALYSIS_SELECT = `select a.id, a.file_name, a.file_hash, a.pipeline_version, a.faces, a.result -> 'features' as features,
  a.result -> 'model' ->> 'version' as model_version from public.analyses a`;

async function listRows(tx: Sql, analysisIds: string[]): Promise<CorrectionRow[]> {
  return tx.query<CorrectionRow>(`select ${COLUMNS} from public.feature_corrections c where c.analysis_id = any($1::text::uuid[]) order by c.seq`, [
    `{${analysisIds.join(',')}}`,
  ]);
}

function json(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

function pipelineFeatures(v: unknown): PipelineFeature[] {
  const list = (json(v) ?? []) as { id: number; type: string; faces: number[]; params?: Record<string, unknown> }[];
  return list.map((f) => ({ id: f.id, type: f.type, faces: f.faces, params: f.params ?? {} }));
}

function toInput(r: CorrectionRow): CorrectionInput {
  const params = json(r.parameters) as CorrectionInput['params'] | null;
  return {
    action: r.action,
    faces: r.face_ids.map(Number),
    ...(r.feature_id !== null ? { feature_id: r.feature_id } : {}),
    ...(r.feature_type !== null ? { type: r.feature_type } : {}),
    ...(params ? { params } : {}),
  };
}

function toStored(r: CorrectionRow): StoredCorrection {
  return {
    ...toInput(r),
    id: r.id,
    analysis_id: r.analysis_id,
    created_at: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
    created_by: r.created_by,
    pipeline_version: r.pipeline_version,
    model_version: r.model_version,
    before: json(r.before) as CorrectedFeature[] | null,
    after: json(r.after) as CorrectedFeature[] | null,
  };
}
