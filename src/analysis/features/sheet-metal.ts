/**
 * Sheet metal: a part made of one sheet of constant thickness t, cut to a blank and bent. Seen in
 * its faces:
 * - bends: an inside and an outside face of revolution on one axis whose radii differ by t, turning
 *   less than a full circle (a full circle with a wall is a tube);
 * - the sheet: nearly all of the area is flat faces with a face of opposite normal t behind them,
 *   or bends.
 * Such a part is one sheet-metal item to an estimator: its bends are no fillets and the narrow
 * faces around the blank's outline (t wide: notches, corner bevels) are the laser's or punch's
 * cut, no milled steps or chamfers. Cut-outs inside the blank (holes, slots) stay features.
 */
import type { Face, Feature, Vec3 } from '../result.ts';
import { dot } from '../brep/vec.ts';
import type { FaceGraph } from './graph.ts';
import { coaxialFaces, sweepDegrees } from './arc-sweep.ts';
import { round4 } from './extent.ts';
import { DIRECTION_TOL, partTolerance } from './tolerance.ts';
import { geometricFeature } from './geometric-feature.ts';

/** Share of the part's area that must be sheet (paired flats and bends). */
const SHEET_SHARE = 0.75;
/** The sheet is thin: t at most this share of the part's box diagonal. */
const MAX_THICKNESS_SHARE = 0.05;

export interface Bend {
  faces: number[];
  axis: Vec3;
  params: { radius: number; thickness: number; angle: number };
}

export interface SheetMetal {
  thickness: number;
  bends: Bend[];
  /** Faces of the sheet itself and of the blank's outline: stock to a feature recogniser. */
  blank: Set<number>;
}

/**
 * The sheet as features: one `sheet` (its thickness and bend count) over the blank's faces, so that
 * no other family or the model reads them as features, and one `bend` per bend. No axis: neither is
 * a milling direction (setups are for 3-axis milling).
 */
export function sheetFeatures(sheet: SheetMetal): Omit<Feature, 'id'>[] {
  const inBends = new Set(sheet.bends.flatMap((b) => b.faces));
  const blank = [...sheet.blank].filter((f) => !inBends.has(f)).sort((a, b) => a - b);
  return [
    geometricFeature({ type: 'sheet', faces: blank, params: { thickness: sheet.thickness, bends: sheet.bends.length } }),
    ...sheet.bends.map((b) => geometricFeature({ type: 'bend', faces: b.faces, params: { ...b.params } })),
  ];
}

export function findSheetMetal(graph: FaceGraph, size: number): SheetMetal | undefined {
  const tol = partTolerance(size);
  const bends = bendPairs(graph, tol, size);
  if (bends.length === 0) return undefined;
  // The thickness most bends agree on.
  const votes = new Map<number, number>();
  for (const b of bends) votes.set(b.params.thickness, (votes.get(b.params.thickness) ?? 0) + 1);
  const thickness = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const sheetBends = bends.filter((b) => Math.abs(b.params.thickness - thickness) <= tol * 10 + 1e-4 * thickness);
  const flats = pairedFlats(graph, thickness, tol * 10 + 1e-4 * thickness);
  const sheet = new Set([...flats, ...sheetBends.flatMap((b) => b.faces)]);
  const area = (ids: Iterable<number>) => [...ids].reduce((s, id) => s + graph.faces[id]!.area, 0);
  const total = area(graph.faces.map((f) => f.id));
  if (total <= 0 || area(sheet) / total < SHEET_SHARE) return undefined;
  return { thickness, bends: sheetBends, blank: new Set([...sheet, ...outlineFaces(graph, sheet)]) };
}

/** Inside/outside faces of revolution on one axis, radii t apart, together less than a full turn. */
function bendPairs(graph: FaceGraph, tol: number, size: number): Bend[] {
  const curved = graph.faces.filter((f) => (f.surface === 'cylinder' || f.surface === 'cone') && f.params.axis && f.params.center && f.params.radius);
  const inside = curved.filter((f) => f.params.internal === true);
  const outside = curved.filter((f) => f.params.internal === false);
  const bends: Bend[] = [];
  const used = new Set<number>();
  for (const inner of inside) {
    if (used.has(inner.id) || inner.surface !== 'cylinder') continue;
    // The faces of this bend: every inside and outside cylinder on the same axis line that touches it.
    const group = [
      inner,
      ...outside.filter((o) => o.surface === 'cylinder' && !used.has(o.id) && coaxialFaces([inner, o], tol) && adjacentThroughEdge(graph, inner, o)),
    ];
    const outer = group.slice(1);
    if (outer.length === 0) continue;
    const r = inner.params.radius!;
    const t = round4(outer[0]!.params.radius! - r);
    if (t <= 0 || t > MAX_THICKNESS_SHARE * size || outer.some((o) => Math.abs(o.params.radius! - r - t) > tol * 10 + 1e-4 * t)) continue;
    const angle = sweepDegrees(graph, [inner], inner.params.axis!, inner.params.center!);
    if (angle >= 359) continue; // a tube's wall, not a bend
    group.forEach((f) => used.add(f.id));
    bends.push({
      faces: group.map((f) => f.id).sort((a, b) => a - b),
      axis: inner.params.axis!,
      params: { radius: round4(r), thickness: t, angle: round4(angle) },
    });
  }
  return bends;
}

/** The two faces of a bend are joined by a narrow face of the blank's edge, or share an edge. */
function adjacentThroughEdge(graph: FaceGraph, a: Face, b: Face): boolean {
  const around = new Set(graph.neighbours(a.id).map((n) => n.face));
  return graph.neighbours(b.id).some((n) => n.face === a.id || around.has(n.face));
}

/** Flat faces with a face of opposite normal `t` behind them, overlapping it. */
function pairedFlats(graph: FaceGraph, t: number, tol: number): number[] {
  const planes = graph.faces.filter((f) => f.surface === 'plane' && f.params.normal && f.params.origin);
  return planes
    .filter((a) =>
      planes.some((b) => {
        const n = a.params.normal!;
        if (dot(n, b.params.normal!) > -1 + DIRECTION_TOL) return false;
        if (Math.abs(dot(n, b.params.origin!) - (dot(n, a.params.origin!) - t)) > tol) return false;
        return boxesMeet(a, b, t + tol);
      }),
    )
    .map((f) => f.id);
}

function boxesMeet(a: Face, b: Face, margin: number): boolean {
  return [0, 1, 2].every((k) => a.bbox.min[k]! <= b.bbox.max[k]! + margin && b.bbox.min[k]! <= a.bbox.max[k]! + margin);
}

/**
 * Faces across the outer boundary of the sheet's faces (the blank's edge and its notches and
 * bevels), not those around holes through the sheet (inner loops): those are cut-outs.
 */
function outlineFaces(graph: FaceGraph, sheet: Set<number>): number[] {
  const { coedges, loops } = graph.input;
  const outline = new Set<number>();
  for (const c of coedges) {
    if (!sheet.has(c.face) || c.mate < 0 || !loops[c.loop]!.outer) continue;
    const other = coedges[c.mate]!.face;
    if (!sheet.has(other)) outline.add(other);
  }
  return [...outline];
}
