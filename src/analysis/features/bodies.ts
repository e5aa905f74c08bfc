/**
 * The bodies of a part: a STEP file may hold several solids (a weldment's plates, an assembly's
 * parts, a multi-body export), analysed as one compound. Each body is made on its own, so no
 * feature may join faces of two bodies (one hole pattern over holes of two plates, one sheet
 * paired from two plates). Bodies share no edge: a body is a set of faces connected through
 * edges (a void inside a solid, an inner shell, reads as a body of its own, which only keeps its
 * faces out of the outer shell's features, as a void is no machined feature of them).
 */
import type { Edge } from '../result.ts';
import type { FaceGraph } from './graph.ts';

/** Connected sets of faces (a body's faces all reach one another through shared edges). */
export function bodiesOf(faceCount: number, edges: Pick<Edge, 'faces'>[]): number[][] {
  const parent = Array.from({ length: faceCount }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const e of edges) for (const f of e.faces.slice(1)) parent[root(f)] = root(e.faces[0]!);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < faceCount; i++) (groups.get(root(i)) ?? groups.set(root(i), []).get(root(i))!).push(i);
  return [...groups.values()];
}

/** The body index of every face (0 for every face of a one-body part). */
export function bodyOfFaces(graph: FaceGraph): number[] {
  const bodyOf = graph.faces.map(() => 0);
  bodiesOf(graph.faces.length, graph.input.edges).forEach((faces, b) => faces.forEach((f) => (bodyOf[f] = b)));
  return bodyOf;
}
