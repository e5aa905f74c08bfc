/**
 * The hole table ([data-testid=hole-table]): one [data-testid=hole-row] per hole group with
 * `data-count`, `data-diameter` (mm) and `data-feature-ids`. A row selects all its holes' faces,
 * and a face picked in the view marks the row of its hole; a row holding a corrected hole has
 * `data-corrected=true` and the corrected mark, as the quote view's group rows. The panel is
 * narrow: counterbore, countersink and thread go on a second line under the type (the printed
 * sheet and the CSV give each its own column).
 */
import { num } from '../format.ts';
import type { HoleRow } from '../quote/hole-table.ts';
import { useVectis } from '../store.ts';
import { PALETTE_HEX } from '../viewer/palette.ts';
import { useCorrections } from '../corrections/store.ts';
import { CorrectedMark, isCorrected } from './CorrectedMark.tsx';

export function HoleTable({ rows, selectedGroup }: { rows: readonly HoleRow[]; selectedGroup: string | null }) {
  const tree = useVectis((s) => s.tree);
  const colorByFeature = useVectis((s) => s.colorByFeature);
  const corrected = useCorrections((s) => s.corrected);
  const colorOf = (id: string) => tree?.items.get(id)?.color ?? 0;
  const { selectItem, setHoverItem } = useVectis.getState();
  if (rows.length === 0) return <p className="empty-note">No holes.</p>;
  return (
    <table className="hole-table" data-testid="hole-table">
      <thead>
        <tr>
          <th>Qty</th>
          <th>Hole</th>
          <th>Ø mm</th>
          <th>Depth</th>
          <th>From</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-testid="hole-row"
            data-feature-id={row.id}
            data-count={row.count}
            data-diameter={row.diameter}
            data-feature-ids={row.featureIds.join(',')}
            data-corrected={isCorrected(corrected, row.featureIds) ? 'true' : undefined}
            aria-selected={selectedGroup === row.id}
            tabIndex={0}
            onClick={() => selectItem(row.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && selectItem(row.id)}
            onMouseEnter={() => setHoverItem(row.id)}
            onMouseLeave={() => setHoverItem(null)}
          >
            <td className="num">{row.count}</td>
            <td>
              {colorByFeature && <span className="swatch" style={{ background: PALETTE_HEX[colorOf(row.id) % PALETTE_HEX.length] }} />} {row.type}{' '}
              <CorrectedMark featureIds={row.featureIds} />
              {(row.head || row.thread) && <div className="item-detail">{[row.head, row.thread].filter(Boolean).join(' · ')}</div>}
            </td>
            <td className="num">{num(row.diameter)}</td>
            <td>{row.depth}</td>
            <td>{row.side}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
