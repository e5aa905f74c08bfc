/** Header: product name, the file shown, open, export (JSON, hole table CSV) and print actions. */
import { downloadHoleTable, downloadResult } from '../export.ts';
import { bytes } from '../format.ts';
import { printQuoteSheet } from '../print-sheet.ts';
import { useVectis } from '../store.ts';

export function TopBar({ onOpen }: { onOpen: () => void }) {
  const fileName = useVectis((s) => s.fileName);
  const fileBytes = useVectis((s) => s.fileBytes);
  const result = useVectis((s) => s.result);
  const source = useVectis((s) => s.source);
  const quote = useVectis((s) => s.quote);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          <svg viewBox="0 0 24 24" width="20" height="20">
            <path
              d="M12 2 3 7v10l9 5 9-5V7l-9-5Zm0 2.3 6.8 3.8L12 11.9 5.2 8.1 12 4.3ZM5 9.8l6 3.4v6.6l-6-3.4V9.8Zm8 10v-6.6l6-3.4v6.6l-6 3.4Z"
              fill="currentColor"
            />
          </svg>
        </span>
        <span className="brand-name">Vectis</span>
        <span className="brand-sub">Part analyzer</span>
      </div>
      <div className="topbar-file" title={fileName ?? undefined}>
        {fileName && (
          <>
            <span className="file-name">{fileName}</span>
            <span className="file-meta">{bytes(result?.file.bytes ?? fileBytes)}</span>
            {source === 'cache' && <span className="badge badge-cache">from cache</span>}
          </>
        )}
      </div>
      <div className="topbar-actions">
        <button
          type="button"
          className="btn"
          data-testid="print-sheet"
          disabled={!result}
          onClick={() => void printQuoteSheet()}
          title="A one-page quote sheet: picture, summary, hole table, PMI"
        >
          Print sheet
        </button>
        <button
          type="button"
          className="btn"
          data-testid="export-csv"
          disabled={!result || !quote}
          onClick={() => result && quote && downloadHoleTable(result, quote.holes)}
        >
          Holes CSV
        </button>
        <button type="button" className="btn" data-testid="export" disabled={!result} onClick={() => result && downloadResult(result)}>
          Export JSON
        </button>
        <button type="button" className="btn btn-primary" data-testid="open" onClick={onOpen}>
          Open STEP…
        </button>
      </div>
    </header>
  );
}
