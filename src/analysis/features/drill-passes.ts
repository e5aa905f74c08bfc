/**
 * One drill pass that other cuts cross leaves pieces of one bore on one axis line: a cross hole
 * through a bore, or the channels of a cooling plate, where a channel drilled from the side runs
 * through one or two others before it ends in its drill point. Each piece meets the crossing cut
 * (a face both pieces touch), and the pieces are one hole: through when every piece is, else
 * blind, as deep from its entry as the drill went. Coaxial holes in two walls with air between (a
 * bracket's flanges) meet no common face and stay apart; two blind holes drilled towards each
 * other are two drill passes.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import type { Hole } from './holes.ts';
import { extentAlong, round4 } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';

const BORE_TYPES = new Set<Hole['type']>(['hole', 'counterbore_hole', 'countersink_hole']);
/** What a blind piece tells of the hole's bottom. */
const BOTTOM_PARAMS = ['bottom', 'bottom_angle', 'floor_radius'];

export function joinDrillPasses(graph: FaceGraph, holes: Hole[], tol: number): Hole[] {
  const pieces = [...holes];
  for (let i = 0; i < pieces.length; i++) {
    // Each join may bring the grown hole next to further pieces: look again from the start.
    for (let j = i + 1; j < pieces.length; j++) {
      if (!joinable(graph, pieces[i]!, pieces[j]!, tol)) continue;
      pieces[i] = join(graph, pieces[i]!, pieces[j]!);
      pieces.splice(j, 1);
      j = i;
    }
  }
  return pieces;
}

function joinable(graph: FaceGraph, a: Hole, b: Hole, tol: number): boolean {
  if (!BORE_TYPES.has(a.type) || !BORE_TYPES.has(b.type) || 'thread' in a.params || 'thread' in b.params) return false;
  if (a.params.diameter !== b.params.diameter) return false;
  if (Math.abs(Math.abs(dot(a.axis, b.axis)) - 1) > DIRECTION_TOL || norm(cross(sub(b.position, a.position), a.axis)) > tol) return false;
  // One drill pass has one entry (at most one piece counterbored or countersunk) and one bottom.
  if (a.type !== 'hole' && b.type !== 'hole') return false;
  const blind = [a, b].filter((h) => h.params.through === false);
  if (blind.length > 1) return false;
  // The open piece lies on the entry side of the blind one, not beyond its bottom.
  if (blind.length === 1) {
    const [closed, open] = blind[0] === a ? [a, b] : [b, a];
    const [, openHi] = extentAlong(graph.input, open.faces, closed.axis);
    if (openHi > dot(closed.position, closed.axis) + tol) return false;
  }
  return meetCommonFace(graph, a.faces, b.faces);
}

function join(graph: FaceGraph, a: Hole, b: Hole): Hole {
  const faces = [...a.faces, ...b.faces].sort((x, y) => x - y);
  const lead = a.type !== 'hole' ? a : b.type !== 'hole' ? b : a;
  const blind = [a, b].find((h) => h.params.through === false);
  // Along the axis from the entry towards the bottom (a through hole: from its lead piece's entry).
  const axis = (blind ?? lead).axis;
  const [lo, hi] = extentAlong(graph.input, faces, axis);
  const from = blind ?? lead;
  const t = dot(from.position, axis);
  const position = from.position.map((v, k) => v + axis[k]! * (lo - t)) as Vec3;
  const params = { ...lead.params };
  if (blind) {
    for (const key of BOTTOM_PARAMS) if (key in blind.params) params[key] = blind.params[key]!;
    params.through = false;
    // The blind piece's depth runs to its floor or where its point begins: add what lies before it.
    params.depth = round4((blind.params.depth as number) + (t - lo));
  } else params.depth = round4(hi - lo);
  return { type: lead.type, faces, axis, position, params };
}

function meetCommonFace(graph: FaceGraph, a: number[], b: number[]): boolean {
  const around = (faces: number[]) =>
    new Set(faces.flatMap((f) => graph.neighbours(f).map((n) => n.face)).filter((f) => !a.includes(f) && !b.includes(f)));
  const nearA = around(a);
  return [...around(b)].some((f) => nearA.has(f));
}
