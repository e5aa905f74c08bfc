/**
 * The file's PMI as rows of the feature tree (ids `pmi:<id>`, type 'pmi'): a row selects and
 * frames the faces its item names, like a manufacturability row, and claims no face (faces belong
 * to their features). components/PmiList.tsx shows the same rows wherever a view places it.
 */
import { pmiDetail, pmiTitle } from './pmi-format.ts';
import type { TreeGroup, TreeItem } from './tree.ts';
import type { AnalysisResult } from './types.ts';

export const PMI_GROUP_KEY = 'pmi';

export function pmiItemId(id: number): string {
  return `pmi:${id}`;
}

/** The PMI group, its rows added to `items`; undefined when the file carries no PMI. */
export function pmiGroup(result: AnalysisResult, items: Map<string, TreeItem>): TreeGroup | undefined {
  const pmi = result.pmi ?? [];
  if (pmi.length === 0) return undefined;
  const rows = pmi.map((p): TreeItem => {
    // A hole's PMI frames along the hole's axis, as its feature row does.
    const axis = result.features.find((f) => p.features.includes(f.id) && f.axis)?.axis;
    return {
      id: pmiItemId(p.id),
      type: 'pmi',
      title: pmiTitle(p, result.faces),
      detail: pmiDetail(p, result.features),
      faces: [...p.faces],
      color: 0,
      ...(axis ? { axis } : {}),
    };
  });
  for (const row of rows) items.set(row.id, row);
  return { key: PMI_GROUP_KEY, title: 'PMI', items: rows };
}
