/** Types the app shares between store, components and viewer. */
import type { Stage } from '../analysis/index.ts';

export type { AnalysisResult, ErrorCode, Face, Feature, Progress, SerializedError, Stage } from '../analysis/index.ts';

/** Steps the UI shows: the worker's stages plus our own cache check before them. */
export type Step = 'cache' | Stage;
