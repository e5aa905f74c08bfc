/**
 * The PMI group of the feature tree on a real analysis of the PMI fixture: one row per item, last
 * among the groups, and a row selects exactly the faces its item names while claiming none.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/index.ts';
import { fixture } from '../../test/fixtures.ts';
import { PMI_FIXTURE } from '../../test/pmi-fixture.ts';
import { PMI_GROUP_KEY, pmiItemId } from './pmi-items.ts';
import { highlightedFaces } from './store.ts';
import { buildTree } from './tree.ts';

describe('PMI rows in the feature tree', async () => {
  const result = await analyze(fixture(PMI_FIXTURE.file));
  const tree = buildTree(result);

  it('adds a PMI group after the features, one row per item', () => {
    expect(result.pmi.length).toBeGreaterThan(0);
    const group = tree.groups.at(-1)!;
    expect(group.key).toBe(PMI_GROUP_KEY);
    expect(group.items.map((i) => i.id)).toEqual(result.pmi.map((p) => pmiItemId(p.id)));
    expect(group.items.find((i) => i.title.startsWith('position'))!.title).toBe('position ⌀0.127 Ⓜ |A|B|');
  });

  it('selects the faces an item names and leaves every face to its feature', () => {
    for (const p of result.pmi) {
      expect(highlightedFaces({ tree, selectedFace: null, selectedItem: pmiItemId(p.id) })).toEqual(p.faces);
    }
    expect(tree.itemOfFace.some((id) => id?.startsWith('pmi:'))).toBe(false);
  });

  it('adds no group for a result without PMI', () => {
    expect(buildTree({ ...result, pmi: [] }).groups.some((g) => g.key === PMI_GROUP_KEY)).toBe(false);
  });
});
