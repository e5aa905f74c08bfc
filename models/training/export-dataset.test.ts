/** Label schemes → the generator's class ids (MFCAD through its true order, MFCAD++ as is). */
import { describe, expect, it } from 'vitest';
import { mapLabels } from './export-dataset.ts';
import { CLASS_NAMES } from './generate/classes.ts';

describe('mapLabels', () => {
  it('maps MFCAD ids through their real meaning, not the README names', () => {
    const ids = mapLabels({ scheme: 'MFCAD-16', labels: [0, 9, 10, 11, 15] });
    expect(ids.map((i) => CLASS_NAMES[i])).toEqual(['chamfer', 'triangular_pocket', 'rectangular_pocket', '6sides_pocket', 'stock']);
  });

  it('keeps MFCAD++ and generator ids, and refuses unknown schemes', () => {
    expect(mapLabels({ scheme: 'MFCAD++-25', labels: [24, 1] })).toEqual([24, 1]);
    expect(mapLabels({ scheme: `vectis-${CLASS_NAMES.length}`, labels: [27] })).toEqual([27]);
    expect(() => mapLabels({ scheme: 'BRepNet-8', labels: [0] })).toThrow(/unknown label scheme/);
  });
});
