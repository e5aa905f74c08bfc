/**
 * How deep a cut is, measured to where it opens (issue 10): a pocket or slot whose rim is
 * chamfered or rounded is as deep as drawn, from its floor to the face it opens on, not to the
 * bevel's lower edge. The bevel is a feature of its own (chamfers.ts) and keeps its faces; only
 * the extent the cut's depth is read from runs on through it.
 */
import type { Convexity, Vec3 } from '../result.ts';
import { cross, dot, unit } from '../brep/vec.ts';
import { extentAlong, spanAlong } from './extent.ts';
import type { FaceGraph } from './graph.ts';
import { DIRECTION_TOL } from './tolerance.ts';
import { BEVEL_COS } from './cut-walls.ts';

/**
 * Where a bevel starts against a wall's end, read from the mesh: its positions are float32
 * (~1e-5 mm apart at a metre), so the B-Rep's 1e-6 mm is too fine; no drawing asks under 1e-3 mm.
 */
const END_TOL = 1e-3;
/** A bevel's width is at most a third of its length (chamfers.ts). */
const NARROW = 1 / 3;

/**
 * The span of the cut's `faces` along `dir`, run on past every bevel or round on its rim: a face
 * outside the cut, convex or tangent to one of its walls, lying wholly beyond that wall's end along
 * `dir` (or against it), narrow, and meeting a plane square to `dir` on that side. That plane is the face
 * the cut opens on, and the bevel's far edge lies in it: an edge break takes material off the
 * rim, it does not make the cut any shallower. Faces beside the wall (a crossing cut's walls) or
 * below its end (floor fillets, corner rounds) are no rim and change nothing.
 */
export function openSpan(graph: FaceGraph, faces: number[], dir: Vec3): number {
  const { input } = graph;
  const own = new Set(faces);
  let [lo, hi] = extentAlong(input, faces, dir);
  for (const wall of faces) {
    // A floor (or a face parallel to it) has no rim along `dir`: what leaves it convexly (a hole
    // through it down to the far face) is another cut.
    const normal = graph.faces[wall]!.params.normal;
    if (graph.faces[wall]!.surface === 'plane' && Math.abs(dot(normal!, dir)) > 1 - DIRECTION_TOL) continue;
    const [wallLo, wallHi] = extentAlong(input, [wall], dir);
    for (const n of graph.neighbours(wall)) {
      if (own.has(n.face) || !edgeBreak(graph, n.face, n.convexity, dir)) continue;
      const [bevelLo, bevelHi] = extentAlong(input, [n.face], dir);
      if (!narrow(graph, n.face, bevelHi - bevelLo, dir)) continue;
      if (bevelLo > wallHi - END_TOL && opensOnto(graph, n.face, dir, 1)) hi = Math.max(hi, bevelHi);
      if (bevelHi < wallLo + END_TOL && opensOnto(graph, n.face, dir, -1)) lo = Math.min(lo, bevelLo);
    }
  }
  return hi > lo ? hi - lo : 0;
}

/**
 * Across an edge of `convexity` from a wall: a chamfer (convex to it, a plane at a bevel's angle
 * to `dir`, or a cone) or a round (a cylinder or torus tangent to it, as a blend is).
 */
function edgeBreak(graph: FaceGraph, face: number, convexity: Convexity, dir: Vec3): boolean {
  const f = graph.faces[face]!;
  if (f.surface === 'cylinder' || f.surface === 'torus') return convexity === 'smooth';
  if (convexity !== 'convex') return false;
  if (f.surface === 'cone') return true;
  const slope = f.surface === 'plane' ? Math.abs(dot(f.params.normal!, dir)) : 0;
  return slope > BEVEL_COS[0] && slope < BEVEL_COS[1];
}

/**
 * An edge break is narrow, as chamfers.ts bounds a bevel: it rises along `dir` by at most a third
 * of its run along the rim (its extent across `dir`). A wide slanted face above a wall (a wedge's
 * flank a slot cuts into) is the part's shape: the slot opens where its walls end.
 */
function narrow(graph: FaceGraph, face: number, rise: number, dir: Vec3): boolean {
  const u = unit(cross(dir, Math.abs(dir[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]));
  const run = Math.hypot(spanAlong(graph.input, [face], u), spanAlong(graph.input, [face], cross(dir, u)));
  return rise <= NARROW * run;
}

/** Whether `face` meets, across a convex or tangent edge, a plane facing `sign` × `dir`. */
function opensOnto(graph: FaceGraph, face: number, dir: Vec3, sign: 1 | -1): boolean {
  return graph.neighbours(face).some((n) => {
    const g = graph.faces[n.face]!;
    return n.convexity !== 'concave' && g.surface === 'plane' && sign * dot(g.params.normal!, dir) > 1 - DIRECTION_TOL;
  });
}
