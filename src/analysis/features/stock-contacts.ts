/**
 * Where a cut meets the stock (the faces on the part's box): along which stock faces, and whether
 * along a hole in one (an inner loop: a passage pierces it) or its outline.
 */
import type { Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { DIRECTION_TOL } from './tolerance.ts';

export interface StockContact {
  stockFace: number;
  /** The shared edge lies on an inner loop (a hole) of the stock face. */
  inner: boolean;
}

export function stockContacts(graph: FaceGraph, group: number[], stock: Set<number>): StockContact[] {
  const { coedges, loops } = graph.input;
  const inGroup = new Set(group);
  const contacts: StockContact[] = [];
  for (const c of coedges) {
    if (!stock.has(c.face) || c.mate < 0 || !inGroup.has(coedges[c.mate]!.face)) continue;
    contacts.push({ stockFace: c.face, inner: !loops[c.loop]!.outer });
  }
  return contacts;
}

/** Two stock faces met by the cut face opposite ways, both across the depth direction. */
export function opensOnOppositeSides(graph: FaceGraph, contacts: StockContact[], depth: Vec3): boolean {
  const sides = [...new Set(contacts.map((c) => c.stockFace))]
    .map((f) => graph.faces[f]!.params.normal!)
    .filter((n) => Math.abs(dot(n, depth)) < DIRECTION_TOL);
  return sides.some((a) => sides.some((b) => dot(a, b) < -1 + DIRECTION_TOL));
}
