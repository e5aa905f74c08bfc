/**
 * analyze(bytes) → AnalysisResult: the whole pipeline, the same in a browser worker, a Node worker
 * thread, the CLI and the tests. Stages report progress, are timed, and can be cancelled between
 * stages. Any failure leaves as an AnalysisError with a stable code; a trap or abort also retires
 * the engine instance so that the next analysis starts on a clean one.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { AnalysisError, classifyThrown } from './errors.ts';
import { describeOccException, discardEngine, getEngine, isEngineReady, type OC } from './occt/engine.ts';
import { free } from './occt/scope.ts';
import { readStep } from './step.ts';
import { buildBrepGraph, type BrepContext } from './brep/graph.ts';
import { buildTopology, type Topology } from './brep/topology.ts';
import { deflectionFor, tessellate } from './mesh/tessellate.ts';
import { diagonal, faceBoxes, roughBoundingBox, unionBox, volumeOf } from './metrics.ts';
import { SCHEMA_VERSION, type AnalysisResult, type DfmIssue, type Mesh, type Stage } from './result.ts';
import { unitPlausibility } from './size-check.ts';
import { sha256Hex } from './sha256.ts';
import { recognize } from './features/recognize.ts';
import { addInsideRadii } from './features/inside-corners.ts';
import { pmiOfPart } from './pmi/index.ts';
import { applyModel, isSession, type ModelOption } from './ml/runtime/infer.ts';
import { loadModel } from './ml/runtime/session.ts';
import { uvGrids, type GridFrame } from './ml/uvnet/uv-grids.ts';
import { calibrateFeatures } from './confidence/calibrate.ts';
import { reviewOf } from './confidence/review.ts';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export interface Progress {
  stage: Stage;
  state: 'start' | 'done';
  /** Milliseconds since the analysis began. */
  elapsed: number;
}

export interface AnalyzeOptions {
  fileName?: string;
  maxBytes?: number;
  /** Mesh chord error relative to the bounding-box diagonal. */
  meshDeflection?: number;
  onProgress?: (progress: Progress) => void;
  /**
   * Called once the mesh exists, before metrics, recognition and inference: a host shows the
   * shaded part while the rest runs. The mesh is the result's own: copy it before transferring.
   */
  onMesh?: (mesh: Mesh) => void;
  signal?: AbortSignal;
  /**
   * A BRepNet segmentation model (ONNX bytes, URL or path, or a session from ml/runtime/session.ts
   * `loadModel`). When set, the 'infer' stage labels every face and adds 'ml' features; a model
   * that cannot run fails the analysis with MODEL_UNAVAILABLE. Without it nothing ML runs.
   */
  model?: ModelOption;
}

export async function analyze(bytes: Uint8Array, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const began = now();
  const timings: Record<string, number> = {};
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new AnalysisError('CANCELLED', 'The analysis was cancelled.');
  };
  async function stage<T>(name: Stage, work: () => T): Promise<T> {
    checkCancelled();
    options.onProgress?.({ stage: name, state: 'start', elapsed: now() - began });
    // Let the host deliver a cancel (or paint progress) between synchronous engine stages.
    await new Promise((resolve) => setTimeout(resolve, 0));
    checkCancelled();
    const t0 = now();
    const value = await work();
    timings[name] = now() - t0;
    options.onProgress?.({ stage: name, state: 'done', elapsed: now() - began });
    return value;
  }

  let oc: OC | undefined;
  let shape: TopoDS_Shape | undefined;
  let topology: Topology | undefined;
  let brep: BrepContext | undefined;
  try {
    // Start the model's runtime and session now (cached by source, so 'infer' reuses it): what of
    // it runs off this thread (onnxruntime's wasm compile) overlaps the read. Its JavaScript still
    // waits for stage boundaries, so one-shot hosts start it before analyze() (src/cli/vectis.ts).
    // A failure resurfaces in 'infer', coded.
    if (options.model !== undefined && !isSession(options.model)) loadModel(options.model).catch(() => undefined);
    const hash = sha256Hex(bytes);
    // A ready engine costs nothing; one still starting (a worker starts it early) costs the wait.
    const wasReady = isEngineReady();
    oc = await stage('engine', getEngine);
    if (wasReady) timings.engine = 0;
    const engine = oc;
    const model = await stage('read', () => readStep(engine, bytes, options.maxBytes ?? DEFAULT_MAX_BYTES));
    shape = model.shape;
    const solid = shape;
    // The mesh needs of the graph only the topology walk (TopExp face and edge order), so the
    // walk runs first, then the mesh goes to the host, then the rest of the graph: the shaded part
    // shows one stage earlier. Nothing the graph reads depends on the triangulations meshing
    // leaves on the faces (docs/architecture.md, engine facts). The walk is timed apart and
    // counted in 'brep', so that 'mesh' stays the tessellation alone.
    let walkMs = 0;
    const { walked, mesh } = await stage('mesh', () => {
      const t0 = now();
      const walked = (topology = buildTopology(engine, solid));
      walkMs = now() - t0;
      const size = diagonal(roughBoundingBox(engine, solid));
      return { walked, mesh: tessellate(engine, solid, walked.faces, walked.edges, deflectionFor(size, options.meshDeflection)) };
    });
    timings.mesh = timings.mesh! - walkMs;
    options.onMesh?.(mesh);
    brep = await stage('brep', () => buildBrepGraph(engine, solid, checkCancelled, walked));
    timings.brep = timings.brep! + walkMs;
    const { graph } = brep;
    const measures = await stage('metrics', () => {
      // The box method depends on the geometry OCC holds: a recognised B-spline is still one to it.
      const surfaces = graph.faces.map((f) => f.surfaceSource ?? f.surface);
      const boxes = faceBoxes(engine, walked.faces.shapes, surfaces, mesh);
      return { volume: volumeOf(engine, solid), boxes, bbox: unionBox(boxes) };
    });
    const bbox = measures.bbox;
    const faces = graph.faces.map((f, i) => ({ ...f, bbox: measures.boxes[i]! }));
    const recognition = await stage('recognize', () => recognize({ faces, edges: graph.edges, coedges: graph.coedges, loops: graph.loops, mesh }));
    recognition.faceClasses.forEach((cls, i) => (faces[i]!.mfcadClass = cls));
    for (const f of recognition.outline) faces[f]!.outline = true;
    // What a cutter must fit in each milled cut's corners, for the quote's machining summary.
    addInsideRadii(recognition.features, faces, graph.edges);
    const result: AnalysisResult = {
      schemaVersion: SCHEMA_VERSION,
      file: { name: options.fileName ?? 'part.step', sha256: await hash, bytes: bytes.byteLength, schema: model.schema, units: model.units },
      part: {
        solids: model.solids,
        ignoredShells: model.ignoredShells,
        faces: graph.faces.length,
        edges: graph.edges.length,
        bbox,
        stock: recognition.stock,
        volume: measures.volume,
        area: graph.faces.reduce((sum, f) => sum + f.area, 0),
        process: recognition.process,
      },
      mesh,
      faces,
      edges: graph.edges,
      coedges: graph.coedges,
      loops: graph.loops,
      features: recognition.features,
      setups: recognition.setups,
      dfm: [...plausibleSize(bbox, model.units), ...recognition.dfm],
      pmi: [],
      timings,
    };
    const mlModel = options.model;
    if (mlModel) {
      // A UV-Net model samples the B-Rep, so the grids are taken here, while the shape is alive.
      // An engine failure there is the engine's, not the model's: it leaves unwrapped, so that a
      // trap still retires the engine instead of passing for MODEL_UNAVAILABLE.
      let engineFailure: { error: unknown } | undefined;
      const grids = (frame: GridFrame) => {
        try {
          return uvGrids(engine, walked, frame);
        } catch (error) {
          engineFailure = { error };
          throw error;
        }
      };
      await stage('infer', () => applyModel(result, mlModel, grids)).catch((e: unknown) => {
        throw engineFailure ? engineFailure.error : e;
      });
    }
    // Confidence as a probability, then whether the part may be quoted unseen (confidence/).
    calibrateFeatures(result.features, result.faces);
    result.review = reviewOf(result);
    // Last, so that PMI names the model's features too. Text only: no stage of its own to report.
    const pmiStart = now();
    result.pmi = pmiOfPart(bytes, faces, result.features).items;
    timings.pmi = now() - pmiStart;
    timings.total = now() - began;
    return result;
  } catch (e) {
    const error = classifyThrown(e, (x) => (oc ? describeOccException(oc, x) : undefined));
    if (error.engineBroken) {
      discardEngine();
      oc = undefined;
    }
    throw error;
  } finally {
    // The graph owns the topology once built; before that (a failure between walk and graph) it is ours.
    if (oc) release(oc, shape, brep ?? topology);
  }
}

function release(oc: OC, shape: TopoDS_Shape | undefined, handles: { dispose(): void } | undefined): void {
  try {
    handles?.dispose();
    if (shape) {
      // Triangulations hang off the shared TShapes; without Clean they outlive the shape handle.
      oc.BRepTools.Clean(shape, true);
      free(shape);
    }
  } catch {
    // Freeing after a failure must never mask the failure itself.
  }
}

/** The part-level size check, as a list for the result's dfm (see size-check.ts). */
function plausibleSize(bbox: { min: number[]; max: number[] }, units: string): DfmIssue[] {
  const longest = Math.max(...bbox.max.map((v, i) => v - bbox.min[i]!));
  const issue = unitPlausibility(longest, units);
  return issue ? [issue] : [];
}

function now(): number {
  return performance.now();
}
