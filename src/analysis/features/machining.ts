/**
 * What a machinist reads next to the features: the tool access direction of each feature, the
 * fewest 3-axis setups that reach them all, nearest standard drill and tap sizes, and DFM checks
 * with expected and actual values.
 */
import type { DfmIssue, Feature, Setup, Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import { round4 } from './extent.ts';
import { DIRECTION_TOL } from './tolerance.ts';

/** Depth over diameter above which a drilled hole needs peck drilling or a gun drill. */
export const DEEP_HOLE_RATIO = 6;
/** Inside corners of closed cuts want a radius of at least a third of their depth (end mill reach). */
export const CORNER_RADIUS_PER_DEPTH = 1 / 3;

/** Metric drills in 0.1 mm steps to 13 mm, then 0.5 mm: the sizes a shop stocks. */
const METRIC_DRILLS = [
  ...Array.from({ length: 121 }, (_, i) => Math.round((1 + i * 0.1) * 10) / 10),
  ...Array.from({ length: 75 }, (_, i) => 13.5 + i * 0.5),
];
/** Inch fractional drills 1/16" .. 1" in 1/64" steps, in mm. */
const INCH_DRILLS = Array.from({ length: 61 }, (_, i) => ((4 + i) / 64) * 25.4);
/** Tap drill → thread (ISO metric coarse) and clearance holes (medium fit). */
const TAP_DRILLS: [number, string][] = [
  [2.5, 'M3'],
  [3.3, 'M4'],
  [4.2, 'M5'],
  [5, 'M6'],
  [6.8, 'M8'],
  [8.5, 'M10'],
  [10.2, 'M12'],
  [14, 'M16'],
  [17.5, 'M20'],
];
const CLEARANCE: [number, string][] = [
  [3.4, 'M3'],
  [4.5, 'M4'],
  [5.5, 'M5'],
  [6.6, 'M6'],
  [9, 'M8'],
  [11, 'M10'],
  [13.5, 'M12'],
  [17.5, 'M16'],
  [22, 'M20'],
];

const SIZE_TOL = 0.01;

const HOLE_TYPES = new Set(['hole', 'counterbore_hole', 'countersink_hole']);

function nearest(list: number[], d: number): number {
  return list.reduce((a, b) => (Math.abs(b - d) < Math.abs(a - d) ? b : a));
}

/**
 * Adds `drill_metric`, `drill_inch` (mm; none for a bore wider than the drills go) and, when the
 * size matches, `clearance_for`. A tap is what the geometry shows: `tap` only where a modelled
 * thread agrees with the tap drill; a plain hole of a tap drill's size gets the hint
 * `tap_drill_for` (a Ø14 hole is as often an M12 clearance as an M16 tap drill, and a quote must
 * not charge a tap the drawing does not ask for).
 */
export function addHoleHints(feature: Feature): void {
  if (!HOLE_TYPES.has(feature.type) || typeof feature.params.diameter !== 'number') return;
  const d = feature.params.diameter;
  // A bore wider than the largest drill (half a step's grace) is bored or milled: no drill to name.
  if (d <= METRIC_DRILLS.at(-1)! + 0.25) feature.params.drill_metric = nearest(METRIC_DRILLS, d);
  if (d <= INCH_DRILLS.at(-1)! + 25.4 / 128) feature.params.drill_inch = round4(nearest(INCH_DRILLS, d));
  const tap = TAP_DRILLS.find(([size]) => Math.abs(size - d) <= SIZE_TOL);
  if (tap && typeof feature.params.thread === 'string') feature.params.tap = tap[1];
  else if (tap) feature.params.tap_drill_for = tap[1];
  const clearance = CLEARANCE.find(([size]) => Math.abs(size - d) <= SIZE_TOL);
  if (clearance) feature.params.clearance_for = clearance[1];
}

/** Directions a feature can be machined from: its axis, and the reverse too for plain through holes. */
function accessDirections(f: Feature): Vec3[] {
  if (!f.axis) return [];
  return f.type === 'hole' && f.params.through === true ? [f.axis, reverseOf(f.axis)] : [f.axis];
}

function reverseOf(d: Vec3): Vec3 {
  return [-d[0] + 0, -d[1] + 0, -d[2] + 0];
}

/**
 * The fewest 3-axis setups: features with one access direction fix their setups; features that
 * can be reached two ways join a setup that already exists when they can.
 */
export function planSetups(features: Feature[]): Setup[] {
  const setups: Setup[] = [];
  const join = (f: Feature, dirs: Vec3[]) => {
    const existing = setups.find((s) => dirs.some((d) => dot(s.direction, d) > 1 - DIRECTION_TOL));
    if (existing) existing.features.push(f.id);
    else setups.push({ direction: dirs[0]!, features: [f.id] });
  };
  const milled = features.filter((f) => !f.type.startsWith('turned') && f.type !== 'groove' && f.type !== 'taper');
  for (const f of milled) if (accessDirections(f).length === 1) join(f, accessDirections(f));
  // A bore counterbored from both faces needs both setups: its back counterbore is cut from the other side.
  for (const f of milled.filter((x) => x.axis && typeof x.params.back_counterbore_diameter === 'number')) join(f, [reverseOf(f.axis!)]);
  for (const f of milled) if (accessDirections(f).length === 2) join(f, accessDirections(f));
  for (const s of setups) s.features.sort((a, b) => a - b);
  return setups.sort((a, b) => b.features.length - a.features.length || a.features[0]! - b.features[0]!);
}

export function dfmChecks(features: Feature[]): DfmIssue[] {
  const issues: DfmIssue[] = [];
  for (const f of features) {
    const corner = cornerIssue(f);
    if (corner) issues.push(corner);
    if (!HOLE_TYPES.has(f.type)) continue;
    const { diameter, depth } = f.params;
    if (typeof diameter !== 'number' || typeof depth !== 'number' || diameter <= 0) continue;
    const ratio = Math.round((depth / diameter) * 100) / 100;
    if (ratio > DEEP_HOLE_RATIO) {
      issues.push({
        code: 'DEEP_HOLE',
        severity: 'warning',
        faces: f.faces,
        expected: `<= ${DEEP_HOLE_RATIO}`,
        actual: ratio,
        message: `Hole Ø${diameter} is ${ratio}× its diameter deep: needs peck drilling or a gun drill.`,
      });
    }
    const drill = nearest(METRIC_DRILLS, diameter);
    const inch = nearest(INCH_DRILLS, diameter);
    if (Math.abs(drill - diameter) > SIZE_TOL && Math.abs(inch - diameter) > SIZE_TOL) {
      issues.push({
        code: 'NON_STANDARD_HOLE',
        severity: 'info',
        faces: f.faces,
        expected: drill,
        actual: diameter,
        message: `Hole Ø${diameter} matches no standard drill (nearest Ø${drill}): it needs boring or interpolation.`,
      });
    }
  }
  return issues;
}

/** Pockets and closed slots: an inside corner radius below depth/3 needs a long thin cutter or EDM. */
function cornerIssue(f: Feature): DfmIssue | undefined {
  if (f.type !== 'pocket' && !(f.type === 'slot' && f.params.through === false)) return undefined;
  const depth = f.params.depth;
  if (typeof depth !== 'number' || depth <= 0) return undefined;
  const radius = typeof f.params.corner_radius === 'number' ? f.params.corner_radius : 0;
  const expected = Math.round(depth * CORNER_RADIUS_PER_DEPTH * 100) / 100;
  if (radius >= expected) return undefined;
  return {
    code: 'SMALL_CORNER_RADIUS',
    severity: radius === 0 ? 'warning' : 'info',
    faces: f.faces,
    expected: `>= ${expected}`,
    actual: radius,
    message:
      radius === 0
        ? `The ${f.type} has sharp inside corners: a milling cutter leaves a radius (EDM needed for sharp ones).`
        : `Corner radius ${radius} is small for a ${depth} deep ${f.type}: it needs a long, thin cutter.`,
  };
}
