/**
 * The printable quote sheet ([data-testid=quote-sheet]): hidden on screen, the only thing printed
 * (print CSS in styles.css). One page: the part coloured by feature group, the machining
 * summary, the hole table, the other groups (folded like the quote view), the file's PMI.
 */
import { Fragment } from 'react';
import { num } from '../format.ts';
import { pmiTitle } from '../pmi-format.ts';
import { foldGroups } from '../quote/fold.ts';
import { HOLE_COLUMNS, holeCells } from '../quote/hole-table.ts';
import { summaryLines } from '../quote/summary-lines.ts';
import { useSheet } from '../print-sheet.ts';
import { useVectis } from '../store.ts';
import { PALETTE_HEX } from '../viewer/palette.ts';

const swatch = (color: number) => <span className="swatch" style={{ background: PALETTE_HEX[color % PALETTE_HEX.length] }} />;

export function QuoteSheet() {
  const result = useVectis((s) => s.result);
  const quote = useVectis((s) => s.quote);
  const tree = useVectis((s) => s.tree);
  const image = useSheet((s) => s.image);
  if (!result || !quote) return null;
  const color = (id: string) => tree?.items.get(id)?.color ?? 0;
  const datums = result.pmi.filter((p) => p.kind === 'datum');
  const size = result.part.bbox.max.map((v, i) => v - result.part.bbox.min[i]!);
  return (
    <section className="quote-sheet" data-testid="quote-sheet" aria-hidden>
      <header className="sheet-header">
        <h1>Quote sheet: {result.file.name}</h1>
        <p>
          {new Date().toISOString().slice(0, 10)} · {size.map((v) => num(v, 1)).join(' × ')} mm · {result.part.faces} faces · {result.file.schema} ·
          sha256 {result.file.sha256.slice(0, 12)}
        </p>
      </header>
      <div className="sheet-top">
        <figure className="sheet-picture">
          {image ? <img src={image} alt="The part, coloured by feature group" data-testid="sheet-picture" /> : <p className="muted">No picture</p>}
        </figure>
        <dl className="sheet-facts">
          {summaryLines(quote.summary, result).map((l) => (
            <Fragment key={l.label}>
              <dt>{l.label}</dt>
              <dd>{l.value}</dd>
            </Fragment>
          ))}
        </dl>
      </div>
      <h2>Holes ({quote.holes.reduce((n, h) => n + h.count, 0)})</h2>
      {quote.holes.length === 0 ? (
        <p>No holes.</p>
      ) : (
        <table className="sheet-table">
          <thead>
            <tr>
              <th />
              {HOLE_COLUMNS.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {quote.holes.map((row) => (
              <tr key={row.id} data-testid="sheet-hole-row" data-count={row.count} data-diameter={row.diameter}>
                <td>{swatch(color(row.id))}</td>
                {holeCells(row).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sheet-sections">
        {quote.sections
          .filter((s) => s.section !== 'holes')
          .map((s) => {
            const { shown, folded } = foldGroups(s.groups);
            return (
              <div key={s.section} className="sheet-section">
                <h2>
                  {s.title} ({s.groups.reduce((n, g) => n + g.count, 0)})
                </h2>
                <ul>
                  {shown.map((g) => (
                    <li key={g.id} data-testid="sheet-group-row" data-count={g.count}>
                      {swatch(color(g.id))} {g.title}
                    </li>
                  ))}
                  {folded.length > 0 && (
                    <li className="muted">
                      and {folded.length} more sizes ({folded.reduce((n, g) => n + g.count, 0)} pieces): {folded.map((g) => g.title).join('; ')}
                    </li>
                  )}
                </ul>
              </div>
            );
          })}
      </div>
      {result.pmi.length > 0 && (
        <>
          <h2>PMI ({result.pmi.length})</h2>
          <ul className="sheet-pmi">
            {/* Datums are letters the frames refer to: one line for all of them keeps the page. */}
            {datums.length > 0 && <li>Datums {datums.map((p) => p.name).join(', ')}</li>}
            {result.pmi
              .filter((p) => p.kind !== 'datum')
              .map((p) => (
                <li key={p.id} data-testid="sheet-pmi-row">
                  {pmiTitle(p, result.faces)}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
