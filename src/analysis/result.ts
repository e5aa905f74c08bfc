/**
 * The AnalysisResult: the one contract between the pipeline, the browser worker, the server and
 * every stored record. Bump SCHEMA_VERSION on any change a consumer could notice.
 *
 * Typed arrays stay typed in memory (they are transferred between worker and page); JSON holds
 * them as plain number arrays, and parsing turns them back into typed arrays.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = '1.2.0';

export const SURFACE_TYPES = [
  'plane',
  'cylinder',
  'cone',
  'sphere',
  'torus',
  'bspline',
  'bezier',
  'revolution',
  'extrusion',
  'offset',
  'other',
] as const;
export const CURVE_TYPES = ['line', 'circle', 'ellipse', 'hyperbola', 'parabola', 'bezier', 'bspline', 'offset', 'other', 'degenerate'] as const;
export const CONVEXITIES = ['convex', 'concave', 'smooth', 'none'] as const;
export const STAGES = ['engine', 'read', 'brep', 'mesh', 'metrics', 'recognize', 'infer'] as const;

export type SurfaceType = (typeof SURFACE_TYPES)[number];
export type CurveType = (typeof CURVE_TYPES)[number];
export type Convexity = (typeof CONVEXITIES)[number];
export type Stage = (typeof STAGES)[number];

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof vec3>;
const box = z.object({ min: vec3, max: vec3 });
export type Box3 = z.infer<typeof box>;

/** A typed array in memory, a number array in JSON. */
function typedArray<T extends Float32Array | Uint32Array>(ctor: { new (a: ArrayLike<number>): T; from(a: ArrayLike<number>): T }) {
  return z.union([z.custom<T>((v) => v instanceof (ctor as unknown as typeof Float32Array)), z.array(z.number()).transform((a) => ctor.from(a))]);
}

export const faceSchema = z.object({
  id: z.number().int(),
  surface: z.enum(SURFACE_TYPES),
  area: z.number(),
  /** The face's orientation flag in its shell: outward normals below already include it. */
  reversed: z.boolean(),
  params: z.object({
    /** Plane: outward unit normal, and a point on the plane. */
    normal: vec3.optional(),
    origin: vec3.optional(),
    /** Cylinder, cone, sphere, torus: axis direction and a point on it (the centre). */
    axis: vec3.optional(),
    center: vec3.optional(),
    radius: z.number().optional(),
    /** Torus: minor radius; `radius` is the major one. */
    minorRadius: z.number().optional(),
    /** Cone: half-angle in degrees. */
    halfAngle: z.number().optional(),
    /** Curved faces: true when the outward normal points towards the axis/centre (a bore, not a boss). */
    internal: z.boolean().optional(),
    /**
     * Freeform faces whose cross-section is a circle (a rolling-ball blend along a curved edge):
     * its radius (median), and min/max where it varies (a variable-radius blend). `internal` then
     * says the centre lies outside the material (a concave blend).
     */
    blendRadius: z.number().optional(),
    blendRadiusMin: z.number().optional(),
    blendRadiusMax: z.number().optional(),
  }),
  /**
   * Set when the file writes this face as another type (a B-spline, offset or swept surface)
   * that is, within a tolerance relative to the part's size, the analytic `surface` above with
   * the fitted `params`. Recognition uses `surface`; the model's inputs use this written type.
   */
  surfaceSource: z.enum(SURFACE_TYPES).optional(),
  /** Written B-spline and Bezier surfaces: rational in u or v (BRepNet's RationalNurbsFaceFeature, docs/model-inputs.md §a.3). */
  rational: z.boolean().optional(),
  bbox: box,
  /** Indices into `loops`; the first one is the outer loop. */
  loops: z.array(z.number().int()),
  label: z.string().optional(),
  confidence: z.number().optional(),
  /**
   * The pipeline's final MFCAD++ class id (0-24, 24 = stock) of this face: its geometric feature's
   * class, else the model's where it kept a region there (ml/fusion/fuse.ts). The model's raw output is `label`.
   */
  mfcadClass: z.number().int().optional(),
  /**
   * True where geometry reads the face as the part's outline (a lug's or obround's round end, an
   * arc of an outline drawn with arcs: features/fillet-chains.ts): stock, not a feature, and no
   * model region takes it.
   */
  outline: z.boolean().optional(),
});
export type Face = z.infer<typeof faceSchema>;

export const edgeSchema = z.object({
  id: z.number().int(),
  curve: z.enum(CURVE_TYPES),
  length: z.number(),
  convexity: z.enum(CONVEXITIES),
  /** Adjacent face ids, without repeats (one entry for a seam). */
  faces: z.array(z.number().int()),
  /** Circles: radius and centre. */
  radius: z.number().optional(),
  center: vec3.optional(),
  /** Set when the file writes this edge as a B-spline (or other freeform) curve that is the `curve` line or circle. */
  curveSource: z.enum(CURVE_TYPES).optional(),
  /** Written B-spline and Bezier curves: rational (BRepNet's Rational/NonRationalBSplineEdgeFeature, docs/model-inputs.md §a.3). */
  rational: z.boolean().optional(),
  closed: z.boolean(),
});
export type Edge = z.infer<typeof edgeSchema>;

/** An oriented use of an edge by a face. next/prev walk the loop; mate is the use on the other side (-1: none). */
export const coedgeSchema = z.object({
  id: z.number().int(),
  face: z.number().int(),
  edge: z.number().int(),
  loop: z.number().int(),
  reversed: z.boolean(),
  next: z.number().int(),
  prev: z.number().int(),
  mate: z.number().int(),
});
export type Coedge = z.infer<typeof coedgeSchema>;

export const loopSchema = z.object({
  id: z.number().int(),
  face: z.number().int(),
  outer: z.boolean(),
  coedges: z.array(z.number().int()),
});
export type Loop = z.infer<typeof loopSchema>;

export const meshSchema = z.object({
  positions: typedArray(Float32Array),
  normals: typedArray(Float32Array),
  indices: typedArray(Uint32Array),
  /** faceRanges[i] = [firstTriangle, triangleCount] of face i. */
  faceRanges: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Polyline vertices of every B-Rep edge, xyz triples; edgeRanges[i] = [firstPoint, pointCount]. */
  edgePositions: typedArray(Float32Array),
  edgeRanges: z.array(z.tuple([z.number().int(), z.number().int()])),
  linearDeflection: z.number(),
  angularDeflection: z.number(),
});
export type Mesh = z.infer<typeof meshSchema>;

export const featureSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  faces: z.array(z.number().int()),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  axis: vec3.optional(),
  confidence: z.number(),
  /**
   * 'geometric': found and measured by the recogniser; 'ml': named by the model, measured from its
   * faces; 'review': the model saw something there that could not be measured (type `unrecognised`).
   */
  method: z.enum(['ml', 'geometric', 'review']),
  modelVersion: z.string().optional(),
  /** `unrecognised` features: what the model thinks the region is (its class name). */
  hint: z.string().optional(),
  /** True where a person must look before the part is quoted (no size could be measured). */
  needs_review: z.boolean().optional(),
  /**
   * The raw score `confidence` was calibrated from (geometric: 1, or with the model 0.5 + 0.5 × the
   * model's mean probability for the feature's class over its faces, 0 on faces where it names
   * another; ml and review: the model's mean softmax). `confidence` itself is
   * the probability that the feature is right (src/analysis/confidence/, docs/contract.md).
   */
  score: z.number().optional(),
});
export type Feature = z.infer<typeof featureSchema>;

export const partSchema = z.object({
  solids: z.number().int(),
  /** Shells, faces and free edges in the file that belong to no solid (reference geometry); not analysed. */
  ignoredShells: z.number().int(),
  faces: z.number().int(),
  edges: z.number().int(),
  bbox: box,
  /** Size of the block that holds the part in its own frame (not the file's axes), largest first, mm. */
  stock: vec3,
  volume: z.number(),
  area: z.number(),
  /**
   * How the part is made: from the share of its area that is coaxial with one axis, or
   * 'sheet_metal' for one bent sheet of constant thickness (features/sheet-metal.ts).
   */
  process: z.enum(['turned', 'milled', 'mill-turn', 'sheet_metal']).optional(),
});
export type Part = z.infer<typeof partSchema>;

export const fileSchema = z.object({
  name: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  schema: z.string(),
  /** The length unit the file declares; every length in the result is in millimetres. */
  units: z.string(),
});
export type FileInfo = z.infer<typeof fileSchema>;

export const timingsSchema = z.record(z.string(), z.number());

/** One 3-axis setup: the tool direction (from the spindle into the part) and the features it reaches. */
export const setupSchema = z.object({ direction: vec3, features: z.array(z.number().int()) });
export type Setup = z.infer<typeof setupSchema>;

/**
 * A manufacturability finding. Codes the pipeline emits today: DEEP_HOLE, NON_STANDARD_HOLE,
 * SMALL_CORNER_RADIUS, THIN_WALL, UNREACHABLE_FEATURE (features/) and the size plausibility check
 * (size-check.ts: IMPLAUSIBLE_SIZE); a reader accepts any string, so results from newer pipelines still parse.
 */
export const dfmSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  faces: z.array(z.number().int()),
  expected: z.union([z.number(), z.string()]),
  actual: z.union([z.number(), z.string()]),
});
export type DfmIssue = z.infer<typeof dfmSchema>;

export const PMI_KINDS = ['dimension', 'geometric_tolerance', 'datum', 'surface_texture'] as const;
export type PmiKind = (typeof PMI_KINDS)[number];

/**
 * One item of the file's semantic PMI (AP242: a dimension with its tolerance or limits, a
 * geometric tolerance with its datums, a datum feature, a surface texture), attached to the faces
 * its shape aspect names and to the features that hold those faces (src/analysis/pmi/).
 */
export const pmiSchema = z.object({
  id: z.number().int(),
  kind: z.enum(PMI_KINDS),
  /** What it is: 'diameter', 'radius', 'linear distance', 'angle', 'position', 'flatness', a datum's letter... */
  name: z.string(),
  /** The dimension's value, the geometric tolerance's zone size, a texture's parameter; null for a datum. */
  nominal: z.number().nullable(),
  /** Signed deviations from `nominal` (+0.05 / -0.02); null where the file gives none. */
  upper: z.number().nullable(),
  lower: z.number().nullable(),
  /** 'mm' (every length is converted to millimetres), 'deg' for angles, 'um' for roughness, '' for none. */
  unit: z.string(),
  /** A limits-and-fits class ('H7', 'g6') where the file gives one. */
  tolerance_class: z.string().optional(),
  /** Geometric tolerances: datum letters in precedence order (a compartment with several reads 'A-B'). */
  datums: z.array(z.string()).optional(),
  /** Geometric tolerances: zone form and modifiers ('diameter', 'maximum_material_requirement', ...). */
  modifiers: z.array(z.string()).optional(),
  /** Face ids (TopExp order) the item applies to; empty when its faces could not be found. */
  faces: z.array(z.number().int()),
  /** Ids of the result's features that hold any of those faces. */
  features: z.array(z.number().int()),
  /** The STEP instance (#id) the item was read from: to trace it back to the file. */
  entity: z.number().int().optional(),
});
export type Pmi = z.infer<typeof pmiSchema>;

export const analysisResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  file: fileSchema,
  part: partSchema,
  mesh: meshSchema,
  faces: z.array(faceSchema),
  edges: z.array(edgeSchema),
  coedges: z.array(coedgeSchema),
  loops: z.array(loopSchema),
  features: z.array(featureSchema),
  /** The segmentation model that labelled the faces (only when one ran: analyze's `model` option). */
  model: z
    .object({
      version: z.string(),
      /** 'machining-features' (ours) or 'modelling-operations' (Autodesk's BRepNet checkpoints). */
      classKind: z.string(),
      classes: z.array(z.string()),
      /** Licence of the weights when they are not ours (e.g. CC BY-NC-SA: non-commercial). */
      license: z.string().optional(),
    })
    .optional(),
  /** Tool access directions: the fewest 3-axis setups that reach every feature. */
  setups: z.array(setupSchema).default([]),
  dfm: z.array(dfmSchema).default([]),
  /** Semantic PMI read from an AP242 file (1.2.0); empty for files without it. */
  pmi: z.array(pmiSchema).default([]),
  /**
   * May the part be quoted without a person looking at it: every feature measured and at least as
   * confident as the threshold fitted for 0.99 precision, no DFM error; else the reasons
   * (src/analysis/confidence/review.ts).
   */
  review: z.object({ auto_quote: z.boolean(), reasons: z.array(z.string()) }).optional(),
  timings: timingsSchema,
});
export type AnalysisResult = z.infer<typeof analysisResultSchema>;

/** JSON text of a result: typed arrays become plain arrays. */
export function stringifyResult(result: AnalysisResult, space?: number): string {
  return JSON.stringify(
    result,
    (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value),
    space,
  );
}

/** Typed arrays whose buffers can be transferred (worker → page) without copying. */
export function transferables(result: AnalysisResult): ArrayBuffer[] {
  const { positions, normals, indices, edgePositions } = result.mesh;
  return [positions, normals, indices, edgePositions].map((a) => a.buffer as ArrayBuffer);
}
