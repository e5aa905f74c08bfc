/**
 * An estimator's correction of a recognised feature (issue 14), as the app sends it and the
 * server stores it. The same schema checks the app's form, the server's request body and the
 * exports that `model:data` reads, so every host agrees on what a correction is.
 */
import { z } from 'zod';

export const CORRECTION_ACTIONS = ['retype', 'redimension', 'not_a_feature', 'name_region', 'merge', 'split'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** Feature types are open (the recogniser grows new ones); a name like the recogniser's own. */
const featureType = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a feature type: lower-case letters, digits and _');
/** A dimension: a length in mm, a count, an angle; a flag or a short text (a thread callout). */
const paramValue = z.union([z.number().finite(), z.boolean(), z.string().max(200), z.array(z.number().finite()).max(16)]);

export const correctionInputSchema = z
  .object({
    feature_id: z.number().int().nonnegative().optional(),
    faces: z.array(z.number().int().nonnegative()).max(100_000),
    action: z.enum(CORRECTION_ACTIONS),
    type: featureType.optional(),
    params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), paramValue).optional(),
  })
  .strict();
export type CorrectionInput = z.infer<typeof correctionInputSchema>;

/** A feature as either side of a correction sees it. */
export interface CorrectedFeature {
  type: string;
  faces: number[];
  params: Record<string, unknown>;
  /** The pipeline features this one comes from (none: a region the estimator named). */
  origins: number[];
  /** The estimator changed its dimensions. */
  redimensioned?: boolean;
}

/** A stored correction: the input plus who, when, which pipeline, and before/after. */
export interface StoredCorrection extends CorrectionInput {
  id: string;
  analysis_id: string;
  created_at: string;
  created_by: string | null;
  pipeline_version: string;
  model_version: string | null;
  before: CorrectedFeature[] | null;
  after: CorrectedFeature[] | null;
}
