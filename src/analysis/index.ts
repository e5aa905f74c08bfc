/** The analysis pipeline's public surface, for every host. */
export { analyze, DEFAULT_MAX_BYTES, type AnalyzeOptions, type Progress } from './analyze.ts';
export { AnalysisError, ERROR_CODES, serializeError, isErrorCode, type ErrorCode, type SerializedError } from './errors.ts';
export { configureEngine, getEngine, discardEngine, engineHeapBytes } from './occt/engine.ts';
export * from './result.ts';
export { warmUp, yieldWarmUp } from './warmup.ts';
export { checkStepHeader, readStepHeader, type StepHeader } from './step-header.ts';
