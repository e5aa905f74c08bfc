/**
 * Cards over the viewer: the empty state (drop or choose a file), progress by stage with Cancel,
 * the error in plain words with its code and what to do, and "cancelled".
 */
import { cancelAnalysis } from '../analysis-service.ts';
import { duration, errorAdvice, STEP_LABELS } from '../format.ts';
import { useVectis, type StepState } from '../store.ts';
import type { Step } from '../types.ts';

/**
 * The steps always listed, in the order analyze() runs them (the mesh before the graph, so that
 * the shaded part shows early); recognition and inference appear once the worker reports them.
 */
const BASE_STEPS: Step[] = ['cache', 'engine', 'read', 'mesh', 'brep', 'metrics'];
const LATER_STEPS: Step[] = ['recognize', 'infer'];

function StepRow({ step, state }: { step: Step; state: StepState | undefined }) {
  const status = state?.state ?? 'pending';
  return (
    <li className={`step step-${status}`} data-step={step} data-step-state={status}>
      <span className="step-icon" aria-hidden>
        {status === 'done' ? (
          <svg viewBox="0 0 16 16" width="14" height="14">
            <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        ) : status === 'running' ? (
          <span className="spinner" />
        ) : (
          <span className="dot" />
        )}
      </span>
      <span className="step-label">{STEP_LABELS[step]}</span>
      <span className="step-time">{status === 'done' && state?.ms !== undefined ? duration(state.ms) : ''}</span>
    </li>
  );
}

function ProgressCard() {
  const steps = useVectis((s) => s.steps);
  const fileName = useVectis((s) => s.fileName);
  // The cache check is listed only when it ran (`?cache=off` skips it).
  const shown = [...BASE_STEPS.filter((s) => s !== 'cache' || steps.cache), ...LATER_STEPS.filter((s) => steps[s])];
  // Between reports (the worker still starting, or busy before its next stage) the next step
  // shows as running, so that the card never looks stalled.
  const running = shown.some((s) => steps[s]?.state === 'running');
  const next = running ? undefined : shown.find((s) => !steps[s]);
  return (
    <div className="card card-progress" data-testid="progress" role="status" aria-live="polite">
      <div className="card-title">Analysing {fileName}</div>
      <ol className="steps">
        {shown.map((s) => (
          <StepRow key={s} step={s} state={s === next ? { state: 'running' } : steps[s]} />
        ))}
      </ol>
      <div className="card-actions">
        <button type="button" className="btn" data-testid="cancel" onClick={cancelAnalysis}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function ErrorCard({ onOpen }: { onOpen: () => void }) {
  const error = useVectis((s) => s.error);
  const fileName = useVectis((s) => s.fileName);
  if (!error) return null;
  const { title, advice } = errorAdvice(error.code);
  return (
    <div className="card card-error" data-testid="error" role="alert">
      <div className="card-title">{title}</div>
      <p className="card-text">{advice}</p>
      <p className="card-detail">
        <span className="code" data-testid="error-code">
          {error.code}
        </span>
        {fileName && <span className="muted"> {fileName}: </span>}
        <span className="muted">{error.message}</span>
      </p>
      <div className="card-actions">
        <button type="button" className="btn btn-primary" onClick={onOpen}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

function EmptyCard({ onOpen, cancelled }: { onOpen: () => void; cancelled: boolean }) {
  return (
    <div className="card card-empty">
      <svg className="empty-icon" viewBox="0 0 48 48" width="44" height="44" aria-hidden>
        <path d="M24 5 7 14.5v19L24 43l17-9.5v-19L24 5Z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
        <path d="M7 14.5 24 24l17-9.5M24 24v19" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      <div className="card-title">{cancelled ? 'Analysis cancelled' : 'Drop a STEP file to analyse it'}</div>
      <p className="card-text muted">Anywhere in this window, or</p>
      <div className="card-actions center">
        <button type="button" className="btn btn-primary" onClick={onOpen}>
          Choose a file…
        </button>
      </div>
      <p className="card-note muted">.step or .stp · analysed in your browser; the file is not uploaded</p>
    </div>
  );
}

export function ViewportOverlay({ onOpen }: { onOpen: () => void }) {
  const phase = useVectis((s) => s.phase);
  // With the early mesh on screen the progress moves to a corner, off the part.
  const partShown = useVectis((s) => s.preview !== null);
  return (
    <div className={`viewport-overlay${partShown ? ' overlay-corner' : ''}`}>
      {phase === 'running' && <ProgressCard />}
      {phase === 'error' && <ErrorCard onOpen={onOpen} />}
      {(phase === 'idle' || phase === 'cancelled') && <EmptyCard onOpen={onOpen} cancelled={phase === 'cancelled'} />}
    </div>
  );
}
