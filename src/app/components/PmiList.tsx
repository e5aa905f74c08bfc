/**
 * The file's semantic PMI (AP242 dimensions, tolerances, datums) as a list of rows, for whichever
 * view places it (the quote view, the quote sheet). Each row is [data-testid=pmi-item] with
 * `data-pmi-id`, `data-pmi-kind` and `data-face-ids`; a click selects and frames the faces it
 * names (the tree item `pmi:<id>`, pmi-items.ts). Renders nothing for a file without PMI.
 */
import { pmiItemId } from '../pmi-items.ts';
import { useVectis } from '../store.ts';

export function PmiList({ title = 'PMI' }: { title?: string }) {
  const tree = useVectis((s) => s.tree);
  const selectedItem = useVectis((s) => s.selectedItem);
  const result = useVectis((s) => s.result);
  const { selectItem, setHoverItem } = useVectis.getState();
  const pmi = result?.pmi ?? [];
  if (!tree || pmi.length === 0) return null;
  return (
    <div className="group" data-testid="pmi-list">
      <h3 className="group-title">
        {title} <span className="count">{pmi.length}</span>
      </h3>
      <ul className="items">
        {pmi.map((p) => {
          const id = pmiItemId(p.id);
          const row = tree.items.get(id);
          if (!row) return null;
          return (
            <li className="item" key={id}>
              <div
                className="item-row"
                role="treeitem"
                tabIndex={0}
                aria-selected={selectedItem === id}
                data-testid="pmi-item"
                data-pmi-id={p.id}
                data-pmi-kind={p.kind}
                data-face-ids={p.faces.join(',')}
                onClick={() => selectItem(id)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && selectItem(id)}
                onMouseEnter={() => setHoverItem(id)}
                onMouseLeave={() => setHoverItem(null)}
              >
                <span className="item-text">
                  <span className="item-title" title={row.title}>
                    {row.title}
                  </span>
                  <span className="item-detail">{row.detail}</span>
                </span>
                <span className="item-meta">
                  <span title="faces">{p.faces.length} f</span>
                </span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
