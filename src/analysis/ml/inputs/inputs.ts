/**
 * BRepNet input tensors from our B-Rep graph, exactly as docs/model-inputs.md (§a, §b) describes.
 *
 * API (for the training-data tooling and for the inference session):
 *
 *   import { analyze } from 'src/analysis/index.ts';
 *   import { brepnetInputs, inputsToJSON } from 'src/analysis/ml/inputs.ts';
 *   const result = await analyze(stepBytes, { fileName });          // B-Rep graph in TopExp order
 *   const t = brepnetInputs(result, { normalization: 'area' });     // our rotation-invariant models
 *   const t = brepnetInputs(result, { normalization: 'unit-box' }); // Autodesk's checkpoints (docs/model-inputs.md §a.1)
 *   writeFileSync(out, JSON.stringify(inputsToJSON(t)));           // Python: brepnet.load_inputs_json(out)
 *
 * or, from a shell: `npm run model:inputs -- part.step [--out part.brepnet.json]
 * [--normalization area|unit-box|none] [--raw]` (see that script; `brepnetInputsForStep` in
 * ./step-inputs.ts does analyze + brepnetInputs in one call).
 *
 * Tensors (row-major; face i = face id i = label i of `<name>.topexp_labels.json`):
 *   Xf f32 [F × 7]   Plane, Cylinder, Cone, Sphere, Torus, FaceArea, RationalNurbs   (standardised)
 *   Xe f32 [E × 10]  Concave, Convex, Smooth, EdgeLength, Circular, Closed, Elliptical,
 *                    NonRationalBSpline, RationalBSpline, Straight                   (standardised)
 *                    [E × 11] with edgeFeatures 'brepnet+dihedral': + cos between planar normals
 *   Xc f32 [C × 1]   Reversed                                                         (standardised)
 *   Kf i32 [C × 2], Ke i32 [C × 5], Kc i32 [C × 6]   winged-edge kernel (./kernel.ts)
 *   Ce i32 [E × 2]   edge pooling;   Cf i32 [F × K]   face pooling with the zero-row quirk
 * `standardization: null` leaves Xf/Xe/Xc raw (booleans 0/1, scaled area/length), for computing a
 * new model's own statistics. FaceArea/EdgeLength are on the part scaled by `scale` (see
 * ./features.ts for the three normalisations; only 'area' is rotation-invariant).
 *
 * Coedge order is ours (faces in order, their loops, the edges of each loop): the order of docs/model-inputs.md §a.2 up
 * to the order inside a loop, which the network does not see (next/prev come from vertices).
 */
import {
  coedgeFeatures,
  edgeColumns,
  edgeFeatures,
  faceFeatures,
  lengthScale,
  type BrepGraphLike,
  type EdgeFeatureSet,
  type Normalization,
} from './scalar-columns.ts';
import { kernelIndices, type KernelIndices } from './kernel.ts';
import { BREPNET_STANDARDIZATION, standardize, type Standardization } from './standardization.ts';

export interface BrepNetInputOptions {
  normalization: Normalization;
  /** Default: BRepNet's statistics (docs/model-inputs.md §a.3). null: raw features. */
  standardization?: Standardization | null;
  /** Default 'brepnet' (docs/model-inputs.md §a.3); our models declare 'brepnet+dihedral' (./scalar-columns.ts). */
  edgeFeatures?: EdgeFeatureSet;
}

export interface BrepNetInputs extends KernelIndices {
  faces: number;
  edges: number;
  coedges: number;
  normalization: Normalization;
  edgeFeatures: EdgeFeatureSet;
  /** Length factor applied before computing FaceArea (× scale²) and EdgeLength (× scale). */
  scale: number;
  standardized: boolean;
  Xf: Float32Array;
  Xe: Float32Array;
  Xc: Float32Array;
}

export function brepnetInputs(graph: BrepGraphLike, options: BrepNetInputOptions): BrepNetInputs {
  const scale = lengthScale(graph, options.normalization);
  const stats = options.standardization === undefined ? BREPNET_STANDARDIZATION : options.standardization;
  const xf = faceFeatures(graph, scale);
  const edgeSet = options.edgeFeatures ?? 'brepnet';
  const xe = edgeFeatures(graph, scale, edgeSet);
  const xc = coedgeFeatures(graph);
  if (stats) {
    standardize(xf, stats.face_features);
    // Columns beyond the statistics (the dihedral cosine, already in [-1, 1]) stay as they are.
    const extra = edgeColumns(edgeSet) - stats.edge_features.length;
    standardize(
      xe,
      extra > 0 ? [...stats.edge_features, ...Array.from({ length: extra }, () => ({ mean: 0, standard_deviation: 1 }))] : stats.edge_features,
    );
    standardize(xc, stats.coedge_features);
  }
  return {
    faces: graph.faces.length,
    edges: graph.edges.length,
    coedges: graph.coedges.length,
    normalization: options.normalization,
    edgeFeatures: edgeSet,
    scale,
    standardized: stats !== null,
    Xf: Float32Array.from(xf),
    Xe: Float32Array.from(xe),
    Xc: Float32Array.from(xc),
    ...kernelIndices(graph.coedges, graph.faces.length, graph.edges.length),
  };
}

/** Names and shapes of every tensor, in the ONNX input order of our models. */
export function tensorShapes(t: BrepNetInputs): Record<TensorName, [number, number]> {
  return {
    Xf: [t.faces, 7],
    Xe: [t.edges, edgeColumns(t.edgeFeatures)],
    Xc: [t.coedges, 1],
    Kf: [t.coedges, 2],
    Ke: [t.coedges, 5],
    Kc: [t.coedges, 6],
    Ce: [t.edges, 2],
    Cf: [t.faces, t.K],
  };
}
export const TENSOR_NAMES = ['Xf', 'Xe', 'Xc', 'Kf', 'Ke', 'Kc', 'Ce', 'Cf'] as const;
export type TensorName = (typeof TENSOR_NAMES)[number];

export interface TensorJSON {
  shape: [number, number];
  dtype: 'float32' | 'int64';
  data: number[];
}

/** The JSON file format read by `models/training/brepnet.py: load_inputs_json`. */
export interface BrepNetInputsJSON {
  format: 'vectis-brepnet-inputs/1';
  normalization: Normalization;
  scale: number;
  standardized: boolean;
  tensors: Record<TensorName, TensorJSON>;
  /** Optional per-face class ids, added by the data tooling. */
  labels?: number[];
}

export function inputsToJSON(t: BrepNetInputs, labels?: number[]): BrepNetInputsJSON {
  const shapes = tensorShapes(t);
  const tensors = {} as Record<TensorName, TensorJSON>;
  for (const name of TENSOR_NAMES) {
    const data = t[name];
    tensors[name] = { shape: shapes[name], dtype: data instanceof Float32Array ? 'float32' : 'int64', data: Array.from(data) };
  }
  const json: BrepNetInputsJSON = {
    format: 'vectis-brepnet-inputs/1',
    normalization: t.normalization,
    scale: t.scale,
    standardized: t.standardized,
    tensors,
  };
  if (labels) json.labels = labels;
  return json;
}
