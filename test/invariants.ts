/** Structural checks every analysis result must pass, shared by the fixture and data-set tests. */
import { expect } from 'vitest';
import type { AnalysisResult, Convexity } from '../src/analysis/index.ts';

/** Face ranges tile the index buffer: every triangle belongs to exactly one face. */
export function expectFaceMapCoversEveryTriangle(r: AnalysisResult): void {
  const triangles = r.mesh.indices.length / 3;
  const owner = new Int32Array(triangles).fill(-1);
  r.mesh.faceRanges.forEach(([first, count], face) => {
    for (let t = first; t < first + count; t++) {
      expect(owner[t], `triangle ${t} claimed twice`).toBe(-1);
      owner[t] = face;
    }
  });
  expect(owner.every((f) => f >= 0)).toBe(true);
  expect(r.mesh.faceRanges.length).toBe(r.faces.length);
}

/** Coedges: next/prev are inverse, loops close, mates pair up on the same edge. */
export function expectConsistentTopology(r: AnalysisResult): void {
  for (const c of r.coedges) {
    expect(r.coedges[c.next]!.prev).toBe(c.id);
    expect(r.coedges[c.next]!.loop).toBe(c.loop);
    if (c.mate >= 0) {
      const mate = r.coedges[c.mate]!;
      expect(mate.edge).toBe(c.edge);
      expect(mate.reversed).toBe(!c.reversed);
      expect(r.coedges[mate.mate]!.edge).toBe(c.edge);
    }
  }
  for (const loop of r.loops) {
    let at = loop.coedges[0]!;
    for (let i = 0; i < loop.coedges.length; i++) at = r.coedges[at]!.next;
    expect(at).toBe(loop.coedges[0]);
  }
  for (const f of r.faces) {
    expect(r.loops[f.loops[0]!]!.outer).toBe(true);
  }
  for (const e of r.edges) for (const f of e.faces) expect(f).toBeLessThan(r.faces.length);
}

export function convexityCounts(r: AnalysisResult): Record<Convexity, number> {
  const counts: Record<Convexity, number> = { convex: 0, concave: 0, smooth: 0, none: 0 };
  for (const e of r.edges) counts[e.convexity]++;
  return counts;
}

/** Seam edges (both uses on one face) of periodic faces must be smooth. */
export function seamEdges(r: AnalysisResult) {
  return r.edges.filter((e) => {
    const uses = r.coedges.filter((c) => c.edge === e.id);
    return uses.length === 2 && uses[0]!.face === uses[1]!.face && e.curve !== 'degenerate';
  });
}
