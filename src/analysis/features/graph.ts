/**
 * The view of an analysis the recogniser works on: faces, edges and their adjacency, with
 * helpers the feature rules share. Pure data, no engine: recognition is plain TypeScript.
 */
import type { AnalysisResult, Convexity, Edge, Face } from '../result.ts';

export type RecognizerInput = Pick<AnalysisResult, 'faces' | 'edges' | 'coedges' | 'loops' | 'mesh'>;

export class FaceGraph {
  readonly faces: Face[];
  readonly edges: Edge[];
  /** Edge ids around each face. */
  readonly edgesOf: number[][];

  constructor(readonly input: RecognizerInput) {
    this.faces = input.faces;
    this.edges = input.edges;
    this.edgesOf = input.faces.map((): number[] => []);
    for (const e of input.edges) for (const f of e.faces) this.edgesOf[f]!.push(e.id);
  }

  /** Faces across each edge of `face`, with the edge's convexity. */
  neighbours(face: number): { face: number; edge: number; convexity: Convexity }[] {
    const out: { face: number; edge: number; convexity: Convexity }[] = [];
    for (const id of this.edgesOf[face]!) {
      const e = this.edges[id]!;
      for (const other of e.faces) if (other !== face) out.push({ face: other, edge: id, convexity: e.convexity });
    }
    return out;
  }

  convexities(face: number): Convexity[] {
    return this.edgesOf[face]!.map((id) => this.edges[id]!.convexity);
  }
}

/** Connected components of `members` where `linked(a, b, edge)` says two faces belong together. */
export function components(graph: FaceGraph, members: Set<number>, linked: (edge: Edge) => boolean): number[][] {
  const parent = new Map<number, number>();
  for (const f of members) parent.set(f, f);
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of graph.edges) {
    if (e.faces.length !== 2 || !linked(e)) continue;
    const [a, b] = e.faces as [number, number];
    if (members.has(a) && members.has(b)) parent.set(find(a), find(b));
  }
  const groups = new Map<number, number[]>();
  for (const f of [...members].sort((a, b) => a - b)) {
    const root = find(f);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
