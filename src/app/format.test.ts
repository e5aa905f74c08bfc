/** What the machinist reads in the tree, and the tree's grouping, without a browser. */
import { describe, expect, it } from 'vitest';
import { dfmTitle, errorAdvice, faceDescription, featureDetail, featureGroupTitle, featureTitle, modelClassText, num } from './format.ts';
import { buildTree } from './tree.ts';
import type { AnalysisResult, Face, Feature } from './types.ts';

const feature = (type: string, params: Feature['params'], faces = [0]): Feature => ({
  id: 0,
  type,
  faces,
  params,
  confidence: 0.93,
  method: 'geometric',
});

describe('feature titles', () => {
  it('reads like a drawing callout', () => {
    expect(featureTitle(feature('hole', { diameter: 6.6, through: true, depth: 12 }))).toBe('Hole Ø6.60 through');
    expect(featureTitle(feature('hole', { diameter: 8, through: false, depth: 6, bottom: 'flat' }))).toBe('Hole Ø8.00 × 6 deep');
    expect(featureTitle(feature('pocket', { length: 30, width: 16, depth: 6, radius: 2 }))).toBe('Pocket 30 × 16 × 6, r2');
    expect(featureTitle(feature('slot', { length: 30, width: 8, depth: 5, through: true }))).toBe('Slot 30 × 8 through');
    expect(featureTitle(feature('fillet', { radius: 2, convex: false }))).toBe('Fillet r2');
    expect(featureTitle(feature('fillet', { radius: 50, convex: true }))).toBe('Round r50');
    expect(featureTitle(feature('counterbore_hole', { diameter: 6.6, through: true, count: 4 }))).toBe('4× Counterbore Ø6.60 through');
  });

  it('puts the rest in a detail line', () => {
    const f = feature('counterbore_hole', {
      diameter: 6.6,
      through: true,
      counterbore_diameter: 11,
      counterbore_depth: 6.4,
      pattern: 'grid',
      rows: 2,
      columns: 2,
    });
    expect(featureDetail(f)).toBe('counterbore Ø11 × 6.4 · grid 2 × 2');
    expect(featureDetail(feature('hole', { diameter: 5, depth: 7, bottom: 'cone', bottom_angle: 118 }))).toBe('cone bottom 118°');
    expect(featureDetail(feature('hole', { diameter: 254, depth: 40, rim_chamfer_diameter: 273.05, rim_chamfer_angle: 90 }))).toBe(
      'chamfer Ø273.05 90°',
    );
    expect(
      featureDetail(
        feature('hole', {
          diameter: 10,
          depth: 10,
          rim_chamfer_diameter: 13,
          rim_chamfer_angle: 90,
          back_rim_chamfer_diameter: 11,
          back_rim_chamfer_angle: 90,
        }),
      ),
    ).toBe('chamfer Ø13 90° · back chamfer Ø11 90°');
    expect(featureDetail(feature('hole', { diameter: 8, depth: 10, bottom: 'ball', bottom_radius: 4 }))).toBe('ball bottom r4');
    expect(featureGroupTitle('counterbore_hole')).toBe('Counterbore holes');
    expect(featureGroupTitle('chamfer')).toBe('Chamfers');
    const thread = feature('thread', {
      designation: 'M16x1.5',
      diameter: 16,
      pitch: 1.5,
      length: 20,
      internal: false,
      form: 'helical',
      hand: 'right',
    });
    expect(featureTitle(thread)).toBe('Thread M16x1.5 × 20');
    expect(featureDetail(thread)).toBe('pitch 1.5 · helical right-hand');
    expect(featureDetail(feature('pocket', { outline: 'rectangular', open: true, open_sides: 1 }))).toBe('rectangular · open on 1 side');
    expect(featureDetail(feature('hole', { diameter: 8.5, thread: 'M10' }))).toBe('tap drill for M10');
    expect(featureDetail(feature('hole', { diameter: 14, tap_drill_for: 'M16' }))).toBe('M16 tap drill size, no thread drawn');
    expect(featureTitle(feature('gear', { teeth: 16, tip_diameter: 80, root_diameter: 68, face_width: 12, internal: false }))).toBe(
      'Gear 16 teeth Ø80',
    );
    expect(featureTitle(feature('sheet', { thickness: 2, bends: 1 }))).toBe('Sheet metal 2 thick, 1 bend');
    expect(featureTitle(feature('pipe', { outer_diameter: 20, inner_diameter: 15, length: 20 }))).toBe('Tube Ø20 / Ø15 × 20');
    expect(featureTitle(feature('bend', { radius: 3, thickness: 2, angle: 90 }))).toBe('Bend r3');
    const stepped = feature('counterbore_hole', {
      diameter: 52,
      counterbore_diameter: 115,
      counterbore_depth: 6,
      back_counterbore_diameter: 100,
      back_counterbore_depth: 8,
      profile: 'Ø115×6 / Ø52×16 / Ø100×8',
    });
    expect(featureDetail(stepped)).toBe('counterbore Ø115 × 6 · back counterbore Ø100 × 8 · steps Ø115×6 / Ø52×16 / Ø100×8');
  });
});

describe('faces and numbers', () => {
  const face = (surface: Face['surface'], params: Face['params']): Face => ({
    id: 0,
    surface,
    area: 1,
    reversed: false,
    params,
    bbox: { min: [0, 0, 0], max: [1, 1, 1] },
    loops: [],
  });
  it('describes faces', () => {
    expect(faceDescription(face('plane', { normal: [0, 0, 1] }))).toBe('Plane, normal +Z');
    expect(faceDescription(face('plane', { normal: [0, 0.6, 0.8] }))).toBe('Plane, inclined');
    expect(faceDescription(face('cylinder', { radius: 3.3, internal: true }))).toBe('Cylinder Ø6.60 bore');
    expect(faceDescription(face('cylinder', { radius: 10 }))).toBe('Cylinder Ø20.00 boss');
  });
  it('formats numbers without noise', () => {
    expect(num(30)).toBe('30');
    expect(num(6.25)).toBe('6.25');
    expect(num(4.7627)).toBe('4.76');
    expect(num(2.5)).toBe('2.5');
  });
  it('has advice for every error code', () => {
    expect(errorAdvice('TRUNCATED').title).toMatch(/incomplete/);
    expect(errorAdvice('NOT_STEP').title).toMatch(/not a STEP file/);
  });
});

describe('tree', () => {
  const base = {
    faces: [
      { id: 0, surface: 'plane' },
      { id: 1, surface: 'cylinder' },
      { id: 2, surface: 'plane' },
      { id: 3, surface: 'cylinder' },
    ].map((f) => ({ ...f, area: 1, reversed: false, params: {}, bbox: { min: [0, 0, 0], max: [1, 1, 1] }, loops: [] })),
  } as unknown as AnalysisResult;

  it('groups faces by surface type until features exist', () => {
    const tree = buildTree({ ...base, features: [] });
    expect(tree.mode).toBe('surfaces');
    expect([...tree.items.keys()]).toEqual(['surface:plane', 'surface:cylinder']);
    expect(tree.items.get('surface:cylinder')!.faces).toEqual([1, 3]);
    expect(tree.itemOfFace).toEqual(['surface:plane', 'surface:cylinder', 'surface:plane', 'surface:cylinder']);
  });

  it('groups features by type; a face belongs to the first feature that claims it', () => {
    const tree = buildTree({
      ...base,
      features: [
        { ...feature('hole', { diameter: 6.6, through: true }, [1, 3]), id: 7 },
        { ...feature('chamfer', { angle: 45 }, [0]), id: 8 },
      ],
    });
    expect(tree.mode).toBe('features');
    expect(tree.groups.map((g) => g.title)).toEqual(['Chamfers', 'Holes']);
    expect(tree.itemOfFace).toEqual(['8', '7', null, '7']);
    expect(tree.unassigned).toEqual([2]);
  });

  it('lists manufacturability checks first; a check selects its faces but claims none', () => {
    const dfm = [
      { code: 'DEEP_HOLE', severity: 'warning' as const, message: 'Hole 12 deep for Ø1.5', faces: [1, 3], expected: 6, actual: 8 },
      { code: 'IMPLAUSIBLE_SIZE', severity: 'error' as const, message: 'The part is 86 m long', faces: [], expected: '0.5-5000 mm', actual: 86350 },
    ];
    const tree = buildTree({ ...base, features: [{ ...feature('hole', { diameter: 1.5, depth: 12 }, [1, 3]), id: 7 }], dfm });
    expect(tree.groups.map((g) => g.title)).toEqual(['Manufacturability checks', 'Holes']);
    expect(tree.groups[0]!.items.map((i) => [i.id, i.title, i.severity])).toEqual([
      ['dfm:0', 'Deep hole: 8 (expected 6)', 'warning'],
      ['dfm:1', 'Implausible part size: check the units: 86350 (expected 0.5-5000 mm)', 'error'],
    ]);
    expect(tree.items.get('dfm:0')!.faces).toEqual([1, 3]);
    expect(tree.itemOfFace).toEqual([null, '7', null, '7']);
    expect(dfmTitle({ code: 'SOME_NEW_CHECK', expected: 1, actual: 2.5 })).toBe('Some new check: 2.5 (expected 1)');
  });

  it('names model classes as machining features, or as modelling operations for Autodesk models', () => {
    expect(modelClassText('rectangular_pocket', 'machining-features')).toBe('Rectangular pocket');
    expect(modelClassText('ExtrudeSide', 'modelling-operations')).toBe('Modelling operation: Extrude side');
    const ml = (type: string, faces: number[], id: number): Feature => ({ ...feature(type, {}, faces), id, method: 'ml', modelVersion: 'm' });
    const features = [{ ...feature('hole', { diameter: 6.6, through: true }, [1, 3]), id: 7 }, ml('ExtrudeSide', [0], 8), ml('CutEnd', [2], 9)];
    const autodesk = buildTree({ ...base, features, model: { version: 'brepnet-autodesk', classKind: 'modelling-operations', classes: [] } });
    expect(autodesk.groups.map((g) => g.title)).toEqual(['Modelling operation: Cut end', 'Modelling operation: Extrude side', 'Holes']);
    expect(autodesk.items.get('8')!.title).toBe('Modelling operation: Extrude side');
    expect(autodesk.items.get('7')!.title).toBe('Hole Ø6.60 through');
    const ours = buildTree({
      ...base,
      features: [ml('rectangular_pocket', [0], 8)],
      model: { version: 'vectis-brepnet-2', classKind: 'machining-features', classes: [] },
    });
    expect(ours.groups.map((g) => g.title)).toEqual(['Rectangular pockets']);
  });

  it('puts regions for review first, saying what the model suggests and that no size was measured', () => {
    const review = (faces: number[], id: number, hint: string): Feature => ({
      ...feature('unrecognised', {}, faces),
      id,
      method: 'review',
      hint,
      needs_review: true,
      modelVersion: 'm',
    });
    const measured: Feature = {
      ...feature('chamfer', { angle: 45, width: 2.83, model_class: 'chamfer' }, [2]),
      id: 5,
      method: 'ml',
      modelVersion: 'm',
    };
    const features = [{ ...feature('hole', { diameter: 6.6, through: true }, [1]), id: 4 }, measured, review([0, 3], 6, 'rectangular_pocket')];
    const tree = buildTree({ ...base, features, model: { version: 'vectis-brepnet-2', classKind: 'machining-features', classes: [] } });
    expect(tree.groups.map((g) => g.title)).toEqual(['Needs review', 'Chamfers', 'Holes']);
    expect(tree.items.get('6')).toMatchObject({
      title: 'Unrecognised region, 2 faces',
      detail: 'model: Rectangular pocket? · no size measured, check before quoting',
      needsReview: true,
      method: 'review',
    });
    expect(tree.items.get('5')!.needsReview).toBeUndefined();
    expect(tree.itemOfFace[3]).toBe('6');
    const autodesk = buildTree({
      ...base,
      features: [review([0], 1, 'CutSide')],
      model: { version: 'a', classKind: 'modelling-operations', classes: [] },
    });
    expect(autodesk.items.get('1')!.detail).toBe('model: Modelling operation: Cut side? · no size measured, check before quoting');
  });
});
