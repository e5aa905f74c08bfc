/** Part summary: size, stock, volume, area, counts, units, file and where the result came from. */
import { Fragment } from 'react';
import { area, bytes, dims, duration, STEP_LABELS, volume } from '../format.ts';
import { useVectis } from '../store.ts';
import type { Step } from '../types.ts';

export function Summary() {
  const result = useVectis((s) => s.result);
  const source = useVectis((s) => s.source);
  const analysedAt = useVectis((s) => s.analysedAt);
  const wallMs = useVectis((s) => s.wallMs);
  if (!result) {
    return (
      <section className="summary" aria-label="Part summary">
        <div className="panel-header">
          <h2>Part</h2>
        </div>
        <p className="empty-note">The part's size, volume and faces appear here.</p>
      </section>
    );
  }
  const { part, file, timings } = result;
  const size = part.bbox.max.map((v, i) => v - part.bbox.min[i]!);
  const stages = Object.entries(timings).filter(([k]) => k !== 'total' && k in STEP_LABELS);
  return (
    <section className="summary" aria-label="Part summary" data-testid="summary">
      <div className="panel-header">
        <h2>Part</h2>
      </div>
      <dl className="facts">
        <dt>Size X × Y × Z</dt>
        <dd>{dims(size)}</dd>
        <dt>Stock</dt>
        <dd>{dims(part.stock)}</dd>
        <dt>Volume</dt>
        <dd>{volume(part.volume)}</dd>
        <dt>Area</dt>
        <dd>{area(part.area)}</dd>
        <dt>Faces</dt>
        <dd data-testid="face-count">{part.faces}</dd>
        <dt>Edges</dt>
        <dd>{part.edges}</dd>
        <dt>Solids</dt>
        <dd>
          {part.solids}
          {part.ignoredShells > 0 && <span className="muted"> ({part.ignoredShells} reference shell(s) ignored)</span>}
        </dd>
      </dl>
      <div className="panel-header sub">
        <h2>File</h2>
      </div>
      <dl className="facts">
        <dt>Name</dt>
        <dd title={file.name}>{file.name}</dd>
        <dt>Size</dt>
        <dd>{bytes(file.bytes)}</dd>
        <dt>Schema</dt>
        <dd>{file.schema}</dd>
        <dt>Units</dt>
        <dd>
          {file.units}
          {file.units !== 'mm' && <span className="muted"> (shown in mm)</span>}
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono" title={file.sha256}>
          {file.sha256.slice(0, 12)}…
        </dd>
      </dl>
      <div className="panel-header sub">
        <h2>Timings</h2>
      </div>
      <dl className="facts" data-testid="timings">
        {source === 'cache' ? (
          <>
            <dt>Source</dt>
            <dd data-testid="cache-note">From cache, no re-analysis{analysedAt ? ` (analysed ${new Date(analysedAt).toLocaleString()})` : ''}</dd>
          </>
        ) : null}
        {stages.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{STEP_LABELS[k as Step]}</dt>
            <dd>{duration(v)}</dd>
          </Fragment>
        ))}
        <dt>Analysis</dt>
        <dd>{duration(timings.total ?? 0)}</dd>
        {wallMs !== null && (
          <>
            <dt>{source === 'cache' ? 'Loaded in' : 'File to result'}</dt>
            <dd>{duration(wallMs)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
