/**
 * Modelled threads on turned parts. Exporters that model a thread without a helix leave a stack of
 * coaxial V-rings: cone flanks of one angle, rising and falling in turn at a fixed pitch (sharp, or
 * with narrow cylindrical crests and roots between them). Read as grooves and chamfers such a run
 * would price as dozens of features; it is one thread, with its major diameter, pitch and length.
 */
import type { Face, Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { HALF_ANGLE_TOL_DEG, LENGTH_TOL } from './tolerance.ts';

export interface Thread {
  faces: number[];
  params: Record<string, number | string | boolean>;
}

/** Fewest flanks that make a thread: two full turns of a V. */
const MIN_FLANKS = 4;
/**
 * Included angles of standard thread forms: ISO metric and UN 60°, Whitworth 55°, trapezoidal
 * 30°, ACME 29°. A row of V-grooves at another angle (a multi-groove V-belt pulley: 34-38°) is
 * no thread.
 */
const THREAD_ANGLES = [60, 55, 30, 29];
const REL_TOL = 1e-3;

interface Flank {
  face: Face;
  /** +1 when the radius grows along the axis, -1 when it shrinks. */
  slope: number;
  mid: number;
}

export function findVRingThreads(graph: FaceGraph, coaxial: Face[], axis: Vec3): Thread[] {
  const flanks = new Map<number, Flank>();
  for (const f of coaxial) {
    if (f.surface !== 'cone') continue;
    const rims = circlesOf(graph, f, axis);
    if (rims.length !== 2 || Math.abs(rims[0]!.t - rims[1]!.t) < 1e-9) continue;
    const [a, b] = rims as [Rim, Rim];
    flanks.set(f.id, { face: f, slope: Math.sign((b.r - a.r) * (b.t - a.t)), mid: (a.t + b.t) / 2 });
  }
  // Narrow crests and roots: coaxial cylinders lying between two flanks.
  const links = coaxial.filter((f) => f.surface === 'cylinder' && new Set(neighbourIds(graph, f.id).filter((n) => flanks.has(n))).size === 2);
  const members = new Set([...flanks.keys(), ...links.map((f) => f.id)]);
  const threads: Thread[] = [];
  const seen = new Set<number>();
  for (const start of members) {
    if (seen.has(start) || !flanks.has(start)) continue;
    const run = [start];
    seen.add(start);
    for (let i = 0; i < run.length; i++) {
      for (const n of neighbourIds(graph, run[i]!)) {
        if (members.has(n) && !seen.has(n)) {
          seen.add(n);
          run.push(n);
        }
      }
    }
    const thread = describe(graph, run, flanks, axis);
    if (thread) threads.push(thread);
  }
  return threads;
}

function describe(graph: FaceGraph, run: number[], flanks: Map<number, Flank>, axis: Vec3): Thread | undefined {
  const cones = run
    .filter((id) => flanks.has(id))
    .map((id) => flanks.get(id)!)
    .sort((a, b) => a.mid - b.mid);
  if (cones.length < MIN_FLANKS) return undefined;
  const angle = cones[0]!.face.params.halfAngle!;
  const internal = cones[0]!.face.params.internal === true;
  const sameShape = cones.every(
    (c) => Math.abs(c.face.params.halfAngle! - angle) < HALF_ANGLE_TOL_DEG && (c.face.params.internal === true) === internal,
  );
  const alternating = cones.every((c, i) => i === 0 || c.slope === -cones[i - 1]!.slope);
  if (!sameShape || !alternating || !THREAD_ANGLES.some((a) => Math.abs(2 * (90 - angle) - a) < 0.5)) return undefined;
  // Pitch: the spacing of flanks that face the same way, the same all along the run.
  const rising = cones.filter((c) => c.slope === cones[0]!.slope).map((c) => c.mid);
  const gaps = rising.slice(1).map((m, i) => m - rising[i]!);
  const pitch = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (!(pitch > 0) || gaps.some((g) => Math.abs(g - pitch) > REL_TOL * pitch)) return undefined;
  const radii = run.flatMap((id) => circlesOf(graph, graph.faces[id]!, axis).map((c) => c.r));
  const [lo, hi] = extentAlong(graph.input, run, axis);
  return {
    faces: [...run].sort((a, b) => a - b),
    params: {
      form: 'v-rings',
      diameter: round4(2 * Math.max(...radii)),
      minor_diameter: round4(2 * Math.min(...radii)),
      pitch: round4(pitch),
      length: round4(hi - lo),
      angle: round4(2 * (90 - angle)),
      internal,
      ...metric(2 * Math.max(...radii), pitch, 2 * (90 - angle)),
    },
  };
}

/** ISO metric coarse pitches: M16 means 2 mm; any other pitch is written out (M16x1.5). */
const COARSE: Record<number, number> = { 3: 0.5, 4: 0.7, 5: 0.8, 6: 1, 8: 1.25, 10: 1.5, 12: 1.75, 14: 2, 16: 2, 20: 2.5, 24: 3, 30: 3.5, 36: 4 };

export function metric(major: number, pitch: number, angle: number): { designation?: string } {
  const d = Math.round(major);
  if (Math.abs(major - d) > 0.01 || Math.abs(angle - 60) > 0.5) return {};
  const p = round4(pitch);
  return { designation: COARSE[d] !== undefined && Math.abs(COARSE[d]! - p) < 1e-3 ? `M${d}` : `M${d}x${p}` };
}

interface Rim {
  r: number;
  /** Position along the axis. */
  t: number;
}

/** The face's rims, once each (a rim split into arcs is still one circle). */
function circlesOf(graph: FaceGraph, face: Face, axis: Vec3): Rim[] {
  const rims: Rim[] = [];
  for (const id of graph.edgesOf[face.id]!) {
    const e = graph.edges[id]!;
    if (e.curve !== 'circle' || e.center === undefined || e.radius === undefined) continue;
    const rim = { r: e.radius, t: dot(e.center, axis) };
    if (!rims.some((x) => Math.abs(x.r - rim.r) < LENGTH_TOL && Math.abs(x.t - rim.t) < LENGTH_TOL)) rims.push(rim);
  }
  return rims;
}

function neighbourIds(graph: FaceGraph, face: number): number[] {
  return graph
    .neighbours(face)
    .map((n) => n.face)
    .filter((n) => n !== face);
}
