/**
 * Flats milled on a turned part: a plane along the turning axis that cuts into a turned outside
 * diameter, so that the turned surface meets it along both of its long sides. A cutter passed
 * across the whole section there (a D flat, a spanner flat, a flat for a set screw): milling
 * work on a lathe part, which a quote prices as a milled step, not as turned work. A keyway's
 * floor is no flat (its long sides meet the keyway's walls, not the turned surface). The planes
 * across the axis where the flat stops short of a shoulder or an end (its end walls: they meet
 * the flat at a concave edge and carry its straight edge, so no lathe made them) are part of it.
 *
 * Dimensions: `depth` below the diameter it cuts (R − d, d the flat's distance from the axis),
 * `width` its chord (2√(R² − d²)), `length` along the axis.
 */
import type { Face, Vec3 } from '../result.ts';
import { dot, sub } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import type { Found } from './geometric-feature.ts';
import { extentAlong, round4 } from './extent.ts';
import { DIRECTION_TOL, LENGTH_TOL } from './tolerance.ts';

const across = (f: Face, axis: Vec3) => f.surface === 'plane' && Math.abs(Math.abs(dot(f.params.normal!, axis)) - 1) < DIRECTION_TOL;

/**
 * Flats among `free` (faces no lathe feature took) of a part turned about the line through
 * `center` along `axis`; `coaxial` are the turned faces.
 */
export function findTurnedFlats(graph: FaceGraph, axis: Vec3, center: Vec3, coaxial: Set<number>, free: Set<number>): Found[] {
  const flats: Found[] = [];
  for (const f of graph.faces) {
    if (!free.has(f.id) || f.surface !== 'plane' || Math.abs(dot(f.params.normal!, axis)) > DIRECTION_TOL) continue;
    const d = Math.abs(dot(sub(f.params.origin!, center), f.params.normal!));
    // Its long sides: straight edges along the axis where it meets an outside turned cylinder it cuts into.
    const sides = graph.neighbours(f.id).filter((n) => {
      const other = graph.faces[n.face]!;
      const edge = graph.edges[n.edge]!;
      return (
        coaxial.has(n.face) &&
        other.surface === 'cylinder' &&
        other.params.internal === false &&
        other.params.radius! > d + LENGTH_TOL &&
        edge.curve === 'line' &&
        isAlong(graph, n.edge, axis)
      );
    });
    if (sides.length < 2 || !twoSides(graph, sides, f, axis)) continue;
    const radius = Math.max(...sides.map((n) => graph.faces[n.face]!.params.radius!));
    const walls = [
      ...new Set(
        graph
          .neighbours(f.id)
          .filter((n) => n.convexity === 'concave' && free.has(n.face) && across(graph.faces[n.face]!, axis))
          .map((n) => n.face),
      ),
    ];
    const [lo, hi] = extentAlong(graph.input, [f.id], axis);
    flats.push({
      type: 'step',
      faces: [f.id, ...walls].sort((a, b) => a - b),
      params: {
        outline: 'flat',
        through: walls.length === 0,
        depth: round4(radius - d),
        width: round4(2 * Math.sqrt(radius * radius - d * d)),
        length: round4(hi - lo),
      },
      axis: f.params.normal!.map((c) => -c) as Vec3,
    });
  }
  return flats;
}

/** A line edge parallel to the axis (its mesh polyline's ends). */
function isAlong(graph: FaceGraph, edge: number, axis: Vec3): boolean {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const [first, count] = edgeRanges[edge] ?? [0, 0];
  if (count < 2) return false;
  const p = (i: number): Vec3 => [edgePositions[3 * i]!, edgePositions[3 * i + 1]!, edgePositions[3 * i + 2]!];
  const d = sub(p(first + count - 1), p(first));
  const length = Math.hypot(...d);
  return length > 0 && Math.abs(dot(d, axis)) / length > 1 - 1e-4;
}

/** The side edges lie on both sides of the flat's centre line (across it, in its plane). */
function twoSides(graph: FaceGraph, sides: { edge: number }[], flat: Face, axis: Vec3): boolean {
  const { edgePositions, edgeRanges } = graph.input.mesh;
  const n = flat.params.normal!;
  const u: Vec3 = [axis[1] * n[2] - axis[2] * n[1], axis[2] * n[0] - axis[0] * n[2], axis[0] * n[1] - axis[1] * n[0]];
  const offsets = sides.map(({ edge }) => {
    const [first] = edgeRanges[edge]!;
    return dot([edgePositions[3 * first]!, edgePositions[3 * first + 1]!, edgePositions[3 * first + 2]!], u);
  });
  return Math.max(...offsets) - Math.min(...offsets) > LENGTH_TOL;
}
