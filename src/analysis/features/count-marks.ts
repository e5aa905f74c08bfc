/**
 * Finishes an estimator does not count as features: the recogniser reports them (a quote may
 * still price a deburr or a marking), but a person counting the part's machining features sees
 * no fillet in a broken edge and no pocket in engraved lettering.
 *
 * - An edge round: a fillet of at most EDGE_ROUND_RADIUS (the "break sharp edges R0.5" a drawing
 *   puts in its general notes, done by the contour pass or by hand) that is also a small share of
 *   the part (at most EDGE_ROUND_SHARE of its diagonal), so that a watch part's R0.25 shoulder,
 *   a real shape on a part 6 mm across, still counts. The chamfer's edge break (count-units.ts)
 *   is the same idea for bevels.
 * - An engraving: a pocket or slot at most ENGRAVING_DEPTH deep (and at most ENGRAVING_SHARE of
 *   the part's diagonal): lettering or a line marked by an engraving tool (a letter's closed
 *   outline reads as a pocket, a stroke as a slot), which removes no stock a pocketing or slotting
 *   operation would.
 *
 * Pure: reads the result, changes nothing.
 */
import type { Vec3 } from '../result.ts';
import { norm, sub } from '../brep/vec.ts';
import type { CountedResult } from './count-units.ts';

/** The largest round a general "break sharp edges" note asks for. */
export const EDGE_ROUND_RADIUS = 0.5;
/** ... and only where it is this small a share of the part's diagonal. */
export const EDGE_ROUND_SHARE = 0.01;
/** Engraving tools cut lettering and marks a few tenths deep; a pocket is deeper. */
export const ENGRAVING_DEPTH = 0.5;
export const ENGRAVING_SHARE = 0.01;

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : NaN);

function diagonal(part: { bbox: { min: Vec3; max: Vec3 } }): number {
  return norm(sub(part.bbox.max, part.bbox.min));
}

/** Indices of fillets that break an edge and of pockets and slots that are engraved marks. */
export function finishMarks(result: CountedResult): Set<number> {
  const out = new Set<number>();
  if (!result.part) return out;
  const diag = diagonal(result.part);
  result.features.forEach((f, i) => {
    if (f.type === 'fillet') {
      const r = num(f.params.radius);
      if (r <= EDGE_ROUND_RADIUS && r <= EDGE_ROUND_SHARE * diag) out.add(i);
    } else if (f.type === 'pocket' || f.type === 'slot') {
      const d = num(f.params.depth);
      if (d <= ENGRAVING_DEPTH && d <= ENGRAVING_SHARE * diag) out.add(i);
    }
  });
  return out;
}
