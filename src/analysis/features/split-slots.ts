/**
 * A closed round-ended slot (an obround pocket) that a deeper cut crosses leaves two U slots: one
 * floor plane, one pair of wall planes, one width, each open where the crossing cut took the
 * middle and round at its far end, and both opening into that same cut. The removed volume is
 * one slot, as long as its end axes are apart plus its width.
 */
import type { Vec3 } from '../result.ts';
import { dot, norm, scale, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4 } from './extent.ts';
import { distinctPlanes, type PrismaticFeature } from './prismatic.ts';
import { COPLANAR_COS_TOL, LENGTH_TOL } from './tolerance.ts';

export function joinSplitSlots(graph: FaceGraph, found: PrismaticFeature[]): PrismaticFeature[] {
  const out = [...found];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const joined = isHalf(out[i]!) && isHalf(out[j]!) ? join(graph, out[i]!, out[j]!, out) : undefined;
      if (!joined) continue;
      out[i] = joined;
      out.splice(j, 1);
      break;
    }
  }
  return out;
}

function isHalf(f: PrismaticFeature): boolean {
  return f.type === 'slot' && f.outline === 'u-shaped' && f.through === false && f.floor !== undefined;
}

function join(graph: FaceGraph, a: PrismaticFeature, b: PrismaticFeature, found: PrismaticFeature[]): PrismaticFeature | undefined {
  const width = a.params.width as number;
  if (Math.abs(width - (b.params.width as number)) > LENGTH_TOL * Math.max(1, width)) return undefined;
  const [p, q] = [graph.faces[a.floor!]!.params, graph.faces[b.floor!]!.params];
  if (dot(p.normal!, q.normal!) < 1 - COPLANAR_COS_TOL || Math.abs(dot(p.normal!, sub(p.origin!, q.origin!))) > LENGTH_TOL) return undefined;
  const walls = (f: PrismaticFeature) =>
    f.faces.filter((id) => id !== f.floor && graph.faces[id]!.surface === 'plane' && Math.abs(dot(graph.faces[id]!.params.normal!, p.normal!)) < 0.5);
  if (distinctPlanes(graph, [...walls(a), ...walls(b)]) !== 2) return undefined;
  const [ca, cb] = [endCentre(graph, a, width), endCentre(graph, b, width)];
  const cutters = found.filter((c) => c !== a && c !== b).map((c) => c.faces);
  if (!ca || !cb || !meetOneCut(graph, a.faces, b.faces, cutters)) return undefined;
  // The round ends face away from each other: the slot runs from one end axis to the other.
  const gap = sub(ca, cb);
  const apart = norm(sub(gap, scale(p.normal!, dot(gap, p.normal!))));
  if (apart <= width) return undefined;
  const faces = [...a.faces, ...b.faces].sort((x, y) => x - y);
  const params = {
    ...a.params,
    outline: 'round-ended',
    length: round4(apart + width),
    depth: Math.max(a.params.depth as number, b.params.depth as number),
  };
  return { type: 'slot', outline: 'round-ended', through: false, faces, floor: a.floor, params, axis: a.axis as Vec3 };
}

/** The centre of the half-round end: a cylinder of the slot whose diameter is its width. */
function endCentre(graph: FaceGraph, f: PrismaticFeature, width: number): Vec3 | undefined {
  const end = f.faces
    .map((id) => graph.faces[id]!)
    .find((g) => g.surface === 'cylinder' && Math.abs(2 * g.params.radius! - width) < 1e-4 * Math.max(1, width));
  return end?.params.center;
}

/**
 * The cut that took the slot's middle meets both pieces: one face outside both (a bore) or one
 * other feature (a slot's two walls, one met by each piece).
 */
function meetOneCut(graph: FaceGraph, a: number[], b: number[], cutters: number[][]): boolean {
  const around = (faces: number[]) =>
    new Set(faces.flatMap((f) => graph.neighbours(f).map((n) => n.face)).filter((f) => !a.includes(f) && !b.includes(f)));
  const [nearA, nearB] = [around(a), around(b)];
  return [...nearB].some((f) => nearA.has(f)) || cutters.some((c) => c.some((f) => nearA.has(f)) && c.some((f) => nearB.has(f)));
}
