/**
 * Modelled helical threads on turned parts: swept flank faces (B-splines, as exporters write them)
 * bounded by helices about the turning axis. A helix shows in its edge polyline: constant radius
 * about the axis, and axial position growing linearly with the angle turned. Its lead (axial
 * advance per turn) is the pitch of a single-start thread; the crest and root helices give the
 * major and minor diameters. Without this, the flanks make a threaded shaft look milled.
 */
import type { Vec3 } from '../result.ts';
import { cross, dot, norm, scale, sub, unit } from '../brep/vec.ts';
import { components, type FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { metric, type Thread } from './threads.ts';

const ANALYTIC = new Set(['plane', 'cylinder', 'cone', 'sphere', 'torus']);
/** Least turn an edge must make to tell a helix from a line or arc, in radians. */
const MIN_TURN = 1;

interface Helix {
  radius: number;
  /** Axial advance per turn, signed: positive for a right-hand helix. */
  lead: number;
}

/** Threads about the axis through `center`, their flanks among `candidates` (all faces when absent). */
export function findHelicalThreads(graph: FaceGraph, axis: Vec3, center: Vec3, candidates?: Set<number>): Thread[] {
  const helices = new Map<number, Helix>();
  const helixAt = (edge: number) => {
    if (!helices.has(edge)) {
      const h = helixOf(graph, edge, axis, center);
      if (h) helices.set(edge, h);
    }
    return helices.get(edge);
  };
  const flanks = new Set(
    graph.faces
      .filter(
        (f) =>
          (!candidates || candidates.has(f.id)) &&
          !ANALYTIC.has(f.surface) &&
          graph.edgesOf[f.id]!.some((e) => graph.edges[e]!.curve !== 'line' && helixAt(e)),
      )
      .map((f) => f.id),
  );
  const threads: Thread[] = [];
  for (const group of components(graph, flanks, (e) => e.faces.every((f) => flanks.has(f)))) {
    const found = group
      .flatMap((f) => graph.edgesOf[f]!)
      .map((e) => helices.get(e))
      .filter((h): h is Helix => h !== undefined);
    const lead = found[0]!.lead;
    // One thread has one lead; a mix means unrelated swept faces.
    if (!found.every((h) => Math.abs(h.lead - lead) < 1e-3 * Math.abs(lead))) continue;
    const inGroup = new Set(group);
    const radii = found.map((h) => h.radius);
    const flankLean = leanOf(graph, group, axis, center);
    // Read from mesh normals (the helix's lead tilts them a little): good to a tenth of a degree.
    const angle = Math.round(2 * Math.acos(Math.min(1, flankLean.tilt)) * (1800 / Math.PI)) / 10;
    threads.push({
      faces: [...group, ...crestsAndEnds(graph, inGroup)].sort((a, b) => a - b),
      params: {
        form: 'helical',
        diameter: round4(2 * Math.max(...radii)),
        minor_diameter: round4(2 * Math.min(...radii)),
        pitch: round4(Math.abs(lead)),
        length: round4(spanOf(graph, group, axis)),
        angle,
        internal: flankLean.inward,
        hand: lead > 0 ? 'right' : 'left',
        ...metric(2 * Math.max(...radii), Math.abs(lead), angle),
      },
    });
  }
  return threads;
}

/**
 * Crest (or root) strips between the turns and the run-out faces: faces whose only sharp edges
 * meet the thread's flanks, and small faces that close two flanks.
 */
function crestsAndEnds(graph: FaceGraph, flanks: Set<number>): number[] {
  const out: number[] = [];
  for (const f of graph.faces) {
    if (flanks.has(f.id)) continue;
    const sharp = graph.neighbours(f.id).filter((n) => n.convexity !== 'smooth' && n.face !== f.id);
    const toFlanks = new Set(sharp.filter((n) => flanks.has(n.face)).map((n) => n.face));
    if (sharp.length > 0 && sharp.every((n) => flanks.has(n.face))) out.push(f.id);
    else if (f.surface === 'plane' && toFlanks.size >= 2) out.push(f.id);
  }
  return out;
}

/** A helix about the axis, read from the edge's polyline; undefined for anything else. */
function helixOf(graph: FaceGraph, edge: number, axis: Vec3, center: Vec3): Helix | undefined {
  const { edgePositions, edgeRanges, linearDeflection } = graph.input.mesh;
  const [first, count] = edgeRanges[edge] ?? [0, 0];
  if (count < 4) return undefined;
  const e1 = unit(cross(axis, Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const e2 = cross(axis, e1);
  const pts: { r: number; z: number; a: number }[] = [];
  for (let i = first; i < first + count; i++) {
    const d = sub([edgePositions[3 * i]!, edgePositions[3 * i + 1]!, edgePositions[3 * i + 2]!], center);
    const z = dot(d, axis);
    const radial = sub(d, scale(axis, z));
    let a = Math.atan2(dot(radial, e2), dot(radial, e1));
    const prev = pts[pts.length - 1];
    if (prev) while (a - prev.a > Math.PI) a -= 2 * Math.PI;
    if (prev) while (a - prev.a < -Math.PI) a += 2 * Math.PI;
    pts.push({ r: norm(radial), z, a });
  }
  const [p0, pn] = [pts[0]!, pts[pts.length - 1]!];
  const turn = pn.a - p0.a;
  if (Math.abs(turn) < MIN_TURN || Math.abs(pn.z - p0.z) < 1e-9) return undefined;
  const radius = pts.reduce((s, p) => s + p.r, 0) / pts.length;
  const slope = (pn.z - p0.z) / turn;
  const tol = 2 * linearDeflection + 1e-3 * radius;
  const onHelix = pts.every((p) => Math.abs(p.r - radius) < tol && Math.abs(p.z - p0.z - slope * (p.a - p0.a)) < tol);
  return onHelix ? { radius, lead: 2 * Math.PI * slope } : undefined;
}

function spanOf(graph: FaceGraph, faces: number[], axis: Vec3): number {
  const [lo, hi] = extentAlong(graph.input, faces, axis);
  return hi - lo;
}

/**
 * How the flanks lean: inward when their normals face the axis on average (a thread inside a
 * bore); `tilt`, the mean |normal · axis|, is the cosine of half the thread angle (0.866 for 60°).
 */
function leanOf(graph: FaceGraph, faces: number[], axis: Vec3, center: Vec3): { inward: boolean; tilt: number } {
  const { positions, normals, indices, faceRanges } = graph.input.mesh;
  let radialSum = 0;
  let tiltSum = 0;
  let n = 0;
  for (const f of faces) {
    const [first, count] = faceRanges[f]!;
    for (let k = first * 3; k < (first + count) * 3; k++) {
      const v = indices[k]! * 3;
      const d = sub([positions[v]!, positions[v + 1]!, positions[v + 2]!], center);
      const radial = sub(d, scale(axis, dot(d, axis)));
      const normal: Vec3 = [normals[v]!, normals[v + 1]!, normals[v + 2]!];
      radialSum += dot(normal, unit(radial));
      tiltSum += Math.abs(dot(normal, axis));
      n++;
    }
  }
  return { inward: radialSum < 0, tilt: n ? tiltSum / n : 0 };
}
