/**
 * Ears drawn in a plate's outline, as an estimator counts them. A plate cut from a profile (every
 * face an extrusion of one outline) may carry an ear on one of its faces: two parallel flat sides
 * standing out of that face, run on tangentially into a half-round about a hole, flush with the
 * plate's other two faces. The recogniser reads the half-round as outline and each side with the
 * face it stands out of as a step (the stock box reaches the ear's end); a person sees a lug, a
 * Boss with its hole, and no step.
 *
 * The rule: an outward cylinder in no feature with a hole on its axis, tangent (smooth edges) to
 * two planes facing apart across it, each of which meets at a concave edge one plane that faces
 * the way the ear stands out (across the axis and across the sides, the cylinder's axis in front
 * of it). Each such ear is one Boss; a step whose faces hold one of its sides counts nothing.
 *
 * Pure: reads the result's faces, edges and features, changes nothing.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { CountedFeature, CountedResult } from './count-units.ts';

/** Directions this close (|cos| within) are parallel; below it, across. */
const PARALLEL = 1e-3;

export interface Ears {
  /** One entry per ear: its half-round face. */
  ears: number[];
  /** Step features (indices into `result.features`) walled by an ear's side. */
  steps: Set<number>;
}

export function findEars(result: CountedResult): Ears {
  const none: Ears = { ears: [], steps: new Set() };
  const { faces, edges } = result;
  if (!faces || !edges) return none;
  const features = result.features as CountedFeature[];
  const claimed = new Set(features.flatMap((f) => (Array.isArray(f.faces) ? f.faces : [])));
  const across = new Map<number, { face: number; convexity: string }[]>();
  for (const e of edges) {
    const [a, b] = e.faces;
    if (a === undefined || b === undefined || a === b) continue;
    (across.get(a) ?? across.set(a, []).get(a)!).push({ face: b, convexity: e.convexity });
    (across.get(b) ?? across.set(b, []).get(b)!).push({ face: a, convexity: e.convexity });
  }
  const holeBores = features.filter((f) => /hole$/.test(f.type) && Array.isArray(f.faces)).flatMap((f) => f.faces);
  const sideOf = new Map<number, number>();
  const ears: number[] = [];
  faces.forEach((round, id) => {
    const { axis, center, radius } = round.params;
    if (claimed.has(id) || round.surface !== 'cylinder' || round.params.internal !== false || !axis || !center || !radius) return;
    const tol = 1e-3 * radius;
    const onAxis = (p: Vec3 | undefined) => !!p && norm(cross(sub(p, center), axis)) <= tol;
    // The lug's hole: a bore of a hole feature on the half-round's axis.
    if (!holeBores.some((h) => faces[h]?.surface === 'cylinder' && onAxis(faces[h]!.params.center))) return;
    const sides = (across.get(id) ?? []).filter((n) => n.convexity === 'smooth' && faces[n.face]?.surface === 'plane').map((n) => n.face);
    if (sides.length !== 2) return;
    const [n1, n2] = sides.map((s) => faces[s]!.params.normal!);
    if (!n1 || !n2 || dot(n1, n2) > -1 + PARALLEL || Math.abs(dot(n1, axis)) > PARALLEL) return;
    // The face the ear stands out of: across the axis and the sides, the axis in front of it.
    const standsOn = (side: number) =>
      (across.get(side) ?? []).some((n) => {
        const f = faces[n.face]!;
        const nf = f.params.normal;
        return (
          n.convexity === 'concave' &&
          f.surface === 'plane' &&
          !!nf &&
          !!f.params.origin &&
          Math.abs(dot(nf, axis)) < PARALLEL &&
          Math.abs(dot(nf, n1)) < PARALLEL &&
          dot(sub(center, f.params.origin), nf) > tol
        );
      });
    if (!sides.every(standsOn)) return;
    ears.push(id);
    sides.forEach((s) => sideOf.set(s, id));
  });
  const steps = new Set<number>();
  features.forEach((f, i) => {
    if (f.type === 'step' && Array.isArray(f.faces) && f.faces.some((id) => sideOf.has(id))) steps.add(i);
  });
  return { ears, steps };
}
