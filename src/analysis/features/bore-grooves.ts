/**
 * Internal grooves in a bore (circlip, O-ring or relief grooves): a wider coaxial cylinder between
 * two annular shoulders, with the narrower bore on both sides. A counterbore is wider too but opens
 * to the entry; a groove is closed by the bore on both sides, so no drill or end mill from the entry
 * makes it (a grooving or keyseat cutter does), and it must not be read as a counterbore.
 */
import type { Face } from '../result.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { LENGTH_TOL } from './tolerance.ts';

export interface BoreGroove {
  faces: number[];
  params: Record<string, number | string | boolean>;
}

/** Splits the grooves off a hole's faces (`members`: coaxial bores and axial disks around `axis`). */
export function splitBoreGrooves(graph: FaceGraph, members: number[], axis: Face['params']): { grooves: BoreGroove[]; rest: number[] } {
  const inHole = new Set(members);
  const face = (id: number) => graph.faces[id]!;
  const bores = members.filter((id) => face(id).surface === 'cylinder');
  const grooves: (BoreGroove & { at: number })[] = [];
  for (const id of bores) {
    const radius = face(id).params.radius!;
    const [lo, hi] = extentAlong(graph.input, [id], axis.axis!);
    // Another part of a groove already found (its band written in halves): the same groove.
    const part = grooves.find((g) => g.params.diameter === round4(2 * radius) && g.params.width === round4(hi - lo) && Math.abs(g.at - lo) < 1e-4);
    if (part) {
      const own = [id, ...new Set(graph.neighbours(id).map((n) => n.face))].filter((n) => n === id || (inHole.has(n) && face(n).surface === 'plane'));
      part.faces = [...part.faces, ...own].sort((a, b) => a - b);
      own.forEach((f) => inHole.delete(f));
      continue;
    }
    const shoulders = [...new Set(graph.neighbours(id).map((n) => n.face))].filter((n) => inHole.has(n) && face(n).surface === 'plane');
    if (shoulders.length !== 2) continue;
    // Each shoulder steps down to a narrower bore of the same hole: bore on both sides.
    const inner = shoulders.map((s) => narrowerBore(graph, s, id, radius, inHole));
    if (inner.some((r) => r === undefined)) continue;
    const faces = [id, ...shoulders].sort((a, b) => a - b);
    const params = { diameter: round4(2 * radius), width: round4(hi - lo), depth: round4(radius - Math.max(...(inner as number[]))), internal: true };
    // A groove written in parts (halves of its band and shoulders): one groove.
    const same = grooves.find((g) => g.params.diameter === params.diameter && g.params.width === params.width && Math.abs(g.at - lo) < 1e-4);
    if (same) same.faces = [...same.faces, ...faces].sort((a, b) => a - b);
    else grooves.push({ faces, params, at: lo });
    faces.forEach((f) => inHole.delete(f));
  }
  return { grooves: grooves.map(({ faces, params }) => ({ faces, params })), rest: members.filter((id) => inHole.has(id)) };
}

/** Radius of a bore narrower than `radius` across `shoulder` from `groove`, if there is one. */
function narrowerBore(graph: FaceGraph, shoulder: number, groove: number, radius: number, inHole: Set<number>): number | undefined {
  const radii = graph
    .neighbours(shoulder)
    .map((n) => graph.faces[n.face]!)
    .filter((f) => f.id !== groove && inHole.has(f.id) && f.surface === 'cylinder' && f.params.radius! < radius - LENGTH_TOL)
    .map((f) => f.params.radius!);
  return radii.length > 0 ? Math.max(...radii) : undefined;
}
