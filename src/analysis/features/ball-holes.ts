/**
 * Spheres in holes: a sphere centred on a hole's axis that reaches the axis closes the hole (a
 * ball end mill's bottom: `bottom: 'ball'`, `bottom_radius`); a spherical cap on its own, its rim
 * a full circle, is a dimple (a ball tool's spot, or a dimple drawn into a sheet), a blind hole
 * with a ball bottom. Read from the mesh, so it does not matter where the exporter put the
 * sphere's seam and poles.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub, unit } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import type { Hole } from './holes.ts';
import { extentAlong, round4 } from './extent.ts';
import { LENGTH_TOL } from './tolerance.ts';

/** The mesh's vertices of a face. */
function vertices(graph: FaceGraph, face: number): Vec3[] {
  const { positions, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face]!;
  const out: Vec3[] = [];
  for (let k = first * 3; k < (first + count) * 3; k++) {
    const i = indices[k]! * 3;
    out.push([positions[i]!, positions[i + 1]!, positions[i + 2]!]);
  }
  return out;
}

/** A sphere of the hole whose surface reaches the axis through its centre: it closes the hole there. */
export function closesOnAxis(graph: FaceGraph, sphere: Face, axis: Vec3): boolean {
  const { center, radius } = sphere.params;
  if (!center || !radius) return false;
  // The mesher puts a vertex on the pole of a cap; 1e-3 R leaves room for float32 positions.
  return vertices(graph, sphere.id).some((p) => norm(cross(sub(p, center), axis)) <= 1e-3 * radius + LENGTH_TOL);
}

/** Whether an internal sphere is centred on the hole axis (`ref`: a bore's axis and centre). */
export function onAxis(sphere: Face, ref: Face['params'], tol: number): boolean {
  const { center } = sphere.params;
  return (
    sphere.surface === 'sphere' &&
    sphere.params.internal === true &&
    !!center &&
    !!ref.axis &&
    !!ref.center &&
    norm(cross(sub(center, ref.center), ref.axis)) < tol
  );
}

/** A spherical cap alone (no bore): its rim (edges to other faces) circles of one size going all the way round, its pole inside. */
export function sphereCapHole(graph: FaceGraph, face: Face, tol: number): Hole | undefined {
  const { center, radius } = face.params;
  if (face.surface !== 'sphere' || face.params.internal !== true || !center || !radius) return undefined;
  const rim = graph
    .neighbours(face.id)
    .filter((n) => n.face !== face.id)
    .map((n) => graph.edges[n.edge]!);
  if (rim.length === 0 || rim.some((e) => e.curve !== 'circle' || !e.center || !e.radius)) return undefined;
  const [first] = rim;
  if (rim.some((e) => Math.abs(e.radius! - first!.radius!) > tol || norm(sub(e.center!, first!.center!)) > tol)) return undefined;
  if (rim.reduce((turn, e) => turn + e.length / e.radius!, 0) < 2 * Math.PI * 0.999) return undefined;
  // A sphere bounded by one full circle is a cap about that circle's axis; which of its two sides
  // holds the cap, the mesh's mean tells. From the centre towards the cap: into the material.
  const points = vertices(graph, face.id);
  const mean = points.reduce<Vec3>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]).map((v) => v / points.length) as Vec3;
  const toMean = sub(mean, center);
  const toRim = sub(first!.center!, center);
  // A hemisphere's rim is centred on the sphere: its mean alone gives the axis.
  const axis = norm(toRim) > tol ? unit(dot(toRim, toMean) >= 0 ? toRim : sub(center, first!.center!)) : unit(toMean);
  // The opening lies in one plane across the axis (a hemisphere written in halves has meridian
  // arcs between them: each half is no cap).
  const [rimLo, rimHi] = rimExtent(graph, rim, axis);
  if (rimHi - rimLo > tol + 1e-4 * radius) return undefined;
  const [lo, hi] = extentAlong(graph.input, [face.id], axis);
  const t = dot(center, axis);
  return {
    type: 'hole',
    faces: [face.id],
    axis,
    position: center.map((v, k) => v + axis[k]! * (lo - t)) as Vec3,
    params: { diameter: round4(2 * first!.radius!), depth: round4(hi - lo), through: false, bottom: 'ball', bottom_radius: round4(radius) },
  };
}

/** Extent along `axis` of the edges' polylines. */
function rimExtent(graph: FaceGraph, edges: { id: number }[], axis: Vec3): [number, number] {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of edges) {
    const [first, count] = edgeRanges[e.id] ?? [0, 0];
    for (let i = first; i < first + count; i++) {
      const t = dot([edgePositions[3 * i]!, edgePositions[3 * i + 1]!, edgePositions[3 * i + 2]!], axis);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
  }
  return [lo, hi];
}
