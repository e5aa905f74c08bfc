/**
 * A corrected analysis as GET /analyses/:id answers it (the result, its `corrections`, the
 * envelope's id and pipelineVersion). A JSON export of corrected analyses is a list of these (or a
 * folder of them, one a file): `vectis report` scores them offline and `npm run model:data
 * -- --corrections` turns them into training labels, with the very code the server uses.
 */
import { z } from 'zod';
import type { ReportPart } from './report.ts';
import { correctionInputSchema } from './schema.ts';

export const correctedAnalysisSchema = z
  .object({
    id: z.string(),
    pipelineVersion: z.string(),
    file: z.object({ name: z.string(), sha256: z.string() }),
    part: z.object({ faces: z.number().int().nonnegative() }),
    faces: z.array(z.object({ id: z.number().int(), surface: z.string(), mfcadClass: z.number().int().optional() })).optional(),
    features: z.array(
      z.object({ id: z.number().int(), type: z.string(), faces: z.array(z.number().int()), params: z.record(z.string(), z.unknown()) }),
    ),
    model: z.object({ version: z.string() }).optional(),
    corrections: z.array(correctionInputSchema.extend({ created_at: z.string() }).loose()),
  })
  .loose();
export type CorrectedAnalysis = z.infer<typeof correctedAnalysisSchema>;

/** The records in a parsed JSON export: one record, or a list of them. */
export function correctedAnalyses(json: unknown): CorrectedAnalysis[] {
  const list = Array.isArray(json) ? json : [json];
  return list.map((item, i) => {
    const parsed = correctedAnalysisSchema.safeParse(item);
    if (!parsed.success)
      throw new Error(
        `record ${i} is not a corrected analysis (GET /analyses/:id): ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  });
}

/** The report's view of a record; undefined when it has no correction at or after `since`. */
export function reportPartOf(a: CorrectedAnalysis, since?: Date): ReportPart | undefined {
  if (!a.corrections.some((c) => !since || new Date(c.created_at).getTime() >= since.getTime())) return undefined;
  return {
    analysisId: a.id,
    fileName: a.file.name,
    fileHash: a.file.sha256,
    pipelineVersion: a.pipelineVersion,
    modelVersion: a.model?.version ?? null,
    faceCount: a.part.faces,
    features: a.features,
    corrections: a.corrections.map(({ action, faces, feature_id, type, params }) => ({
      action,
      faces,
      ...(feature_id !== undefined ? { feature_id } : {}),
      ...(type !== undefined ? { type } : {}),
      ...(params !== undefined ? { params } : {}),
    })),
  };
}
