/**
 * The machining summary at the top of the quote view ([data-testid=machining-summary]): what an
 * estimator reads before any row. Figures that name a group (smallest inside radius, deepest cut)
 * and each manufacturability finding select their faces when clicked.
 */
import { Fragment, type ReactNode } from 'react';
import { dfmTitle } from '../format.ts';
import type { MachiningSummary as Figures } from '../quote/machining.ts';
import { summaryLines } from '../quote/summary-lines.ts';
import { useVectis } from '../store.ts';
import type { AnalysisResult } from '../types.ts';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function Pick({ id, children }: { id: string; children: ReactNode }) {
  return (
    <button type="button" className="link" onClick={() => useVectis.getState().selectItem(id)}>
      {children}
    </button>
  );
}

export function MachiningSummary({ figures, result }: { figures: Figures; result: AnalysisResult }) {
  const findings = result.dfm.map((d, i) => ({ d, i })).sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity]);
  return (
    <section className="machining" data-testid="machining-summary" aria-label="Machining summary">
      <dl className="facts">
        {summaryLines(figures, result).map((line) => (
          <Fragment key={line.label}>
            <dt>{line.label}</dt>
            <dd className="wrap" data-testid={line.testId}>
              {line.select ? <Pick id={line.select}>{line.value}</Pick> : line.value}
            </dd>
          </Fragment>
        ))}
      </dl>
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map(({ d, i }) => (
            <li key={i} data-severity={d.severity}>
              <Pick id={`dfm:${i}`}>
                <span className={`sev sev-${d.severity}`}>{d.severity}</span> {dfmTitle(d)}
              </Pick>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
