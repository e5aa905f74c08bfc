/**
 * The shapes the fixture scripts build from: OCC primitives, booleans, blends, revolved profiles
 * and a helical V cutter, and a STEP writer. Shared by every fixture script so that each builds
 * its parts the same way.
 */
import { writeFileSync } from 'node:fs';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine, writeStep, type OC, type StepWriteOptions } from '../src/analysis/index.ts';
import { FIXTURES, FIXTURE_DIR } from '../test/fixtures.ts';

export const oc = await getEngine();

/** A fresh progress range, which OCC's algorithms take as their last argument. */
export const range = () => new oc.Message_ProgressRange();
/** Equal to within the fixtures' construction tolerance. */
export const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
/** Both end points of an edge satisfy `pick` (for edgesWhere, filletEdges, chamferEdges). */
export const both = (pick: (p: number[]) => boolean) => (a: number[], b: number[]) => pick(a) && pick(b);

export function point(x: number, y: number, z: number) {
  return new oc.gp_Pnt(x, y, z);
}

export function box(x: number, y: number, z: number, dx: number, dy: number, dz: number): TopoDS_Shape {
  return new oc.BRepPrimAPI_MakeBox(point(x, y, z), dx, dy, dz).Solid();
}

export function zCylinder(x: number, y: number, z: number, r: number, h: number): TopoDS_Shape {
  const axes = new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 0, 1));
  return new oc.BRepPrimAPI_MakeCylinder(axes, r, h).Shape();
}

export function cut(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
  return new oc.BRepAlgoAPI_Cut(a, b, new oc.Message_ProgressRange()).Shape();
}

export function fuse(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
  return new oc.BRepAlgoAPI_Fuse(a, b, new oc.Message_ProgressRange()).Shape();
}

/** Merges coplanar faces a fuse leaves split, so the cut leaves one floor, not three. */
export function unify(shape: TopoDS_Shape): TopoDS_Shape {
  const u = new oc.ShapeUpgrade_UnifySameDomain(shape, true, true, false);
  u.Build();
  return u.Shape();
}

/** The edges of `shape` whose end points (x, y, z) satisfy `pick`. */
export function edgesWhere(shape: TopoDS_Shape, pick: (a: number[], b: number[]) => boolean) {
  const picked = [];
  const explorer = new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_EDGE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    const edge = oc.TopoDS.Edge(explorer.Current());
    const curve = new oc.BRepAdaptor_Curve(edge);
    const a = curve.Value(curve.FirstParameter());
    const b = curve.Value(curve.LastParameter());
    if (pick([a.X(), a.Y(), a.Z()], [b.X(), b.Y(), b.Z()])) picked.push(edge);
  }
  return picked;
}

/** Rounds the picked edges. */
export function filletEdges(shape: TopoDS_Shape, radius: number, pick: (a: number[], b: number[]) => boolean): TopoDS_Shape {
  const fillet = new oc.BRepFilletAPI_MakeFillet(shape);
  for (const edge of edgesWhere(shape, pick)) fillet.Add(radius, edge);
  return fillet.Shape();
}

/** Bevels the picked edges with equal legs. */
export function chamferEdges(shape: TopoDS_Shape, distance: number, pick: (a: number[], b: number[]) => boolean): TopoDS_Shape {
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(shape);
  for (const edge of edgesWhere(shape, pick)) chamfer.Add(distance, edge);
  return chamfer.Shape();
}

export function compound(...shapes: TopoDS_Shape[]): TopoDS_Shape {
  const c = new oc.TopoDS_Compound();
  const builder = new oc.TopoDS_Builder();
  builder.MakeCompound(c);
  for (const s of shapes) builder.Add(c, s);
  return c;
}

export function write(engine: OC, name: string, shape: TopoDS_Shape, unit: StepWriteOptions['unit'] = 'MM'): void {
  // The shared writer fixes the header time, and the product is named after the file (the writer
  // numbers products per session otherwise, so a file's bytes hung on how many were written before
  // it): a regenerated fixture differs only where its geometry does.
  const product = name.replace(/\.step$/, '');
  writeFileSync(`${FIXTURE_DIR}/${name}`, writeStep(engine, shape, { unit, product, scratch: `/${name}` }));
  console.log(`wrote ${FIXTURE_DIR}/${name}`);
}

/**
 * A solid of revolution about the axis through (x, y) along z, from (r, z) profile points: a full
 * turn, or `angle` radians from the half-plane at `start` radians.
 */
export function revolved(x: number, y: number, profile: readonly (readonly [number, number])[], angle = 2 * Math.PI, start = 0): TopoDS_Shape {
  const [c, s] = [Math.cos(start), Math.sin(start)];
  const wire = new oc.BRepBuilderAPI_MakeWire();
  profile.forEach(([r, z], i) => {
    const [r2, z2] = profile[(i + 1) % profile.length]!;
    wire.Add(new oc.BRepBuilderAPI_MakeEdge(point(x + r * c, y + r * s, z), point(x + r2 * c, y + r2 * s, z2)).Edge());
  });
  const face = new oc.BRepBuilderAPI_MakeFace(wire.Wire(), true).Face();
  const axis = new oc.gp_Ax1(point(x, y, 0), new oc.gp_Dir(0, 0, 1));
  return new oc.BRepPrimAPI_MakeRevol(face, axis, angle, true).Shape();
}

/**
 * A 60° V-thread cutter's path: a triangle with its tip on a helix about the vertical axis through
 * (x, y) (radius `tipRadius`, rising `turns` times at `pitch` from `z`) and its base `reach` further
 * out (inward when negative), swept along the helix (a line in a cylinder's (angle, height) space)
 * with its orientation held to the axis. `flat` > 0 truncates the tip to a flat that wide (an ISO
 * thread's root): the root is then a strip of its own between the flanks, as CAD systems draw it.
 */
export function helicalV(x: number, y: number, tipRadius: number, z: number, pitch: number, turns: number, reach: number, flat = 0): TopoDS_Shape {
  const surface = new oc.Geom_CylindricalSurface(new oc.gp_Ax3(point(x, y, z), new oc.gp_Dir(0, 0, 1)), tipRadius);
  const line = new oc.Geom2d_Line(new oc.gp_Pnt2d(0, 0), new oc.gp_Dir2d(2 * Math.PI, pitch));
  const helix = new oc.BRepBuilderAPI_MakeEdge(line, surface, 0, turns * Math.hypot(2 * Math.PI, pitch)).Edge();
  oc.BRepLib.BuildCurves3d(helix);
  const half = Math.abs(reach) * Math.tan(Math.PI / 6);
  const tip =
    flat > 0
      ? ([
          [tipRadius, z - flat / 2],
          [tipRadius, z + flat / 2],
        ] as const)
      : ([[tipRadius, z]] as const);
  const tri = [...tip, [tipRadius + reach, z + half + flat / 2], [tipRadius + reach, z - half - flat / 2]] as const;
  const wire = new oc.BRepBuilderAPI_MakeWire();
  tri.forEach(([r, h], i) => {
    const [r2, h2] = tri[(i + 1) % tri.length]!;
    wire.Add(new oc.BRepBuilderAPI_MakeEdge(point(x + r, y, h), point(x + r2, y, h2)).Edge());
  });
  const sweep = new oc.BRepOffsetAPI_MakePipeShell(new oc.BRepBuilderAPI_MakeWire(helix).Wire());
  sweep.SetMode(new oc.gp_Dir(0, 0, 1));
  sweep.Add(wire.Wire(), false, false);
  sweep.Build(new oc.Message_ProgressRange());
  sweep.MakeSolid();
  return sweep.Shape();
}

export function rotated(shape: TopoDS_Shape): TopoDS_Shape {
  const [ax, ay, az, angle] = FIXTURES.rotation;
  const trsf = new oc.gp_Trsf();
  trsf.SetRotation(new oc.gp_Ax1(point(0, 0, 0), new oc.gp_Dir(ax, ay, az)), angle);
  return new oc.BRepBuilderAPI_Transform(shape, trsf, true, false).Shape();
}

/** A prism along z from `z`, `h` high, over the polygon through the (x, y) points. */
export function zPrism(points: readonly (readonly [number, number])[], z: number, h: number): TopoDS_Shape {
  const wire = new oc.BRepBuilderAPI_MakeWire();
  points.forEach(([x, y], i) => {
    const [x2, y2] = points[(i + 1) % points.length]!;
    wire.Add(new oc.BRepBuilderAPI_MakeEdge(point(x, y, z), point(x2, y2, z)).Edge());
  });
  const face = new oc.BRepBuilderAPI_MakeFace(wire.Wire(), true).Face();
  return new oc.BRepPrimAPI_MakePrism(face, new oc.gp_Vec(0, 0, h), false, true).Shape();
}
