/**
 * `feature.confidence` as a probability: the share of development features with the same signals
 * that were right (their type matched the labels of most of their faces; docs/recognition.md).
 *
 * The pipeline's raw scores are not probabilities: geometry says 1 (with the model: 0.5 + 0.5 × the
 * model's support, modelSupportScore), the model says its mean softmax. Each feature keeps its raw
 * score in `score`; `confidence` becomes the fitted curve of its signal group at that score. Groups
 * go from specific (method and type: a hole is measured more reliably than a slanted step) to the
 * method alone, for types too rare in the development data to have a curve of their own.
 *
 * The curves are fitted by scripts/fit-calibration.ts into ./fitted.ts; this module and that
 * table are pure data and arithmetic, so the browser worker, the server and the CLI agree.
 */
import { STOCK_CLASS } from '../features/classes.ts';
import { mfcadppIdOfLabel } from '../ml/fusion/model-classes.ts';
import type { Face, Feature } from '../result.ts';
import { applyCurve, type Curve } from './isotonic.ts';
import { CALIBRATION } from './fitted.ts';

export interface CalibrationTable {
  /** How and on what the table was fitted (the script's command line, data, date, commit). */
  fitted: Record<string, string | number>;
  /** Curves by signal group (see `signalGroups`). */
  groups: Record<string, Curve>;
  /** Calibrated confidence every feature must reach for a part to be quoted without review. */
  autoQuoteThreshold: number;
}

/** Signal groups of a feature, most specific first, and the raw score its curve reads. */
export function signalsOf(feature: Pick<Feature, 'method' | 'type' | 'params' | 'confidence' | 'score'>): { groups: string[]; score: number } {
  const score = feature.score ?? feature.confidence;
  if (feature.method === 'geometric') {
    // With our model, geometry's score carries the model's agreement; without, it is always 1
    // and the curve is the type's plain rate of being right.
    const base = feature.params.ml_agreement === undefined ? 'geometric' : 'geometric+model';
    return { groups: [`${base}/${feature.type}`, base], score };
  }
  if (feature.method === 'ml') return { groups: [`ml/${feature.type}`, 'ml'], score };
  return { groups: ['review'], score };
}

/** The calibrated confidence of one feature (its raw score when no group has a curve). */
export function calibratedConfidence(
  feature: Pick<Feature, 'method' | 'type' | 'params' | 'confidence' | 'score'>,
  table: CalibrationTable = CALIBRATION,
): number {
  const { groups, score } = signalsOf(feature);
  const curve = groups.map((g) => table.groups[g]).find((c) => c !== undefined);
  return curve ? round3(applyCurve(curve, score)) : score;
}

/**
 * The probability that a face no feature holds is really plain stock, from the model's stock
 * probability (`stock-face` curve): a quote prices such a face as nothing, so a missed feature
 * there makes the quote wrong. The raw probability where no curve was fitted.
 */
export function calibratedStock(modelStockProbability: number, table: CalibrationTable = CALIBRATION): number {
  const curve = table.groups[STOCK_FACE_GROUP];
  return curve ? round3(applyCurve(curve, modelStockProbability)) : modelStockProbability;
}

export const STOCK_FACE_GROUP = 'stock-face';

/**
 * The raw score of a geometric feature the model labelled: 0.5 + 0.5 × the model's support, the
 * mean over its faces of the model's probability where it names the feature's class (0 where it
 * names another). Plain agreement (merge.ts's `ml_agreement`) counts a 0.51 vote like a 0.999
 * one; weighting by the probability separates the sure agreements, which are the ones a quote can
 * rest on. Undefined where the model did not label the faces.
 */
export function modelSupportScore(
  feature: Pick<Feature, 'faces'>,
  faces: readonly Pick<Face, 'label' | 'confidence' | 'mfcadClass'>[],
): number | undefined {
  let sum = 0;
  for (const id of feature.faces) {
    const face = faces[id];
    if (face?.label === undefined || face.confidence === undefined) return undefined;
    if (mfcadppIdOfLabel(face.label) === (face.mfcadClass ?? STOCK_CLASS)) sum += face.confidence;
  }
  return feature.faces.length ? Math.round((0.5 + (0.5 * sum) / feature.faces.length) * 1e4) / 1e4 : undefined;
}

/**
 * Sets every feature's `score` (the raw score, once: geometric features the model labelled get
 * modelSupportScore) and `confidence` (calibrated). Running it twice changes nothing: the raw
 * score is read back from `score`.
 */
export function calibrateFeatures(
  features: Feature[],
  faces: readonly Pick<Face, 'label' | 'confidence' | 'mfcadClass'>[] = [],
  table: CalibrationTable = CALIBRATION,
): void {
  for (const feature of features) {
    const support = feature.method === 'geometric' && feature.params.ml_agreement !== undefined ? modelSupportScore(feature, faces) : undefined;
    feature.score = feature.score ?? support ?? feature.confidence;
    feature.confidence = calibratedConfidence(feature, table);
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
