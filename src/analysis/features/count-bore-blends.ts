/**
 * A blend inside a turned part's axial bore as an estimator counts it: part of the bore. The hole
 * rules fold a hole's rim and floor blends into the hole (`rim_radius`, `floor_radius`); the lathe
 * rules describe a bore that stays turned work (stepped into a taper, grooved) as diameters and
 * leave its blends to the blend rules, which report each as a fillet. A person counting the part
 * sees the bore, a Hole, and no round inside it: the blend shapes the bore's profile where the
 * boring bar steps it down, as a turned shoulder's blend shapes the outside.
 *
 * The rule, from the faces: on a turned part (its turned diameters give the axis), a fillet each of
 * whose faces is a torus or sphere centred on that axis and facing it (the material outside it:
 * `internal`), and meets a cylinder or cone that faces the axis too (the bore's wall).
 *
 * Pure: reads the result, changes nothing.
 */
import type { Face, Vec3 } from '../result.ts';
import { cross, dot, norm, sub } from '../brep/vec.ts';
import type { CountedFeature, CountedResult } from './count-units.ts';

/** Directions within this of parallel, and centres within this share of the radius off the axis. */
const PARALLEL = 1e-3;
const ON_AXIS_SHARE = 1e-3;

type AxisFace = Pick<Face, 'surface' | 'params'>;

interface Axis {
  point: Vec3;
  direction: Vec3;
}

/** The turning axis: the first outside turned diameter's cylinder's. */
function turningAxis(result: CountedResult): Axis | undefined {
  const faces = result.faces!;
  for (const f of result.features as CountedFeature[]) {
    if (f.type !== 'turned_diameter' || !Array.isArray(f.faces)) continue;
    const { center, axis } = faces[f.faces[0]!]?.params ?? {};
    if (center && axis) return { point: center, direction: axis.map((c) => c / norm(axis)) as Vec3 };
  }
  return undefined;
}

/** A face of revolution about `axis` whose outward normal faces it (material outside, a bore). */
function facesAxis(f: AxisFace, axis: Axis, surfaces: readonly string[]): boolean {
  const { center, radius } = f.params;
  if (!surfaces.includes(f.surface) || f.params.internal !== true || !center) return false;
  if (f.params.axis && Math.abs(Math.abs(dot(f.params.axis, axis.direction)) / norm(f.params.axis) - 1) > PARALLEL) return false;
  return norm(cross(sub(center, axis.point), axis.direction)) <= ON_AXIS_SHARE * Math.max(radius ?? 1, 1);
}

/** Indices of fillets that blend a turned part's axial bore. */
export function boreBlends(result: CountedResult): Set<number> {
  const out = new Set<number>();
  const { faces, edges } = result;
  if (!faces || !edges) return out;
  const axis = turningAxis(result);
  if (!axis) return out;
  const neighbours = new Map<number, number[]>();
  for (const e of edges) for (const a of e.faces) neighbours.set(a, [...(neighbours.get(a) ?? []), ...e.faces.filter((b) => b !== a)]);
  const isBoreBlend = (id: number) =>
    facesAxis(faces[id] as AxisFace, axis, ['torus', 'sphere']) &&
    (neighbours.get(id) ?? []).some((n) => facesAxis(faces[n] as AxisFace, axis, ['cylinder', 'cone']));
  (result.features as CountedFeature[]).forEach((f, i) => {
    if (f.type === 'fillet' && Array.isArray(f.faces) && f.faces.length > 0 && f.faces.every(isBoreBlend)) out.add(i);
  });
  return out;
}
