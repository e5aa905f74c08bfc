/**
 * One answer per face: geometry and the model fused into `faces[i].mfcadClass` and the features.
 *
 * - A face in a geometric feature keeps geometry's class: geometry measured it.
 * - Faces geometry leaves to stock form model regions (connected faces of one model class,
 *   infer.ts). A region whose mean confidence is below `minConfidence` is dropped: its faces stay
 *   stock. Otherwise its faces take the model's class, and the region becomes
 *   - a feature of our vocabulary (`method: 'ml'`, `model_class` the model's class) when its
 *     dimensions can be measured from its faces (measure.ts), or
 *   - an `unrecognised` feature (`method: 'review'`, `hint` the model's class, `needs_review`):
 *     something is there, but no size can be quoted from it.
 * So no `ml` feature is without dimensions. Models that label modelling operations (Autodesk's)
 * name no machining class: all their regions are for review and the face classes stay geometry's.
 *
 * `minConfidence` was chosen on development data only (scripts/fusion-dev.ts; README).
 */
import type { AnalysisResult, Feature } from '../../result.ts';
import { STOCK_CLASS } from '../../features/classes.ts';
import { FaceGraph } from '../../features/graph.ts';
import { measureRegion } from './measure.ts';
import { mfcadppIdOfLabel } from './model-classes.ts';

export interface FusionOptions {
  /** Mean softmax probability a model region needs to be kept at all. */
  minConfidence: number;
}

export const FUSION: FusionOptions = { minConfidence: 0.5 };

/**
 * Turns the model regions left over by geometry (`regions`: method 'ml', unexplained faces only)
 * into measured or review features, and sets each face's final class. Mutates `result.faces`.
 */
export function fuseRegions(
  result: Pick<AnalysisResult, 'faces' | 'edges' | 'coedges' | 'loops' | 'mesh'>,
  regions: Feature[],
  classKind: string,
  options: FusionOptions = FUSION,
): Feature[] {
  const graph = new FaceGraph(result);
  const machining = classKind === 'machining-features';
  const out: Feature[] = [];
  for (const region of regions) {
    const confidence = region.faces.reduce((s, f) => s + (result.faces[f]!.confidence ?? 0), 0) / region.faces.length;
    if (confidence < options.minConfidence) continue;
    const cls = machining ? mfcadppIdOfLabel(region.type) : undefined;
    if (cls !== undefined && cls !== STOCK_CLASS) for (const f of region.faces) result.faces[f]!.mfcadClass = cls;
    const measured = machining ? measureRegion(graph, region.type, region.faces) : undefined;
    const base = {
      id: region.id,
      faces: region.faces,
      confidence: round3(confidence),
      ...(region.modelVersion ? { modelVersion: region.modelVersion } : {}),
    };
    if (measured) {
      out.push({
        ...base,
        type: measured.type,
        params: { ...measured.params, model_class: region.type },
        method: 'ml',
        ...(measured.axis ? { axis: measured.axis } : {}),
      });
    } else {
      out.push({ ...base, type: 'unrecognised', params: {}, method: 'review', hint: region.type, needs_review: true });
    }
  }
  return out;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
