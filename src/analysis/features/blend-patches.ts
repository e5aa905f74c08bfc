/**
 * Flats that rounding left. Where blends of radius r run round a face narrower than about 2r (a
 * thin slot or pin whose every edge was rounded, a corner where rounds of both senses meet), what
 * is left of the face is a small flat patch whose every edge is tangent to a blend. No cutter
 * pass of its own makes it: it is the remainder of the rounding, so it belongs to the fillet
 * round it (the one holding most of its neighbours), not to the stock.
 *
 * A patch is small against the blends: its area at most (2r)², r the largest radius of the blends
 * round it. A face the blends only border (a rounded block's side, a boss's broad top) is larger
 * and stays what it is.
 */
import type { Feature } from '../result.ts';
import type { FaceGraph } from './graph.ts';

/** Each patch among `free` faces, with the index in `features` of the fillet it joins. */
export function blendPatches(graph: FaceGraph, free: Set<number>, features: readonly Feature[]): { face: number; fillet: number }[] {
  const filletOf = new Map<number, number>();
  features.forEach((f, i) => {
    if (f.type === 'fillet' && typeof f.params.radius === 'number') f.faces.forEach((face) => filletOf.set(face, i));
  });
  const out: { face: number; fillet: number }[] = [];
  for (const face of free) {
    const around = graph.neighbours(face);
    if (around.length === 0 || !around.every((n) => n.convexity === 'smooth' && filletOf.has(n.face))) continue;
    const owners = around.map((n) => filletOf.get(n.face)!);
    const radius = Math.max(...owners.map((i) => features[i]!.params.radius as number));
    if (graph.faces[face]!.area > (2 * radius) ** 2) continue;
    // The fillet most of its edges run into; the first such one on a tie.
    const votes = new Map<number, number>();
    for (const i of owners) votes.set(i, (votes.get(i) ?? 0) + 1);
    const fillet = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    out.push({ face, fillet });
  }
  return out;
}
