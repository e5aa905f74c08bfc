/**
 * Whether the part may be quoted without a person looking ([data-testid=review], data-auto-quote
 * "true"/"false"): result.review, decided by the pipeline (src/analysis/confidence/review.ts).
 * The reasons are the tooltip, so the status bar stays one line. Absent for results without a
 * review (older cached results).
 */
import { useVectis } from '../store.ts';

// Inline colours: the badge is the only user, and the shared stylesheet is being rebuilt.
const AUTO = { background: '#ecfdf3', color: '#2e7d4f', border: '1px solid #c6ecd5' };
const REVIEW = { background: '#fff7e6', color: '#8a5a00', border: '1px solid #f3d9a4' };

export function ReviewBadge() {
  const review = useVectis((s) => s.result?.review);
  if (!review) return null;
  const count = review.reasons.length;
  return (
    <span
      className="badge"
      data-testid="review"
      data-auto-quote={String(review.auto_quote)}
      style={review.auto_quote ? AUTO : REVIEW}
      title={review.auto_quote ? 'Every feature is measured and confident enough to quote without review.' : review.reasons.join('\n')}
    >
      {review.auto_quote ? 'Auto-quote' : `Review before quoting (${count} reason${count === 1 ? '' : 's'})`}
    </span>
  );
}
