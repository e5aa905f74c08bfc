/**
 * A weldment exported as several bodies, as an estimator counts it. CAD systems write a welded
 * assembly (a base plate with an ear and a tube welded on) as one solid per member and one per
 * weld bead. A person counting its features sees the members: the plate's holes, the ear as a
 * boss, the tube as a pipe; the weld beads are joining, no machined feature, and a tube's bore is
 * what makes it a tube, no hole.
 *
 * Bodies are the part's connected sets of faces (solids share no edge). Two faces of different
 * bodies touch when they lie on one surface facing each other: planes with opposite normals on one
 * plane, or a bore and a shaft of one radius on one axis, their boxes overlapping.
 * - A weld bead is a body lying in the corner between two others: its section a triangle, two legs
 *   touching the two members it joins and one face across the corner meeting both legs, its ends
 *   (if it does not close on itself, as a ring round a tube does) planes square to both legs. Its
 *   own faces count nothing, whatever the recogniser reads on them (a ring's bore, a bead's
 *   bevels).
 * - A member a bead joins to another is welded on. Welded on, a body whose every face is coaxial
 *   with one bore through it (its outside one cylinder, its ends planes across the axis) and at
 *   least as long as its outside radius (shorter is a washer or a disc) is one Pipe, and the
 *   holes in it none; any other welded-on member is one Boss (an ear, a lug, a bracket), its holes
 *   and rounds counted as they are. The member the others are welded to is the part.
 *
 * Pure: reads the result, changes nothing.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub, unit } from '../brep/vec.ts';
import type { CountedFeature, CountedResult } from './count-units.ts';
import { bodiesOf } from './bodies.ts';

type BodyFace = Pick<Face, 'surface' | 'params' | 'bbox'>;

/** Lengths equal within this share of the part's diagonal; directions within PARALLEL. */
const CONTACT_SHARE = 1e-4;
const PARALLEL = 1e-3;

export interface Weldment {
  /** Indices of features that count nothing: on weld beads, and the bores of welded-on tubes. */
  none: Set<number>;
  bosses: number;
  pipes: number;
}

const parallel = (a: Vec3, b: Vec3) => Math.abs(Math.abs(dot(unit(a), unit(b))) - 1) <= PARALLEL;

function boxesMeet(a: BodyFace, b: BodyFace, tol: number): boolean {
  return [0, 1, 2].every((k) => a.bbox.min[k]! <= b.bbox.max[k]! + tol && b.bbox.min[k]! <= a.bbox.max[k]! + tol);
}

/** Two faces lie on one surface, facing each other. */
export function touching(a: BodyFace, b: BodyFace, tol: number): boolean {
  if (!boxesMeet(a, b, tol)) return false;
  const [p, q] = [a.params, b.params];
  if (a.surface === 'plane' && b.surface === 'plane' && p.normal && q.normal && p.origin && q.origin) {
    return dot(unit(p.normal), unit(q.normal)) <= -1 + PARALLEL && Math.abs(dot(unit(p.normal), sub(q.origin, p.origin))) <= tol;
  }
  if (a.surface === 'cylinder' && b.surface === 'cylinder' && p.axis && q.axis && p.center && q.center && p.radius && q.radius) {
    const onAxis = norm(cross(sub(q.center, p.center), unit(p.axis))) <= tol;
    return parallel(p.axis, q.axis) && onAxis && Math.abs(p.radius - q.radius) <= tol && p.internal !== q.internal;
  }
  return false;
}

/** The direction a face lies across: a plane's normal, a cylinder's axis. */
const direction = (f: BodyFace): Vec3 | undefined => (f.surface === 'plane' ? f.params.normal : f.surface === 'cylinder' ? f.params.axis : undefined);

/**
 * A weld bead: two legs (faces touching two other bodies), one face across the corner that meets
 * both legs, the rest planes square to both legs (its ends).
 */
function isBead(body: number[], legs: Map<number, number>, faces: BodyFace[], meets: (a: number, b: number) => boolean): boolean {
  const legFaces = body.filter((f) => legs.has(f));
  if (legFaces.length !== 2 || legs.get(legFaces[0]!) === legs.get(legFaces[1]!)) return false;
  const free = body.filter((f) => !legs.has(f));
  const legDirections = legFaces.map((f) => direction(faces[f]!));
  if (legDirections.some((d) => !d)) return false;
  const isEnd = (f: number) =>
    faces[f]!.surface === 'plane' && legDirections.every((d) => Math.abs(dot(unit(d!), unit(faces[f]!.params.normal!))) <= PARALLEL);
  const across = free.filter((f) => !isEnd(f));
  return across.length === 1 && legFaces.every((l) => meets(across[0]!, l));
}

/** A body whose every face is coaxial with the axis of one through bore: a tube, if long enough. */
function isTube(body: number[], faces: BodyFace[], tol: number): boolean {
  const cylinders = body.filter((f) => faces[f]!.surface === 'cylinder');
  const outside = cylinders.filter((f) => faces[f]!.params.internal !== true);
  const bores = cylinders.filter((f) => faces[f]!.params.internal === true);
  if (!outside.length || !bores.length) return false;
  const { axis, center, radius } = faces[outside[0]!]!.params;
  if (!axis || !center || !radius) return false;
  const coaxial = (f: BodyFace) => {
    if (f.surface === 'plane') return !!f.params.normal && parallel(f.params.normal, axis);
    if (f.surface !== 'cylinder' && f.surface !== 'cone') return false;
    return !!f.params.axis && !!f.params.center && parallel(f.params.axis, axis) && norm(cross(sub(f.params.center, center), unit(axis))) <= tol;
  };
  if (!body.every((f) => coaxial(faces[f]!))) return false;
  if (outside.some((f) => Math.abs(faces[f]!.params.radius! - radius) > tol)) return false;
  const along = body.flatMap((f) => [faces[f]!.bbox.min, faces[f]!.bbox.max].map((p) => dot(p, unit(axis))));
  return Math.max(...along) - Math.min(...along) >= radius - tol;
}

/** The weld beads and welded-on members of a part written as several bodies (none for one body). */
export function weldment(result: CountedResult): Weldment {
  const out: Weldment = { none: new Set(), bosses: 0, pipes: 0 };
  const { faces, edges, part } = result;
  if (!faces || !edges || !part) return out;
  const bodies = bodiesOf(faces.length, edges);
  if (bodies.length < 3) return out;
  const bodyOf = new Map(bodies.flatMap((b, i) => b.map((f) => [f, i] as const)));
  const tol = CONTACT_SHARE * norm(sub(part.bbox.max, part.bbox.min));
  const adjacent = new Set(edges.flatMap((e) => e.faces.flatMap((a) => e.faces.map((b) => `${a},${b}`))));
  const meets = (a: number, b: number) => adjacent.has(`${a},${b}`);
  const bodyFaces = faces as BodyFace[];
  // Each face touching another body: which body it touches.
  const legs = new Map<number, number>();
  const candidates = bodyFaces.flatMap((f, i) => (f.surface === 'plane' || f.surface === 'cylinder' ? [i] : []));
  for (const a of candidates) {
    for (const b of candidates) {
      if (bodyOf.get(a) !== bodyOf.get(b) && touching(bodyFaces[a]!, bodyFaces[b]!, tol)) legs.set(a, bodyOf.get(b)!);
    }
  }
  const beads = bodies.map((b, i) => (isBead(b, legs, bodyFaces, meets) ? i : -1)).filter((i) => i >= 0);
  if (!beads.length) return out;
  // Members a bead joins, and how many beads join each: the one joined most is the part.
  const joined = new Map<number, number>();
  for (const i of beads) for (const f of bodies[i]!) if (legs.has(f)) joined.set(legs.get(f)!, (joined.get(legs.get(f)!) ?? 0) + 1);
  const base = [...joined.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
  const tubes = new Set<number>();
  for (const member of joined.keys()) {
    if (member === base || beads.includes(member)) continue;
    if (isTube(bodies[member]!, bodyFaces, tol)) {
      tubes.add(member);
      out.pipes++;
    } else out.bosses++;
  }
  const silent = new Set([...beads, ...tubes]);
  (result.features as CountedFeature[]).forEach((f, i) => {
    if (!Array.isArray(f.faces) || !f.faces.length || !f.faces.every((id) => silent.has(bodyOf.get(id)!))) return;
    // On a tube only its bores are silent; on a bead everything is.
    const onBead = f.faces.every((id) => beads.includes(bodyOf.get(id)!));
    if (onBead || f.type.includes('hole')) out.none.add(i);
  });
  return out;
}
