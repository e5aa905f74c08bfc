/**
 * Compares a result a client submitted with the server's own recomputation of the same file.
 * The server trusts nothing in the client's result: the file identity (sha256, size, schema,
 * units), every part metric, every face (surface type, orientation, area, parameters, box,
 * loops), edge, coedge and loop, the mesh (counts and face/edge ranges exactly, coordinates within
 * tolerance) and every feature (type, faces as a set, parameters, axis, confidence, method, model
 * version) are compared; lengths and areas within a tolerance, everything else exactly. Timings
 * and the file's display name are not compared. Fields added to the schema later are compared
 * too (generically), so a new feature parameter cannot be tampered with unnoticed.
 */
// The schema module alone: the verify worker loads this file and needs nothing of the engine.
import { analysisResultSchema } from '../src/analysis/index.ts';

export interface Difference {
  /** JSON path, e.g. `features[2].params.diameter` or `part.volume`. */
  path: string;
  expected?: unknown;
  actual?: unknown;
  message?: string;
}

export interface VerifyOptions {
  /** |a - b| <= abs + rel * max(|a|, |b|). Defaults suit mm lengths from the same WASM build. */
  abs?: number;
  rel?: number;
  /** Looser bound for ML confidences (onnxruntime-web and -node differ in the last digits). */
  confidenceAbs?: number;
  /** Stop after this many differences (the answer says how many were left out). */
  maxDifferences?: number;
}

const DEFAULTS: Required<VerifyOptions> = { abs: 1e-6, rel: 1e-6, confidenceAbs: 1e-3, maxDifferences: 200 };

/**
 * Top-level keys never compared: host-dependent, or the server's own envelope (`thumbnail_url`
 * included: a client sends POST /analyze's answer back as it got it). `corrections` (GET
 * /analyses/:id) are the estimator's, kept beside the pipeline's answer: a result sent back with
 * them still verifies, while features changed to match them do not.
 */
const IGNORED_TOP = new Set([
  'timings',
  'id',
  'persisted',
  'cache',
  'pipelineVersion',
  'quotation_id',
  'line_item_id',
  'created_at',
  'correlationId',
  'analysisId',
  'corrections',
  'thumbnail_url',
]);
const MESH_ARRAYS = ['positions', 'normals', 'indices', 'edgePositions'];

export interface VerifyOutcome {
  verified: boolean;
  differences: Difference[];
  /** How many differences exist in all (differences may be cut at maxDifferences). */
  differenceCount: number;
  claimedSha256?: string;
}

export function verifyResult(server: Record<string, unknown>, client: unknown, options: VerifyOptions = {}): VerifyOutcome {
  const o = { ...DEFAULTS, ...options };
  const out: Difference[] = [];
  let count = 0;
  const add = (d: Difference) => {
    count++;
    if (out.length < o.maxDifferences) out.push(d);
  };

  if (typeof client !== 'object' || client === null || Array.isArray(client)) {
    add({ path: '', message: 'The submitted result is not a JSON object.' });
    return { verified: false, differences: out, differenceCount: count };
  }
  const c = client as Record<string, unknown>;
  const claimedSha256 = typeof (c.file as { sha256?: unknown } | undefined)?.sha256 === 'string' ? (c.file as { sha256: string }).sha256 : undefined;

  // The schema first: a structurally invalid result is rejected with the schema's own complaints.
  const parsed = analysisResultSchema.safeParse(client);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 20)) {
      add({ path: formatPath(issue.path as (string | number)[]), message: `schema: ${issue.message}` });
    }
  }

  const near = (a: number, b: number, abs: number) => Math.abs(a - b) <= abs + o.rel * Math.max(Math.abs(a), Math.abs(b));

  const compare = (path: string, s: unknown, k: unknown, abs: number): void => {
    if (typeof s === 'number' && typeof k === 'number') {
      if (!(Number.isFinite(s) && Number.isFinite(k) ? near(s, k, abs) : Object.is(s, k))) add({ path, expected: s, actual: k });
      return;
    }
    if (Array.isArray(s) || Array.isArray(k)) {
      if (!Array.isArray(s) || !Array.isArray(k)) {
        add({ path, expected: summarize(s), actual: summarize(k) });
        return;
      }
      if (s.length !== k.length) add({ path: `${path}.length`, expected: s.length, actual: k.length });
      const n = Math.min(s.length, k.length);
      for (let i = 0; i < n; i++) compare(`${path}[${i}]`, s[i], k[i], abs);
      return;
    }
    if (isObject(s) && isObject(k)) {
      for (const key of new Set([...Object.keys(s), ...Object.keys(k)])) {
        const sub = path ? `${path}.${key}` : key;
        if (!(key in k)) add({ path: sub, expected: summarize(s[key]), message: 'missing' });
        else if (!(key in s)) {
          if (k[key] !== undefined) add({ path: sub, actual: summarize(k[key]), message: 'not in the server result' });
        } else compare(sub, s[key], k[key], key === 'confidence' || key === 'confidence_score' ? Math.max(abs, o.confidenceAbs) : abs);
      }
      return;
    }
    if (s !== k) add({ path, expected: s, actual: k });
  };

  for (const key of new Set([...Object.keys(server), ...Object.keys(c)])) {
    if (IGNORED_TOP.has(key)) continue;
    const s = server[key];
    const k = c[key];
    if (key === 'file') compareFile(s, k);
    else if (key === 'mesh') compareMesh(s, k);
    else if (key === 'features') compareFeatures(s, k);
    else if (!(key in c)) add({ path: key, message: 'missing' });
    else if (!(key in server)) add({ path: key, actual: summarize(k), message: 'not in the server result' });
    else compare(key, s, k, o.abs);
  }

  function compareFile(s: unknown, k: unknown): void {
    if (!isObject(s) || !isObject(k)) return add({ path: 'file', message: 'missing' });
    for (const key of new Set([...Object.keys(s), ...Object.keys(k)])) {
      if (key === 'name') continue;
      compare(`file.${key}`, s[key], k[key], 0);
    }
  }

  function compareMesh(s: unknown, k: unknown): void {
    if (!isObject(s) || !isObject(k)) return add({ path: 'mesh', message: 'missing' });
    for (const key of new Set([...Object.keys(s), ...Object.keys(k)])) {
      const sv = s[key];
      const kv = k[key];
      if (MESH_ARRAYS.includes(key) && isNumeric(sv) && isNumeric(kv)) {
        // Coordinates: one difference per array, not one per vertex.
        if (sv.length !== kv.length) {
          add({ path: `mesh.${key}.length`, expected: sv.length, actual: kv.length });
          continue;
        }
        let bad = 0;
        let first = -1;
        const abs = key === 'indices' ? 0 : 1e-4;
        for (let i = 0; i < sv.length; i++) {
          if (!near(sv[i]!, kv[i]!, abs)) {
            bad++;
            if (first < 0) first = i;
          }
        }
        if (bad) add({ path: `mesh.${key}[${first}]`, expected: sv[first], actual: kv[first], message: `${bad} values differ` });
      } else compare(`mesh.${key}`, sv, kv, o.abs);
    }
  }

  function compareFeatures(s: unknown, k: unknown): void {
    if (!Array.isArray(s) || !Array.isArray(k)) return add({ path: 'features', expected: summarize(s), actual: summarize(k) });
    if (s.length !== k.length) add({ path: 'features.length', expected: s.length, actual: k.length });
    // Match by id when ids are unique, else by position.
    const byId = new Map<unknown, Record<string, unknown>>();
    for (const f of k) if (isObject(f)) byId.set(f.id, f);
    s.forEach((sf, i) => {
      if (!isObject(sf)) return;
      const kf = byId.size === k.length ? byId.get(sf.id) : (k[i] as unknown);
      const path = `features[${i}]`;
      if (!isObject(kf)) return add({ path, expected: summarize(sf), message: 'missing' });
      compare(path, { ...sf, faces: sortedFaces(sf.faces) }, { ...kf, faces: sortedFaces(kf.faces) }, o.abs);
    });
    if (byId.size === k.length) {
      const ids = new Set(s.map((f) => (isObject(f) ? f.id : undefined)));
      k.forEach((kf, i) => {
        if (isObject(kf) && !ids.has(kf.id)) add({ path: `features[${i}]`, actual: summarize(kf), message: 'not in the server result' });
      });
    }
  }

  return { verified: count === 0, differences: out, differenceCount: count, claimedSha256 };
}

function sortedFaces(v: unknown): unknown {
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? [...(v as number[])].sort((a, b) => a - b) : v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

function isNumeric(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function summarize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length > 8 ? `[${v.length} items]` : v;
  if (isObject(v)) {
    const s = JSON.stringify(v);
    return s.length > 200 ? `${s.slice(0, 200)}…` : v;
  }
  return v;
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : String(p)), '');
}
