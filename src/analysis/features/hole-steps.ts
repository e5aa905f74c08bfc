/**
 * The steps of a stepped bore, read along its axis: counterbores from the entry and from the
 * other side (a bore machined from both faces of a plate), and the whole profile when there are
 * more steps than a counterbore has. Blends (tori) at a step's floor belong to that step, so a
 * counterbore whose floor corner is rounded is as deep as its floor.
 */
import type { Face, Vec3 } from '../result.ts';
import type { FaceGraph } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { LENGTH_TOL } from './tolerance.ts';

interface Step {
  diameter: number;
  /** Extent along the axis of the step's cylinders and the blends at its ends. */
  lo: number;
  hi: number;
}

/** Coaxial cylinders of one radius (halves as exporters split them) with the tori they touch. */
function stepsOf(graph: FaceGraph, cylinders: Face[], tori: Face[], axis: Vec3): Step[] {
  const byRadius = new Map<number, number[]>();
  for (const c of cylinders) {
    const key = Math.round(c.params.radius! * 1e6) / 1e6;
    byRadius.set(key, [...(byRadius.get(key) ?? []), c.id]);
  }
  const torusIds = new Set(tori.map((t) => t.id));
  return [...byRadius.entries()].map(([radius, ids]) => {
    const blends = [...new Set(ids.flatMap((id) => graph.neighbours(id).map((n) => n.face)))].filter((f) => torusIds.has(f));
    const [lo, hi] = extentAlong(graph.input, [...ids, ...blends], axis);
    return { diameter: 2 * radius, lo, hi };
  });
}

/**
 * `entry`: the hole's end the tool comes in from, `other`: the far end (both along `axis`), `through`
 * whether the far end is open. Params: counterbore_diameter/depth (the widest step at the entry),
 * back_counterbore_diameter/depth (the widest at the far end of a through hole), and with three
 * or more diameters `steps` and `profile` ("Ø100×8 / Ø52×16 / Ø115×6", from the entry).
 */
export function stepParams(
  graph: FaceGraph,
  cylinders: Face[],
  tori: Face[],
  axis: Vec3,
  drillDiameter: number,
  entry: number,
  other: number,
  through: boolean,
): Record<string, number | string> {
  const steps = stepsOf(graph, cylinders, tori, axis);
  const drill = steps.find((s) => Math.abs(s.diameter - drillDiameter) < LENGTH_TOL)!;
  const drillMid = (drill.lo + drill.hi) / 2;
  const entrySide = (s: Step) => (s.lo + s.hi) / 2 < drillMid === entry < other;
  const far = (s: Step, end: number) => Math.max(Math.abs(s.lo - end), Math.abs(s.hi - end));
  const widest = (list: Step[]) => list.reduce<Step | undefined>((a, b) => (!a || b.diameter > a.diameter ? b : a), undefined);
  const wider = steps.filter((s) => s.diameter > drillDiameter + LENGTH_TOL);
  const out: Record<string, number | string> = {};
  const front = widest(wider.filter(entrySide));
  if (front) {
    out.counterbore_diameter = round4(front.diameter);
    out.counterbore_depth = round4(far(front, entry));
  }
  const back = through ? widest(wider.filter((s) => !entrySide(s))) : undefined;
  if (back) {
    out.back_counterbore_diameter = round4(back.diameter);
    out.back_counterbore_depth = round4(far(back, other));
  }
  if (steps.length >= 3) {
    const ordered = [...steps].sort(
      (a, b) => Math.min(Math.abs(a.lo - entry), Math.abs(a.hi - entry)) - Math.min(Math.abs(b.lo - entry), Math.abs(b.hi - entry)),
    );
    out.steps = steps.length;
    out.profile = ordered.map((s) => `Ø${round4(s.diameter)}×${round4(s.hi - s.lo)}`).join(' / ');
  }
  return out;
}
