/**
 * Gussets as an estimator counts them: a thin triangular web that stiffens an inside corner (a
 * bracket's two legs, a tube standing on a plate). The recogniser has no gusset feature; it reads
 * the space beside a web as a cut (an open pocket, a slot) whose walls are the web's faces. An
 * estimator sees one gusset there and no cut.
 *
 * A web, from the B-Rep alone: a plane T (its slanted top) between two parallel planes S1, S2
 * facing apart (its sides, `t` apart), square to T and joined to it at convex edges; each side
 * stands on the part only at concave edges (its feet; slivers a few per cent of its area aside),
 * on at least two faces that meet each other at a concave edge (the corner it braces), and T leans
 * on a plane foot (it is neither parallel nor square to it: a rib's top is parallel to its floor).
 * The web is thin: `t` at most half the square root of a side's area.
 *
 * Pure: reads the result, changes no feature or face class.
 */
import type { Edge, Face, Vec3 } from '../result.ts';
import { dot, sub } from '../brep/vec.ts';

/** Normals this close to parallel (|cos|) are parallel; this close to 0, square. */
const PARALLEL_COS = 0.999;
const SQUARE_COS = 0.05;
/** T leans on a plane foot between these angles (degrees): neither along it nor square to it. */
const LEAN_DEG: readonly [number, number] = [10, 80];
/** A side's other convex neighbours are slivers (small blends or bevels where the web meets a foot). */
const SLIVER_SHARE = 0.05;
/** Thin: thickness at most this share of the square root of a side's area. */
const THIN_SHARE = 0.5;

type CountFace = Pick<Face, 'surface' | 'area' | 'params'>;

export interface Gusset {
  /** Top and both sides. */
  faces: [number, number, number];
  thickness: number;
}

export function findGussets(faces: CountFace[], edges: Pick<Edge, 'faces' | 'convexity'>[]): Gusset[] {
  const neighbours = faces.map(() => new Map<number, Edge['convexity']>());
  for (const e of edges) {
    const [a, b] = e.faces;
    if (a === undefined || b === undefined || a === b) continue;
    neighbours[a]!.set(b, e.convexity);
    neighbours[b]!.set(a, e.convexity);
  }
  const plane = (id: number) => faces[id]?.surface === 'plane' && faces[id]!.params.normal && faces[id]!.params.origin;
  const normal = (id: number) => faces[id]!.params.normal as Vec3;
  const concave = (a: number, b: number) => neighbours[a]!.get(b) === 'concave';
  const found: Gusset[] = [];
  const taken = new Set<number>();
  faces.forEach((_, top) => {
    if (!plane(top) || taken.has(top)) return;
    const sides = [...neighbours[top]!]
      .filter(([n, c]) => c === 'convex' && plane(n) && Math.abs(dot(normal(n), normal(top))) < SQUARE_COS)
      .map(([n]) => n);
    for (const s1 of sides) {
      for (const s2 of sides) {
        if (s2 <= s1 || dot(normal(s1), normal(s2)) > -PARALLEL_COS) continue;
        const thickness = Math.abs(dot(sub(faces[s1]!.params.origin!, faces[s2]!.params.origin!), normal(s1)));
        const web = new Set([top, s1, s2]);
        const feet = [s1, s2].map((s) => sideFeet(s, web));
        if (feet.some((f) => !f)) continue;
        if (![s1, s2].every((s) => thickness <= THIN_SHARE * Math.sqrt(faces[s]!.area))) continue;
        // Both sides brace a corner: two of their feet meet at a concave edge.
        if (!feet.every((f) => f!.some((a) => f!.some((b) => a < b && concave(a, b))))) continue;
        if (!leansOnAFoot(top, web)) continue;
        found.push({ faces: [top, s1, s2], thickness });
        web.forEach((f) => taken.add(f));
        return;
      }
    }
  });
  return found;

  /** A side's feet (concave neighbours), or undefined when it stands out of the part anywhere else. */
  function sideFeet(side: number, web: Set<number>): number[] | undefined {
    const feet: number[] = [];
    for (const [n, c] of neighbours[side]!) {
      if (web.has(n)) continue;
      if (c === 'concave') feet.push(n);
      else if (faces[n]!.area > SLIVER_SHARE * faces[side]!.area) return undefined;
    }
    return feet.length >= 2 ? feet : undefined;
  }

  function leansOnAFoot(top: number, web: Set<number>): boolean {
    return [...neighbours[top]!].some(([n, c]) => {
      if (c !== 'concave' || web.has(n) || !plane(n)) return false;
      const deg = (Math.acos(Math.min(1, Math.abs(dot(normal(n), normal(top))))) * 180) / Math.PI;
      return deg >= LEAN_DEG[0] && deg <= LEAN_DEG[1];
    });
  }
}
