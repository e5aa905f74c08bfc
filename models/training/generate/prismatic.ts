/**
 * Prismatic parts: a block of stock with machining features cut into its faces (and into the
 * floors of earlier features), then chamfers and rounds on its edges. 'mfcad' parts use only the
 * planar classes of MFCAD on a cube, as that data set does; 'prismatic' parts use every class.
 */
import type { TopoDS_Edge } from 'replicad-opencascadejs';
import { free, withScope } from '../../../src/analysis/index.ts';
import { classId } from './classes.ts';
import { SPECS, place, type Ctx, type Spec } from './features.ts';
import { aabbOverlap, boxFrames, type Aabb, type Frame, type V3 } from './geom.ts';
import { LabelledSolid } from './labelled.ts';
import type { Builder } from './occ.ts';
import type { Rng } from './rng.ts';

export interface FeatureRecord {
  instance: number;
  name: string;
  /** The earlier feature this one was placed to cut into (placementRule 'must'). */
  cuts?: number;
}

export interface PartBuild {
  solid: LabelledSolid;
  features: FeatureRecord[];
  stock: V3;
}

const STOCK = classId('stock');
const ROUND = classId('round');
/** Share of prismatic and MFCAD-like parts with B-spline walls. */
const BSPLINE_PARTS = 0.25;
/** Share of prismatic parts that get a round and a chamfer besides their drawn features. */
const EDGE_BREAKS = 0.25;
/** Share of prismatic features placed to cut into an earlier one (slots across slots). */
const INTERRUPTING = 0.3;

interface Placement {
  aabb: Aabb;
  instance: number;
  slot: boolean;
}

const specOf = (name: Spec['name']) => SPECS.find((x) => x.name === name)!;
const isSlot = (spec: Spec) => spec.group === 1;
const blendOrder = (spec: Spec) => (spec.name === 'round' ? 0 : 1);

/**
 * How a feature may meet earlier ones: 'avoid' keeps clear of them; 'free' ignores them (MFCAD++
 * lets 15 % of its features intersect); 'must' cuts into one, the way real parts have a pocket's
 * wall or floor broken by a slot or a hole and slots that cross (a slot must cross a slot).
 */
function placementRule(rng: Rng, mfcadLike: boolean, spec: Spec, boxes: Placement[]): 'avoid' | 'free' | 'must' {
  if (mfcadLike) return rng.chance(0.15) ? 'free' : 'avoid';
  const targets = boxes.filter((x) => !isSlot(spec) || x.slot);
  if (targets.length > 0 && rng.chance(INTERRUPTING)) return 'must';
  return rng.chance(0.15) ? 'free' : 'avoid';
}

export function prismaticPart(b: Builder, rng: Rng, mfcadLike: boolean): PartBuild {
  const s = Math.pow(10, rng.uniform(0, 0.6));
  const ctx: Ctx = { b, rng, s, minLen: 2 * s, clr: s, m: 0.5 * s };
  let stock: V3;
  if (mfcadLike) {
    const side = rng.uniform(10, 20) * s;
    stock = [side, side, side];
  } else {
    stock = [rng.uniform(10, 50) * s, rng.uniform(10, 50) * s, rng.uniform(10, 50) * s];
  }
  const solid = LabelledSolid.of(b, b.box(...stock), STOCK);
  const frames: Frame[] = boxFrames(...stock);
  const floors: Frame[] = [];
  const boxes: Placement[] = [];
  const allowed = SPECS.filter((x) => !mfcadLike || x.mfcad);
  const n = mfcadLike ? rng.int(2, 6) : rng.int(2, 12);
  const chosen = Array.from({ length: n }, () => rng.pick(allowed));
  // Edge breaks of real parts: a round and a chamfer that may run on around it (a chained strip).
  if (!mfcadLike && rng.chance(EDGE_BREAKS)) chosen.push(specOf('round'), specOf('chamfer'));
  // Rounds before chamfers, so that a chamfer can run on along a round's edges.
  chosen.sort((a, z) => a.group - z.group || blendOrder(a) - blendOrder(z));
  const features: FeatureRecord[] = [];
  const minArea = 0.01 * s * s;
  // Exporters write some parts' walls as B-splines, feature by feature (nurbs.ts).
  const bsplineShare = rng.chance(BSPLINE_PARTS) ? rng.uniform(0.4, 1) : 0;
  for (const spec of chosen) {
    const instance = features.length + 1;
    const label = classId(spec.name);
    let done = false;
    let cuts: number | undefined;
    ctx.bspline = rng.chance(bsplineShare);
    if (spec.bound === 'blend') {
      done = blend(ctx, solid, spec, label, instance, minArea);
    } else {
      const overlap = placementRule(rng, mfcadLike, spec, boxes);
      for (let attempt = 0; attempt < (overlap === 'must' ? 30 : 15) && !done; attempt++) {
        const useFloor = spec.bound === 'inner' && floors.length > 0 && rng.chance(0.35);
        const frame = useFloor ? rng.pick(floors) : frames[rng.weighted(frames.map((f) => f.w * f.h))]!;
        const placed = place(ctx, frame, spec, instance);
        if (!placed) continue;
        const others = boxes.filter((x) => x.instance !== frame.parent);
        const clash = overlap === 'avoid' && others.some((x) => aabbOverlap(x.aabb, placed.aabb, ctx.clr));
        const target = overlap === 'must' ? others.find((x) => (!isSlot(spec) || x.slot) && aabbOverlap(x.aabb, placed.aabb, 0)) : undefined;
        if (clash || (overlap === 'must' && !target)) {
          free(placed.tool);
          continue;
        }
        if (!solid.cut(placed.tool, label, instance, minArea)) continue;
        boxes.push({ aabb: placed.aabb, instance, slot: isSlot(spec) });
        if (placed.floor) floors.push(placed.floor);
        cuts = target?.instance;
        done = true;
      }
    }
    if (done) features.push({ instance, name: spec.name, ...(cuts !== undefined ? { cuts } : {}) });
  }
  return { solid, features, stock };
}

/**
 * A chamfer or round on one edge (MFCAD++: one edge per transition feature). Chamfers also go on
 * circular edges between a plane and a cylinder (a hole's or a round's rim: a conical chamfer)
 * and on edges of rounds, where the engine runs them on along the tangent chain (a strip around
 * a filleted corner). A rim chamfer stays small against its circle (at most a fifth of the
 * radius), as real edge breaks do: wider, the cone would be a countersink.
 */
function blend(ctx: Ctx, solid: LabelledSolid, spec: Spec, label: number, instance: number, minArea: number): boolean {
  const { b, rng, s } = ctx;
  const chamfer = spec.name === 'chamfer';
  const all = solid.edges().map((e) => ({ ...e, kind: edgeKind(b, solid, e.edge, e.faces) }));
  try {
    const ok = all.filter(
      ({ faces, kind }) => faces.length === 2 && (kind.curve === 'Line' || (kind.curve === 'Circle' && (!chamfer || kind.planeCylinder))),
    );
    const onStock = ok.filter((e) => e.faces.every((f) => solid.labels[f] === STOCK));
    const onRound = ok.filter((e) => e.faces.some((f) => solid.labels[f] === ROUND));
    const rims = chamfer ? ok.filter((e) => e.kind.planeCylinder) : [];
    const pool =
      rims.length > 0 && rng.chance(0.4)
        ? rims
        : chamfer && onRound.length > 0 && rng.chance(0.6)
          ? onRound
          : onStock.length > 0 && rng.chance(0.7)
            ? onStock
            : ok;
    for (let attempt = 0; attempt < 3 && pool.length > 0; attempt++) {
      const { edge, kind } = rng.pick(pool);
      let size = chamfer ? rng.uniform(0.1, 4) * s : rng.uniform(0.1, 5) * s;
      if (chamfer && kind.radius !== undefined) size = Math.min(size, rng.uniform(0.05, 0.2) * kind.radius);
      for (let k = 0; k < 3; k++, size /= 2) {
        if (solid.blend(chamfer ? 'chamfer' : 'fillet', [edge], size, label, instance, minArea)) return true;
      }
    }
    return false;
  } finally {
    for (const e of all) free(e.edge);
  }
}

interface EdgeKind {
  curve: string;
  /** Circles: the radius. */
  radius?: number;
  /** Its two faces are a plane and a cylinder (a rim). */
  planeCylinder: boolean;
}

function edgeKind(b: Builder, solid: LabelledSolid, edge: TopoDS_Edge, faces: number[]): EdgeKind {
  return withScope((s) => {
    const adaptor = s.track(new b.oc.BRepAdaptor_Curve(edge));
    const curve = String(adaptor.GetType()).replace('GeomAbs_', '');
    if (curve !== 'Circle' || faces.length !== 2) return { curve, planeCylinder: false };
    const types = faces.map((f) => b.surfaceName(solid.faces.shapes[f]!)).sort();
    return { curve, radius: s.track(adaptor.Circle()).Radius(), planeCylinder: types[0] === 'Cylinder' && types[1] === 'Plane' };
  });
}
