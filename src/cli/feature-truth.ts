/**
 * Which features of an analysed labelled part are right, for calibrating and scoring
 * `confidence` (src/analysis/confidence/). The labels we have (MFCAD, MFCAD++, our generator's)
 * give a class per face and no sizes, so "right" is the type:
 * - a feature is right when most of its faces (more than half) carry the class the pipeline gave
 *   them (`mfcadClass`); a feature whose faces are truly stock (a turned diameter, a boss) is
 *   right when they are labelled stock. A review feature is right when the model's hint is.
 * - a part's quote is right when every feature is right and no labelled feature face is left
 *   outside every feature (a missed feature is as wrong a quote as a wrong one).
 */
import { STOCK_CLASS, type AnalysisResult, type Feature } from '../analysis/index.ts';
import { leftFaces } from '../analysis/confidence/review.ts';
import { resolveTruth } from './eval-classes.ts';

export interface FeatureOutcome {
  id: number;
  type: string;
  method: Feature['method'];
  faces: number;
  /** Raw score and calibrated confidence. */
  score: number;
  confidence: number;
  needsReview: boolean;
  /** Raw model agreement of a geometric feature (params.ml_agreement), when the model ran. */
  agreement?: number;
  right: boolean;
}

export interface PartOutcome {
  features: FeatureOutcome[];
  /** Labelled feature faces no feature holds. */
  missedFaces: number;
  right: boolean;
  autoQuote: boolean;
  /** DFM errors (they hold a part back from auto-quoting whatever its features). */
  dfmErrors: number;
  /** Faces in no feature that the model does not call stock (confidence/review.ts). */
  doubtfulFaces: number;
  /** Faces in no feature the model calls stock: its stock probability, and whether they are. */
  stockFaces: { score: number; right: boolean }[];
  /** Whether a machining-feature model labelled the faces (else nothing rules out a miss). */
  modelRan: boolean;
}

/** `labels`: MFCAD++ ids per face (ANY_HOLE allowed), as toMfcadpp gives them. */
export function partOutcome(result: AnalysisResult, labels: readonly number[]): PartOutcome {
  const final = result.faces.map((f) => f.mfcadClass ?? STOCK_CLASS);
  const truth = resolveTruth(labels, final);
  const held = new Set(result.features.flatMap((f) => f.faces));
  const features = result.features.map((f): FeatureOutcome => {
    const rightFaces = f.faces.filter((face) => final[face] === truth[face]).length;
    const agreement = f.params.ml_agreement;
    return {
      id: f.id,
      type: f.type,
      method: f.method,
      faces: f.faces.length,
      score: f.score ?? f.confidence,
      confidence: f.confidence,
      needsReview: f.needs_review === true,
      ...(typeof agreement === 'number' ? { agreement } : {}),
      right: rightFaces * 2 > f.faces.length,
    };
  });
  const left = leftFaces(result);
  const missedFaces = truth.filter((t, face) => t !== STOCK_CLASS && !held.has(face)).length;
  return {
    features,
    missedFaces,
    right: missedFaces === 0 && features.every((f) => f.right),
    autoQuote: result.review?.auto_quote ?? false,
    dfmErrors: result.dfm.filter((d) => d.severity === 'error').length,
    doubtfulFaces: left?.filter((f) => f.stock === undefined).length ?? 0,
    stockFaces: left?.flatMap((f) => (f.stock === undefined ? [] : [{ score: f.stock, right: truth[f.id] === STOCK_CLASS }])) ?? [],
    modelRan: left !== undefined,
  };
}
