/**
 * Slots cut into the wall of another cut. A slot milled from the side of an opening (radial slots
 * in a ledge round a window, a comb of slots off a pocket's wall) ends where the cutter stopped:
 * on the plane of the wall behind it, which the CAD system then writes as one face with that wall.
 * Its two walls and its floor are concave to that face, so slot and opening form one cut group
 * that no single shape explains, and the whole group fell to stock.
 *
 * The removed volume still shows each slot on its own: a floor plane, two planar walls facing each
 * other across it (antiparallel normals, both square to the floor, each concave to it) and one end
 * face, standing on the floor, that closes them; none of the three meets any other face of the
 * group at a concave edge. Each such triple is a blind rectangular slot (`width` between the walls,
 * `depth` the walls' height over the floor, `length` the floor along the walls); the end face stays
 * with the rest of the group.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { round4, spanAlong } from './extent.ts';
import type { PrismaticFeature } from './prismatic.ts';
import { DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

/**
 * The slots peeled off a group no other rule read. The rest (the opening the slots end on, its
 * ledge in pieces between them) stays unread: its faces no longer form the shape they were cut
 * as, and a guess at it would be a wrong feature.
 */
export function wallSlots(graph: FaceGraph, group: number[]): PrismaticFeature[] {
  const inGroup = new Set(group);
  const slots: PrismaticFeature[] = [];
  const taken = new Set<number>();
  for (const floor of group) {
    if (taken.has(floor)) continue;
    const slot = slotOnFloor(graph, floor, inGroup, taken);
    if (!slot) continue;
    slot.faces.forEach((f) => taken.add(f));
    slots.push(slot);
  }
  return slots;
}

function slotOnFloor(graph: FaceGraph, floor: number, inGroup: Set<number>, taken: Set<number>): PrismaticFeature | undefined {
  const plane = (f: number) => graph.faces[f]!.surface === 'plane';
  if (!plane(floor)) return undefined;
  const up = graph.faces[floor]!.params.normal!;
  const concave = (f: number) =>
    new Set(
      graph
        .neighbours(f)
        .filter((n) => n.convexity === 'concave' && inGroup.has(n.face) && n.face !== f)
        .map((n) => n.face),
    );
  // Sharp only: a blend inside the group belongs to some other shape's logic.
  if (graph.neighbours(floor).some((n) => n.convexity === 'smooth' && inGroup.has(n.face))) return undefined;
  const standing = [...concave(floor)].filter((f) => plane(f) && !taken.has(f) && Math.abs(dot(graph.faces[f]!.params.normal!, up)) < DIRECTION_TOL);
  for (const a of standing) {
    for (const b of standing) {
      const [na, nb] = [graph.faces[a]!.params.normal!, graph.faces[b]!.params.normal!];
      if (b <= a || dot(na, nb) > -1 + DIRECTION_TOL) continue;
      // Facing each other: each wall's outward normal points across the gap at the other.
      const width = dot(sub(graph.faces[b]!.params.origin!, graph.faces[a]!.params.origin!), na);
      if (width <= LENGTH_TOL) continue;
      const ends = [...concave(floor)].filter((f) => f !== a && f !== b);
      if (ends.length !== 1) continue;
      const end = ends[0]!;
      if (!plane(end) || Math.abs(dot(graph.faces[end]!.params.normal!, up)) > DIRECTION_TOL) continue;
      const closes = (wall: number) => {
        const met = concave(wall);
        return (
          met.size === 2 && met.has(floor) && met.has(end) && !graph.neighbours(wall).some((n) => n.convexity === 'smooth' && inGroup.has(n.face))
        );
      };
      if (!closes(a) || !closes(b)) continue;
      return slotOf(graph, floor, a, b, width, up);
    }
  }
  return undefined;
}

function slotOf(graph: FaceGraph, floor: number, a: number, b: number, width: number, up: Vec3): PrismaticFeature {
  const along = unit(cross(graph.faces[a]!.params.normal!, up));
  return {
    type: 'slot',
    outline: 'rectangular',
    through: false,
    faces: [floor, a, b].sort((x, y) => x - y),
    floor,
    axis: up.map((v) => -v + 0) as Vec3,
    params: {
      outline: 'rectangular',
      through: false,
      width: round4(width),
      depth: round4(spanAlong(graph.input, [a, b], up)),
      length: round4(spanAlong(graph.input, [floor], along)),
    },
  };
}
