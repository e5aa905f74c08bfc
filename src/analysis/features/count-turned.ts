/**
 * A turned part's spigot as an estimator counts it. The lathe rules (turning.ts) describe a turned
 * outside as diameters and faces, the bar it is cut from, which count nothing. But a flange or a
 * collar with a long narrower body standing out of its face is read by a person as a flange with a
 * boss (a spigot, a nose, a shank): the body stands proud of the face the way a milled boss stands
 * on its plate. A stepped shaft whose sections are of like lengths is a bar turned down in steps,
 * no boss.
 *
 * The rule: the widest outside section (its diameters and its faces at that diameter: a flange or
 * collar, at least some length along the axis) and on either side what stands out beyond it; a
 * side that stands out at least SPIGOT_SHARE times the widest section's length is one spigot. A
 * spigot bored wider than a drill (count-units.ts: the bore of a tube) is a Pipe: the body is a
 * tube's end; otherwise a Boss (a bore of a drill's size is a hole in it, counted as such).
 *
 * A spigot turned down further along its length (Ø30, then Ø18, then Ø14) has a shoulder at each
 * drop: the turner steps the diameter down there, and a person sees each shoulder as a Step of
 * the boss (its foot on the flange is the boss itself, no step). A land shorter than
 * MIN_LAND_SHARE of its diameter (a thread's run-out, the sliver a blend or chamfer leaves) is no
 * section to step down to.
 *
 * Pure: reads the result's turned features and their faces, changes nothing.
 */
import type { Vec3 } from '../result.ts';
import { dot, norm } from '../brep/vec.ts';
import { MAX_DRILL_DIAMETER, type CountedFeature, type CountedResult } from './count-units.ts';

/** A body standing out at least this many times the flange's length is a spigot, not a step. */
export const SPIGOT_SHARE = 2;
/** A section of a spigot at least this share of its diameter long is a land the turner steps to. */
export const MIN_LAND_SHARE = 0.1;
/** Axes this close (|cos| within) are one axis. */
const PARALLEL = 1e-3;

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

interface Span {
  lo: number;
  hi: number;
  diameter: number;
  kind: 'outside' | 'bore' | 'other';
  /** A cylinder's section (turned_diameter), as opposed to an end face or a cone. */
  section: boolean;
}

export interface Spigots {
  bosses: number;
  pipes: number;
  /** Shoulders along the spigots, beyond their feet: one Step each. */
  steps: number;
}

/** Where each turned feature's faces lie along the axis (its length centred on each face's box). */
function spans(result: CountedResult, axis: Vec3): Span[] {
  const faces = result.faces!;
  const out: Span[] = [];
  for (const f of result.features as CountedFeature[]) {
    if (!f.axis || !Array.isArray(f.faces) || Math.abs(Math.abs(dot(f.axis, axis)) - 1) > PARALLEL) continue;
    const turnedDiameter = f.type === 'turned_diameter';
    if (!turnedDiameter && f.type !== 'turned_face' && f.type !== 'taper') continue;
    const half = f.type === 'turned_face' ? 0 : num(f.params.length) / 2;
    const kind = turnedDiameter ? (f.params.internal === true ? 'bore' : 'outside') : f.type === 'turned_face' ? 'outside' : 'other';
    for (const id of f.faces) {
      const box = faces[id]?.bbox;
      if (!box) continue;
      const at = dot([0, 1, 2].map((k) => (box.min[k]! + box.max[k]!) / 2) as Vec3, axis);
      out.push({ lo: at - half, hi: at + half, diameter: num(f.params.diameter), kind, section: turnedDiameter });
    }
  }
  return out;
}

/** Spigots of a turned part (none when the part has no turned outside). */
export function turnedSpigots(result: CountedResult): Spigots {
  const none = { bosses: 0, pipes: 0, steps: 0 };
  if (!result.faces) return none;
  const first = (result.features as CountedFeature[]).find((f) => f.type === 'turned_diameter' && f.params.internal !== true && f.axis);
  if (!first) return none;
  const axis = first.axis!.map((c) => c / norm(first.axis!)) as Vec3;
  const all = spans(result, axis);
  const outside = all.filter((s) => s.kind === 'outside' && s.diameter > 0);
  const widestDiameter = Math.max(...outside.map((s) => s.diameter));
  const tol = 1e-3 * widestDiameter;
  const widest = outside.filter((s) => s.diameter >= widestDiameter - tol);
  const [lo, hi] = [Math.min(...widest.map((s) => s.lo)), Math.max(...widest.map((s) => s.hi))];
  // A single face at the widest diameter (a cone's base, a disc's edge) is no flange to stand on.
  if (hi - lo <= tol) return none;
  const [start, end] = [Math.min(...all.map((s) => s.lo)), Math.max(...all.map((s) => s.hi))];
  const counts = { ...none };
  for (const [from, to] of [
    [start, lo],
    [hi, end],
  ] as const) {
    if (to - from < SPIGOT_SHARE * (hi - lo)) continue;
    // The bore through most of the spigot's length, if any: a tube's bore or a drilled hole.
    const bore = Math.max(
      0,
      ...all.filter((s) => s.kind === 'bore' && Math.min(s.hi, to) - Math.max(s.lo, from) >= (to - from) / 2).map((s) => s.diameter),
    );
    if (bore > MAX_DRILL_DIAMETER) counts.pipes++;
    else counts.bosses++;
    counts.steps += shoulders(outside, from, to, from === start ? -1 : 1, tol);
  }
  return counts;
}

/**
 * Drops in diameter between the lands of a spigot from `from` to `to`, walked away from the flange
 * (`away` +1 when the spigot lies beyond the flange's high end): the shoulders a turner steps down.
 */
function shoulders(outside: Span[], from: number, to: number, away: 1 | -1, tol: number): number {
  const lands = outside
    .filter((s) => s.section && s.hi - s.lo >= MIN_LAND_SHARE * s.diameter)
    .filter((s) => (s.lo + s.hi) / 2 > from && (s.lo + s.hi) / 2 < to)
    .sort((a, b) => away * ((a.lo + a.hi) / 2 - (b.lo + b.hi) / 2));
  let steps = 0;
  for (let k = 1; k < lands.length; k++) if (Math.abs(lands[k]!.diameter - lands[k - 1]!.diameter) > tol) steps++;
  return steps;
}
