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
}

export interface PartBuild {
  solid: LabelledSolid;
  features: FeatureRecord[];
  stock: V3;
}

const STOCK = classId('stock');

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
  const boxes: { aabb: Aabb; instance: number }[] = [];
  const allowed = SPECS.filter((x) => !mfcadLike || x.mfcad);
  const n = mfcadLike ? rng.int(2, 6) : rng.int(2, 12);
  const chosen = Array.from({ length: n }, () => rng.pick(allowed)).sort((a, z) => a.group - z.group);
  const features: FeatureRecord[] = [];
  const minArea = 0.01 * s * s;
  for (const spec of chosen) {
    const instance = features.length + 1;
    const label = classId(spec.name);
    let done = false;
    if (spec.bound === 'blend') {
      done = blend(ctx, solid, spec, label, instance, minArea);
    } else {
      const intersecting = rng.chance(0.15);
      for (let attempt = 0; attempt < 15 && !done; attempt++) {
        const useFloor = spec.bound === 'inner' && floors.length > 0 && rng.chance(0.35);
        const frame = useFloor ? rng.pick(floors) : frames[rng.weighted(frames.map((f) => f.w * f.h))]!;
        const placed = place(ctx, frame, spec, instance);
        if (!placed) continue;
        const clash = !intersecting && boxes.some((x) => x.instance !== frame.parent && aabbOverlap(x.aabb, placed.aabb, ctx.clr));
        if (clash) {
          free(placed.tool);
          continue;
        }
        if (!solid.cut(placed.tool, label, instance, minArea)) continue;
        boxes.push({ aabb: placed.aabb, instance });
        if (placed.floor) floors.push(placed.floor);
        done = true;
      }
    }
    if (done) features.push({ instance, name: spec.name });
  }
  return { solid, features, stock };
}

/** A chamfer or round on one edge (MFCAD++: one edge per transition feature). */
function blend(ctx: Ctx, solid: LabelledSolid, spec: Spec, label: number, instance: number, minArea: number): boolean {
  const { b, rng, s } = ctx;
  const all = solid.edges();
  try {
    const types = all.map((e) => curveType(b, e.edge));
    const ok = all.filter((e, i) => e.faces.length === 2 && (types[i] === 'Line' || (spec.name === 'round' && types[i] === 'Circle')));
    const onStock = ok.filter((e) => e.faces.every((f) => solid.labels[f] === STOCK));
    const pool = onStock.length > 0 && rng.chance(0.7) ? onStock : ok;
    for (let attempt = 0; attempt < 3 && pool.length > 0; attempt++) {
      const edge = rng.pick(pool).edge;
      let size = spec.name === 'chamfer' ? rng.uniform(0.1, 4) * s : rng.uniform(0.1, 5) * s;
      for (let k = 0; k < 3; k++, size /= 2) {
        if (solid.blend(spec.name === 'chamfer' ? 'chamfer' : 'fillet', [edge], size, label, instance, minArea)) return true;
      }
    }
    return false;
  } finally {
    for (const e of all) free(e.edge);
  }
}

function curveType(b: Builder, edge: TopoDS_Edge): string {
  return withScope((s) => String(s.track(new b.oc.BRepAdaptor_Curve(edge)).GetType()).replace('GeomAbs_', ''));
}
