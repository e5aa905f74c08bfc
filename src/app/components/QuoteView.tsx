/**
 * The quote view, the app's default list: machining summary, hole table, then the other features
 * grouped as they are priced ("12 × R10 fillet"), regions to review last. Group rows are
 * [data-testid=feature-item] with `data-count` and `data-feature-ids`; review rows carry
 * `data-review=true`. A row selects all faces of its group; a face picked in the view marks the
 * row of its feature. A section with many sizes folds the rarest (quote/fold.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { foldGroups } from '../quote/fold.ts';
import type { QuoteGroup } from '../quote/group.ts';
import { selectedGroupOf } from '../quote/quote.ts';
import { useVectis } from '../store.ts';
import { PALETTE_HEX } from '../viewer/palette.ts';
import { HoleTable } from './HoleTable.tsx';
import { MachiningSummary } from './MachiningSummary.tsx';
import { PmiList } from './PmiList.tsx';
import { CorrectedMark, useCorrected } from './CorrectedMark.tsx';
import { ItemText } from './ItemText.tsx';

function GroupRow({ group, selected }: { group: QuoteGroup; selected: boolean }) {
  const color = useVectis((s) => s.tree?.items.get(group.id)?.color ?? 0);
  const colorByFeature = useVectis((s) => s.colorByFeature);
  const { selectItem, setHoverItem } = useVectis.getState();
  const review = group.section === 'review';
  // C1 (issue 14): a group holding a feature an estimator corrected is marked.
  const corrected = useCorrected(group.featureIds);
  return (
    <li className="item">
      <div
        className="item-row"
        role="treeitem"
        tabIndex={0}
        aria-selected={selected}
        data-testid="feature-item"
        data-feature-id={group.id}
        data-feature-type={group.type}
        data-count={group.count}
        data-feature-ids={group.featureIds.join(',')}
        data-review={review ? 'true' : undefined}
        data-corrected={corrected ? 'true' : undefined}
        onClick={() => selectItem(group.id)}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && selectItem(group.id)}
        onMouseEnter={() => setHoverItem(group.id)}
        onMouseLeave={() => setHoverItem(null)}
      >
        {colorByFeature && <span className="swatch" style={{ background: PALETTE_HEX[color % PALETTE_HEX.length] }} />}
        <ItemText title={group.title} detail={group.detail} />
        <span className="item-meta">
          <CorrectedMark featureIds={group.featureIds} />
          <span title="faces">{group.faces.length} f</span>
        </span>
      </div>
    </li>
  );
}

function Section({ title, groups, selectedGroup }: { title: string; groups: QuoteGroup[]; selectedGroup: string | null }) {
  const [open, setOpen] = useState(false);
  const { folded } = foldGroups(groups);
  const holdsSelection = selectedGroup !== null && folded.some((g) => g.id === selectedGroup);
  // A folded section opens by itself when a face picked in the view belongs to a folded size.
  const shown = open || holdsSelection ? groups : groups.filter((g) => !folded.includes(g));
  const pieces = groups.reduce((n, g) => n + g.count, 0);
  return (
    <div className="group">
      <h3 className="group-title">
        {title} <span className="count">{pieces}</span>
      </h3>
      <ul className="items">
        {shown.map((g) => (
          <GroupRow key={g.id} group={g} selected={g.id === selectedGroup} />
        ))}
      </ul>
      {folded.length > 0 && !holdsSelection && (
        <button type="button" className="btn btn-small btn-ghost fold" data-testid="section-fold" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show ${folded.length} more sizes`}
        </button>
      )}
    </div>
  );
}

export function QuoteView() {
  const quote = useVectis((s) => s.quote);
  const result = useVectis((s) => s.result);
  const selectedItem = useVectis((s) => s.selectedItem);
  const body = useRef<HTMLDivElement>(null);
  const selectedGroup = quote ? selectedGroupOf(quote, selectedItem) : null;

  // A face picked in the viewer: bring its group's row into view.
  useEffect(() => {
    if (selectedGroup === null) return;
    body.current?.querySelector(`[data-feature-id="${CSS.escape(selectedGroup)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedGroup]);

  if (!quote || !result) return <p className="empty-note">The quote view appears here once a part is analysed.</p>;
  const rest = quote.sections.filter((s) => s.section !== 'holes');
  return (
    <div className="tree-body quote" ref={body} role="tree">
      <MachiningSummary figures={quote.summary} result={result} />
      {/* The file's tolerances price a part more than any hole: right under the summary. */}
      <PmiList title="PMI: tolerances and datums" />
      <div className="group">
        <h3 className="group-title">
          Holes <span className="count">{quote.holes.reduce((n, h) => n + h.count, 0)}</span>
        </h3>
        <HoleTable rows={quote.holes} selectedGroup={selectedGroup} />
      </div>
      {rest.map((s) => (
        <Section key={s.section} title={s.title} groups={s.groups} selectedGroup={selectedGroup} />
      ))}
      {result.features.length === 0 && <p className="tree-note">No features recognised: the Features view lists the faces by surface type.</p>}
    </div>
  );
}
