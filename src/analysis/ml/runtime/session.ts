/**
 * The host-agnostic BRepNet inference session. One onnxruntime session per model and host,
 * created on first use and kept (`loadModel` caches by URL/path or by the bytes' hash).
 *
 * Hosts differ only in which onnxruntime build runs it, set once through `configureOnnxRuntime`:
 * - browser worker: `useBrowserHost()` from hosts/browser.ts (onnxruntime-web, wasm files located by Vite),
 * - Node (CLI, server, tests): `useNodeHost()` from hosts/node.ts (onnxruntime-web's wasm kernels, one thread),
 * - neither: onnxruntime-web is imported on first use (works in Node too, wasm beside it).
 *
 *   const model = await loadModel('models/vectis-brepnet.onnx');
 *   const { labels, confidence } = await model.segment(result);   // per face, softmax
 *
 * A 'uvnet' model (Autodesk's checkpoint B) also needs UV-Net grids sampled from the live B-Rep
 * (./uv-grids.ts), so it runs inside analyze(bytes, { model }), which passes a grid source.
 */
import type * as Ort from 'onnxruntime-common';
import { sha256Hex } from '../../sha256.ts';
import type { BrepGraphLike } from '../inputs/scalar-columns.ts';
import { brepnetInputs, TENSOR_NAMES, tensorShapes, type BrepNetInputs } from '../inputs/inputs.ts';
import { toInt64 } from './int64.ts';
import { modelInfo, type ModelInfo } from './model-info.ts';
import { gridFrame, gridShapes, type GridSource, type UvGrids } from '../uvnet/uv-grids.ts';

export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor'>;

export interface RuntimeConfig {
  /** Loads the onnxruntime module (web or node). */
  load: () => Promise<OrtModule>;
  executionProviders?: Ort.InferenceSession.SessionOptions['executionProviders'];
  /** How a string source that is not an http(s)/blob/data URL is read (Node: the file system). */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Unconfigured hosts (Node scripts) get onnxruntime-web by a bare import. The specifier is kept
 * out of bundlers' sight on purpose: browser bundles configure the runtime in hosts/browser.ts, and a
 * literal import here would add onnxruntime-web's WebGPU build and its wasm to every bundle.
 */
const ORT_WEB = 'onnxruntime-web';
let runtime: RuntimeConfig = {
  load: () => import(/* @vite-ignore */ ORT_WEB) as Promise<OrtModule>,
  executionProviders: ['wasm'],
};
let ort: Promise<OrtModule> | undefined;

export function configureOnnxRuntime(config: RuntimeConfig): void {
  runtime = config;
  ort = undefined;
  sessions.clear();
}

export interface Segmentation {
  /** Per face: index of the winning class, its name, and its softmax probability. */
  classIds: Int32Array;
  labels: string[];
  confidence: Float32Array;
  /** [F × classes] softmax, row-major. */
  probabilities: Float32Array;
  /** [F × classes] raw model output. */
  logits: Float32Array;
  classes: string[];
}

/** A model file, as bytes or as a URL / file path. */
export type ModelSource = Uint8Array | ArrayBuffer | string | URL;

export class BrepNetSession {
  private constructor(
    readonly info: ModelInfo,
    private readonly session: Ort.InferenceSession,
    private readonly ort: OrtModule,
  ) {}

  static async create(bytes: Uint8Array, ortModule: OrtModule, options: Ort.InferenceSession.SessionOptions = {}): Promise<BrepNetSession> {
    const session = await ortModule.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', ...options });
    return new BrepNetSession(modelInfo(bytes, session.inputNames), session, ortModule);
  }

  /** The model's inputs for this part (normalisation and statistics as the model declares). */
  inputs(graph: BrepGraphLike): BrepNetInputs {
    return brepnetInputs(graph, {
      normalization: this.info.normalization,
      standardization: this.info.standardization,
      edgeFeatures: this.info.edgeFeatures,
    });
  }

  /**
   * The UV-Net grids a 'uvnet' model needs, from `source` (which samples the live B-Rep: see
   * analyze.ts); undefined for the scalar-feature models, which never call it.
   */
  grids(graph: BrepGraphLike, source?: GridSource): UvGrids | undefined {
    if (this.info.variant !== 'uvnet') return undefined;
    if (!source) throw new Error("a 'uvnet' model needs UV-Net grids, sampled from the B-Rep: run it through analyze()");
    return source(gridFrame(graph, this.info.normalization));
  }

  /** Raw logits [F × classes] for prepared inputs (plus the grids of a 'uvnet' model). */
  async run(t: BrepNetInputs, grids?: UvGrids): Promise<{ logits: Float32Array; classes: number }> {
    const feeds: Record<string, Ort.Tensor> = {};
    const shapes = tensorShapes(t);
    // A 'uvnet' model takes the grids instead of the scalar features (docs/model-inputs.md §c.3; export.py's input names).
    const names = this.info.variant === 'uvnet' ? TENSOR_NAMES.filter((n) => !n.startsWith('X')) : TENSOR_NAMES;
    if (this.info.variant === 'uvnet') {
      if (!grids) throw new Error("a 'uvnet' model needs UV-Net grids (BrepNetSession.grids)");
      if (grids.faces !== t.faces || grids.coedges !== t.coedges) {
        throw new Error(`grids for ${grids.faces} faces / ${grids.coedges} coedges, inputs for ${t.faces} / ${t.coedges}`);
      }
      const dims = gridShapes(grids);
      feeds.Gf = new this.ort.Tensor('float32', grids.Gf, dims.Gf);
      feeds.Gc = new this.ort.Tensor('float32', grids.Gc, dims.Gc);
    }
    // A model may read fewer tensors than docs/model-inputs.md lists (ours pool faces by scatter: no Cf).
    const wanted = new Set(this.session.inputNames);
    for (const name of names) {
      if (!wanted.has(name)) continue;
      const data = t[name];
      const dims = shapes[name];
      feeds[name] = data instanceof Float32Array ? new this.ort.Tensor('float32', data, dims) : new this.ort.Tensor('int64', toInt64(data), dims);
    }
    const out = await this.session.run(feeds);
    const logits = out.face_logits ?? out[this.session.outputNames[0]!]!;
    const classes = logits.dims[1] ?? 0;
    return { logits: Float32Array.from(logits.data as Float32Array), classes };
  }

  /** Labels per face. `grids`: how to sample the part's UV-Net grids, for a 'uvnet' model. */
  async segment(graph: BrepGraphLike, grids?: GridSource): Promise<Segmentation> {
    const faces = graph.faces.length;
    // An empty tensor is no input: onnxruntime fails on it (a reshape of [0, 6, 1]) and the
    // failure would read as a broken model. A graph without faces, edges or coedges (triangles
    // only) has nothing for the model to see; the caller leaves its faces unlabelled.
    if (faces === 0 || graph.edges.length === 0 || graph.coedges.length === 0) return emptySegmentation(this.info.classes);
    const { logits, classes } = await this.run(this.inputs(graph), this.grids(graph, grids));
    if (this.info.classes.length === 0) this.info.classes = Array.from({ length: classes }, (_, i) => `class_${i}`);
    if (this.info.classes.length !== classes) {
      throw new Error(`the model has ${classes} outputs but names ${this.info.classes.length} classes`);
    }
    const probabilities = softmaxRows(logits, classes);
    const classIds = new Int32Array(faces);
    const confidence = new Float32Array(faces);
    for (let f = 0; f < faces; f++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (probabilities[f * classes + k]! > probabilities[f * classes + best]!) best = k;
      classIds[f] = best;
      confidence[f] = probabilities[f * classes + best]!;
    }
    const labels = Array.from(classIds, (k) => this.info.classes[k]!);
    return { classIds, labels, confidence, probabilities, logits, classes: this.info.classes };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function emptySegmentation(classes: string[]): Segmentation {
  return {
    classIds: new Int32Array(0),
    labels: [],
    confidence: new Float32Array(0),
    probabilities: new Float32Array(0),
    logits: new Float32Array(0),
    classes,
  };
}

/** Softmax of each row, in float64, max-shifted. */
export function softmaxRows(logits: Float32Array, width: number): Float32Array {
  const out = new Float32Array(logits.length);
  for (let row = 0; row < logits.length; row += width) {
    let max = -Infinity;
    for (let k = 0; k < width; k++) max = Math.max(max, logits[row + k]!);
    let sum = 0;
    for (let k = 0; k < width; k++) sum += Math.exp(logits[row + k]! - max);
    for (let k = 0; k < width; k++) out[row + k] = Math.exp(logits[row + k]! - max) / sum;
  }
  return out;
}

const sessions = new Map<string, Promise<BrepNetSession>>();

/** The session for a model, created once per host and source. A failed load is not cached. */
export async function loadModel(source: ModelSource): Promise<BrepNetSession> {
  const bytes = typeof source === 'string' || source instanceof URL ? undefined : toBytes(source);
  const key = bytes ? `sha256:${await sha256Hex(bytes)}` : String(source);
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      ort ??= runtime.load();
      const data = bytes ?? (await readSource(String(source)));
      return BrepNetSession.create(data, await ort, runtime.executionProviders ? { executionProviders: runtime.executionProviders } : {});
    })();
    sessions.set(key, session);
    session.catch(() => sessions.delete(key));
  }
  return session;
}

function toBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

async function readSource(source: string): Promise<Uint8Array> {
  if (runtime.readFile && !/^(https?|blob|data):/i.test(source)) return runtime.readFile(source);
  const response = await fetch(source);
  if (!response.ok) throw new Error(`model ${source}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
