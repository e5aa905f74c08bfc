/**
 * Fusion of the model's regions with geometry (fuse.ts, measure.ts) on generated fixtures whose
 * sizes are known in closed form (test/fixtures.ts). Geometry is silenced (its features removed)
 * so that the regions are model-only; the model's output is set by hand, as in merge.test.ts, to
 * make each rule's case happen on purpose.
 */
import { describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult, type Feature } from '../../index.ts';
import { FIXTURES, fixture } from '../../../../test/fixtures.ts';
import { STOCK_CLASS, mfcadppId } from '../../features/classes.ts';
import { fuseRegions } from './fuse.ts';

const region = (faces: number[], type: string): Feature => ({ id: 50, type, faces, params: {}, confidence: 0, method: 'ml', modelVersion: 't' });

/** The part as if geometry had found nothing, every face labelled `stock` by a sure model. */
async function silenced(name: string): Promise<{ r: AnalysisResult; geometric: Feature[] }> {
  const r = await analyze(fixture(name));
  const geometric = r.features;
  r.features = [];
  for (const f of r.faces) Object.assign(f, { mfcadClass: STOCK_CLASS, label: 'stock', confidence: 0.99 });
  return { r, geometric };
}

function label(r: AnalysisResult, faces: number[], name: string, confidence = 0.99): Feature {
  for (const f of faces) Object.assign(r.faces[f]!, { label: name, confidence });
  return region(faces, name);
}

describe('model-only regions become measured features', () => {
  it('a pocket, a through slot and a chamfer get their fixture sizes', async () => {
    const { r, geometric } = await silenced('prismatic.step');
    const faces = (type: string) => geometric.find((f) => f.type === type)!.faces;
    const [pocket, slot, chamfer] = fuseRegions(
      r,
      [label(r, faces('pocket'), 'rectangular_pocket'), label(r, faces('slot'), 'rectangular_through_slot'), label(r, faces('chamfer'), 'chamfer')],
      'machining-features',
    );
    const { pocket: p, slot: s, chamfer: c } = FIXTURES.prismatic;
    expect(pocket).toMatchObject({
      type: 'pocket',
      method: 'ml',
      params: { width: p[3], depth: p[4], outline: 'rectangular', model_class: 'rectangular_pocket' },
    });
    expect(slot).toMatchObject({ type: 'slot', method: 'ml', params: { width: s[1], depth: s[2] } });
    expect(chamfer).toMatchObject({ type: 'chamfer', method: 'ml', params: { angle: 45, width: Math.round(c * Math.SQRT2 * 1e4) / 1e4 } });
    // The faces take the model's class: one answer per face.
    expect(faces('pocket').map((f) => r.faces[f]!.mfcadClass)).toEqual(faces('pocket').map(() => mfcadppId('rectangular_pocket')));
  });

  it('a hole gets diameter and depth, an edge round its radius', async () => {
    const hole = await silenced('box-with-hole.step');
    const holeFaces = hole.geometric[0]!.faces;
    expect(fuseRegions(hole.r, [label(hole.r, holeFaces, 'through_hole')], 'machining-features')[0]).toMatchObject({
      type: 'hole',
      method: 'ml',
      params: { diameter: 2 * FIXTURES.boxWithHole.radius, depth: FIXTURES.boxWithHole.size[2], through: true },
    });
    const round = await silenced('rounded.step');
    const fillet = round.geometric.find((f) => f.type === 'fillet')!.faces;
    expect(fuseRegions(round.r, [label(round.r, fillet, 'round')], 'machining-features')[0]).toMatchObject({
      type: 'fillet',
      method: 'ml',
      params: { radius: FIXTURES.rounded.edgeRadius, convex: true },
    });
  });
});

describe('regions that cannot be measured, or that the model is unsure of', () => {
  it('a flat outside face called a chamfer is unrecognised, for review, with the model’s hint', async () => {
    const { r } = await silenced('block.step');
    const [review] = fuseRegions(r, [label(r, [0], 'chamfer')], 'machining-features');
    expect(review).toMatchObject({ type: 'unrecognised', method: 'review', hint: 'chamfer', needs_review: true, params: {}, faces: [0] });
    expect(r.faces[0]!.mfcadClass).toBe(mfcadppId('chamfer'));
  });

  it('outside faces called a slot, and a boss called a round, are not measured as such', async () => {
    // Two sides of a block meet at a convex edge: no recess. A boss meets its neighbours at sharp
    // edges: no blend.
    const block = await silenced('block.step');
    const sides = block.r.edges.find((e) => e.convexity === 'convex')!.faces;
    expect(fuseRegions(block.r, [label(block.r, [...sides], 'rectangular_blind_slot')], 'machining-features')[0]).toMatchObject({
      type: 'unrecognised',
      hint: 'rectangular_blind_slot',
    });
    const studded = await silenced('boss-groove.step');
    const boss = studded.geometric.find((f) => f.type === 'boss')!.faces.filter((f) => studded.r.faces[f]!.surface === 'cylinder');
    expect(boss.length).toBeGreaterThan(0);
    expect(fuseRegions(studded.r, [label(studded.r, boss, 'round')], 'machining-features')[0]).toMatchObject({ type: 'unrecognised', hint: 'round' });
  });

  it('an unsure region is dropped and its faces stay stock', async () => {
    const { r, geometric } = await silenced('box-with-hole.step');
    expect(fuseRegions(r, [label(r, geometric[0]!.faces, 'through_hole', 0.6)], 'machining-features', { minConfidence: 0.9 })).toEqual([]);
    expect(r.faces.every((f) => f.mfcadClass === STOCK_CLASS)).toBe(true);
  });

  it('modelling-operation labels are only hints: review features, face classes untouched', async () => {
    const { r, geometric } = await silenced('box-with-hole.step');
    const [review] = fuseRegions(r, [label(r, geometric[0]!.faces, 'CutSide')], 'modelling-operations');
    expect(review).toMatchObject({ type: 'unrecognised', method: 'review', hint: 'CutSide', needs_review: true });
    expect(r.faces.every((f) => f.mfcadClass === STOCK_CLASS)).toBe(true);
  });
});
