/**
 * The one way we build shapes with the engine: the training generator (models/training/generate/
 * occ.ts extends this with its sketch frames), the fixture scripts (scripts/*-fixtures.ts) and the
 * warm-up part. Primitives placed in world coordinates (mm), booleans, blends picked by an edge's
 * end points, profiles revolved about an axis, lofts, a helical V cutter and transforms. It lives
 * beside the one STEP writer (step-writer.ts) for the same reason: whatever we generate is built
 * one way, and the fixtures must not hang on the training tree. (The generator's questions about a
 * finished part, faces in TopExp order, counts, validity, stay with its own Builder.)
 *
 * Every temporary engine object is freed through a Scope. A returned shape is owned by `owner` when
 * one is given (a script that keeps everything it builds until it ends), else by the caller, who
 * tracks it in its own scope (the generator's parts).
 */
import type { TopoDS_Edge, TopoDS_Face, TopoDS_Shape, TopoDS_Wire } from 'replicad-opencascadejs';
import type { OC } from './engine.ts';
import { withScope, type Deletable, type Scope } from './scope.ts';

export type Point3 = readonly [number, number, number];
/** One segment of a closed outline: a line to `to`, or a circular arc through `via` to `to`. */
export type OutlineSeg = { to: Point3; via?: Point3 };
/**
 * Which edges a blend takes, and how much: given an edge's end points, its fillet radius or chamfer
 * distance (a pair: a fillet varying from start to end), or undefined to leave the edge sharp.
 */
export type EdgeSize = (a: Point3, b: Point3) => number | readonly [number, number] | undefined;
/** As EdgeSize, for chamfers; unequal legs are measured from a face next to the edge. */
export type ChamferSize = (a: Point3, b: Point3) => number | { legs: readonly [number, number]; face: TopoDS_Face } | undefined;

export class ShapeBuilder {
  constructor(
    readonly oc: OC,
    private readonly owner?: Scope,
  ) {}

  /** A result handed out: the owner's to free, when there is one. */
  protected out<T extends Deletable>(item: T): T {
    return this.owner ? this.owner.track(item) : item;
  }

  pnt(s: Scope, p: Point3) {
    return s.track(new this.oc.gp_Pnt(p[0], p[1], p[2]));
  }

  dir(s: Scope, d: Point3) {
    return s.track(new this.oc.gp_Dir(d[0], d[1], d[2]));
  }

  private progress(s: Scope) {
    return s.track(new this.oc.Message_ProgressRange());
  }

  /** The solid box [at, at + (dx, dy, dz)]. */
  box(dx: number, dy: number, dz: number, at: Point3 = [0, 0, 0]): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepPrimAPI_MakeBox(this.pnt(s, at), dx, dy, dz)).Solid()));
  }

  /** The box [0, (dx, dy, dz)] as a shell: a surface model with no solid. */
  boxShell(dx: number, dy: number, dz: number): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepPrimAPI_MakeBox(dx, dy, dz)).Shell()));
  }

  /** A cylinder of radius r from `at` along `axis`, h long. */
  cylinder(at: Point3, axis: Point3, r: number, h: number): TopoDS_Shape {
    return withScope((s) => {
      const axes = s.track(new this.oc.gp_Ax2(this.pnt(s, at), this.dir(s, axis)));
      return this.out(s.track(new this.oc.BRepPrimAPI_MakeCylinder(axes, r, h)).Shape());
    });
  }

  /** A ball of radius r about `centre` (a ball end mill's bottom, a dimple). */
  sphere(centre: Point3, r: number): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepPrimAPI_MakeSphere(this.pnt(s, centre), r)).Shape()));
  }

  cut(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepAlgoAPI_Cut(a, b, this.progress(s))).Shape()));
  }

  fuse(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepAlgoAPI_Fuse(a, b, this.progress(s))).Shape()));
  }

  common(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
    return withScope((s) => this.out(s.track(new this.oc.BRepAlgoAPI_Common(a, b, this.progress(s))).Shape()));
  }

  /** Merges faces on one surface that booleans leave split (a fused tool's floor comes out one face). */
  unify(shape: TopoDS_Shape): TopoDS_Shape {
    return withScope((s) => {
      const u = s.track(new this.oc.ShapeUpgrade_UnifySameDomain(shape, true, true, false));
      u.Build();
      return this.out(u.Shape());
    });
  }

  compound(...shapes: TopoDS_Shape[]): TopoDS_Shape {
    return withScope((s) => {
      const c = new this.oc.TopoDS_Compound();
      const builder = s.track(new this.oc.TopoDS_Builder());
      builder.MakeCompound(c);
      for (const shape of shapes) builder.Add(c, shape);
      return this.out(c);
    });
  }

  /** `shape` turned by `angle` (radians) about the axis through the origin along `axis`. */
  rotate(shape: TopoDS_Shape, axis: Point3, angle: number): TopoDS_Shape {
    return withScope((s) => {
      const trsf = s.track(new this.oc.gp_Trsf());
      trsf.SetRotation(s.track(new this.oc.gp_Ax1(this.pnt(s, [0, 0, 0]), this.dir(s, axis))), angle);
      return this.out(s.track(new this.oc.BRepBuilderAPI_Transform(shape, trsf, true, false)).Shape());
    });
  }

  translate(shape: TopoDS_Shape, by: Point3): TopoDS_Shape {
    return withScope((s) => {
      const trsf = s.track(new this.oc.gp_Trsf());
      trsf.SetTranslation(s.track(new this.oc.gp_Vec(by[0], by[1], by[2])));
      return this.out(s.track(new this.oc.BRepBuilderAPI_Transform(shape, trsf, true, false)).Shape());
    });
  }

  /**
   * Rounds edges: each rule in turn sees every edge in TopExp order (an edge between two faces
   * twice; the engine takes it once) and sizes the ones it takes.
   */
  fillet(shape: TopoDS_Shape, ...rules: EdgeSize[]): TopoDS_Shape {
    return withScope((s) => {
      const fillet = s.track(new this.oc.BRepFilletAPI_MakeFillet(shape));
      for (const [edge, size] of this.sized(s, shape, rules)) {
        if (typeof size === 'number') fillet.Add(size, edge);
        else fillet.Add(size[0], size[1], edge);
      }
      return this.out(fillet.Shape());
    });
  }

  /** Bevels edges, rule by rule as fillet() does. */
  chamfer(shape: TopoDS_Shape, ...rules: ChamferSize[]): TopoDS_Shape {
    return withScope((s) => {
      const chamfer = s.track(new this.oc.BRepFilletAPI_MakeChamfer(shape));
      for (const [edge, size] of this.sized(s, shape, rules)) {
        if (typeof size === 'number') chamfer.Add(size, edge);
        else chamfer.Add(size.legs[0], size.legs[1], edge, size.face);
      }
      return this.out(chamfer.Shape());
    });
  }

  /** The edges each rule in turn sizes, with their sizes, in TopExp order (freed with `s`). */
  private sized<S>(s: Scope, shape: TopoDS_Shape, rules: ((a: Point3, b: Point3) => S | undefined)[]): [TopoDS_Edge, S][] {
    const out: [TopoDS_Edge, S][] = [];
    const { TopAbs_EDGE, TopAbs_SHAPE } = this.oc.TopAbs_ShapeEnum;
    for (const rule of rules) {
      const explorer = s.track(new this.oc.TopExp_Explorer(shape, TopAbs_EDGE, TopAbs_SHAPE));
      for (; explorer.More(); explorer.Next()) {
        const edge = s.track(this.oc.TopoDS.Edge(explorer.Current()));
        const curve = s.track(new this.oc.BRepAdaptor_Curve(edge));
        const a = s.track(curve.Value(curve.FirstParameter()));
        const b = s.track(curve.Value(curve.LastParameter()));
        const size = rule([a.X(), a.Y(), a.Z()], [b.X(), b.Y(), b.Z()]);
        if (size !== undefined) out.push([edge, size]);
      }
    }
    return out;
  }

  /**
   * The first face (TopExp order) that `pick` takes, given its surface kind ('Plane', 'Cylinder',
   * ...) and the point at the middle of its parameter range.
   */
  faceWhere(shape: TopoDS_Shape, pick: (kind: string, middle: Point3) => boolean): TopoDS_Face | undefined {
    return withScope((s) => {
      const { TopAbs_FACE, TopAbs_SHAPE } = this.oc.TopAbs_ShapeEnum;
      const explorer = s.track(new this.oc.TopExp_Explorer(shape, TopAbs_FACE, TopAbs_SHAPE));
      for (; explorer.More(); explorer.Next()) {
        const face = s.track(this.oc.TopoDS.Face(explorer.Current()));
        const surface = s.track(new this.oc.BRepAdaptor_Surface(face, true));
        const u = (surface.FirstUParameter() + surface.LastUParameter()) / 2;
        const p = s.track(surface.Value(u, (surface.FirstVParameter() + surface.LastVParameter()) / 2));
        if (pick(this.kindOf(surface), [p.X(), p.Y(), p.Z()])) return this.out(this.oc.TopoDS.Face(face));
      }
      return undefined;
    });
  }

  /** A closed outline of lines and three-point arcs from `start` (the last segment ends there). */
  outline(start: Point3, segs: readonly OutlineSeg[]): TopoDS_Wire {
    return withScope((s) => {
      const wire = s.track(new this.oc.BRepBuilderAPI_MakeWire());
      let from = start;
      for (const { to, via } of segs) {
        const curve = via && s.track(new this.oc.GC_MakeArcOfCircle(this.pnt(s, from), this.pnt(s, via), this.pnt(s, to))).Value();
        wire.Add(
          s
            .track(curve ? new this.oc.BRepBuilderAPI_MakeEdge(curve) : new this.oc.BRepBuilderAPI_MakeEdge(this.pnt(s, from), this.pnt(s, to)))
            .Edge(),
        );
        from = to;
      }
      return this.out(wire.Wire());
    });
  }

  /** The closed polygon through `points`. */
  polygon(points: readonly Point3[]): TopoDS_Wire {
    return this.outline(
      points[0]!,
      [...points.slice(1), points[0]!].map((to) => ({ to })),
    );
  }

  /** A circle about `axis` through `centre`; an ellipse when `minor` is given (major along `xDir`, or the engine's choice). */
  ring(centre: Point3, axis: Point3, r: number, minor?: number, xDir?: Point3): TopoDS_Wire {
    return withScope((s) => {
      const frame = s.track(
        xDir
          ? new this.oc.gp_Ax2(this.pnt(s, centre), this.dir(s, axis), this.dir(s, xDir))
          : new this.oc.gp_Ax2(this.pnt(s, centre), this.dir(s, axis)),
      );
      const curve = s.track(minor === undefined ? new this.oc.gp_Circ(frame, r) : new this.oc.gp_Elips(frame, r, minor));
      const edge = s.track(new this.oc.BRepBuilderAPI_MakeEdge(curve)).Edge();
      return this.out(s.track(new this.oc.BRepBuilderAPI_MakeWire(edge)).Wire());
    });
  }

  /** The planar face a closed wire bounds. */
  planarFace(wire: TopoDS_Wire): TopoDS_Face {
    return withScope((s) => this.out(s.track(new this.oc.BRepBuilderAPI_MakeFace(wire, true)).Face()));
  }

  /** The prism `face` sweeps along `by`. */
  extrude(face: TopoDS_Shape, by: Point3): TopoDS_Shape {
    return withScope((s) => {
      const vec = s.track(new this.oc.gp_Vec(by[0], by[1], by[2]));
      return this.out(s.track(new this.oc.BRepPrimAPI_MakePrism(face, vec, false, true)).Shape());
    });
  }

  /** `face` turned `angle` about the axis through `at` along `axis`; `copy` copies its geometry first. */
  revolution(face: TopoDS_Shape, at: Point3, axis: Point3, angle: number, copy: boolean): TopoDS_Shape {
    return withScope((s) => {
      const ax = s.track(new this.oc.gp_Ax1(this.pnt(s, at), this.dir(s, axis)));
      return this.out(s.track(new this.oc.BRepPrimAPI_MakeRevol(face, ax, angle, copy)).Shape());
    });
  }

  /**
   * A solid of revolution about the vertical axis through (x, y), from a closed polygon of (r, z)
   * points: a full turn, or `angle` radians from the half-plane at `start` radians.
   */
  revolved(x: number, y: number, profile: readonly (readonly [number, number])[], angle = 2 * Math.PI, start = 0): TopoDS_Shape {
    const [c, sn] = [Math.cos(start), Math.sin(start)];
    return withScope((s) => {
      const wire = s.track(this.unowned().polygon(profile.map(([r, z]) => [x + r * c, y + r * sn, z] as const)));
      const face = s.track(this.unowned().planarFace(wire));
      return this.out(this.unowned().revolution(face, [x, y, 0], [0, 0, 1], angle, true));
    });
  }

  /** A solid through the section wires in order (`ruled`: flat between sections). */
  loft(sections: readonly TopoDS_Wire[], ruled = false): TopoDS_Shape {
    return withScope((s) => {
      const sweep = s.track(new this.oc.BRepOffsetAPI_ThruSections(true, ruled, 1e-6));
      for (const wire of sections) sweep.AddWire(wire);
      sweep.Build(this.progress(s));
      return this.out(sweep.Shape());
    });
  }

  /**
   * A 60° V-thread cutter: a triangle with its tip on a helix about the vertical axis through (x, y)
   * (radius `tipRadius`, rising `turns` times at `pitch` from `z`) and its base `reach` further out
   * (inward when negative), swept along the helix (a line in a cylinder's (angle, height) space)
   * with its orientation held to the axis. `flat` > 0 truncates the tip to a flat that wide (an ISO
   * thread's root): the root is then a strip of its own between the flanks, as CAD systems draw it.
   */
  helicalV(x: number, y: number, tipRadius: number, z: number, pitch: number, turns: number, reach: number, flat = 0): TopoDS_Shape {
    return withScope((s) => {
      const oc = this.oc;
      const surface = s.track(new oc.Geom_CylindricalSurface(s.track(new oc.gp_Ax3(this.pnt(s, [x, y, z]), this.dir(s, [0, 0, 1]))), tipRadius));
      const line = s.track(new oc.Geom2d_Line(s.track(new oc.gp_Pnt2d(0, 0)), s.track(new oc.gp_Dir2d(2 * Math.PI, pitch))));
      const helix = s.track(new oc.BRepBuilderAPI_MakeEdge(line, surface, 0, turns * Math.hypot(2 * Math.PI, pitch))).Edge();
      oc.BRepLib.BuildCurves3d(helix);
      const half = Math.abs(reach) * Math.tan(Math.PI / 6);
      const tip: [number, number][] =
        flat > 0
          ? [
              [tipRadius, z - flat / 2],
              [tipRadius, z + flat / 2],
            ]
          : [[tipRadius, z]];
      const triangle = [...tip, [tipRadius + reach, z + half + flat / 2], [tipRadius + reach, z - half - flat / 2]] as const;
      const profile = s.track(this.unowned().polygon(triangle.map(([r, h]) => [x + r, y, h] as const)));
      const sweep = s.track(new oc.BRepOffsetAPI_MakePipeShell(s.track(new oc.BRepBuilderAPI_MakeWire(helix)).Wire()));
      sweep.SetMode(this.dir(s, [0, 0, 1]));
      sweep.Add(profile, false, false);
      sweep.Build(this.progress(s));
      sweep.MakeSolid();
      return this.out(sweep.Shape());
    });
  }

  /** 'Plane', 'Cylinder', ... (the engine's surface type, as the shared data's label files name it). */
  protected kindOf(surface: { GetType(): unknown }): string {
    return String(surface.GetType())
      .replace('GeomAbs_', '')
      .replace(/Surface$/, '');
  }

  /** This builder without an owner: what its own methods use for their temporaries. */
  private unowned(): ShapeBuilder {
    return this.owner ? new ShapeBuilder(this.oc) : this;
  }
}
