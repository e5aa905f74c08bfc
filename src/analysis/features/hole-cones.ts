/**
 * The cones of a hole other than its drill point, each read by what it does: a counterdrill (a
 * step drill's cone between two bores), a countersink (it seats a flat screw head), or a chamfer
 * at the hole's mouth (an edge break or a tap's lead-in, part of the hole: `rim_chamfer_*`).
 */
import type { Face } from '../result.ts';
import type { FaceGraph } from './graph.ts';
import { round4 } from './extent.ts';
import { LENGTH_TOL } from './tolerance.ts';

/**
 * A countersink seats a flat screw head, and heads are 1.8-2× the clearance hole (ISO 10642,
 * ISO 2009, ASME B18.3's 82° heads): its cone opens to 1.6× the hole or more. A cone that opens
 * less breaks the hole's edge or leads a tap in (chamfered to the thread's major diameter,
 * 1.2-1.4× the tap drill): a chamfer of the hole, no countersink. NIST CTC-05's Ø254 bore
 * chamfered to Ø273 is such a bore.
 */
export const COUNTERSINK_MIN_RATIO = 1.5;

export interface ConeReading {
  countersink?: boolean;
  params: Record<string, number | boolean>;
}

/**
 * `wideners`: the hole's cones that are no drill point and open wider than the drill (radius
 * `radius`); `cylinders`: its bores; `atEntry`: whether a cone lies at the hole's entry end. A
 * counterbored hole keeps its type: its cone is a counterdrill or a chamfer at a mouth.
 */
export function readCones(
  graph: FaceGraph,
  wideners: Face[],
  cylinders: Face[],
  radius: number,
  counterbored: boolean,
  atEntry: (cone: Face) => boolean,
): ConeReading {
  const params: ConeReading['params'] = {};
  const widestBore = Math.max(...cylinders.map((c) => c.params.radius!));
  // A step drill's cone meets a wider bore at its wide end; a cone wider than every bore opens
  // at the hole's mouth.
  const counterdrill = counterbored
    ? wideners.find((c) => meetsWiderBore(graph, c, cylinders, radius) && maxConeRadius(graph, c) <= widestBore + LENGTH_TOL)
    : undefined;
  if (counterdrill) {
    params.counterdrill = true;
    params.counterdrill_angle = round4(2 * counterdrill.params.halfAngle!);
  }
  const mouths = wideners.filter((c) => c !== counterdrill && maxConeRadius(graph, c) > widestBore + LENGTH_TOL);
  const widest = (list: Face[]) =>
    list.reduce<Face | undefined>((a, b) => (!a || maxConeRadius(graph, b) > maxConeRadius(graph, a) ? b : a), undefined);
  const sink = counterbored ? undefined : widest(mouths.filter((c) => maxConeRadius(graph, c) >= COUNTERSINK_MIN_RATIO * radius));
  if (sink) {
    params.countersink_angle = round4(2 * sink.params.halfAngle!);
    params.countersink_diameter = round4(2 * maxConeRadius(graph, sink));
  }
  // What opens the mouth less than a countersink does (either half of one written in two) is its
  // chamfer. A through hole chamfered at both mouths (deburred on both faces of the plate) has two:
  // the entry's is rim_chamfer_*, the far mouth's back_rim_chamfer_*; one alone is rim_chamfer_*
  // wherever it lies.
  const chamfers = mouths.filter((c) => counterbored || maxConeRadius(graph, c) < COUNTERSINK_MIN_RATIO * radius);
  const [front, back] = [widest(chamfers.filter(atEntry)), widest(chamfers.filter((c) => !atEntry(c)))];
  const entryChamfer = front && back ? front : widest(chamfers);
  if (entryChamfer) {
    params.rim_chamfer_diameter = round4(2 * maxConeRadius(graph, entryChamfer));
    params.rim_chamfer_angle = round4(2 * entryChamfer.params.halfAngle!);
  }
  if (front && back) {
    params.back_rim_chamfer_diameter = round4(2 * maxConeRadius(graph, back));
    params.back_rim_chamfer_angle = round4(2 * back.params.halfAngle!);
  }
  return { countersink: sink !== undefined, params };
}

function meetsWiderBore(graph: FaceGraph, cone: Face, cylinders: Face[], radius: number): boolean {
  const wider = new Set(cylinders.filter((c) => c.params.radius! > radius + LENGTH_TOL).map((c) => c.id));
  return graph.neighbours(cone.id).some((n) => wider.has(n.face));
}

export function maxConeRadius(graph: FaceGraph, cone: Face): number {
  return Math.max(...graph.edgesOf[cone.id]!.map((id) => graph.edges[id]!.radius ?? 0));
}
