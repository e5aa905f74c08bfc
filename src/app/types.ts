/** Types the app shares between store, components and viewer. */
import type { AnalysisResult, Stage } from '../analysis/index.ts';

export type { AnalysisResult, ErrorCode, Face, Feature, Progress, SerializedError, Stage } from '../analysis/index.ts';

/** Steps the UI shows: the worker's stages plus our own cache check before them. */
export type Step = 'cache' | Stage;

/**
 * What the viewer needs to draw a part: its mesh (with the face map), its box, and per-face boxes
 * for framing faces. A whole result is one; so is the worker's early mesh (no faces known yet),
 * which lets the shaded part appear while the graph, features and model labels are still coming.
 */
export interface ShownPart {
  mesh: AnalysisResult['mesh'];
  part: { bbox: AnalysisResult['part']['bbox'] };
  faces: readonly { bbox?: AnalysisResult['faces'][number]['bbox'] }[];
}
