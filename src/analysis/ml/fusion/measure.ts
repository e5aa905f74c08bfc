/**
 * Dimensions of a model-only region, measured from its faces: the model says what a region might
 * be, only geometry says how big it is. Each family of the model's classes has one measure that
 * needs the surfaces that family is made of (a hole needs coaxial bores, a fillet constant-radius
 * blends, a chamfer a plane or cone at an angle to its neighbours, a pocket/slot/step walls and a
 * floor); where they are not there (B-spline faces, a region unlike its label), nothing is measured
 * and the region is reported for review instead (fuse.ts). Lengths in mm to 0.1 µm, angles in degrees.
 */
import type { Edge, Feature, Vec3 } from '../../result.ts';
import { cross, dot, norm, sub } from '../../brep/vec.ts';
import { round4, spanAlong } from '../../features/extent.ts';
import { FaceGraph } from '../../features/graph.ts';

export interface Measured {
  type: string;
  params: Feature['params'];
  axis?: Vec3;
}

const PARALLEL = 1 - 1e-6;

const DEG = 180 / Math.PI;

/** What each of the model's classes is in our vocabulary, and how it is measured. */
const FAMILIES: Record<
  string,
  { type: string; measure: (g: FaceGraph, faces: number[]) => Feature['params'] | undefined; params?: Feature['params'] }
> = {
  chamfer: { type: 'chamfer', measure: measureChamfer },
  round: { type: 'fillet', measure: measureBlend },
  through_hole: { type: 'hole', measure: measureBore, params: { through: true } },
  blind_hole: { type: 'hole', measure: measureBore, params: { through: false } },
  counterbore: { type: 'counterbore_hole', measure: measureBore },
  countersunk_hole: { type: 'countersink_hole', measure: measureBore },
  Oring: { type: 'oring_groove', measure: measureRing },
  turned_groove: { type: 'groove', measure: measureRing },
  ...prismatic(
    'pocket',
    ['triangular_pocket', 'triangular'],
    ['rectangular_pocket', 'rectangular'],
    ['6sides_pocket', '6sides'],
    ['circular_end_pocket', 'round-ended'],
  ),
  ...prismatic('passage', ['triangular_passage', 'triangular'], ['rectangular_passage', 'rectangular'], ['6sides_passage', '6sides']),
  ...prismatic(
    'slot',
    ['triangular_through_slot', 'triangular'],
    ['rectangular_through_slot', 'rectangular'],
    ['circular_through_slot', 'round-ended'],
    ['rectangular_blind_slot', 'rectangular'],
    ['v_circular_end_blind_slot', 'u-shaped'],
    ['h_circular_end_blind_slot', 'quarter-round'],
  ),
  ...prismatic(
    'step',
    ['rectangular_through_step', 'rectangular'],
    ['2sides_through_step', '2sides'],
    ['slanted_through_step', 'slanted'],
    ['triangular_blind_step', 'triangular'],
    ['circular_blind_step', 'round-ended'],
    ['rectangular_blind_step', 'rectangular'],
  ),
};

function prismatic(type: string, ...classes: [string, string][]) {
  return Object.fromEntries(classes.map(([cls, outline]) => [cls, { type, measure: measureRecess, params: { outline } }]));
}

/** The region as a feature of our vocabulary with its dimensions, or undefined when they cannot be measured. */
export function measureRegion(graph: FaceGraph, label: string, faces: number[]): Measured | undefined {
  const family = FAMILIES[label];
  if (!family) return undefined;
  const params = family.measure(graph, faces);
  if (!params) return undefined;
  return { type: family.type, params: { ...family.params, ...params } };
}

/**
 * Fillets: cylinders, tori and spheres that share one blend radius (a chain with its corners), and
 * that blend: tangent (smooth edges) to faces on both sides. A boss's side or a part's rounded
 * outline meets its neighbours at sharp edges.
 */
function measureBlend(g: FaceGraph, faces: number[]): Feature['params'] | undefined {
  if (edgesOut(g, faces, 'smooth') < 2) return undefined;
  const radii = faces.map((f) => {
    const face = g.faces[f]!;
    if (face.surface === 'cylinder' || face.surface === 'sphere') return face.params.radius;
    if (face.surface === 'torus') return face.params.minorRadius;
    return undefined;
  });
  if (!radii.every((r): r is number => r !== undefined && r > 0)) return undefined;
  const radius = Math.min(...radii);
  if (Math.max(...radii) - radius > 1e-3 * radius) return undefined;
  // A blend bulges outwards (a rounded edge) unless its surface wraps around the material's outside.
  const convex = faces.every((f) => g.faces[f]!.params.internal !== true);
  return { radius: round4(radius), convex };
}

/** Holes: internal cylinders on one axis; the smallest is the drill, a larger one a counterbore. */
function measureBore(g: FaceGraph, faces: number[]): Feature['params'] | undefined {
  const bores = faces.filter((f) => g.faces[f]!.surface === 'cylinder' && g.faces[f]!.params.internal === true);
  if (bores.length === 0) return undefined;
  const axis = g.faces[bores[0]!]!.params.axis;
  const center = g.faces[bores[0]!]!.params.center;
  if (!axis || !center || !bores.every((f) => coaxial(g.faces[f]!.params, axis, center))) return undefined;
  const radii = [...new Set(bores.map((f) => round4(g.faces[f]!.params.radius!)))].sort((a, b) => a - b);
  const params: Feature['params'] = { diameter: round4(2 * radii[0]!), depth: round4(spanAlong(g.input, faces, axis)) };
  if (radii.length > 1) params.counterbore_diameter = round4(2 * radii[radii.length - 1]!);
  return params;
}

/** Ring grooves: an inner and an outer cylinder on one axis. */
function measureRing(g: FaceGraph, faces: number[]): Feature['params'] | undefined {
  const cylinders = faces.filter((f) => g.faces[f]!.surface === 'cylinder');
  if (cylinders.length === 0) return undefined;
  const { axis, center } = g.faces[cylinders[0]!]!.params;
  if (!axis || !center || !cylinders.every((f) => coaxial(g.faces[f]!.params, axis, center))) return undefined;
  const radii = cylinders.map((f) => g.faces[f]!.params.radius!);
  const inner = Math.min(...radii);
  const outer = Math.max(...radii);
  const depth = round4(spanAlong(g.input, faces, axis));
  if (outer - inner < 1e-6) return depth > 0 ? { diameter: round4(2 * inner), depth } : undefined;
  return { inner_diameter: round4(2 * inner), outer_diameter: round4(2 * outer), width: round4(outer - inner), depth };
}

/**
 * Chamfers: a plane meeting its neighbours at an angle (the angle to the neighbour it makes the
 * smaller angle with; width = area over the longest straight edge, exact for a strip), or a cone
 * (angle = its half-angle, width = its slant between its two circles). A chain is measured on its
 * first face that is one of these.
 */
function measureChamfer(g: FaceGraph, faces: number[]): Feature['params'] | undefined {
  for (const f of faces) {
    const measured = chamferFace(g, f);
    if (measured) return measured;
  }
  return undefined;
}

function chamferFace(g: FaceGraph, id: number): Feature['params'] | undefined {
  const face = g.faces[id]!;
  if (face.surface === 'cone' && face.params.halfAngle !== undefined) {
    const radii = g.edgesOf[face.id]!.map((e) => g.edges[e]!.radius).filter((r): r is number => r !== undefined);
    if (radii.length < 2) return undefined;
    const half = face.params.halfAngle;
    const slant = (Math.max(...radii) - Math.min(...radii)) / Math.sin(half / DEG);
    return slant > 0 ? { angle: round4(half), width: round4(slant) } : undefined;
  }
  const normal = face.params.normal;
  if (face.surface !== 'plane' || !normal) return undefined;
  const angles = g
    .neighbours(face.id)
    .filter((n) => n.convexity === 'convex')
    .map((n) => g.faces[n.face]!.params.normal)
    .filter((m): m is Vec3 => m !== undefined)
    .map((m) => Math.acos(Math.max(-1, Math.min(1, dot(normal, m)))) * DEG)
    .filter((a) => a > 1 && a < 89);
  const lines = g.edgesOf[face.id]!.map((e) => g.edges[e]!)
    .filter((e) => e.curve === 'line')
    .map((e) => e.length);
  if (angles.length === 0 || lines.length === 0) return undefined;
  return { angle: round4(Math.min(...angles)), width: round4(face.area / Math.max(...lines)) };
}

/**
 * Pockets, slots, steps, passages: width between two walls that face each other (or twice the
 * radius of a round end), depth along the floor's normal (a face of the region square to a wall).
 */
function measureRecess(g: FaceGraph, faces: number[]): Feature['params'] | undefined {
  // Material removed leaves a concave corner inside the recess (walls meet the floor or each
  // other so); faces of the part's outside meet at convex edges.
  if (edgesWithin(g, faces, 'concave') === 0) return undefined;
  const planes = faces.filter((f) => g.faces[f]!.surface === 'plane' && g.faces[f]!.params.normal && g.faces[f]!.params.origin);
  let width = Infinity;
  for (const a of planes)
    for (const b of planes) {
      const pa = g.faces[a]!.params;
      const pb = g.faces[b]!.params;
      if (dot(pa.normal!, pb.normal!) > -PARALLEL) continue;
      // Walls of a recess face each other: b lies in front of a.
      const gap = dot(sub(pb.origin!, pa.origin!), pa.normal!);
      if (gap > 1e-6) width = Math.min(width, gap);
    }
  const ends = faces.filter((f) => g.faces[f]!.surface === 'cylinder' && g.faces[f]!.params.internal === true);
  if (!Number.isFinite(width) && ends.length > 0) width = 2 * Math.min(...ends.map((f) => g.faces[f]!.params.radius!));
  // The floor is square to every other plane of the region (walls are parallel to one another
  // somewhere); a step's wall and floor are both square to each other: the larger is the floor.
  const square = (a: number, b: number) => Math.abs(dot(g.faces[a]!.params.normal!, g.faces[b]!.params.normal!)) < 1 - PARALLEL;
  const floor = planes
    .filter((f) => planes.length > 1 && planes.every((w) => w === f || square(f, w)))
    .sort((a, b) => g.faces[b]!.area - g.faces[a]!.area)[0];
  const depth =
    floor === undefined
      ? 0
      : spanAlong(
          g.input,
          faces.filter((f) => f !== floor),
          g.faces[floor]!.params.normal!,
        );
  if (!Number.isFinite(width) && floor !== undefined && depth > 0) {
    // A step: one wall and its floor; the width is the floor's reach from the wall.
    const wall = planes.find((w) => w !== floor)!;
    width = spanAlong(g.input, [floor], g.faces[wall]!.params.normal!);
  }
  if (!Number.isFinite(width) || width <= 0) return undefined;
  return depth > 0 ? { width: round4(width), depth: round4(depth) } : { width: round4(width) };
}

/** Same axis line: parallel, and the centres apart along it only (to 1 µm per mm of radius, fitted surfaces included). */
function coaxial(p: { axis?: Vec3; center?: Vec3; radius?: number }, axis: Vec3, center: Vec3): boolean {
  if (!p.axis || !p.center || Math.abs(dot(p.axis, axis)) < PARALLEL) return false;
  return norm(cross(sub(p.center, center), axis)) < 1e-3 * Math.max(1, p.radius ?? 1);
}

/** The region's own edges (each once), from its faces: regions are small, parts need not be. */
function regionEdges(g: FaceGraph, faces: number[], convexity: string): { inside: Set<number>; edges: Edge[] } {
  const inside = new Set(faces);
  const ids = new Set(faces.flatMap((f) => g.edgesOf[f]!));
  return { inside, edges: [...ids].map((e) => g.edges[e]!).filter((e) => e.convexity === convexity) };
}

/** Edges of one convexity between two faces of the region. */
function edgesWithin(g: FaceGraph, faces: number[], convexity: string): number {
  const { inside, edges } = regionEdges(g, faces, convexity);
  return edges.filter((e) => e.faces.length === 2 && e.faces.every((f) => inside.has(f))).length;
}

/** Edges of one convexity between the region and the rest of the part. */
function edgesOut(g: FaceGraph, faces: number[], convexity: string): number {
  const { inside, edges } = regionEdges(g, faces, convexity);
  return edges.filter((e) => e.faces.some((f) => !inside.has(f))).length;
}
