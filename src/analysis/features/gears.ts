/**
 * Gear teeth: a tooth profile repeated at one pitch all around an axis. An estimator counts the
 * toothing once (and prices it by its tooth count), not each tooth's flanks, tips, roots, fillets
 * and chamfers. Seen in the faces:
 * - the tips: at least MIN_TEETH - 2 faces of one cylinder about the axis (outward for a gear, inward
 *   for an internal gear), equal in area, their centres at one angular pitch (a tooth split at a
 *   seam may leave one or two odd faces);
 * - the teeth: every set of faces equal in type and area, at one radius and height, repeated at a
 *   multiple of that pitch about the axis, joined into one band with the tips, down to a root
 *   circle of their own.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { coaxialFaces } from './arc-sweep.ts';
import { extentAlong, round4 } from './extent.ts';
import { partTolerance } from './tolerance.ts';

/**
 * A spur gear has at least ~12 teeth (fewer are undercut by the hob); parts merely symmetric
 * (6 ribs, 8 bolts, a hexagon of pockets) repeat fewer times, and must not read as teeth.
 */
const MIN_TEETH = 10;
/** Angles agree to a degree: far finer than any tooth pitch, far coarser than a file's rounding. */
const ANGLE_TOL = Math.PI / 180;

export interface Gear {
  faces: number[];
  axis: Vec3;
  params: { teeth: number; tip_diameter: number; root_diameter: number; face_width: number; internal: boolean };
}

interface Placed {
  face: Face;
  radius: number;
  height: number;
  angle: number;
}

export function findGears(graph: FaceGraph, candidates: Set<number>, size: number): Gear[] {
  const tol = partTolerance(size);
  const gears: Gear[] = [];
  const used = new Set<number>();
  let centroid: Vec3[] | undefined; // only for parts with tip candidates: most have none
  for (const tips of tipSets(graph, candidates, tol)) {
    if (tips.some((f) => used.has(f.id))) continue;
    const { axis, center } = tips[0]!.params as { axis: Vec3; center: Vec3 };
    centroid ??= centroids(graph);
    const place = placer(centroid, axis, center);
    const pitch = regularPitch(tips.map((f) => place(f).angle));
    if (!pitch) continue;
    const teeth = Math.round((2 * Math.PI) / pitch);
    // Every family of faces repeated at the pitch about this axis belongs to the toothing.
    const placed = graph.faces.filter((f) => candidates.has(f.id) && !used.has(f.id)).map(place);
    const families = new Map<string, Placed[]>();
    for (const p of placed) {
      const key = `${p.face.surface}|${p.face.area.toPrecision(4)}|${(p.radius / size).toFixed(4)}|${(p.height / size).toFixed(4)}`;
      families.set(key, [...(families.get(key) ?? []), p]);
    }
    const faces = [...families.values()]
      .flatMap((fam) => byPhase(fam, pitch))
      .filter((set) => set.length >= teeth - 2 && set.length <= teeth)
      .flat()
      .map((p) => p.face.id);
    // Each tip stands between its two flanks, and the toothing is what joins up with the tips
    // (flank, tip, flank, root...); repeated faces elsewhere (a bolt circle) are no part of it.
    const members = new Set([...faces, ...tips.map((f) => f.id)]);
    if (
      !tips.every(
        (t) =>
          new Set(
            graph
              .neighbours(t.id)
              .filter((n) => members.has(n.face) && n.face !== t.id)
              .map((n) => n.face),
          ).size >= 2,
      )
    )
      continue;
    const band = new Set<number>();
    for (const t of tips) if (!band.has(t.id)) bandOf(graph, members, t.id).forEach((f) => band.add(f));
    const all = [...band].sort((a, b) => a - b);
    const radii = all
      .map((id) => graph.faces[id]!)
      .filter((f) => f.surface === 'cylinder' && coaxialFaces([f, tips[0]!], tol))
      .map((f) => f.params.radius!);
    const tip = tips[0]!.params.radius!;
    const internal = tips[0]!.params.internal === true;
    const root = internal ? Math.max(...radii) : Math.min(...radii);
    // Teeth stand on a root circle of their own: a ring of equal arcs on one circle alone is no toothing.
    if (Math.abs(root - tip) < tol * 10) continue;
    all.forEach((f) => used.add(f));
    const [lo, hi] = extentAlong(graph.input, all, axis);
    gears.push({
      faces: all,
      axis,
      params: { teeth, tip_diameter: round4(2 * tip), root_diameter: round4(2 * root), face_width: round4(hi - lo), internal },
    });
  }
  return gears;
}

/** The faces of `members` joined to `start` through shared edges. */
function bandOf(graph: FaceGraph, members: Set<number>, start: number): Set<number> {
  const band = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const n of graph.neighbours(queue.pop()!)) {
      if (members.has(n.face) && !band.has(n.face)) {
        band.add(n.face);
        queue.push(n.face);
      }
    }
  }
  return band;
}

/** Groups of at least MIN_TEETH - 2 equal cylinder faces on one axis line and radius. */
function tipSets(graph: FaceGraph, candidates: Set<number>, tol: number): Face[][] {
  const cylinders = graph.faces.filter(
    (f) => candidates.has(f.id) && f.surface === 'cylinder' && f.params.axis && f.params.center && f.params.radius,
  );
  const sets: Face[][] = [];
  const seen = new Set<number>();
  for (const f of cylinders) {
    if (seen.has(f.id)) continue;
    const same = cylinders.filter(
      (g) =>
        !seen.has(g.id) &&
        g.params.internal === f.params.internal &&
        Math.abs(g.params.radius! - f.params.radius!) < tol &&
        Math.abs(g.area - f.area) <= 1e-3 * f.area &&
        coaxialFaces([f, g], tol),
    );
    same.forEach((g) => seen.add(g.id));
    // Tips stand apart, a tooth space between each two; a cylinder merely split into equal faces does not.
    const ids = new Set(same.map((g) => g.id));
    const touching = same.some((g) => graph.neighbours(g.id).some((n) => n.face !== g.id && ids.has(n.face)));
    if (same.length >= MIN_TEETH - 2 && !touching) sets.push(same);
  }
  // The outermost toothing first: a gear's tips before its hub's or bore's arcs.
  return sets.sort((a, b) => b[0]!.params.radius! - a[0]!.params.radius!);
}

/** Each face's centre from its mesh, area-weighted: the same for every copy, however each copy was triangulated. */
function centroids(graph: FaceGraph): Vec3[] {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const vertex = (i: number): Vec3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
  return graph.faces.map((face) => {
    const [first, count] = faceRanges[face.id]!;
    const c: Vec3 = [0, 0, 0];
    let total = 0;
    for (let t = first; t < first + count; t++) {
      const [a, b, e] = [0, 1, 2].map((j) => vertex(indices[t * 3 + j]!));
      const w = norm(cross(sub(b!, a!), sub(e!, a!)));
      for (let k = 0; k < 3; k++) c[k] = c[k]! + (w * (a![k]! + b![k]! + e![k]!)) / 3;
      total += w;
    }
    return c.map((v) => v / (total || 1)) as Vec3;
  });
}

/** Where a face's centre lies about the axis: radius, height along it, angle. */
function placer(centroid: Vec3[], axis: Vec3, center: Vec3): (f: Face) => Placed {
  const helper: Vec3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const e1 = unit(cross(axis, helper));
  const e2 = cross(axis, e1);
  return (face) => {
    const d = sub(centroid[face.id]!, center);
    const height = dot(d, axis);
    const radial = sub(d, [axis[0] * height, axis[1] * height, axis[2] * height]);
    return { face, radius: norm(radial), height, angle: Math.atan2(dot(radial, e2), dot(radial, e1)) };
  };
}

/** The one pitch at which sorted angles step (a step may skip one for a split tooth), or undefined. */
function regularPitch(angles: number[]): number | undefined {
  if (angles.length < MIN_TEETH - 2) return undefined;
  const sorted = [...angles].sort((a, b) => a - b);
  const steps = sorted.map((a, i) => (i + 1 < sorted.length ? sorted[i + 1]! - a : sorted[0]! + 2 * Math.PI - a));
  const pitch = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]!;
  if (pitch <= 0 || Math.round((2 * Math.PI) / pitch) < MIN_TEETH) return undefined;
  return onPitch(angles, pitch) ? pitch : undefined;
}

/**
 * A family split by where its faces sit within the pitch: a tooth's two flanks are equal faces at
 * one radius, half a tooth apart, each repeated at the pitch.
 */
function byPhase(family: Placed[], pitch: number): Placed[][] {
  const phase = (p: Placed) => ((p.angle % pitch) + pitch) % pitch;
  const sets: Placed[][] = [];
  for (const p of family) {
    const set = sets.find((s) => {
      const d = Math.abs(phase(s[0]!) - phase(p));
      return Math.min(d, pitch - d) < ANGLE_TOL;
    });
    if (set) set.push(p);
    else sets.push([p]);
  }
  return sets;
}

/** Every angle lies a whole number of pitches from the first. */
function onPitch(angles: number[], pitch: number): boolean {
  return angles.every((a) => {
    const k = (a - angles[0]!) / pitch;
    return Math.abs(k - Math.round(k)) * pitch < ANGLE_TOL;
  });
}
