/**
 * The 'infer' stage: runs the configured BRepNet model on a finished result, labels every face
 * (`label` = class name, `confidence` = softmax probability), groups connected faces of one
 * class into regions, and fuses them with the geometric features (merge.ts, fuse.ts). Any failure becomes
 * MODEL_UNAVAILABLE; without a model nothing here runs.
 */
import { AnalysisError } from '../../errors.ts';
import type { AnalysisResult, Feature } from '../../result.ts';
import { FUSION, fuseRegions, type FusionOptions } from '../fusion/fuse.ts';
import { mergeWithGeometry } from '../fusion/merge.ts';
import { loadModel, type BrepNetSession, type ModelSource, type Segmentation } from './session.ts';
import type { GridSource } from '../uvnet/uv-grids.ts';

/** A model for `analyze(bytes, { model })`: a file (bytes, URL, path) or a loaded session. */
export type ModelOption = ModelSource | BrepNetSession;

/** `grids` samples the part's UV-Net grids; only a 'uvnet' model calls it. `fusion`: see fuse.ts. */
export async function applyModel(result: AnalysisResult, model: ModelOption, grids?: GridSource, fusion: FusionOptions = FUSION): Promise<void> {
  let seg: Segmentation;
  let session: BrepNetSession;
  try {
    session = isSession(model) ? model : await loadModel(model);
    seg = await session.segment(result, grids);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AnalysisError('MODEL_UNAVAILABLE', `The segmentation model could not run: ${why}`);
  }
  const { info } = session;
  // Nothing the model could take (see segment): no labels, no ML features, no model recorded.
  if (seg.labels.length !== result.faces.length) return;
  result.faces.forEach((face, i) => {
    face.label = seg.labels[i]!;
    face.confidence = seg.confidence[i]!;
  });
  const firstId = result.features.reduce((m, f) => Math.max(m, f.id + 1), 0);
  const learned = mlFeatures(result, seg, info.version, new Set(info.background), firstId);
  // Geometry first (it measured its features), then what the model alone sees: fuse.ts.
  result.features.push(...fuseRegions(result, mergeWithGeometry(result, learned, info.classKind), info.classKind, fusion));
  result.model = { version: info.version, classKind: info.classKind, classes: seg.classes, ...(info.license ? { license: info.license } : {}) };
}

export function isSession(m: ModelOption): m is BrepNetSession {
  return typeof m === 'object' && m !== null && 'segment' in m && 'info' in m;
}

/**
 * Connected components of faces with the same class (faces connect through a shared edge),
 * background classes left out. Confidence = mean face probability of the component.
 */
export function mlFeatures(
  result: Pick<AnalysisResult, 'faces' | 'edges'>,
  seg: Pick<Segmentation, 'classIds' | 'labels' | 'confidence'>,
  modelVersion: string,
  background: Set<string>,
  firstId = 0,
): Feature[] {
  const parent = Array.from(result.faces, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const edge of result.edges) {
    const [a, ...rest] = edge.faces;
    for (const b of rest) {
      if (a !== undefined && seg.classIds[a] === seg.classIds[b]) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, number[]>();
  result.faces.forEach((_, i) => {
    if (background.has(seg.labels[i]!)) return;
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  let id = firstId;
  return [...groups.values()].map((faces): Feature => ({
    id: id++,
    type: seg.labels[faces[0]!]!,
    faces,
    params: {},
    confidence: faces.reduce((s, f) => s + seg.confidence[f]!, 0) / faces.length,
    method: 'ml',
    modelVersion,
  }));
}
