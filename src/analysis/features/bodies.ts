/**
 * The bodies of a part: a STEP file may hold several solids (a weldment's plates, an assembly's
 * parts, a multi-body export), analysed as one compound. Each body is made on its own, so no
 * feature may join faces of two bodies (one hole pattern over holes of two plates, one sheet
 * paired from two plates). Bodies share no edge: a body is a set of faces connected through
 * edges (a void inside a solid, an inner shell, reads as a body of its own, which only keeps its
 * faces out of the outer shell's features, as a void is no machined feature of them).
 */
import type { FaceGraph } from './graph.ts';
import { components } from './graph.ts';

/** The body index of every face (0 for every face of a one-body part). */
export function bodyOfFaces(graph: FaceGraph): number[] {
  const bodyOf = graph.faces.map(() => 0);
  components(graph, new Set(graph.faces.map((f) => f.id)), () => true).forEach((faces, b) => faces.forEach((f) => (bodyOf[f] = b)));
  return bodyOf;
}
