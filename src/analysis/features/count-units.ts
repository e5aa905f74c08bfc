/**
 * What an estimator counts of a feature the recogniser reports in full: the quote needs every
 * bevel and every bore, but a person counting features sees fewer units.
 *
 * - An edge break is no chamfer to count: a bevel whose legs are a small share of the part (at most
 *   EDGE_BREAK_SHARE of its diagonal) is the sharp-edge break a drawing asks for in a general note
 *   ("break all edges"), done by the contour pass; a bevel the part's shape shows is counted.
 * - A modelled internal thread is one threaded hole: its flanks may be written as several swept
 *   faces and its bore as several coaxial pieces (the major-diameter strips between the flanks, the
 *   minor-diameter crests), each of which the recogniser reports; an estimator sees one hole with
 *   one thread. Pieces are one when they lie on one axis line.
 * - A slot counterbored for a bolt's head (round-ended slots on one centre line, stacked in depth,
 *   each narrower and shorter than the one above it) is one slot, as a counterbored hole is one
 *   hole.
 * - An axial bore of a turned part is a hole to an estimator (drilled, then perhaps bored to
 *   size), however the lathe rules describe it: one Hole per bore, its steps included (as a
 *   counterbored hole is one hole), up to the largest drill a shop stocks. A wider bore is bored
 *   from tube or a ring: the stock's shape, no hole.
 *
 * Pure: reads the result, changes nothing (face classes and features stay the recogniser's).
 */
import type { Edge, Face, Feature, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';

/** Twist drills a shop stocks end about here (turning.ts keeps wider axial bores as lathe work). */
export const MAX_DRILL_DIAMETER = 50;
/** A chamfer's larger leg up to this share of the part's diagonal is an edge break. */
export const EDGE_BREAK_SHARE = 0.02;
/** Faces lie on a thread's axis line when their centres are this share of its diameter off it. */
const ON_AXIS_SHARE = 0.25;

export type CountedFeature = Pick<Feature, 'type' | 'method' | 'params' | 'faces' | 'axis'>;
export interface CountedResult {
  features: Pick<Feature, 'type' | 'method' | 'params'>[];
  /** With faces and the part's box the rules below apply; without them every feature counts. */
  faces?: Pick<Face, 'area' | 'bbox' | 'params' | 'surface'>[];
  part?: { bbox: { min: Vec3; max: Vec3 } };
  /** Which faces each edge joins and how: which lathe faces touch, where a web stands. */
  edges?: Pick<Edge, 'faces' | 'convexity'>[];
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/**
 * The larger leg of a chamfer: its measured distances; else from its width across (the model's
 * `width`, or its faces' area over its length) as equal legs, width / √2, the least the larger
 * leg can be.
 */
export function chamferSize(feature: CountedFeature, faces: NonNullable<CountedResult['faces']>): number {
  const p = feature.params;
  const legs = Math.max(num(p.distance), num(p.distance2));
  if (legs > 0) return legs;
  const length = num(p.length);
  const area = feature.faces.reduce((s, id) => s + (faces[id]?.area ?? 0), 0);
  const width = num(p.width) || (length > 0 ? area / length : Infinity);
  return width / Math.SQRT2;
}

function diagonal(part: { bbox: { min: Vec3; max: Vec3 } }): number {
  return norm(sub(part.bbox.max, part.bbox.min));
}

/** Chamfers that are edge breaks (indices into `result.features`). */
export function edgeBreaks(result: CountedResult): Set<number> {
  const { faces, part } = result;
  const out = new Set<number>();
  if (!faces || !part) return out;
  const limit = EDGE_BREAK_SHARE * diagonal(part);
  (result.features as CountedFeature[]).forEach((f, i) => {
    if (f.type === 'chamfer' && Array.isArray(f.faces) && chamferSize(f, faces) <= limit) out.add(i);
  });
  return out;
}

const centre = (f: Pick<Face, 'bbox'>): Vec3 => [0, 1, 2].map((k) => (f.bbox.min[k]! + f.bbox.max[k]!) / 2) as Vec3;

interface AxisLine {
  point: Vec3;
  axis: Vec3;
  tol: number;
}

function onLine(line: AxisLine, p: Vec3): boolean {
  return norm(cross(sub(p, line.point), line.axis)) <= line.tol;
}

/**
 * Threads and their holes as an estimator counts them: units per feature index for threads and
 * holes whose count changes (absent: counted as reported). Each axis line a thread's faces lie on
 * is one Threaded Feature; of the holes whose faces lie on those lines only the first counts.
 */
export function threadedHoleUnits(result: CountedResult): Map<number, number> {
  const units = new Map<number, number>();
  const faces = result.faces;
  if (!faces) return units;
  const features = result.features as CountedFeature[];
  const lines: AxisLine[] = [];
  features.forEach((f, i) => {
    if (f.type !== 'thread' || !f.axis || !Array.isArray(f.faces)) return;
    const tol = ON_AXIS_SHARE * Math.max(num(f.params.diameter), 1e-6);
    let own = 0;
    for (const id of f.faces) {
      const p = centre(faces[id]!);
      if (lines.some((l) => Math.abs(Math.abs(dot(l.axis, f.axis!)) - 1) < 1e-3 && onLine(l, p))) continue;
      lines.push({ point: p, axis: f.axis, tol });
      own++;
    }
    units.set(i, own);
  });
  if (!lines.length) return units;
  const taken = new Set<AxisLine>();
  features.forEach((f, i) => {
    if (!HOLES.has(f.type) || !f.axis || !Array.isArray(f.faces)) return;
    const hit = lines.filter(
      (l) => Math.abs(Math.abs(dot(l.axis, f.axis!)) - 1) < 1e-3 && f.faces.some((id) => onLine(l, faceCentreOnAxis(faces[id]!))),
    );
    if (!hit.length) return;
    // A hole on thread lines another hole already stands for is a piece of that threaded hole.
    const fresh = hit.filter((l) => !taken.has(l));
    hit.forEach((l) => taken.add(l));
    const count = num(f.params.count) || 1;
    if (fresh.length < hit.length) units.set(i, Math.max(0, count - (hit.length - fresh.length)));
  });
  return units;
}

const HOLES = new Set(['hole', 'counterbore_hole', 'countersink_hole', 'counterdrill_hole']);

/** A bore's centre lies on its axis (params.center); other faces give their box's centre. */
function faceCentreOnAxis(f: Pick<Face, 'bbox' | 'params'>): Vec3 {
  return f.params.center ?? centre(f);
}

/**
 * Axial bores of a turned part as an estimator counts them: the internal `turned_diameter`
 * features, joined into one bore where their faces touch or meet one face between them (the
 * shoulder of a step); a bore counts when its narrowest diameter is a drill's.
 */
export function turnedBoreCount(result: CountedResult): number {
  const { edges } = result;
  if (!edges) return 0;
  const bores = (result.features as CountedFeature[]).filter(
    (f) => f.type === 'turned_diameter' && f.params.internal === true && Array.isArray(f.faces),
  );
  if (!bores.length) return 0;
  const touching = new Map<number, Set<number>>();
  for (const e of edges) {
    for (const a of e.faces) for (const b of e.faces) if (a !== b) (touching.get(a) ?? touching.set(a, new Set()).get(a)!).add(b);
  }
  const near = (a: number) => new Set([a, ...(touching.get(a) ?? [])]);
  const parent = bores.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  bores.forEach((a, i) => {
    const reach = new Set(a.faces.flatMap((f) => [...near(f)]));
    bores.forEach((b, j) => {
      // Directly adjacent, or both next to one face (the step's shoulder between two diameters).
      if (j > i && b.faces.some((f) => reach.has(f) || [...near(f)].some((g) => reach.has(g)))) parent[root(j)] = root(i);
    });
  });
  const narrowest = new Map<number, number>();
  bores.forEach((b, i) => narrowest.set(root(i), Math.min(narrowest.get(root(i)) ?? Infinity, num(b.params.diameter) || Infinity)));
  return [...narrowest.values()].filter((d) => d <= MAX_DRILL_DIAMETER).length;
}

/** Centres this share of the wider slot's width apart (beyond their depths) are one centre line. */
const STACK_SHARE = 0.01;

/**
 * Round-ended slots stacked into one counterbored slot: units per feature index for the slots
 * that count nothing (every slot of a stack but the first).
 */
export function stackedSlots(result: CountedResult): Set<number> {
  const out = new Set<number>();
  const faces = result.faces;
  if (!faces) return out;
  const slots = (result.features as CountedFeature[]).flatMap((f, i) => {
    const [w, l, d] = [num(f.params.width), num(f.params.length), num(f.params.depth)];
    if (
      f.type !== 'slot' ||
      f.params.outline !== 'round-ended' ||
      f.params.count !== undefined ||
      !Array.isArray(f.faces) ||
      !(w > 0 && l > 0 && d > 0)
    )
      return [];
    const boxes = f.faces.map((id) => faces[id]!.bbox);
    const centre = [0, 1, 2].map((k) => (Math.min(...boxes.map((b) => b.min[k]!)) + Math.max(...boxes.map((b) => b.max[k]!))) / 2) as Vec3;
    return [{ i, w, l, d, centre }];
  });
  const parent = new Map(slots.map((s) => [s.i, s.i]));
  const root = (i: number): number => (parent.get(i) === i ? i : root(parent.get(i)!));
  for (const a of slots) {
    for (const b of slots) {
      // a inside b's outline, on b's centre line, the two touching in depth.
      const tol = STACK_SHARE * b.w;
      if (a.w < b.w - tol && a.l < b.l - tol && norm(sub(a.centre, b.centre)) <= (a.d + b.d) / 2 + tol) parent.set(root(a.i), root(b.i));
    }
  }
  for (const s of slots) if (root(s.i) !== s.i) out.add(s.i);
  return out;
}
