/**
 * The feature catalogue and its placement on a sketch frame: where on the face a feature goes, its
 * sizes (after MFCAD++'s generator: sizes drawn between the minimum length and the room left,
 * clearance to the face's edges, blind depths short of the far side), and its tool solid.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { ClassName } from './classes.ts';
import { aabbOf, toWorld, type Aabb, type Frame, type V2, type V3 } from './geom.ts';
import type { Builder, Loop } from './occ.ts';
import type { Rng } from './rng.ts';
import { bsplinePrism, bsplineRevolve } from './nurbs.ts';
import * as sk from './sketches.ts';

export type Bound = 'inner' | 'edge' | 'corner' | 'span' | 'blend';

export interface Spec {
  name: ClassName;
  bound: Bound;
  through: boolean;
  /** Order of application, as MFCAD++: steps, slots, through, blind, O-rings, blends. */
  group: number;
  /** One of MFCAD's 16 (planar) classes. */
  mfcad: boolean;
}

const spec = (name: ClassName, bound: Bound, through: boolean, group: number, mfcad: boolean): Spec => ({ name, bound, through, group, mfcad });

export const SPECS: Spec[] = [
  spec('rectangular_through_step', 'corner', true, 0, true),
  spec('2sides_through_step', 'span', false, 0, true),
  spec('slanted_through_step', 'span', false, 0, true),
  spec('triangular_blind_step', 'corner', false, 0, true),
  spec('circular_blind_step', 'corner', false, 0, false),
  spec('rectangular_blind_step', 'corner', false, 0, true),
  spec('triangular_through_slot', 'edge', true, 1, true),
  spec('rectangular_through_slot', 'edge', true, 1, true),
  spec('circular_through_slot', 'edge', true, 1, false),
  spec('rectangular_blind_slot', 'edge', false, 1, true),
  spec('v_circular_end_blind_slot', 'edge', false, 1, false),
  spec('h_circular_end_blind_slot', 'edge', false, 1, false),
  spec('through_hole', 'inner', true, 2, false),
  spec('triangular_passage', 'inner', true, 2, true),
  spec('rectangular_passage', 'inner', true, 2, true),
  spec('6sides_passage', 'inner', true, 2, true),
  spec('blind_hole', 'inner', false, 3, false),
  spec('triangular_pocket', 'inner', false, 3, true),
  spec('rectangular_pocket', 'inner', false, 3, true),
  spec('6sides_pocket', 'inner', false, 3, true),
  spec('circular_end_pocket', 'inner', false, 3, false),
  spec('counterbore', 'inner', false, 3, false),
  spec('countersunk_hole', 'inner', false, 3, false),
  spec('Oring', 'inner', false, 4, false),
  spec('chamfer', 'blend', false, 5, true),
  spec('round', 'blend', false, 5, false),
];

export interface Ctx {
  b: Builder;
  rng: Rng;
  /** Length unit of the part (MFCAD++ sizes are multiples of it). */
  s: number;
  minLen: number;
  clr: number;
  /** How far tools reach past the faces they open onto. */
  m: number;
  /** Write the next tool's walls as B-splines (nurbs.ts), as many exporters do. */
  bspline?: boolean;
}

export interface Placed {
  tool: TopoDS_Shape;
  aabb: Aabb;
  /** A flat floor further features may be placed on. */
  floor?: Frame;
}

const neg = (a: V3): V3 => [-a[0], -a[1], -a[2]];

/** The frame turned so that its edge k (0: y=0, 1: x=w, 2: y=h, 3: x=0) becomes y = 0. */
export function edgeFrame(f: Frame, k: number): Frame {
  if (k === 1) return { ...f, origin: toWorld(f, f.w, 0, 0), u: f.v, v: neg(f.u), w: f.h, h: f.w };
  if (k === 2) return { ...f, origin: toWorld(f, f.w, f.h, 0), u: neg(f.u), v: neg(f.v) };
  if (k === 3) return { ...f, origin: toWorld(f, 0, f.h, 0), u: neg(f.v), v: f.u, w: f.h, h: f.w };
  return f;
}

function subFrame(f: Frame, x: number, y: number, angle: number, z = 0): Frame {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const u: V3 = [c * f.u[0] + s * f.v[0], c * f.u[1] + s * f.v[1], c * f.u[2] + s * f.v[2]];
  const v: V3 = [-s * f.u[0] + c * f.v[0], -s * f.u[1] + c * f.v[1], -s * f.u[2] + c * f.v[2]];
  return { ...f, origin: toWorld(f, x, y, z), u, v };
}

/** Uniform between the minimum length and the clearance short of the far side (as MFCAD++). */
function blindDepth(ctx: Ctx, t: number): number | null {
  const hi = t - ctx.clr;
  if (hi < 0.3 * ctx.minLen) return null;
  const lo = Math.min(ctx.minLen, 0.5 * hi);
  return ctx.rng.uniform(lo, hi);
}

const frac = (ctx: Ctx, room: number) => Math.max(ctx.minLen, room * ctx.rng.uniform(0.1, 1));

function loopPoints(loop: Loop): V2[] {
  if ('circle' in loop) {
    const {
      center: [x, y],
      r,
    } = loop.circle;
    return [
      [x - r, y - r],
      [x + r, y + r],
    ];
  }
  return [loop.start, ...loop.segs.flatMap((s) => (s.via ? [s.via, s.to] : [s.to]))];
}

function prismPlaced(ctx: Ctx, f: Frame, loop: Loop, zBottom: number, floor?: Frame): Placed {
  const pts = loopPoints(loop).flatMap(([x, y]) => [toWorld(f, x, y, ctx.m), toWorld(f, x, y, zBottom)]);
  const tool = (ctx.bspline && bsplinePrism(ctx.b, f, loop, zBottom, ctx.m)) || ctx.b.prism(f, loop, zBottom, ctx.m);
  return { tool, aabb: aabbOf(pts), ...(floor ? { floor } : {}) };
}

function revolvePlaced(ctx: Ctx, f: Frame, rz: Loop, radius: number, zBottom: number): Placed {
  const pts = [
    [-radius, -radius],
    [radius, radius],
  ].flatMap(([x, y]) => [toWorld(f, x!, y!, ctx.m), toWorld(f, x!, y!, zBottom)]);
  const tool = (ctx.bspline && bsplineRevolve(ctx.b, f, 0, 0, rz)) || ctx.b.revolve(f, 0, 0, rz);
  return { tool, aabb: aabbOf(pts) };
}

/** Floors become frames for nested features when they leave room for one. */
function floorFrame(ctx: Ctx, f: Frame, x: number, y: number, w: number, h: number, d: number, parent: number): Frame | undefined {
  if (w < ctx.minLen + 2 * ctx.clr || h < ctx.minLen + 2 * ctx.clr || f.t - d < ctx.minLen) return undefined;
  return { ...subFrame(f, x, y, 0, -d), w, h, t: f.t - d, open: false, parent };
}

/** One placement attempt of `spec` on frame `f`; null when the face has no room for it. */
export function place(ctx: Ctx, f: Frame, spec: Spec, instance: number): Placed | null {
  const { rng, minLen, clr, m } = ctx;
  const depth = spec.through ? f.t : blindDepth(ctx, f.t);
  if (depth === null) return null;
  const zb = spec.through ? -(f.t + m) : -depth;
  if (spec.bound === 'edge' || spec.bound === 'corner' || spec.bound === 'span') {
    if (!f.open) return null;
    const e = edgeFrame(f, rng.int(0, 3));
    if (e.w < minLen + 2 * clr || e.h < minLen + clr) return null;
    if (spec.bound === 'span') {
      const bh = frac(ctx, e.h - clr);
      if (spec.name === '2sides_through_step') {
        const ratio = rng.uniform(0.4, 0.8);
        return prismPlaced(ctx, e, sk.twoSidesStep(e.w, bh, ratio, m), zb, floorFrame(ctx, e, 0, 0, e.w, ratio * bh, depth, instance));
      }
      const low = bh * (1 - rng.uniform(0.3, 0.6));
      const [hl, hr] = rng.chance(0.5) ? [bh, low] : [low, bh];
      return prismPlaced(ctx, e, sk.slantedStep(e.w, hl, hr, m), zb, floorFrame(ctx, e, 0, 0, e.w, low, depth, instance));
    }
    if (spec.bound === 'corner') {
      const bw = frac(ctx, e.w - clr);
      const bh = frac(ctx, e.h - clr);
      switch (spec.name) {
        case 'triangular_blind_step':
          return prismPlaced(ctx, e, sk.triCorner(bw, bh, m), zb);
        case 'circular_blind_step':
          return prismPlaced(ctx, e, sk.circCorner(Math.min(bw, bh), m), zb);
        default:
          return prismPlaced(ctx, e, sk.rectCorner(bw, bh, m), zb, spec.through ? undefined : floorFrame(ctx, e, 0, 0, bw, bh, depth, instance));
      }
    }
    let bw = frac(ctx, e.w - 2 * clr);
    const a = rng.uniform(clr, e.w - clr - bw);
    let bh = frac(ctx, e.h - clr);
    switch (spec.name) {
      case 'triangular_through_slot':
        return prismPlaced(ctx, e, sk.triSlot(a, bw, bh, m), zb);
      case 'circular_through_slot':
        return prismPlaced(ctx, e, sk.circSlot(a, bw, bh, m), zb);
      case 'v_circular_end_blind_slot':
        bh = Math.max(bh, bw / 2 + 0.3 * ctx.s);
        if (bh > e.h - clr) return null;
        return prismPlaced(ctx, e, sk.vRoundSlot(a, bw, bh, m), zb);
      case 'h_circular_end_blind_slot': {
        bw = Math.max(bw, minLen);
        const rh = Math.min(bh, bw / 2 - 0.25 * ctx.s);
        if (rh < 0.3 * ctx.s) return null;
        return prismPlaced(ctx, e, sk.hRoundSlot(a, bw, rh, m), zb);
      }
      default:
        return prismPlaced(ctx, e, sk.rectSlot(a, bw, bh, m), zb, spec.through ? undefined : floorFrame(ctx, e, a, 0, bw, bh, depth, instance));
    }
  }
  return placeInner(ctx, f, spec, instance, depth, zb);
}

function placeInner(ctx: Ctx, f: Frame, spec: Spec, instance: number, depth: number, zb: number): Placed | null {
  const { rng, minLen, clr, m, s } = ctx;
  if (f.w < minLen + 2 * clr || f.h < minLen + 2 * clr) return null;
  const cx = rng.uniform(clr + minLen / 2, f.w - clr - minLen / 2);
  const cy = rng.uniform(clr + minLen / 2, f.h - clr - minLen / 2);
  const ax = Math.min(cx, f.w - cx) - clr;
  const ay = Math.min(cy, f.h - cy) - clr;
  const half = Math.min(ax, ay);
  let bw = Math.max(minLen, 2 * half * rng.uniform(0.1, 1));
  let bh = Math.max(minLen, 2 * half * rng.uniform(0.1, 1));
  const angle = rng.chance(0.25) ? rng.uniform(0, Math.PI) : rng.pick([0, Math.PI / 2]);
  const [c, sn] = [Math.abs(Math.cos(angle)), Math.abs(Math.sin(angle))];
  const fit = Math.min(1, ax / ((bw / 2) * c + (bh / 2) * sn), ay / ((bw / 2) * sn + (bh / 2) * c));
  bw *= fit;
  bh *= fit;
  if (Math.min(bw, bh) < 0.6 * minLen) return null;
  const g = subFrame(f, cx, cy, angle);
  const r = Math.min(bw, bh) / 2;
  switch (spec.name) {
    case 'rectangular_passage':
    case 'rectangular_pocket':
      return prismPlaced(ctx, g, sk.rectInner(bw, bh), zb, spec.through ? undefined : floorFrame(ctx, g, -bw / 2, -bh / 2, bw, bh, depth, instance));
    case 'triangular_passage':
    case 'triangular_pocket':
      return prismPlaced(ctx, g, sk.triInner(r, rng), zb);
    case '6sides_passage':
    case '6sides_pocket':
      return prismPlaced(ctx, g, sk.hexInner(r, rng), zb);
    case 'circular_end_pocket': {
      // Long along the frame's u; when the box is taller than wide, turn the frame a quarter.
      const long = Math.max(bw, bh);
      const short = Math.min(bw, bh, (long - 0.2 * s) / 1.3);
      if (short < 0.5 * minLen) return null;
      const h = bw >= bh ? g : subFrame(f, cx, cy, angle + Math.PI / 2);
      return prismPlaced(ctx, h, sk.obround(long, short), zb);
    }
    case 'through_hole':
    case 'blind_hole':
      return revolvePlaced(ctx, g, sk.holeProfile(r, -zb, m, !spec.through && rng.chance(0.35)), r, zb - r);
    case 'Oring': {
      const ri = rng.uniform(r / 3, r - 0.2 * s);
      if (r - ri < 0.2 * s) return null;
      return revolvePlaced(ctx, g, sk.ringProfile(ri, r, depth, m), r, zb);
    }
    case 'counterbore': {
      const hole = r * rng.uniform(0.4, 0.75);
      const dBore = Math.min(depth, f.t) * rng.uniform(0.15, 0.5);
      const through = rng.chance(0.6);
      const d = through ? f.t + m : rng.uniform(dBore + 0.3 * (f.t - dBore), f.t - clr);
      if (d <= dBore + 0.2 * s) return null;
      return revolvePlaced(ctx, g, sk.counterboreProfile(r, dBore, hole, d, m, !through && rng.chance(0.5)), r, -d - hole);
    }
    case 'countersunk_hole': {
      const angle = (rng.pick([82, 90, 90, 100, 120]) * Math.PI) / 180;
      const hole = r * rng.uniform(0.35, 0.7);
      const cone = (r - hole) / Math.tan(angle / 2);
      const through = rng.chance(0.6);
      if (cone > f.t - clr) return null;
      const d = through ? f.t + m : rng.uniform(cone + 0.3 * (f.t - cone), f.t - clr);
      if (d <= cone + 0.2 * s) return null;
      return revolvePlaced(ctx, g, sk.countersinkProfile(r, angle, hole, d, m, !through && rng.chance(0.5)), r + m, -d - hole);
    }
    default:
      throw new Error(`no inner sketch for ${spec.name}`);
  }
}
