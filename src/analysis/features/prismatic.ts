/**
 * Prismatic milled features made of planar faces: pockets, slots, steps, passages and chamfers.
 *
 * A group is the set of non-stock faces joined by concave edges (the walls and floor of one cut).
 * Its shape follows from the attributed adjacency graph alone (Analysis Situs / AAG style):
 * - a face whose edges are all concave is a closed floor → pocket;
 * - walls joined in a closed concave ring around a common direction, without floor → passage;
 * - otherwise the number of faces, which ones are parallel to the part's frame, and how walls meet
 *   the floor tell slots and steps apart.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, unit } from '../brep/vec.ts';
import { alignedAxis, type PartFrame } from './frame.ts';
import type { FaceGraph } from './graph.ts';
import { spanAlong, round4 } from './extent.ts';
import { oneWallSlot, quarterRoundSlot, roundEnds, type RoundEnds } from './round-slots.ts';
import { COPLANAR_COS_TOL, DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';
import { opensOnOppositeSides, stockContacts } from './stock-contacts.ts';
import { alongAxis, leaningOver, onePerPlane, runsOutOnto } from './cut-walls.ts';
import { chamferLegs } from './chamfer-legs.ts';
import { openSpan } from './rim-depth.ts';

export type PrismaticType = 'pocket' | 'slot' | 'step' | 'passage' | 'chamfer';
/**
 * `round-ended`: a closed slot with two half-round ends; `u-shaped`: open at one end, half-round at
 * the other; `quarter-round`: along an open side, one wall and a quarter-round at each end;
 * `half-round`: a round notch on the part's edge, half a bore open along its length (round-notches.ts);
 * `freeform`: walls swept along the cutter's axis from a free curve (swept-pockets.ts).
 */
export type Outline =
  'rectangular' | 'triangular' | '6sides' | 'slanted' | '2sides' | 'round-ended' | 'u-shaped' | 'quarter-round' | 'half-round' | 'freeform' | 'other';

export interface PrismaticFeature {
  type: PrismaticType;
  outline: Outline;
  through: boolean;
  faces: number[];
  floor?: number;
  params: Record<string, number | string | boolean>;
  axis?: Vec3;
}

export function classifyPrismatic(graph: FaceGraph, frame: PartFrame, group: number[], stock: Set<number>): PrismaticFeature | undefined {
  // Concave blends (rounded corners, floor fillets) belong to the cut but not to its shape logic:
  // two planes joined through a blend count as meeting at a concave edge.
  const blends = group.filter((f) => isBlend(graph, f));
  const planes = group.filter((f) => !blends.includes(f));
  if (planes.length === 0 || !planes.every((f) => graph.faces[f]!.surface === 'plane')) return undefined;
  const inGroup = new Set(planes);
  const blendSet = new Set(blends);
  const normal = (f: number) => graph.faces[f]!.params.normal!;
  const aligned = (f: number) => alignedAxis(frame, normal(f)) >= 0;
  const concaveInside = (f: number) => {
    const out = new Set<number>();
    for (const n of graph.neighbours(f)) {
      if (n.convexity === 'concave' && inGroup.has(n.face)) out.add(n.face);
      if (blendSet.has(n.face)) for (const m of graph.neighbours(n.face)) if (m.face !== f && inGroup.has(m.face)) out.add(m.face);
    }
    return [...out];
  };
  // A closed floor: walls (or their blends) all round its outline. Its inner loops may be
  // anything: a hole or slot through the floor interrupts it, it does not open it.
  const allConcave = (f: number) =>
    outerLoopEdges(graph, f).every((e) => graph.edges[e]!.convexity === 'concave' || graph.edges[e]!.convexity === 'smooth');

  // Faces leaning over a floor they do not reach: no wall of the cut (set once the floor is known).
  let leaning: number[] = [];
  const make = (type: PrismaticType, outline: Outline, through: boolean, floor?: number): PrismaticFeature => {
    const faces = leaning.length > 0 ? group.filter((f) => !leaning.includes(f)) : group;
    const feature: PrismaticFeature = { type, outline, through, faces, floor, params: {} };
    feature.params = { ...dimensions(graph, frame, { ...feature, faces: planes }), ...blendRadii(graph, blends, floor) };
    // Tool direction: into the floor, against its outward normal.
    if (floor !== undefined) feature.axis = normal(floor).map((v) => -v + 0) as Vec3;
    return feature;
  };

  if (planes.length === 1) {
    const f = planes[0]!;
    if (graph.convexities(f).every((c) => c === 'convex') && !aligned(f)) {
      const chamfer = make('chamfer', 'slanted', true);
      Object.assign(chamfer.params, chamferLegs(graph, f));
      delete chamfer.params.width; // a bevel's size is its legs, not its extent
      return chamfer;
    }
    return undefined;
  }

  // Inside an undercut (a T-slot's head) side walls can be all-concave too: the floor is the one
  // facing the opening the cut was made from.
  const closedFloors = planes.filter(allConcave);
  const openings = stockContacts(graph, planes, stock).map((c) => normal(c.stockFace));
  const closedFloor = closedFloors.find((f) => openings.some((o) => dot(o, normal(f)) > 1 - DIRECTION_TOL)) ?? closedFloors[0];
  const obround =
    closedFloor === undefined
      ? undefined
      : roundEnds(
          graph,
          planes.filter((f) => f !== closedFloor),
          blends,
        );
  if (obround?.ends === 2) {
    const wall = planes.find((f) => f !== closedFloor)!;
    return roundEndedSlot(graph, make('slot', 'round-ended', false, closedFloor), obround, wall, normal(closedFloor!));
  }
  if (closedFloor !== undefined) {
    leaning = leaningOver(graph, planes, [closedFloor]);
    const pocket = make(
      'pocket',
      outlineOf(
        distinctPlanes(
          graph,
          planes.filter((f) => f !== closedFloor && !leaning.includes(f)),
        ),
      ),
      false,
      closedFloor,
    );
    Object.assign(pocket.params, { open: false, open_sides: 0 });
    return pocket;
  }

  const contacts = stockContacts(graph, planes, stock);
  // A passage pierces the stock: walls around one axis, meeting the stock only along inner loops
  // (hole outlines). Walls split by crossing features still count once per plane. Where another
  // feature breaks into it (a step or chamfer opens a corner, so its outline joins the stock
  // face's outer loop), the removed volume still tells: its walls face in from all round the
  // axis, so the cut is enclosed, not open on a side as a slot's or step's is.
  // Its blends are corner rounds along the axis too: a round end or floor blend across it (an
  // obround pocket that another cut opens, its floor and walls all square to one direction) is
  // the trace of a cutter plunged along another axis, no passage.
  const axis = commonAxis(planes.map(normal));
  const blendsAlongAxis = axis !== undefined && blends.every((b) => alongAxis(graph, b, axis));
  if (axis && blendsAlongAxis && ((contacts.length > 0 && contacts.every((c) => c.inner)) || enclosesAxis(planes.map(normal), axis))) {
    const passage = make('passage', outlineOf(distinctPlanes(graph, planes)), true);
    Object.assign(passage.params, crossSection(graph, frame, planes, axis));
    return passage;
  }

  // A slot an end mill cuts through the part: two facing walls and its round ends, no floor
  // (an obround cut-out, or a U-shaped notch open at one end).
  const through = planes.length === 2 ? roundEnds(graph, planes, blends) : undefined;
  if (through) return roundEndedSlot(graph, make('slot', through.ends === 2 ? 'round-ended' : 'u-shaped', true), through, planes[0]!, through.axis);

  // A floor: the face the others stand on (concave to every other face of the group).
  // Where topology leaves it open (a corner step), the floor faces along the part's main axis.
  // A floor meets its walls at concave edges of its own; a wall of a U slot reaches the wall facing
  // it only through the round end between them, so where some candidates meet every other plane
  // directly, they are the floors (else a U slot's wall would pass for its floor).
  const candidates = planes.filter((f) => concaveInside(f).length === planes.length - 1 && aligned(f));
  const metDirectly = (f: number) => [
    ...new Set(
      graph
        .neighbours(f)
        .filter((n) => n.convexity === 'concave' && inGroup.has(n.face))
        .map((n) => n.face),
    ),
  ];
  // A wall that a crossing cut splits (a hole through a U slot's wall) may reach the floor in one
  // piece only: the floor still meets every other plane directly.
  const byFace = candidates.filter((f) => metDirectly(f).length === planes.length - 1);
  const byPlane = candidates.filter((f) => distinctPlanes(graph, metDirectly(f)) === distinctPlanes(graph, planes) - 1);
  const direct = byFace.length > 0 ? byFace : byPlane;
  // A floor that a crossing cut splits (a hole through a U slot's floor) meets its walls piece by
  // piece: its pieces together meet every other plane directly, and are one floor, no walls.
  const split = direct.length > 0 ? [] : splitFloors(graph, planes, inGroup).filter(aligned);
  const floors = direct.length > 0 ? direct : split.length > 0 ? split : candidates;
  const floor = floors.find((f) => Math.abs(dot(normal(f), frame.axes[0])) > 1 - DIRECTION_TOL) ?? floors[0];
  // Another piece of the floor's plane is floor too, never a wall.
  const floorPieces = floor !== undefined ? coplanarWith(graph, planes, floor) : [];
  const walls = planes.filter((f) => !floorPieces.includes(f));

  const quarter = quarterRoundSlot(graph, planes, blends);
  if (quarter) {
    const slot = make('slot', 'quarter-round', false, quarter.floor);
    slot.params.width = round4(spanAlong(graph.input, [quarter.floor], normal(quarter.wall)));
    slot.params.length = round4(spanAlong(graph.input, [quarter.floor], cross(normal(quarter.wall), normal(quarter.floor))));
    return slot;
  }

  // A slot that lost a straight wall to another cut: its other wall still bends round the cutter's end.
  const remnant = oneWallSlot(graph, planes, blends);
  if (remnant) {
    const { floors, wall, radius } = remnant;
    const along = cross(normal(wall), normal(floors[0]!));
    const slot = make('slot', remnant.quarter ? 'quarter-round' : 'u-shaped', false, floors[0]!);
    // Quarter rounds: as long as the floor along the side; a U: its straight wall and the end's radius.
    const length = remnant.quarter ? spanAlong(graph.input, [...floors, ...blends], along) : spanAlong(graph.input, [wall], along) + radius;
    Object.assign(slot.params, { width: round4(remnant.quarter ? radius : 2 * radius), length: round4(length) });
    return slot;
  }

  // Two planes, however many pieces crossing cuts split them into: a step (or a V slot) through.
  if (distinctPlanes(graph, planes) === 2) {
    const a = planes[0]!;
    const b = planes.find((f) => !coplanarWith(graph, [f], a).length)!;
    if (!aligned(a) && !aligned(b)) return make('slot', 'triangular', true);
    if (aligned(a) && aligned(b)) return make('step', 'rectangular', true, floor ?? a);
    const flat = aligned(a) ? a : b;
    const wall = flat === a ? b : a;
    const square = Math.abs(dot(normal(flat), normal(wall))) < DIRECTION_TOL;
    const runsThrough = opensOnOppositeSides(graph, contacts, normal(flat));
    return square && !runsThrough ? make('step', 'triangular', false, flat) : make('step', 'slanted', true, flat);
  }

  if (floor === undefined) return undefined;
  // A cutter's walls stand square on its floor or meet it: a face leaning over the floor that does
  // not reach it at a concave edge (a bevel across the cut's rim, concave to the walls only) is no
  // side of the outline; it is left to the bevel rules, or to the model.
  leaning = leaningOver(graph, walls, floorPieces);
  const standing = walls.filter((w) => !leaning.includes(w));
  // One face per wall plane: a wall that a crossing cut splits in two is still one side.
  const sides = onePerPlane(graph, standing);
  if (sides.length === 2) {
    const [a, b] = sides as [number, number];
    if (dot(normal(a), normal(b)) < -1 + DIRECTION_TOL) {
      // Half-round ends (blends as wide as the slot): an end-milled, blind slot, closed where both
      // ends are round (its floor may be broken by another cut, so it is no closed floor), U-shaped
      // where one is.
      const ends = roundEnds(graph, sides, blends);
      if (!ends) return make('slot', 'rectangular', true, floor);
      const slot = roundEndedSlot(graph, make('slot', ends.ends === 2 ? 'round-ended' : 'u-shaped', false, floor), ends, a, normal(floor));
      // A U slot's cutter enters from the part's side; where the open end runs out onto another
      // cut's face only, that cut took the far end of a round-ended pocket.
      const outside = [...runsOutOnto(graph, floorPieces, new Set(group))];
      if (ends.ends === 1 && outside.length > 0 && !outside.some((f) => stock.has(f))) slot.params.cut_short = true;
      return slot;
    }
    if (sides.every(aligned)) return make('step', 'rectangular', false, floor);
    return make('step', '2sides', true, floor);
  }
  // Two facing walls and an end, sharp inside: MFCAD's rectangular blind slot (a slot milled in
  // from the side). Anything else walled on three or more sides with a side open to the outside,
  // or with cornered blends a slot cutter would not leave, is an open pocket.
  if (sides.length === 3 && blends.length === 0 && hasFacingPair(graph, sides)) return make('slot', 'rectangular', false, floor);
  if (sides.length >= 3) {
    const open = openSides(graph, floor, new Set(group));
    // Walled all round (no half-plane holds the walls' normals), it is closed, though a cut running
    // along the floor (a cross hole) splits it so that no piece is all concave; and where another
    // cut breaks through a wall of such an outline, the opening adds no side to it (a hexagon
    // opened on one side is still six-sided).
    const closes = enclosesAxis(standing.map(normal), normal(floor));
    if (open === 0 && !closes) return undefined;
    const pocket = make('pocket', outlineOf(distinctPlanes(graph, standing) + (closes ? 0 : open)), false, floor);
    Object.assign(pocket.params, { open: open > 0, open_sides: open });
    // A split floor's pieces fall short of the outline; the walls round it bound it.
    const plan = frame.axes.filter((a) => Math.abs(dot(a, normal(floor))) < 0.5).map((a) => round4(spanAlong(graph.input, standing, a)));
    if (open === 0 && plan.length === 2) [pocket.params.length, pocket.params.width] = plan.sort((x, y) => y - x) as [number, number];
    return pocket;
  }
  return undefined;
}

/**
 * Length and width of a slot with round ends: closed, the distance between the end axes plus the
 * width; U-shaped, the straight wall from the open side to the end's axis (planar: exact) plus the
 * radius. Through the part, its depth along the cutter's axis.
 */
function roundEndedSlot(graph: FaceGraph, slot: PrismaticFeature, ends: RoundEnds, wall: number, depthDir: Vec3): PrismaticFeature {
  slot.params.width = ends.width;
  const along = cross(graph.faces[wall]!.params.normal!, depthDir);
  slot.params.length = ends.ends === 2 ? ends.length : round4(spanAlong(graph.input, [wall], along) + ends.width / 2);
  if (slot.floor === undefined) slot.params.depth = round4(openSpan(graph, slot.faces, ends.axis));
  return slot;
}

/** A passage's size across its axis (length ≥ width) and its depth along it. */
function crossSection(graph: FaceGraph, frame: PartFrame, faces: number[], axis: Vec3): Record<string, number> {
  const across = frame.axes.filter((a) => Math.abs(dot(a, axis)) < 1 - DIRECTION_TOL);
  const spans = across.map((a) => round4(spanAlong(graph.input, faces, a))).sort((x, y) => y - x);
  const out: Record<string, number> = { depth: round4(openSpan(graph, faces, axis)) };
  if (spans.length === 2 && Math.abs(Math.abs(dot(across[0]!, axis))) < DIRECTION_TOL) [out.length, out.width] = spans as [number, number];
  return out;
}

/** A cylinder or torus tangent to a neighbour: a blend inside the cut. */
function isBlend(graph: FaceGraph, face: number): boolean {
  const f = graph.faces[face]!;
  return (f.surface === 'cylinder' || f.surface === 'torus') && graph.neighbours(face).some((n) => n.convexity === 'smooth' && n.face !== face);
}

/** corner_radius from blends along the depth direction, floor_radius from those across it. */
function blendRadii(graph: FaceGraph, blends: number[], floor: number | undefined): Record<string, number> {
  if (floor === undefined || blends.length === 0) return {};
  const depth = graph.faces[floor]!.params.normal!;
  const corner: number[] = [];
  const bottom: number[] = [];
  for (const b of blends) {
    const { axis, radius, minorRadius } = graph.faces[b]!.params;
    if (graph.faces[b]!.surface === 'torus') bottom.push(minorRadius!);
    else if (axis && Math.abs(Math.abs(dot(axis, depth)) - 1) < DIRECTION_TOL) corner.push(radius!);
    else if (axis && Math.abs(dot(axis, depth)) < DIRECTION_TOL) bottom.push(radius!);
  }
  const out: Record<string, number> = {};
  if (corner.length) out.corner_radius = round4(Math.min(...corner));
  if (bottom.length) out.floor_radius = round4(Math.min(...bottom));
  return out;
}

function outerLoopEdges(graph: FaceGraph, face: number): number[] {
  const { loops, coedges } = graph.input;
  const outer = graph.faces[face]!.loops.map((l) => loops[l]!).find((l) => l.outer);
  return outer ? outer.coedges.map((c) => coedges[c]!.edge) : graph.edgesOf[face]!;
}

function hasFacingPair(graph: FaceGraph, walls: number[]): boolean {
  const n = (f: number) => graph.faces[f]!.params.normal!;
  return walls.some((a) => walls.some((b) => dot(n(a), n(b)) < -1 + DIRECTION_TOL));
}

/** Sides where the floor runs out to the outside (convex edges to faces of no cut), one per plane. */
function openSides(graph: FaceGraph, floor: number, group: Set<number>): number {
  const outside = graph.neighbours(floor).filter((n) => n.convexity === 'convex' && !group.has(n.face) && graph.faces[n.face]!.surface === 'plane');
  return distinctPlanes(graph, [...new Set(outside.map((n) => n.face))]);
}

export function outlineOf(sides: number): Outline {
  return sides === 3 ? 'triangular' : sides === 4 ? 'rectangular' : sides === 6 ? '6sides' : 'other';
}

/** A direction perpendicular to every normal (the axis the walls run along), if there is one. */
function commonAxis(normals: Vec3[]): Vec3 | undefined {
  const first = normals[0]!;
  const other = normals.find((n) => norm(cross(first, n)) > DIRECTION_TOL);
  if (!other) return undefined;
  const axis = unit(cross(first, other));
  return normals.every((n) => Math.abs(dot(n, axis)) < DIRECTION_TOL) ? axis : undefined;
}

/**
 * Wall normals (all across `axis`) that surround it: no half-plane about the axis holds them all
 * (the largest angle between neighbouring normals is under 180°). A slot's or step's walls leave
 * a side open; a passage's face in from every side.
 */
function enclosesAxis(normals: Vec3[], axis: Vec3): boolean {
  const u = unit(cross(axis, Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const v = cross(axis, u);
  const angles = normals.map((n) => Math.atan2(dot(n, v), dot(n, u))).sort((a, b) => a - b);
  const gaps = angles.map((a, i) => (i + 1 < angles.length ? angles[i + 1]! - a : angles[0]! + 2 * Math.PI - a));
  return angles.length >= 3 && Math.max(...gaps) < Math.PI - 1e-6;
}

/** The faces among `planes` on the plane of `face` (itself included). */
function coplanarWith(graph: FaceGraph, planes: number[], face: number): number[] {
  const { normal: n, origin: o } = graph.faces[face]!.params;
  return planes.filter((g) => {
    const p = graph.faces[g]!.params;
    return dot(p.normal!, n!) > 1 - COPLANAR_COS_TOL && Math.abs(dot(p.normal!, p.origin!) - dot(n!, o!)) < LENGTH_TOL;
  });
}

/**
 * Faces of a floor split in pieces (two or more on one plane) whose pieces together meet every
 * other plane of the group at concave edges of their own.
 */
function splitFloors(graph: FaceGraph, planes: number[], inGroup: Set<number>): number[] {
  const total = distinctPlanes(graph, planes);
  return planes.filter((f) => {
    const pieces = coplanarWith(graph, planes, f);
    if (pieces.length < 2) return false;
    const met = new Set(
      pieces.flatMap((p) =>
        graph
          .neighbours(p)
          .filter((n) => n.convexity === 'concave' && inGroup.has(n.face) && !pieces.includes(n.face))
          .map((n) => n.face),
      ),
    );
    return met.size > 0 && distinctPlanes(graph, [...met]) === total - 1;
  });
}

/** Number of distinct planes among the faces: a wall split in two by a crossing cut is one side. */
export function distinctPlanes(graph: FaceGraph, faces: number[]): number {
  const planes: { n: Vec3; d: number }[] = [];
  for (const f of faces) {
    const { normal: n, origin } = graph.faces[f]!.params;
    const d = dot(n!, origin!);
    if (!planes.some((p) => dot(p.n, n!) > 1 - COPLANAR_COS_TOL && Math.abs(p.d - d) < LENGTH_TOL)) planes.push({ n: n!, d });
  }
  return planes.length;
}

/** Length, width and depth in the feature's own terms (mm), rotation invariant. */
function dimensions(graph: FaceGraph, frame: PartFrame, f: PrismaticFeature): Record<string, number | string | boolean> {
  const params: Record<string, number | string | boolean> = { outline: f.outline, through: f.through };
  const input = graph.input;
  const depthDir = f.floor !== undefined ? graph.faces[f.floor]!.params.normal! : undefined;
  if (depthDir) {
    // From the floor to the face the cut opens on, past any bevel or round on its rim (rim-depth.ts).
    params.depth = round4(openSpan(graph, f.faces, depthDir));
    const plan = frame.axes.filter((a) => Math.abs(dot(a, depthDir)) < 0.5);
    const spans = plan.map((a) => round4(spanAlong(input, [f.floor!], a))).sort((x, y) => y - x);
    if (spans.length === 2) [params.length, params.width] = spans as [number, number];
  } else {
    const spans = frame.axes.map((a) => round4(spanAlong(input, f.faces, a))).sort((x, y) => y - x);
    [params.length, params.width] = [spans[0]!, spans[1]!];
  }
  return params;
}
