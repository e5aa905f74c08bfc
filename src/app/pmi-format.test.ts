/** The PMI texts a machinist reads (pmi-format.ts), on items shaped as result.pmi holds them. */
import { describe, expect, it } from 'vitest';
import { instances, pmiDetail, pmiTitle, tightestPmi, type PmiItem } from './pmi-format.ts';

const base: PmiItem = { id: 0, kind: 'dimension', name: 'diameter', nominal: 8.38, upper: 0.05, lower: 0, unit: 'mm', faces: [], features: [] };
const cylinder = (center: [number, number, number]) => ({
  surface: 'cylinder' as const,
  params: { center, axis: [0, 0, 1] as [number, number, number], radius: 4.19 },
});

describe('pmiTitle', () => {
  it('writes a diameter with unequal deviations and the count of holes it covers', () => {
    // Four holes, the first written as two half cylinders on one axis.
    const faces = [cylinder([0, 0, 0]), cylinder([0, 0, 5]), cylinder([20, 0, 0]), cylinder([0, 20, 0]), cylinder([20, 20, 0])];
    expect(pmiTitle({ ...base, faces: [0, 1, 2, 3, 4] }, faces)).toBe('Ø8.38 +0.05/0 × 4');
    expect(instances({ faces: [0, 1] }, faces)).toBe(1);
  });

  it('writes symmetric deviations, fit classes, radii, angles and named distances', () => {
    expect(pmiTitle({ ...base, name: 'radius', nominal: 3.175, upper: 0.508, lower: -0.508 })).toBe('R3.175 ±0.508');
    expect(pmiTitle({ ...base, nominal: 12.7, upper: null, lower: null, tolerance_class: 'H7' })).toBe('Ø12.7 H7');
    expect(pmiTitle({ ...base, name: 'angle', nominal: 60, upper: 0.5, lower: -0.5, unit: 'deg' })).toBe('Angle 60° ±0.5°');
    expect(pmiTitle({ ...base, name: 'linear distance', nominal: 35, upper: 0, lower: -0.2 })).toBe('Linear distance 35 0/-0.2');
    expect(pmiTitle({ ...base, name: 'linear distance', nominal: null, upper: null, lower: null })).toBe('Linear distance');
  });

  it('writes a feature control frame with its zone, modifier and datums', () => {
    const position: PmiItem = {
      ...base,
      kind: 'geometric_tolerance',
      name: 'position',
      nominal: 0.1,
      upper: null,
      lower: null,
      datums: ['A', 'B', 'C'],
      modifiers: ['diameter'],
    };
    expect(pmiTitle(position)).toBe('position ⌀0.1 |A|B|C|');
    expect(pmiTitle({ ...position, modifiers: ['diameter', 'maximum_material_requirement'] })).toBe('position ⌀0.1 Ⓜ |A|B|C|');
    expect(pmiTitle({ ...position, name: 'flatness', nominal: 0.05, datums: undefined, modifiers: undefined })).toBe('flatness 0.05');
    expect(pmiTitle({ ...base, kind: 'surface_texture', name: 'Ra', nominal: 1.6, upper: null, lower: null, unit: 'um' })).toBe('Ra 1.6 µm');
    expect(pmiTitle({ ...base, kind: 'datum', name: 'A', nominal: null, upper: null, lower: null, unit: '' })).toBe('Datum A');
  });
});

describe('pmiDetail', () => {
  it('says what the item applies to, or that it names no face', () => {
    expect(pmiDetail({ ...base, faces: [3, 4], features: [7] }, [{ id: 7, type: 'counterbore_hole' }])).toBe('2 faces · 1 counterbore hole');
    expect(pmiDetail(base, [])).toMatch(/no face/);
  });
});

describe('tightestPmi', () => {
  it('ranks dimensions by their band and geometric tolerances by their zone, narrowest first', () => {
    const items: PmiItem[] = [
      { ...base, id: 0, upper: 0.2, lower: -0.2 },
      { ...base, id: 1, kind: 'geometric_tolerance', name: 'flatness', nominal: 0.05, upper: null, lower: null },
      { ...base, id: 2, upper: 0.05, lower: 0 },
      { ...base, id: 3, name: 'angle', unit: 'deg', upper: 0.01, lower: -0.01 },
      { ...base, id: 4, kind: 'datum', name: 'A', nominal: null, upper: null, lower: null, unit: '' },
      { ...base, id: 5, upper: null, lower: null },
    ];
    expect(tightestPmi(items, 2).map((x) => [x.item.id, x.band])).toEqual([
      [1, 0.05],
      [2, 0.05],
    ]);
    expect(tightestPmi(items).map((x) => x.item.id)).toEqual([1, 2, 0]);
  });
});
