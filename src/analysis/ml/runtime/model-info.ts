/**
 * What a BRepNet ONNX file says about itself. onnxruntime's JS API does not expose an ONNX
 * model's metadata_props, so we read them from the bytes: ModelProto field 14 holds
 * StringStringEntryProto { key = 1, value = 2 } entries (the keys are listed in
 * models/training/export.py). Files without them (a bare export) fall back to Autodesk's
 * conventions: unit-box normalisation, BRepNet's statistics, classes named after the logit index.
 */
import { EDGE_FEATURE_SETS, NORMALIZATIONS, type EdgeFeatureSet, type Normalization } from '../inputs/scalar-columns.ts';
import { BREPNET_STANDARDIZATION, type Standardization } from '../inputs/standardization.ts';

export type ModelVariant = 'features' | 'uvnet';

export interface ModelInfo {
  variant: ModelVariant;
  /** Class name per logit column; empty when the file does not say (filled from the output width). */
  classes: string[];
  /** 'machining-features' (ours) or 'modelling-operations' (Autodesk's checkpoints). */
  classKind: string;
  version: string;
  normalization: Normalization;
  /** 'vectis.edge_features': which edge columns the model takes (default 'brepnet'). */
  edgeFeatures: EdgeFeatureSet;
  standardization: Standardization;
  /** Classes that are not features (their faces form no ML feature), e.g. 'stock'. */
  background: string[];
  license?: string;
  source?: string;
}

/** The metadata_props of an ONNX ModelProto. */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const text = new TextDecoder();
  let pos = 0;
  const varint = (end: number): number => {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (pos >= end) throw new Error('truncated ONNX protobuf');
      const b = bytes[pos++]!;
      value += (b & 0x7f) * factor;
      if (b < 0x80) return value;
      factor *= 128;
    }
  };
  /** Calls `field(number, start, end)` for each length-delimited field; skips the others. */
  const walk = (start: number, end: number, field: (n: number, s: number, e: number) => void) => {
    pos = start;
    while (pos < end) {
      const tag = varint(end);
      const wire = tag % 8;
      const n = Math.floor(tag / 8);
      if (wire === 0) varint(end);
      else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else if (wire === 2) {
        const len = varint(end);
        const s = pos;
        pos += len;
        if (pos > end) throw new Error('truncated ONNX protobuf');
        field(n, s, pos);
        pos = s + len; // a nested walk moved it
      } else throw new Error(`not an ONNX model (protobuf wire type ${wire})`);
    }
  };
  walk(0, bytes.length, (n, s, e) => {
    if (n !== 14) return;
    let key = '';
    let value = '';
    walk(s, e, (m, a, b) => {
      if (m === 1) key = text.decode(bytes.subarray(a, b));
      else if (m === 2) value = text.decode(bytes.subarray(a, b));
    });
    out[key] = value;
  });
  return out;
}

function json<T>(text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function modelInfo(bytes: Uint8Array, inputNames: readonly string[]): ModelInfo {
  const meta = readOnnxMetadata(bytes);
  const variant: ModelVariant = (meta['vectis.variant'] as ModelVariant | undefined) ?? (inputNames.includes('Gf') ? 'uvnet' : 'features');
  const normalization = meta['vectis.normalization'] as Normalization | undefined;
  const info: ModelInfo = {
    variant,
    classes: json<string[]>(meta['vectis.classes'], []),
    classKind: meta['vectis.class_kind'] ?? 'unknown',
    version: meta['vectis.model_version'] ?? 'unversioned',
    normalization: normalization && NORMALIZATIONS.includes(normalization) ? normalization : 'unit-box',
    edgeFeatures: EDGE_FEATURE_SETS.find((set) => set === meta['vectis.edge_features']) ?? 'brepnet',
    standardization: json<Standardization>(meta['vectis.standardization'], BREPNET_STANDARDIZATION),
    background: json<string[]>(meta['vectis.background'], ['stock']),
  };
  if (meta.license) info.license = meta.license;
  if (meta.source) info.source = meta.source;
  return info;
}
