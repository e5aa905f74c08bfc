/**
 * Feature instances against MFInstSeg-style labels (AAGNet): the labels hold, besides a class
 * per face, an N×N matrix whose row i marks the faces of face i's feature instance (stock faces
 * have empty rows). Ours are the result's features, each split into face-connected pieces: a
 * pattern of equal holes is one feature with a count, but as many instances as holes.
 *
 * A truth instance is found when one predicted instance of the same class overlaps it with
 * intersection-over-union ≥ 0.5 (each prediction used once, best overlaps first), and found
 * exactly when the face sets are equal.
 */
import { STOCK_CLASS } from './classes.ts';

export interface Instance {
  faces: number[];
  cls: number;
}

export interface InstanceScore {
  truth: number;
  predicted: number;
  /** Same class and IoU ≥ 0.5. */
  matched: number;
  /** Same class and the same faces. */
  exact: number;
  precision: number;
  recall: number;
  f1: number;
}

export const MATCH_IOU = 0.5;

/** Truth instances from the matrix; classes by the majority of their faces' labels. */
export function truthInstances(inst: readonly (readonly number[])[], classes: readonly number[]): Instance[] {
  const seen = new Set<string>();
  const out: Instance[] = [];
  inst.forEach((row) => {
    const faces = row.flatMap((v, j) => (v ? [j] : []));
    const key = faces.join(',');
    if (faces.length === 0 || seen.has(key)) return;
    seen.add(key);
    const cls = majority(faces.map((f) => classes[f] ?? STOCK_CLASS));
    if (cls !== STOCK_CLASS) out.push({ faces, cls });
  });
  return out;
}

/** Our instances: every feature cut into face-connected pieces, stock-class pieces left out. */
export function predictedInstances(
  faceClasses: readonly number[],
  edges: readonly { faces: readonly number[] }[],
  features: readonly { faces: readonly number[] }[],
): Instance[] {
  const neighbours = faceClasses.map(() => new Set<number>());
  for (const e of edges) for (const a of e.faces) for (const b of e.faces) if (a !== b) neighbours[a]?.add(b);
  const out: Instance[] = [];
  for (const feature of features) {
    const left = new Set(feature.faces);
    for (const start of feature.faces) {
      if (!left.delete(start)) continue;
      const piece = [start];
      for (let k = 0; k < piece.length; k++) {
        for (const n of neighbours[piece[k]!] ?? []) if (left.delete(n)) piece.push(n);
      }
      const cls = majority(piece.map((f) => faceClasses[f] ?? STOCK_CLASS));
      if (cls !== STOCK_CLASS) out.push({ faces: piece.sort((a, b) => a - b), cls });
    }
  }
  return out;
}

export function scoreInstances(truth: readonly Instance[], predicted: readonly Instance[]): InstanceScore {
  const pairs: { t: number; p: number; iou: number }[] = [];
  truth.forEach((t, ti) =>
    predicted.forEach((p, pi) => {
      if (t.cls !== p.cls) return;
      const iou = overlap(t.faces, p.faces);
      if (iou >= MATCH_IOU) pairs.push({ t: ti, p: pi, iou });
    }),
  );
  pairs.sort((a, b) => b.iou - a.iou);
  const usedT = new Set<number>();
  const usedP = new Set<number>();
  let exact = 0;
  for (const { t, p, iou } of pairs) {
    if (usedT.has(t) || usedP.has(p)) continue;
    usedT.add(t);
    usedP.add(p);
    if (iou === 1) exact++;
  }
  return withRates({ truth: truth.length, predicted: predicted.length, matched: usedT.size, exact });
}

export function sumInstanceScores(scores: readonly InstanceScore[]): InstanceScore {
  const sum = { truth: 0, predicted: 0, matched: 0, exact: 0 };
  for (const s of scores) {
    sum.truth += s.truth;
    sum.predicted += s.predicted;
    sum.matched += s.matched;
    sum.exact += s.exact;
  }
  return withRates(sum);
}

function withRates(s: Pick<InstanceScore, 'truth' | 'predicted' | 'matched' | 'exact'>): InstanceScore {
  const precision = s.predicted ? s.matched / s.predicted : 0;
  const recall = s.truth ? s.matched / s.truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...s, precision, recall, f1 };
}

function overlap(a: readonly number[], b: readonly number[]): number {
  const set = new Set(a);
  const common = b.filter((f) => set.has(f)).length;
  return common / (a.length + b.length - common);
}

/** The most frequent value; ties go to the smaller id so the answer does not depend on face order. */
function majority(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}
