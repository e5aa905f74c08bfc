/**
 * Feature standardisation statistics: x' = (x − mean) / standard_deviation, per column.
 *
 * Origin: BRepNet (AutodeskAILab/BRepNet, CC BY-NC-SA 4.0), file
 * `feature_standardization/s2.0.0_step_all_features.json` as copied into
 * Autodesk's BRepNet repository (docs/model-inputs.md §a.3). Numbers copied verbatim; the
 * column order is BRepNet's `feature_lists/all.json` (names in the comments). These are the
 * statistics of the Fusion 360 Gallery training set after the unit-box scaling of docs/model-inputs.md §a.1 step 2,
 * i.e. what Autodesk's checkpoints expect. Our own models may carry their own statistics (same
 * shape) in their ONNX metadata (`vectis.standardization`), see `./model-info.ts`.
 */

export interface ColumnStats {
  mean: number;
  standard_deviation: number;
}

/** Same JSON shape as BRepNet's `feature_standardization` object. */
export interface Standardization {
  face_features: ColumnStats[];
  edge_features: ColumnStats[];
  coedge_features: ColumnStats[];
}

export const FACE_FEATURES = [
  'Plane',
  'Cylinder',
  'Cone',
  'SphereFaceFeature',
  'TorusFaceFeature',
  'FaceAreaFeature',
  'RationalNurbsFaceFeature',
] as const;
export const EDGE_FEATURES = [
  'Concave edge',
  'Convex edge',
  'Smooth',
  'EdgeLengthFeature',
  'CircularEdgeFeature',
  'ClosedEdgeFeature',
  'EllipticalEdgeFeature',
  'NonRationalBSplineEdgeFeature',
  'RationalBSplineEdgeFeature',
  'StraightEdgeFeature',
] as const;
export const COEDGE_FEATURES = ['ReversedCoEdgeFeature'] as const;

export const BREPNET_STANDARDIZATION: Standardization = {
  face_features: [
    { mean: 0.6058136687055043, standard_deviation: 0.48867599396508205 }, // Plane
    { mean: 0.2504731279242442, standard_deviation: 0.4332862070796327 }, // Cylinder
    { mean: 0.02037233179705913, standard_deviation: 0.14127053256937364 }, // Cone
    { mean: 0.009198561054972208, standard_deviation: 0.09546714889553083 }, // SphereFaceFeature
    { mean: 0.027913752357687886, standard_deviation: 0.1647260182666953 }, // TorusFaceFeature
    { mean: 0.48118405388949925, standard_deviation: 1.0083055214732644 }, // FaceAreaFeature
    { mean: 0.008307967315209767, standard_deviation: 0.09076877877292451 }, // RationalNurbsFaceFeature
  ],
  edge_features: [
    { mean: 0.13708297003963887, standard_deviation: 0.34393515021461535 }, // Concave edge
    { mean: 0.648332147614011, standard_deviation: 0.4774912343495077 }, // Convex edge
    { mean: 0.21270467030762913, standard_deviation: 0.4092207441950917 }, // Smooth
    { mean: 0.6415161043374071, standard_deviation: 1.0073951803375154 }, // EdgeLengthFeature
    { mean: 0.2454759905213728, standard_deviation: 0.4303693486837453 }, // CircularEdgeFeature
    { mean: 0.08796610804131853, standard_deviation: 0.2832457928455646 }, // ClosedEdgeFeature
    { mean: 0.009346231819713587, standard_deviation: 0.09622313730175712 }, // EllipticalEdgeFeature
    { mean: 0.08154985102729462, standard_deviation: 0.27367786352978807 }, // NonRationalBSplineEdgeFeature
    { mean: 0.003567856130347101, standard_deviation: 0.0596249216953521 }, // RationalBSplineEdgeFeature
    { mean: 0.6582667814942234, standard_deviation: 0.47429097260921216 }, // StraightEdgeFeature
  ],
  coedge_features: [
    { mean: 0.49996051319461293, standard_deviation: 0.5000001657578517 }, // ReversedCoEdgeFeature
  ],
};

/** Standardises a row-major [rows × stats.length] matrix in place (float64 in, then cast by the caller). */
export function standardize(values: Float64Array, stats: ColumnStats[]): void {
  const cols = stats.length;
  for (let i = 0; i < values.length; i++) {
    const s = stats[i % cols]!;
    values[i] = (values[i]! - s.mean) / s.standard_deviation;
  }
}
