/**
 * Features that other features cut through. Pockets that another cut runs through. A slot deeper than a pocket, crossing it, splits the
 * pocket's floor and two of its walls: each piece reads as a blind slot or open pocket of its own.
 * The removed volume tells them apart: pieces whose floors lie on one plane and whose walls lie on
 * the planes of one closed outline (two facing pairs) are one pocket, bounded by those planes,
 * that the crossing cut interrupts; they meet that cut on both sides.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot } from '../brep/vec.ts';
import type { PartFrame } from './frame.ts';
import type { FaceGraph } from './graph.ts';
import { distinctPlanes, outlineOf, type PrismaticFeature } from './prismatic.ts';
import { round4, spanAlong } from './extent.ts';
import { COPLANAR_COS_TOL, DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

const PIECES = new Set(['pocket', 'slot', 'step']);

export function joinInterruptedPockets(graph: FaceGraph, frame: PartFrame, found: PrismaticFeature[]): PrismaticFeature[] {
  const out = [...found];
  for (let i = 0; i < out.length; i++) {
    if (!isPiece(out[i]!)) continue;
    for (let j = i + 1; j < out.length; j++) {
      // Read afresh: after a join, out[i] is the joined pocket, not the piece it started from.
      const a = out[i]!;
      const b = out[j]!;
      if (!isPiece(b) || !samePlane(graph, a.floor!, b.floor!)) continue;
      const cutter = out.find((c) => c !== a && c !== b && touches(graph, a, c) && touches(graph, b, c));
      if (!cutter) continue;
      const joined = closedPocket(graph, frame, a, b);
      if (!joined) continue;
      out[i] = joined;
      out.splice(j, 1);
      j = i; // look again with the joined pocket
    }
  }
  return out;
}

function isPiece(f: PrismaticFeature): boolean {
  return PIECES.has(f.type) && f.floor !== undefined && f.through === false;
}

function samePlane(graph: FaceGraph, a: number, b: number): boolean {
  const [p, q] = [graph.faces[a]!.params, graph.faces[b]!.params];
  return dot(p.normal!, q.normal!) > 1 - COPLANAR_COS_TOL && Math.abs(dot(p.normal!, p.origin!) - dot(q.normal!, q.origin!)) < LENGTH_TOL;
}

function touches(graph: FaceGraph, a: PrismaticFeature, c: PrismaticFeature): boolean {
  const faces = new Set(c.faces);
  return a.faces.some((f) => graph.neighbours(f).some((n) => faces.has(n.face)));
}

/** The union, when its walls (planar, standing on the floor) lie on two facing pairs of planes. */
function closedPocket(graph: FaceGraph, frame: PartFrame, a: PrismaticFeature, b: PrismaticFeature): PrismaticFeature | undefined {
  const floorNormal = graph.faces[a.floor!]!.params.normal!;
  const faces = [...a.faces, ...b.faces].sort((x, y) => x - y);
  const walls = faces.filter((f) => f !== a.floor && f !== b.floor && graph.faces[f]!.surface === 'plane');
  const normals: Vec3[] = walls.map((w) => graph.faces[w]!.params.normal!);
  if (normals.some((n) => Math.abs(dot(n, floorNormal)) > DIRECTION_TOL)) return undefined;
  const facing = (n: Vec3) => normals.some((m) => dot(m, n) < -1 + DIRECTION_TOL);
  if (distinctPlanes(graph, walls) !== 4 || !normals.every(facing)) return undefined;
  // The crossing cut splits the walls it runs through: both pieces hold a part of one of them.
  // Two slots of their own, each with its facing pair, share no wall plane.
  const wallsOf = (p: PrismaticFeature) => p.faces.filter((f) => walls.includes(f));
  if (!wallsOf(a).some((w) => wallsOf(b).some((v) => distinctPlanes(graph, [w, v]) === 1))) return undefined;
  const pocket: PrismaticFeature = { type: 'pocket', outline: outlineOf(4), through: false, faces, floor: a.floor, params: {} };
  // Its size is the box of both pieces in plan: the interrupting cut's gap lies inside it.
  const plan = frame.axes.filter((axis) => Math.abs(dot(axis, floorNormal)) < 0.5);
  const [length, width] = plan.map((axis) => round4(spanAlong(graph.input, [a.floor!, b.floor!, ...walls], axis))).sort((x, y) => y - x);
  pocket.params = {
    outline: pocket.outline,
    through: false,
    depth: round4(spanAlong(graph.input, faces, floorNormal)),
    length: length!,
    width: width!,
    open: false,
    open_sides: 0,
  };
  for (const key of ['corner_radius', 'floor_radius'] as const) {
    const radii = [a.params[key], b.params[key]].filter((v): v is number => typeof v === 'number');
    if (radii.length > 0) pocket.params[key] = Math.min(...radii);
  }
  pocket.axis = floorNormal.map((v) => -v + 0) as Vec3;
  return pocket;
}

/**
 * Slots that cross: one floor, walls in facing pairs of planes, each pair running out to the
 * outside at both ends. Read as one cut it is an open pocket with four open sides; the removed
 * volume is one slot per pair of wall planes (its width their distance), crossing the others.
 * The shared floor goes with the first slot.
 */
export function splitCrossingSlots(graph: FaceGraph, f: PrismaticFeature): PrismaticFeature[] {
  if (f.type !== 'pocket' || f.params.open !== true || f.floor === undefined) return [f];
  const floorNormal = graph.faces[f.floor]!.params.normal!;
  const walls = f.faces.filter((id) => id !== f.floor);
  if (walls.some((w) => graph.faces[w]!.surface !== 'plane' || Math.abs(dot(graph.faces[w]!.params.normal!, floorNormal)) > DIRECTION_TOL))
    return [f];
  const planes: { normal: Vec3; offset: number; faces: number[] }[] = [];
  for (const w of walls) {
    const { normal, origin } = graph.faces[w]!.params;
    const offset = dot(normal!, origin!);
    const same = planes.find((p) => dot(p.normal, normal!) > 1 - COPLANAR_COS_TOL && Math.abs(p.offset - offset) < LENGTH_TOL);
    if (same) same.faces.push(w);
    else planes.push({ normal: normal!, offset, faces: [w] });
  }
  const pairs: [(typeof planes)[number], (typeof planes)[number]][] = [];
  for (const p of planes) {
    const q = planes.find((o) => dot(o.normal, p.normal) < -1 + COPLANAR_COS_TOL && !pairs.some(([x, y]) => x === o || y === o));
    if (q && !pairs.some(([x, y]) => x === p || y === p)) pairs.push([p, q]);
  }
  if (pairs.length < 2 || 2 * pairs.length !== planes.length || f.params.open_sides !== 2 * pairs.length) return [f];
  return pairs.map(([p, q], i) => {
    const faces = [...p.faces, ...q.faces, ...(i === 0 ? [f.floor!] : [])].sort((x, y) => x - y);
    const along = cross(p.normal, floorNormal);
    const slot: PrismaticFeature = { type: 'slot', outline: 'rectangular', through: true, faces, params: {}, axis: f.axis! };
    if (i === 0) slot.floor = f.floor;
    slot.params = {
      outline: 'rectangular',
      through: true,
      depth: round4(spanAlong(graph.input, [...p.faces, ...q.faces], floorNormal)),
      length: round4(spanAlong(graph.input, [f.floor!], along)),
      width: round4(Math.abs(p.offset + q.offset)),
    };
    return slot;
  });
}
