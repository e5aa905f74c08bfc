import { describe, expect, it } from 'vitest';
import { analyze, type Feature } from '../../index.ts';
import { fixture } from '../../../../test/fixtures.ts';
import { mergeWithGeometry } from './merge.ts';

describe('merging ML labels with geometric features', () => {
  const mlFeature = (faces: number[], type: string): Feature => ({
    id: 99,
    type,
    faces,
    params: {},
    confidence: 0.9,
    method: 'ml',
    modelVersion: 't',
  });

  it('keeps the geometric hole, raises or lowers its confidence, and keeps ML only where geometry is silent', async () => {
    const r = await analyze(fixture('box-with-hole.step'));
    const hole = r.features.find((f) => f.type === 'hole')!;
    const stockFace = r.faces.find((f) => !hole.faces.includes(f.id))!.id;

    r.faces.forEach((f) => (f.label = hole.faces.includes(f.id) ? 'through_hole' : 'stock'));
    r.faces[stockFace]!.label = 'chamfer';
    const kept = mergeWithGeometry(r, [mlFeature(hole.faces, 'through_hole'), mlFeature([stockFace], 'chamfer')], 'machining-features');
    expect(hole.params.ml_agreement).toBe(1);
    expect(hole.confidence).toBe(1);
    expect(kept).toEqual([expect.objectContaining({ type: 'chamfer', faces: [stockFace], method: 'ml' })]);

    r.faces.forEach((f) => (f.label = 'stock'));
    mergeWithGeometry(r, [], 'machining-features');
    expect(hole.params.ml_agreement).toBe(0);
    expect(hole.confidence).toBe(0.5);
    expect(hole.params.ml_label).toBe('stock');
    expect(hole.params.diameter).toBe(10);

    // Our model's own hole classes are through holes in MFCAD++: they agree with the hole.
    r.faces.forEach((f) => (f.label = hole.faces.includes(f.id) ? 'counterbore' : 'turned_profile'));
    mergeWithGeometry(r, [], 'machining-features');
    expect(hole.params.ml_agreement).toBe(1);
  });

  it('leaves geometric features alone for modelling-operation labels, and keeps their regions only where geometry is silent', async () => {
    const r = await analyze(fixture('box-with-hole.step'));
    const hole = r.features[0]!;
    const outside = r.faces.find((f) => !hole.faces.includes(f.id))!.id;
    const kept = mergeWithGeometry(r, [mlFeature([outside, ...hole.faces], 'CutSide')], 'modelling-operations');
    expect(kept).toEqual([expect.objectContaining({ type: 'CutSide', faces: [outside] })]);
    expect(hole.params.ml_agreement).toBeUndefined();
  });
});
