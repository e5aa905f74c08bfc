/**
 * A part the model cannot take is no model failure (issue 10): a tessellated-only AP242 file
 * (fixtures/tessellated-only.step, scripts/tessellated-fixture.ts) has triangles but no B-Rep
 * faces; it is refused as NO_SOLID whether a model is configured or not, and an empty graph never
 * reaches onnxruntime (which fails on it with a reshape error, once reported as MODEL_UNAVAILABLE).
 */
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisError, loadModel, applyModel } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const MODEL = defaultModelPath();

describe('tessellated-only parts', () => {
  it.each([
    ['no model', undefined],
    ['the shipped model', MODEL],
  ])('are refused as NO_SOLID with %s', async (_name, model) => {
    const error = await analyze(fixture('tessellated-only.step'), { model }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({ code: 'NO_SOLID', message: expect.stringMatching(/tessellated/) });
  });

  it.skipIf(!MODEL)('never hand the model an empty graph: faces without edges stay unlabelled, without error', async () => {
    const r = await analyze(fixture('box-with-hole.step'));
    const session = await loadModel(MODEL!);
    const triangulated = { ...r, edges: [], coedges: [] };
    const seg = await session.segment(triangulated);
    expect(seg.labels).toEqual([]);
    await applyModel(triangulated, session);
    expect(triangulated.faces.every((f) => f.label === undefined)).toBe(true);
    expect(triangulated.model).toBeUndefined();
    // The same part with its edges is labelled: the guard only stops empty inputs.
    await applyModel(r, session);
    expect(r.faces.every((f) => typeof f.label === 'string')).toBe(true);
  });
});
