/**
 * The generator's Builder: the project's one shape builder (src/analysis/occt/builder.ts, which the
 * fixture scripts use too) plus the generator's sketch vocabulary: sketch loops on a frame → faces
 * → prism tools, (r, z) profiles → revolved tools, and its questions about a finished part (faces
 * in TopExp order, counts, validity, STEP bytes). Every temporary engine object is deleted through
 * a Scope (embind objects are not garbage collected).
 */
import type { TopoDS_Edge, TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { measureOf, Scope, ShapeBuilder, ShapeIndex, withScope, writeStep, type OC } from '../../../src/analysis/index.ts';
import { toWorld, type Frame, type V2, type V3 } from './geom.ts';

/** One closed sketch loop: straight segments, or three-point arcs (from the previous point via `via`). */
export type Seg = { to: V2; via?: V2 };
export type Loop = { start: V2; segs: Seg[] } | { circle: { center: V2; r: number } };

export function polygon(points: V2[]): Loop {
  return { start: points[0]!, segs: [...points.slice(1), points[0]!].map((to) => ({ to })) };
}

// The pipeline's own scope (src/analysis/occt/scope.ts), re-exported for the generator's modules.
export { Scope };

export class Builder extends ShapeBuilder {
  /** No owner: the generator tracks the shapes it keeps in its parts' own scopes. */
  constructor(oc: OC) {
    super(oc);
  }

  /** Planar face bounded by `loop`, drawn on frame f at height z. */
  face(f: Frame, loop: Loop, z: number): TopoDS_Face {
    const s = new Scope();
    try {
      const P = (q: V2) => this.pnt(s, toWorld(f, q[0], q[1], z));
      const wire = s.track(new this.oc.BRepBuilderAPI_MakeWire());
      if ('circle' in loop) {
        const { center, r } = loop.circle;
        const ax = s.track(new this.oc.gp_Ax2(P(center), this.dir(s, f.n)));
        const circ = s.track(new this.oc.gp_Circ(ax, r));
        wire.Add(s.track(new this.oc.BRepBuilderAPI_MakeEdge(circ)).Edge());
      } else {
        let from = loop.start;
        for (const seg of loop.segs) {
          wire.Add(seg.via ? this.arc(s, f, z, from, seg.via, seg.to) : s.track(new this.oc.BRepBuilderAPI_MakeEdge(P(from), P(seg.to))).Edge());
          from = seg.to;
        }
      }
      if (!wire.IsDone()) throw new Error('sketch wire is not closed');
      return this.planarFace(s.track(wire.Wire()));
    } finally {
      s.dispose();
    }
  }

  private arc(s: Scope, f: Frame, z: number, a: V2, via: V2, b: V2): TopoDS_Edge {
    const [cx, cy, r] = circumcircle(a, via, b);
    // a → via → b runs counter-clockwise (seen from +n) when `via` lies right of the chord a→b.
    const ccw = (b[0] - a[0]) * (via[1] - a[1]) - (b[1] - a[1]) * (via[0] - a[0]) < 0;
    const axis = ccw ? f.n : ([-f.n[0], -f.n[1], -f.n[2]] as V3);
    const ax = s.track(new this.oc.gp_Ax2(this.pnt(s, toWorld(f, cx, cy, z)), this.dir(s, axis)));
    const circ = s.track(new this.oc.gp_Circ(ax, r));
    const P = (q: V2) => this.pnt(s, toWorld(f, q[0], q[1], z));
    return s.track(new this.oc.BRepBuilderAPI_MakeEdge(circ, P(a), P(b))).Edge();
  }

  /** Solid swept from the sketch at z = zBottom up to z = zTop along the frame normal. */
  prism(f: Frame, loop: Loop, zBottom: number, zTop: number): TopoDS_Shape {
    const s = new Scope();
    try {
      const face = s.track(this.face(f, loop, zBottom));
      const h = zTop - zBottom;
      return this.extrude(face, [f.n[0] * h, f.n[1] * h, f.n[2] * h]);
    } finally {
      s.dispose();
    }
  }

  /**
   * Solid of revolution about the axis through (cx, cy) along the frame normal: `rz` is a closed
   * polygon of (radius, z) points in a half-plane (r ≥ 0), arcs allowed as for sketches.
   */
  revolve(f: Frame, cx: number, cy: number, rz: Loop): TopoDS_Shape {
    const s = new Scope();
    try {
      // A frame whose u runs radially and v along the axis: (r, z) sketches straight onto it.
      const centre = toWorld(f, cx, cy, 0);
      const half: Frame = { ...f, origin: centre, u: f.u, v: f.n, n: [-f.v[0], -f.v[1], -f.v[2]] };
      const face = s.track(this.face(half, rz, 0));
      return this.revolution(face, centre, f.n, 2 * Math.PI, false);
    } finally {
      s.dispose();
    }
  }

  /** Faces in TopExp order without repeats (TopExp::MapShapes order). Caller disposes the index. */
  faces(shape: TopoDS_Shape): ShapeIndex<TopoDS_Face> {
    const index = new ShapeIndex<TopoDS_Face>(this.oc);
    const { TopAbs_FACE, TopAbs_SHAPE } = this.oc.TopAbs_ShapeEnum;
    withScope((s) => {
      const ex = s.track(new this.oc.TopExp_Explorer(shape, TopAbs_FACE, TopAbs_SHAPE));
      for (; ex.More(); ex.Next()) index.add(this.oc.TopoDS.Face(ex.Current()));
    });
    return index;
  }

  count(shape: TopoDS_Shape, kind: 'SOLID' | 'SHELL' | 'EDGE'): number {
    const e = this.oc.TopAbs_ShapeEnum;
    const type = kind === 'SOLID' ? e.TopAbs_SOLID : kind === 'SHELL' ? e.TopAbs_SHELL : e.TopAbs_EDGE;
    return withScope((s) => {
      const ex = s.track(new this.oc.TopExp_Explorer(shape, type, e.TopAbs_SHAPE));
      let n = 0;
      for (; ex.More(); ex.Next()) n++;
      return n;
    });
  }

  /** BRepCheck with geometry checks: booleans of nearly touching tools can leave broken shells. */
  valid(shape: TopoDS_Shape): boolean {
    return withScope((s) => s.track(new this.oc.BRepCheck_Analyzer(shape, true, false, false)).IsValid());
  }

  /** 'Plane', 'Cylinder', ... as in the shared data's label files. */
  surfaceName(face: TopoDS_Face): string {
    return withScope((s) => this.kindOf(s.track(new this.oc.BRepAdaptor_Surface(face, true))));
  }

  area(shape: TopoDS_Shape): number {
    return measureOf(this.oc, shape, 'area');
  }

  volume(shape: TopoDS_Shape): number {
    return measureOf(this.oc, shape, 'volume');
  }

  /** STEP AP214 bytes, reproducible: the product is named `name` and the header time is fixed. */
  stepBytes(shape: TopoDS_Shape, name: string, scratch = '/vectis-generated.step'): Uint8Array {
    return writeStep(this.oc, shape, { unit: 'MM', product: name, scratch });
  }
}

/** Centre and radius of the circle through three 2D points. */
export function circumcircle(a: V2, b: V2, c: V2): [number, number, number] {
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  if (Math.abs(d) < 1e-12) throw new Error('arc points are collinear');
  const a2 = a[0] ** 2 + a[1] ** 2;
  const b2 = b[0] ** 2 + b[1] ** 2;
  const c2 = c[0] ** 2 + c[1] ** 2;
  const x = (a2 * (b[1] - c[1]) + b2 * (c[1] - a[1]) + c2 * (a[1] - b[1])) / d;
  const y = (a2 * (c[0] - b[0]) + b2 * (a[0] - c[0]) + c2 * (b[0] - a[0])) / d;
  return [x, y, Math.hypot(a[0] - x, a[1] - y)];
}
