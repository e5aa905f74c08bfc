/**
 * The estimator's view of a part: the pipeline's features with corrections applied in the order
 * they were made. Used to check a new correction (it must refer to a feature that still exists in
 * the estimator's view), to record before/after, to score the pipeline (score.ts) and to export
 * corrected parts as training labels. It never changes the pipeline's own result.
 */
import type { CorrectedFeature, CorrectionInput } from './schema.ts';

/** A correction that does not fit the analysis it is made on (unknown feature, faces out of range). */
export class CorrectionError extends Error {
  override readonly name = 'CorrectionError';
  readonly code = 'INVALID_CORRECTION';
}

export interface PipelineFeature {
  id: number;
  type: string;
  faces: number[];
  params: Record<string, unknown>;
}

export interface Applied {
  features: CorrectedFeature[];
  /** What the correction replaced, and what replaced it (empty for a name_region's before). */
  before: CorrectedFeature[];
  after: CorrectedFeature[];
}

export function startingView(features: readonly PipelineFeature[]): CorrectedFeature[] {
  return features.map((f) => ({ type: f.type, faces: [...f.faces], params: { ...f.params }, origins: [f.id] }));
}

/** Applies one correction to a view; throws CorrectionError when it does not fit. */
export function applyCorrection(view: readonly CorrectedFeature[], c: CorrectionInput, faceCount: number): Applied {
  const bad = c.faces.find((f) => f >= faceCount);
  if (bad !== undefined) throw new CorrectionError(`Face ${bad} is not a face of this part (it has ${faceCount}).`);
  const faces = [...new Set(c.faces)].sort((a, b) => a - b);
  const target = () => {
    if (c.feature_id === undefined) throw new CorrectionError(`'${c.action}' needs the feature_id of the feature it corrects.`);
    // The feature the pipeline reported under this id, wherever earlier corrections left it.
    const i = view.findIndex((f) => f.origins[0] === c.feature_id);
    if (i < 0) throw new CorrectionError(`No feature ${c.feature_id} in this analysis (or an earlier correction removed or merged it).`);
    return i;
  };
  const replace = (at: number[], added: CorrectedFeature[]): Applied => {
    const before = at.map((i) => view[i]!);
    const features = view.filter((_, i) => !at.includes(i));
    features.splice(Math.min(...at, features.length), 0, ...added);
    return { features, before, after: added };
  };

  switch (c.action) {
    case 'retype': {
      if (!c.type) throw new CorrectionError("'retype' needs the new type.");
      const i = target();
      return replace([i], [{ ...view[i]!, type: c.type, params: { ...view[i]!.params, ...c.params } }]);
    }
    case 'redimension': {
      if (!c.params || Object.keys(c.params).length === 0) throw new CorrectionError("'redimension' needs params: the corrected dimensions.");
      const i = target();
      return replace([i], [{ ...view[i]!, params: { ...view[i]!.params, ...c.params }, redimensioned: true }]);
    }
    case 'not_a_feature':
      return replace([target()], []);
    case 'name_region': {
      if (!c.type) throw new CorrectionError("'name_region' needs the type of the region.");
      if (faces.length === 0) throw new CorrectionError("'name_region' needs the region's faces.");
      const named: CorrectedFeature = { type: c.type, faces, params: { ...c.params }, origins: [] };
      return { features: [...view, named], before: [], after: [named] };
    }
    case 'merge': {
      // Every feature lying wholly inside the faces becomes one feature.
      const inside = new Set(faces);
      const parts = view.flatMap((f, i) => (f.faces.length > 0 && f.faces.every((x) => inside.has(x)) ? [i] : []));
      if (parts.length < 2) throw new CorrectionError("'merge' needs the faces of at least two features (each wholly inside them).");
      const first = c.feature_id === undefined ? parts[0]! : target();
      if (!parts.includes(first)) throw new CorrectionError(`Feature ${c.feature_id} is not among the merged faces.`);
      const order = [first, ...parts.filter((i) => i !== first)];
      const merged: CorrectedFeature = {
        type: c.type ?? view[first]!.type,
        faces: [...new Set(order.flatMap((i) => view[i]!.faces))].sort((a, b) => a - b),
        params: { ...view[first]!.params, ...c.params },
        origins: order.flatMap((i) => view[i]!.origins),
      };
      return replace(order, [merged]);
    }
    case 'split': {
      const i = target();
      const own = new Set(view[i]!.faces);
      if (faces.length === 0 || faces.some((f) => !own.has(f)) || faces.length >= own.size) {
        throw new CorrectionError("'split' needs some, not all, of the feature's faces: they become a feature of their own.");
      }
      const taken = new Set(faces);
      const rest: CorrectedFeature = { ...view[i]!, faces: view[i]!.faces.filter((f) => !taken.has(f)) };
      const piece: CorrectedFeature = { type: c.type ?? view[i]!.type, faces, params: { ...c.params }, origins: [] };
      return replace([i], [rest, piece]);
    }
  }
}

/** The estimator's features after every correction, in the order they were made. */
export function applyCorrections(
  features: readonly PipelineFeature[],
  corrections: readonly CorrectionInput[],
  faceCount: number,
): CorrectedFeature[] {
  let view = startingView(features);
  for (const c of corrections) view = applyCorrection(view, c, faceCount).features;
  return view;
}
