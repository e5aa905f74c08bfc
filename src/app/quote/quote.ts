/**
 * The quote view's model, built once per result: feature groups, the hole table and the machining
 * summary. Each group is also a tree item (`group:<key>`), so the store's selection, hover,
 * framing and the viewer's highlighting treat a group row exactly like a feature row.
 */
import type { Tree, TreeItem } from '../tree.ts';
import type { AnalysisResult } from '../types.ts';
import { groupFeatures, SECTION_ORDER, SECTION_TITLES, type QuoteGroup, type QuoteSection } from './group.ts';
import { holeRows, type HoleRow } from './hole-table.ts';
import { machiningSummary, type MachiningSummary } from './machining.ts';

export interface Quote {
  groups: QuoteGroup[];
  /** Groups by section, in SECTION_ORDER, empty sections left out. */
  sections: { section: QuoteSection; title: string; groups: QuoteGroup[] }[];
  holes: HoleRow[];
  summary: MachiningSummary;
  /** The group of each feature id. */
  groupOfFeature: Map<number, string>;
}

export function buildQuote(result: AnalysisResult): Quote {
  const groups = groupFeatures(result);
  const sections = SECTION_ORDER.map((section) => ({
    section,
    title: SECTION_TITLES[section],
    groups: groups.filter((g) => g.section === section),
  })).filter((s) => s.groups.length > 0);
  const groupOfFeature = new Map<number, string>();
  for (const g of groups) for (const id of g.featureIds) groupOfFeature.set(id, g.id);
  return { groups, sections, holes: holeRows(groups), summary: machiningSummary(result, groups), groupOfFeature };
}

/** The group shown as selected: the selected group itself, or the group of the selected feature. */
export function selectedGroupOf(quote: Quote, selectedItem: string | null): string | null {
  if (selectedItem === null) return null;
  if (selectedItem.startsWith('group:')) return selectedItem;
  return /^\d+$/.test(selectedItem) ? (quote.groupOfFeature.get(Number(selectedItem)) ?? null) : null;
}

/** The axis shared by every feature of a group (a hole size from one side), for framing. */
function sharedAxis(group: QuoteGroup, result: AnalysisResult): TreeItem['axis'] {
  const axis = group.sample.axis;
  if (!axis) return undefined;
  const same = group.featureIds.every((id) => {
    const a = result.features.find((f) => f.id === id)?.axis;
    return a !== undefined && a[0] === axis[0] && a[1] === axis[1] && a[2] === axis[2];
  });
  return same ? axis : undefined;
}

/**
 * The tree with the quote's groups added as items. Group i gets palette colour i, and each of its
 * features the group's colour, so colour-by-feature paints a group in one colour in either view
 * and the printed picture matches the swatches of the sheet's rows.
 */
export function withQuoteItems(tree: Tree, quote: Quote, result: AnalysisResult): Tree {
  const items = new Map(tree.items);
  quote.groups.forEach((g, color) => {
    const axis = sharedAxis(g, result);
    items.set(g.id, {
      id: g.id,
      type: g.type,
      title: g.title,
      detail: g.detail,
      faces: [...g.faces],
      color,
      ...(axis ? { axis } : {}),
      ...(g.section === 'review' ? { needsReview: true } : {}),
    });
    for (const id of g.featureIds) {
      const item = items.get(String(id));
      if (item) items.set(item.id, { ...item, color });
    }
  });
  const groups = tree.groups.map((group) => ({ ...group, items: group.items.map((i) => items.get(i.id) ?? i) }));
  return { ...tree, items, groups };
}
