/**
 * The status line: phase, file, where the result came from, and the face under the pointer.
 * [data-testid=status] carries data-state (idle/running/done/error/cancelled), data-code on errors
 * and data-source (analysis/cache) when done; then also the review badge (ReviewBadge.tsx).
 */
import { duration, errorAdvice, STEP_LABELS } from '../format.ts';
import { useVectis } from '../store.ts';
import type { Step } from '../types.ts';
import { ReviewBadge } from './ReviewBadge.tsx';

function currentStep(steps: Partial<Record<Step, { state: string }>>): Step | undefined {
  const running = (Object.keys(steps) as Step[]).filter((s) => steps[s]?.state === 'running');
  return running[running.length - 1];
}

export function StatusBar() {
  const phase = useVectis((s) => s.phase);
  const fileName = useVectis((s) => s.fileName);
  const steps = useVectis((s) => s.steps);
  const error = useVectis((s) => s.error);
  const source = useVectis((s) => s.source);
  const wallMs = useVectis((s) => s.wallMs);
  const total = useVectis((s) => s.result?.timings.total);
  const hoverFace = useVectis((s) => s.hoverFace);
  const hoverText = useVectis((s) => (s.hoverFace !== null ? s.tree?.faceText[s.hoverFace] : undefined));

  let text: string;
  if (phase === 'running') {
    const step = currentStep(steps);
    text = `Analysing ${fileName}${step ? `: ${STEP_LABELS[step]}…` : '…'}`;
  } else if (phase === 'done') {
    text =
      source === 'cache'
        ? `${fileName}: loaded from cache in ${duration(wallMs ?? 0)}, not re-analysed`
        : `${fileName}: analysed in ${duration(total ?? 0)} in this browser`;
  } else if (phase === 'error' && error) {
    text = `${error.code}: ${errorAdvice(error.code).title}`;
  } else if (phase === 'cancelled') {
    text = 'Analysis cancelled.';
  } else {
    text = 'Ready. Drop a STEP file anywhere in the window, or choose one.';
  }

  return (
    <footer className="statusbar">
      <div
        className={`status status-${phase}`}
        data-testid="status"
        data-state={phase}
        data-code={phase === 'error' ? error?.code : undefined}
        data-source={phase === 'done' ? (source ?? undefined) : undefined}
        role="status"
      >
        <span className="status-dot" aria-hidden />
        {text} {phase === 'done' && <ReviewBadge />}
      </div>
      <div className="status-hover">{hoverFace !== null ? `Face ${hoverFace} · ${hoverText ?? ''}` : ''}</div>
    </footer>
  );
}
