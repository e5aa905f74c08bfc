/**
 * A section with many sizes (a casting's 36 fillet radii) shows its most frequent ones and folds
 * the rest behind "Show N more sizes", on screen and on the printed sheet alike, so a whole part
 * stays about one screen (one page). The shown rows keep their size order.
 */
import type { QuoteGroup } from './group.ts';

/** Sections with more groups than this fold. */
export const FOLD_ABOVE = 8;
/** How many of a folded section's groups stay shown: those with the highest counts. */
export const FOLDED_SHOWN = 5;

export function foldGroups<T extends Pick<QuoteGroup, 'id' | 'count'>>(groups: readonly T[]): { shown: T[]; folded: T[] } {
  if (groups.length <= FOLD_ABOVE) return { shown: [...groups], folded: [] };
  const frequent = new Set(
    [...groups]
      .sort((a, b) => b.count - a.count)
      .slice(0, FOLDED_SHOWN)
      .map((g) => g.id),
  );
  return { shown: groups.filter((g) => frequent.has(g.id)), folded: groups.filter((g) => !frequent.has(g.id)) };
}
