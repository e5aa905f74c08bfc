/**
 * `result.review`: may the part be quoted without a person looking at it? The quote says two
 * things: each feature is what it is said to be, and every other face is plain stock. So yes when
 * - every feature is measured (no `needs_review`) and its calibrated confidence clears the
 *   threshold fitted for a part-level precision of 0.99 on development data
 *   (scripts/fit-calibration.ts);
 * - every face no feature holds (and geometry did not read as the outline) is plain stock with a
 *   calibrated probability that clears the same threshold. Only our machining model can say so:
 *   a face it does not call stock with the majority of its probability (the bar fusion uses to
 *   keep a region, ml/fusion/fuse.ts) is doubtful outright, and without the model a missed
 *   feature cannot be ruled out at all;
 * - no DFM error says the part itself is doubtful (an implausible size is a unit problem, and a
 *   quote of the wrong size is wrong whatever its features).
 */
import { STOCK_CLASS } from '../features/classes.ts';
import { FUSION } from '../ml/fusion/fuse.ts';
import { mfcadppIdOfLabel } from '../ml/fusion/model-classes.ts';
import type { AnalysisResult, Feature } from '../result.ts';
import { calibratedStock, type CalibrationTable } from './calibrate.ts';
import { CALIBRATION } from './fitted.ts';

export interface Review {
  auto_quote: boolean;
  reasons: string[];
}

type Reviewed = Pick<AnalysisResult, 'features' | 'dfm' | 'faces' | 'model'>;

export function reviewOf(result: Reviewed, table: CalibrationTable = CALIBRATION): Review {
  const threshold = table.autoQuoteThreshold;
  const reasons: string[] = [];
  for (const f of result.features) {
    if (f.needs_review) reasons.push(`feature ${f.id} (${describe(f)}) needs review: no size measured`);
    else if (f.confidence < threshold) reasons.push(`feature ${f.id} (${describe(f)}) confidence ${f.confidence.toFixed(3)} below ${threshold}`);
  }
  const faces = leftFaces(result);
  if (!faces) reasons.push('no machining-feature model ran: a feature geometry missed cannot be ruled out');
  else {
    const doubtful = faces.filter((f) => f.stock === undefined).map((f) => f.id);
    if (doubtful.length > 0)
      reasons.push(`${faceList(doubtful)}: in no feature, and the model does not call ${doubtful.length === 1 ? 'it' : 'them'} plain stock`);
    const unsure = faces.filter((f) => f.stock !== undefined && calibratedStock(f.stock, table) < threshold).map((f) => f.id);
    if (unsure.length > 0) reasons.push(`${faceList(unsure)}: in no feature, and not sure enough to be plain stock (below ${threshold})`);
  }
  for (const issue of result.dfm) if (issue.severity === 'error') reasons.push(`${issue.code}: ${issue.message}`);
  return { auto_quote: reasons.length === 0, reasons };
}

/**
 * Faces no feature holds and geometry did not read as the outline, each with the model's stock
 * probability where the model calls it stock with at least FUSION.minConfidence (else undefined:
 * doubtful). Undefined when no machining-feature model labelled the faces.
 */
export function leftFaces(result: Pick<AnalysisResult, 'features' | 'faces' | 'model'>): { id: number; stock?: number }[] | undefined {
  if (result.model?.classKind !== 'machining-features') return undefined;
  const held = new Set(result.features.flatMap((f) => f.faces));
  return result.faces
    .filter((f) => !held.has(f.id) && f.outline !== true)
    .map((f) => {
      const isStock = f.label !== undefined && mfcadppIdOfLabel(f.label) === STOCK_CLASS && (f.confidence ?? 0) >= FUSION.minConfidence;
      return isStock ? { id: f.id, stock: f.confidence! } : { id: f.id };
    });
}

const faceList = (ids: number[]) => `face${ids.length === 1 ? '' : 's'} ${ids.join(', ')}`;

function describe(f: Feature): string {
  const what = f.type === 'unrecognised' && f.hint ? `unrecognised, model: ${f.hint}` : f.type;
  return `${what}, ${f.faces.length} face${f.faces.length === 1 ? '' : 's'}`;
}
