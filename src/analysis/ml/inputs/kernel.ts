/**
 * BRepNet's topology inputs (docs/model-inputs.md §b) for the winged-edge kernel that both Autodesk checkpoints
 * and our models use, plus the edge and face pooling indices. All row-major Int32Array; the
 * session widens them to int64 for onnxruntime.
 *
 * Kernel walks (`kernels/winged_edge.json`), per coedge c:
 *   Kf [C × 2]: f, mf                       (face of c, face of mate(c))
 *   Ke [C × 5]: e, ne, pe, mne, mpe         (edge of c, next(c), prev(c), next(mate(c)), prev(mate(c)))
 *   Kc [C × 6]: '', m, n, p, mn, mp         (c, mate, next, prev, next(mate), prev(mate))
 * mate(c) = c where the edge has no opposite use (a sphere's pole), as in the reference.
 */
import type { Coedge } from '../../result.ts';

export const FACE_WALKS = ['f', 'mf'] as const;
export const EDGE_WALKS = ['e', 'ne', 'pe', 'mne', 'mpe'] as const;
export const COEDGE_WALKS = ['', 'm', 'n', 'p', 'mn', 'mp'] as const;

/**
 * Faces with fewer coedges than this are max-pooled together with an all-zero row (the
 * reference pads its "small face" block to 30 columns with an index to a zero row).
 */
export const SMALL_FACE_COEDGES = 30;

export interface KernelIndices {
  Kf: Int32Array;
  Ke: Int32Array;
  Kc: Int32Array;
  /** [E × 2]: the coedges of each edge, increasing; an edge with one coedge repeats it. */
  Ce: Int32Array;
  /**
   * [F × K], K = max(30, most coedges on one face): the face's coedges, then padding. Padding is
   * C (an all-zero row the network appends) for faces with < 30 coedges, else C + 1 (a row of
   * -3e38, neutral for max). That reproduces the reference's zero-row quirk (docs/model-inputs.md §b).
   */
  Cf: Int32Array;
  K: number;
}

/** Walks a kernel string over the coedge topology (docs/model-inputs.md §b: n → next, p → prev, m → mate). */
export function walk(coedges: readonly Coedge[], start: number, path: string): number {
  let c = start;
  for (const step of path) {
    const at = coedges[c]!;
    if (step === 'n') c = at.next;
    else if (step === 'p') c = at.prev;
    else if (step === 'm') c = at.mate >= 0 ? at.mate : c;
    else throw new Error(`unknown kernel step '${step}'`);
  }
  return c;
}

export function kernelIndices(coedges: readonly Coedge[], faceCount: number, edgeCount: number): KernelIndices {
  const C = coedges.length;
  const Kf = new Int32Array(C * FACE_WALKS.length);
  const Ke = new Int32Array(C * EDGE_WALKS.length);
  const Kc = new Int32Array(C * COEDGE_WALKS.length);
  for (let c = 0; c < C; c++) {
    const co = coedges[c]!;
    if (co.id !== c) throw new Error(`coedge ${c} has id ${co.id}: coedges must be listed in id order`);
    // The walks end in 'f' / 'e': the path before it is walked over coedges.
    FACE_WALKS.forEach((w, j) => (Kf[c * FACE_WALKS.length + j] = coedges[walk(coedges, c, w.slice(0, -1))]!.face));
    EDGE_WALKS.forEach((w, j) => (Ke[c * EDGE_WALKS.length + j] = coedges[walk(coedges, c, w.slice(0, -1))]!.edge));
    COEDGE_WALKS.forEach((w, j) => (Kc[c * COEDGE_WALKS.length + j] = walk(coedges, c, w)));
  }

  const ofEdge: number[][] = Array.from({ length: edgeCount }, () => []);
  const ofFace: number[][] = Array.from({ length: faceCount }, () => []);
  for (const co of coedges) {
    ofEdge[co.edge]!.push(co.id);
    ofFace[co.face]!.push(co.id);
  }
  const Ce = new Int32Array(edgeCount * 2);
  ofEdge.forEach((uses, e) => {
    // An edge in no loop (open body) has nothing to pool; BRepNet rejects such bodies.
    if (uses.length === 0) throw new Error(`edge ${e} is used by no face: open or non-manifold body`);
    // Non-manifold edges (> 2 uses) are also rejected by the reference; we pool the first two.
    Ce[2 * e] = uses[0]!;
    Ce[2 * e + 1] = uses[1] ?? uses[0]!;
  });

  let K = SMALL_FACE_COEDGES;
  for (const uses of ofFace) K = Math.max(K, uses.length);
  const Cf = new Int32Array(faceCount * K);
  ofFace.forEach((uses, f) => {
    const pad = uses.length < SMALL_FACE_COEDGES ? C : C + 1;
    for (let k = 0; k < K; k++) Cf[f * K + k] = k < uses.length ? uses[k]! : pad;
  });
  return { Kf, Ke, Kc, Ce, Cf, K };
}
