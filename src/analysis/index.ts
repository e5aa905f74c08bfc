/**
 * The analysis pipeline's public surface, for every host. Host set-up is not here: it lives in
 * ./hosts/browser.ts and ./hosts/node.ts, each importable only where its platform exists.
 */
export { analyze, DEFAULT_MAX_BYTES, type AnalyzeOptions, type Progress } from './analyze.ts';
export { AnalysisError, ERROR_CODES, serializeError, isErrorCode, type ErrorCode, type SerializedError } from './errors.ts';
export { configureEngine, getEngine, discardEngine, engineHeapBytes, type OC } from './occt/engine.ts';
export { Scope, withScope, free, traceOccObjects, liveOccObjects, tracedOccObjects, type Deletable } from './occt/scope.ts';
export { measureOf, type Measure } from './occt/mass.ts';
export { writeStep, FIXED_STEP_TIME, type StepWriteOptions } from './occt/step-writer.ts';
export { ShapeBuilder, type ChamferSize, type EdgeSize, type OutlineSeg, type Point3 } from './occt/builder.ts';
export * from './result.ts';
export { warmUp, yieldWarmUp } from './warmup.ts';
export { checkStepHeader, readStepHeader, type StepHeader } from './step-header.ts';
export { sha256Hex } from './sha256.ts';

// For tooling (CLI, server, scripts, benches, model training): the model, its inputs, evaluation.
export { loadModel, type BrepNetSession, type ModelSource, type Segmentation } from './ml/runtime/session.ts';
export { applyModel, isSession, type ModelOption } from './ml/runtime/infer.ts';
export { brepnetInputs, inputsToJSON, type BrepNetInputs } from './ml/inputs/inputs.ts';
export { brepnetInputsForStep } from './ml/inputs/step-inputs.ts';
export { EDGE_FEATURE_SETS, NORMALIZATIONS, edgeColumns, type EdgeFeatureSet, type Normalization } from './ml/inputs/scalar-columns.ts';
export { BREPNET_STANDARDIZATION } from './ml/inputs/standardization.ts';
export { uvGrids } from './ml/uvnet/uv-grids.ts';
export { mfcadppIdOfLabel } from './ml/fusion/model-classes.ts';
export { MFCADPP_CLASSES, MFCAD_TO_MFCADPP, STOCK_CLASS, mfcadppId } from './features/classes.ts';
export { Evaluator, type Evaluation } from './features/evaluate.ts';
export { COUNT_CLASSES, countClassNamed, countFeatures, shortName, type ClassCounts } from './features/count-classes.ts';
export { scoreCounts, type CountScore, type PartCounts } from './features/count-score.ts';
export { COVERAGE_KINDS, SEG_CLASSES, covers, partCoverage, sumCoverage, type CoverageCounts, type Share } from './features/coverage.ts';
export { predictedInstances, scoreInstances, sumInstanceScores, truthInstances, type InstanceScore } from './features/instances.ts';
export { hasDimensions } from './features/dimensions.ts';
// Engine-level access for the training generator and the UV-Net reference comparison.
export { readStep } from './step.ts';
export { buildBrepGraph } from './brep/graph.ts';
export { ShapeIndex } from './occt/shape-index.ts';
export { pmiOfPart, readPmi, hasSemanticPmi, type PmiReading } from './pmi/index.ts';
export { checkHoleDiameters, holeDiameters, isDiameterPmi, type DiameterCheck } from './pmi/hole-agreement.ts';
