/**
 * Undercuts: faces that no 3-axis setup reaches. A face is reachable along a direction when it does
 * not face away from the spindle and nothing of the part lies between it and the spindle (rays
 * cast from points on the face). Candidate directions are the part's frame axes and every
 * feature's axis, both ways: the ways a shop would clamp the part. A face hidden from all of them
 * needs a T-slot or keyseat cutter, a 5-axis machine or EDM, which a quote must know.
 */
import type { DfmIssue, Feature, Vec3 } from '../result.ts';
import { add, cross, dot, scale, sub, unit } from '../brep/vec.ts';
import type { PartFrame } from './frame.ts';
import { components, type FaceGraph } from './graph.ts';
import { RayGrid } from './rays.ts';
import { DIRECTION_TOL, RELATIVE_LENGTH_TOL } from './tolerance.ts';

/** Points tried per face: enough to see an overhang, bounded so big faces stay cheap. */
const SAMPLES_PER_FACE = 24;
/** A face leaning this little past the tool axis still counts as side-milled, not undercut. */
const FACING_TOL = 1e-3;

export function unreachableFeatures(graph: FaceGraph, frame: PartFrame, features: Feature[], skip: Set<number>): DfmIssue[] {
  const directions = candidateDirections(frame, features);
  const shared = directions.map((_, k) => k);
  // Each body is machined before it is joined (a weldment's plates): rays meet only its own faces.
  const bodies = components(graph, new Set(graph.faces.map((f) => f.id)), () => true);
  const bodyOf: number[] = [];
  bodies.forEach((faces, b) => faces.forEach((f) => (bodyOf[f] = b)));
  const grids = new Map<string, RayGrid>();
  const grid = (b: number, k: number) => {
    const key = `${b}:${k}`;
    return grids.get(key) ?? grids.set(key, new RayGrid(graph.input.mesh, directions[k]!, bodies.length > 1 ? bodies[b] : undefined)).get(key)!;
  };
  // Samples sit off the surface by more than the mesh's chord error, so a ray never grazes its own face.
  const offset = 1.5 * graph.input.mesh.linearDeflection + frame.size * RELATIVE_LENGTH_TOL;
  const hidden = new Set<number>();
  for (const face of graph.faces) {
    if (skip.has(face.id)) continue;
    const samples = faceSamples(graph, face.id, offset);
    const body = bodyOf[face.id]!;
    // The part's directions first, then the face's own (a tilted plane's normal, a bore's axis):
    // a part with a tilted body or a lone angled hole is clamped that way too.
    const own = ownDirections(graph.faces[face.id]!).map((d) => directionIndex(directions, d));
    const tried = [...new Set([...shared, ...own])];
    const blocked = samples.filter(
      ({ point, normal }) => !tried.some((k) => dot(normal, directions[k]!) >= -FACING_TOL && !grid(body, k).hits(point, 0)),
    ).length;
    // More than half hidden: a stray ray along an edge must not make an ordinary wall an undercut.
    if (samples.length > 0 && blocked * 2 > samples.length) hidden.add(face.id);
  }
  if (hidden.size === 0) return [];

  const issues: DfmIssue[] = [];
  const report = (faces: number[], what: string) => {
    issues.push({
      code: 'UNREACHABLE_FEATURE',
      severity: 'warning',
      faces,
      expected: 0,
      actual: faces.length,
      message:
        `${faces.length} face(s) of ${what} cannot be reached along any 3-axis setup direction (an undercut): ` +
        'it needs a T-slot, keyseat or undercut cutter, a 5-axis setup or EDM.',
    });
  };
  for (const f of features) {
    const faces = f.faces.filter((id) => hidden.has(id));
    if (faces.length === 0) continue;
    report(faces, `the ${f.type} (feature ${f.id})`);
    faces.forEach((id) => hidden.delete(id));
  }
  for (const group of components(graph, hidden, () => true)) report(group, 'an unrecognised cut');
  return issues;
}

/** ± the frame axes and ± every feature axis, without repeats. */
function candidateDirections(frame: PartFrame, features: Feature[]): Vec3[] {
  const out: Vec3[] = [];
  for (const a of [...frame.axes, ...features.flatMap((f) => (f.axis ? [f.axis] : []))]) {
    directionIndex(out, a);
    directionIndex(out, scale(a, -1));
  }
  return out;
}

/** Index of `d` in `list`, appended when new. */
function directionIndex(list: Vec3[], d: Vec3): number {
  const u = unit(d);
  const k = list.findIndex((o) => dot(o, u) > 1 - DIRECTION_TOL);
  return k >= 0 ? k : list.push(u) - 1;
}

/** A plane's normal, or both ways along an axis of revolution. */
function ownDirections(face: FaceGraph['faces'][number]): Vec3[] {
  if (face.surface === 'plane' && face.params.normal) return [face.params.normal];
  return face.params.axis ? [face.params.axis, scale(face.params.axis, -1)] : [];
}

/** Evenly spread triangle centroids of a face, pushed off it along its outward normal. */
function faceSamples(graph: FaceGraph, face: number, offset: number): { point: Vec3; normal: Vec3 }[] {
  const { positions, normals, indices, faceRanges } = graph.input.mesh;
  const [first, count] = faceRanges[face]!;
  const stride = Math.max(1, Math.floor(count / SAMPLES_PER_FACE));
  const samples: { point: Vec3; normal: Vec3 }[] = [];
  for (let t = first; t < first + count; t += stride) {
    const ids = [indices[3 * t]!, indices[3 * t + 1]!, indices[3 * t + 2]!];
    const p = ids.map((i): Vec3 => [positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!]);
    const centroid = scale(add(add(p[0]!, p[1]!), p[2]!), 1 / 3);
    let normal = unit(ids.reduce((acc: Vec3, i) => add(acc, [normals[3 * i]!, normals[3 * i + 1]!, normals[3 * i + 2]!]), [0, 0, 0]));
    if (dot(normal, normal) === 0) normal = unit(cross(sub(p[1]!, p[0]!), sub(p[2]!, p[0]!)));
    samples.push({ point: add(centroid, scale(normal, offset)), normal });
  }
  return samples;
}
