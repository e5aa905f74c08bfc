/**
 * The feature tree: features grouped by type (or, until the recogniser lands, faces grouped by
 * surface type). A row selects and frames its faces; a face picked in the viewer selects its row,
 * opens it and scrolls its face into view. It sits in the list panel (ListPanel.tsx), which holds
 * the colour-by-feature toggle and the switch to the quote view.
 */
import { useEffect, useRef, useState } from 'react';
import { num } from '../format.ts';
import { useVectis } from '../store.ts';
import { CorrectedMark, useCorrected } from './CorrectedMark.tsx';
import { ItemText } from './ItemText.tsx';
import type { TreeItem } from '../tree.ts';
import { PALETTE_HEX } from '../viewer/palette.ts';

function FaceRows({ item }: { item: TreeItem }) {
  const faceText = useVectis((s) => s.tree?.faceText);
  const selectedFace = useVectis((s) => s.selectedFace);
  const { selectFace, requestView, setHoverFace } = useVectis.getState();
  return (
    <ul className="face-rows">
      {item.faces.map((f) => (
        <li
          key={f}
          className="face-row"
          data-testid="face-row"
          data-face-id={f}
          aria-selected={selectedFace === f}
          onClick={() => {
            selectFace(f);
            requestView('faces', [f]);
          }}
          onMouseEnter={() => setHoverFace(f)}
          onMouseLeave={() => setHoverFace(null)}
        >
          <span className="face-id">{f}</span>
          <span className="face-text">{faceText?.[f]}</span>
        </li>
      ))}
    </ul>
  );
}

function ItemRow({ item, open, onToggle }: { item: TreeItem; open: boolean; onToggle: () => void }) {
  const selected = useVectis((s) => s.selectedItem === item.id);
  const colorByFeature = useVectis((s) => s.colorByFeature);
  const isFeature = useVectis((s) => s.tree?.mode === 'features');
  const corrected = useCorrected([item.id]);
  const { selectItem, setHoverItem } = useVectis.getState();
  const swatch = PALETTE_HEX[item.color % PALETTE_HEX.length]!;
  return (
    <li className="item">
      <div
        className="item-row"
        data-severity={item.severity}
        role="treeitem"
        tabIndex={0}
        aria-selected={selected}
        aria-expanded={open}
        data-testid="feature-item"
        data-feature-id={item.id}
        data-feature-type={item.type}
        data-needs-review={item.needsReview ? 'true' : undefined}
        data-corrected={corrected ? 'true' : undefined}
        onClick={() => selectItem(item.id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') selectItem(item.id);
          if (e.key === 'ArrowRight' && !open) onToggle();
          if (e.key === 'ArrowLeft' && open) onToggle();
        }}
        onMouseEnter={() => setHoverItem(item.id)}
        onMouseLeave={() => setHoverItem(null)}
      >
        <button
          type="button"
          className={`twisty${open ? ' open' : ''}`}
          aria-label={open ? 'Hide faces' : 'Show faces'}
          onClick={(e) => {
            e.stopPropagation();
            onToggle();
          }}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden>
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        {colorByFeature && <span className="swatch" style={{ background: swatch }} />}
        <ItemText title={item.title} detail={item.detail} />
        <span className="item-meta">
          <CorrectedMark featureIds={[item.id]} />
          {isFeature && item.confidence !== undefined ? (
            <>
              <span title="Confidence">{num(item.confidence * 100, 0)}%</span>
              <span className={`method method-${item.method}`} title={item.method === 'review' ? 'Needs review: no size measured' : 'Recognised by'}>
                {item.method}
              </span>
            </>
          ) : (
            <span title="faces">{item.faces.length}</span>
          )}
        </span>
      </div>
      {open && <FaceRows item={item} />}
    </li>
  );
}

export function FeatureTree() {
  const tree = useVectis((s) => s.tree);
  const selectedFace = useVectis((s) => s.selectedFace);
  const selectedItem = useVectis((s) => s.selectedItem);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => setOpen(new Set()), [tree]);
  // A face picked in the viewer: open its row and bring the face (or the row) into view.
  useEffect(() => {
    if (selectedItem === null) return;
    if (selectedFace !== null) setOpen((o) => (o.has(selectedItem) ? o : new Set(o).add(selectedItem)));
  }, [selectedFace, selectedItem]);
  useEffect(() => {
    const target =
      selectedFace !== null
        ? body.current?.querySelector(`[data-testid=face-row][data-face-id="${selectedFace}"]`)
        : selectedItem !== null
          ? body.current?.querySelector(`[data-testid=feature-item][data-feature-id="${CSS.escape(selectedItem)}"]`)
          : null;
    target?.scrollIntoView({ block: 'nearest' });
  }, [selectedFace, selectedItem, open]);

  const toggle = (id: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="tree-body" ref={body} role="tree">
      {!tree && <p className="empty-note">Features appear here once a part is analysed.</p>}
      {tree?.mode === 'surfaces' && <p className="tree-note">Feature recognition is not available yet. Faces are grouped by surface type.</p>}
      {tree?.groups.map((g) => (
        <div className="group" key={g.key}>
          {tree.mode === 'features' && (
            <h3 className="group-title">
              {g.title} <span className="count">{g.items.length}</span>
            </h3>
          )}
          <ul className="items">
            {g.items.map((item) => (
              <ItemRow key={item.id} item={item} open={open.has(item.id)} onToggle={() => toggle(item.id)} />
            ))}
          </ul>
        </div>
      ))}
      {tree && tree.unassigned.length > 0 && (
        <p className="tree-note subtle">
          {tree.unassigned.length} of {tree.faceText.length} faces belong to no feature (stock and unrecognised faces).
        </p>
      )}
    </div>
  );
}
