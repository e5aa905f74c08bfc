/**
 * Corrections applied to a part's features and the pipeline scored against them: what each
 * action means for the estimator's view and for precision/recall (score.ts's pairing rules).
 */
import { describe, expect, it } from 'vitest';
import { applyCorrections, CorrectionError, type PipelineFeature } from './apply.ts';
import { accuracyReport, formatAccuracyReport } from './report.ts';
import { correctionInputSchema, type CorrectionInput } from './schema.ts';
import { typePairs } from './score.ts';

// A plate: two holes (faces 1, 2), a pocket (3-7) and a chamfer (8) on a 12-face part.
const features: PipelineFeature[] = [
  { id: 0, type: 'hole', faces: [1], params: { diameter: 6 } },
  { id: 1, type: 'hole', faces: [2], params: { diameter: 6 } },
  { id: 2, type: 'pocket', faces: [3, 4, 5, 6, 7], params: { depth: 5 } },
  { id: 3, type: 'chamfer', faces: [8], params: {} },
];
const FACES = 12;
const part = (corrections: CorrectionInput[]) => ({ features, corrections, faceCount: FACES });

describe('applying corrections', () => {
  it("retype and redimension change one feature; the pipeline's features are left as they were", () => {
    const view = applyCorrections(
      features,
      [
        { action: 'retype', feature_id: 2, faces: [], type: 'slot' },
        { action: 'redimension', feature_id: 0, faces: [], params: { diameter: 6.6 } },
      ],
      FACES,
    );
    expect(view.map((f) => f.type)).toEqual(['hole', 'hole', 'slot', 'chamfer']);
    expect(view[0]!.params.diameter).toBe(6.6);
    expect(view[0]!.redimensioned).toBe(true);
    expect(features[0]!.params.diameter).toBe(6);
    expect(features[2]!.type).toBe('pocket');
  });

  it('merge joins the features inside the faces, split cuts one in two, not_a_feature removes, name_region adds', () => {
    const view = applyCorrections(
      features,
      [
        { action: 'merge', faces: [1, 2], type: 'counterbore' },
        { action: 'split', feature_id: 2, faces: [6, 7] },
        { action: 'not_a_feature', feature_id: 3, faces: [] },
        { action: 'name_region', faces: [10, 11], type: 'thread' },
      ],
      FACES,
    );
    expect(view.map((f) => [f.type, f.faces])).toEqual([
      ['counterbore', [1, 2]],
      ['pocket', [3, 4, 5]],
      ['pocket', [6, 7]],
      ['thread', [10, 11]],
    ]);
  });

  it('refuses corrections that do not fit the part', () => {
    expect(() => applyCorrections(features, [{ action: 'retype', feature_id: 9, faces: [], type: 'slot' }], FACES)).toThrow(CorrectionError);
    expect(() => applyCorrections(features, [{ action: 'name_region', faces: [12], type: 'slot' }], FACES)).toThrow(/not a face/);
    expect(() => applyCorrections(features, [{ action: 'merge', faces: [1], type: 'slot' }], FACES)).toThrow(/at least two/);
    expect(() => applyCorrections(features, [{ action: 'split', feature_id: 0, faces: [1] }], FACES)).toThrow(/some, not all/);
    // A feature removed earlier cannot be corrected again.
    expect(() =>
      applyCorrections(
        features,
        [
          { action: 'not_a_feature', feature_id: 0, faces: [] },
          { action: 'retype', feature_id: 0, faces: [], type: 'slot' },
        ],
        FACES,
      ),
    ).toThrow(/earlier correction/);
  });

  it('the request schema refuses unknown actions, members and types', () => {
    expect(correctionInputSchema.safeParse({ action: 'retype', feature_id: 1, faces: [1], type: 'slot' }).success).toBe(true);
    expect(correctionInputSchema.safeParse({ action: 'delete', faces: [] }).success).toBe(false);
    expect(correctionInputSchema.safeParse({ action: 'retype', faces: [], type: 'Slot; drop table' }).success).toBe(false);
    expect(correctionInputSchema.safeParse({ action: 'retype', faces: [], extra: 1 }).success).toBe(false);
    expect(correctionInputSchema.safeParse({ action: 'retype', faces: [-1] }).success).toBe(false);
  });
});

describe('scoring the pipeline against corrections', () => {
  it('pairs each estimator feature with the pipeline feature it came from', () => {
    const { pairs } = typePairs(
      part([
        { action: 'retype', feature_id: 2, faces: [], type: 'slot' },
        { action: 'not_a_feature', feature_id: 3, faces: [] },
        { action: 'name_region', faces: [10], type: 'thread' },
      ]),
    );
    expect(pairs).toEqual([
      { truth: 'hole', predicted: 'hole' },
      { truth: 'hole', predicted: 'hole' },
      { truth: 'slot', predicted: 'pocket' },
      { truth: 'thread', predicted: 'none' },
      { truth: 'none', predicted: 'chamfer' },
    ]);
  });

  it('a merge is one false positive of the pipeline, a split one miss', () => {
    expect(typePairs(part([{ action: 'merge', faces: [1, 2] }])).pairs.filter((p) => p.truth !== p.predicted)).toEqual([
      { truth: 'none', predicted: 'hole' },
    ]);
    expect(typePairs(part([{ action: 'split', feature_id: 2, faces: [7] }])).pairs.filter((p) => p.truth !== p.predicted)).toEqual([
      { truth: 'pocket', predicted: 'none' },
    ]);
  });

  it('the report: per-class precision and recall, by version, most corrected classes and parts', () => {
    const base = { fileHash: 'a'.repeat(64), faceCount: FACES, features, modelVersion: 'vectis-brepnet-1' };
    const report = accuracyReport([
      {
        ...base,
        analysisId: 'a1',
        fileName: 'one.step',
        pipelineVersion: 'p1',
        corrections: [{ action: 'retype', feature_id: 2, faces: [], type: 'slot' }],
      },
      {
        ...base,
        analysisId: 'a2',
        fileName: 'two.step',
        pipelineVersion: 'p2',
        corrections: [
          { action: 'not_a_feature', feature_id: 0, faces: [] },
          { action: 'retype', feature_id: 2, faces: [], type: 'slot' },
        ],
      },
      // Never corrected: not scored.
      { ...base, analysisId: 'a3', fileName: 'three.step', pipelineVersion: 'p2', corrections: [] },
    ]);
    expect(report.parts).toBe(2);
    expect(report.corrections).toBe(3);
    const hole = report.classes.find((c) => c.type === 'hole')!;
    // 4 holes reported, 3 real, all 3 found.
    expect(hole).toMatchObject({ precision: 0.75, recall: 1, support: 3, predicted: 4 });
    const pocket = report.classes.find((c) => c.type === 'pocket')!;
    expect(pocket).toMatchObject({ precision: 0, support: 0, predicted: 2 });
    expect(report.classes.find((c) => c.type === 'slot')).toMatchObject({ recall: 0, support: 2 });
    expect(report.by_version.map((v) => [v.pipeline_version, v.parts, v.corrections])).toEqual([
      ['p1', 1, 1],
      ['p2', 1, 2],
    ]);
    expect(report.most_corrected_classes[0]).toEqual({ type: 'pocket', corrections: 2 });
    expect(report.most_corrected_parts.map((p) => p.analysis_id)).toEqual(['a2', 'a1']);
    expect(formatAccuracyReport(report)).toMatch(/hole\s+75\.0 %\s+100\.0 %\s+3\s+4/);
  });
});
