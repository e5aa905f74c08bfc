/**
 * Blend fixtures (`npx tsx scripts/blend-fixtures.ts`, also run by `npm run fixtures`): a corner
 * where three rounded edges meet in a ball, a constant-radius blend along an ellipse (OCC makes it
 * a B-spline surface, as exporters write blends along curved edges) and a variable-radius fillet.
 * Dimensions in test/blend-fixtures.ts.
 */
import { writeFileSync } from 'node:fs';
import type { TopoDS_Edge, TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine } from '../src/analysis/occt/engine.ts';
import { FIXTURE_DIR } from '../test/fixtures.ts';
import { BLEND_FIXTURES as B } from '../test/blend-fixtures.ts';

const oc = await getEngine();
const range = () => new oc.Message_ProgressRange();
const point = (x: number, y: number, z: number) => new oc.gp_Pnt(x, y, z);
const box = (dx: number, dy: number, dz: number) => new oc.BRepPrimAPI_MakeBox(point(0, 0, 0), dx, dy, dz).Solid();
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Edges whose end points and middle (x, y, z each) all satisfy `pick`. */
function edgesWhere(shape: TopoDS_Shape, pick: (p: number[]) => boolean): TopoDS_Edge[] {
  const picked: TopoDS_Edge[] = [];
  const explorer = new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_EDGE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    const edge = oc.TopoDS.Edge(explorer.Current());
    const curve = new oc.BRepAdaptor_Curve(edge);
    const [t0, t1] = [curve.FirstParameter(), curve.LastParameter()];
    if ([t0, (t0 + t1) / 2, t1].map((t) => curve.Value(t)).every((p) => pick([p.X(), p.Y(), p.Z()]))) picked.push(edge);
  }
  return picked;
}

function write(name: string, shape: TopoDS_Shape): void {
  const writer = new oc.STEPControl_Writer();
  const status = writer.Transfer(shape, oc.STEPControl_StepModelType.STEPControl_AsIs, true, range());
  if (status !== oc.IFSelect_ReturnStatus.IFSelect_RetDone) throw new Error(`transfer of ${name} failed`);
  writer.Write(`/${name}`);
  writeFileSync(`${FIXTURE_DIR}/${name}`, oc.FS.readFile(`/${name}`));
  oc.FS.unlink(`/${name}`);
  writer.delete();
  console.log(`wrote ${FIXTURE_DIR}/${name}`);
}

// Corner: the edges x = 0 & y = 0, x = 0 & z = top, y = 0 & z = top rounded together.
{
  const { size, radius } = B.corner;
  const block = box(size[0], size[1], size[2]);
  const fillet = new oc.BRepFilletAPI_MakeFillet(block);
  const on = (p: number[], a: number, v: number) => near(p[a]!, v);
  for (const e of edgesWhere(block, (p) => (on(p, 0, 0) && on(p, 1, 0)) || (on(p, 0, 0) && on(p, 2, size[2])) || (on(p, 1, 0) && on(p, 2, size[2])))) fillet.Add(radius, e);
  write(B.corner.file, fillet.Shape());
}

// Curved: an elliptic boss with its rim rounded, and a variable fillet on the plate's far top edge.
{
  const { size, boss, rimRadius, variable } = B.curved;
  const [bx, by, a, b, h] = boss;
  const ellipse = new oc.gp_Elips(new oc.gp_Ax2(point(bx, by, size[2]), new oc.gp_Dir(0, 0, 1), new oc.gp_Dir(1, 0, 0)), a, b);
  const outline = new oc.BRepBuilderAPI_MakeWire(new oc.BRepBuilderAPI_MakeEdge(ellipse).Edge()).Wire();
  const base = new oc.BRepBuilderAPI_MakeFace(outline, true).Face();
  const column = new oc.BRepPrimAPI_MakePrism(base, new oc.gp_Vec(0, 0, h), false, true).Shape();
  const u = new oc.ShapeUpgrade_UnifySameDomain(new oc.BRepAlgoAPI_Fuse(box(size[0], size[1], size[2]), column, range()).Shape(), true, true, false);
  u.Build();
  let part = u.Shape();
  const rim = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(part, (p) => near(p[2]!, size[2] + h))) rim.Add(rimRadius, e);
  part = rim.Shape();
  const ramp = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(part, (p) => near(p[1]!, size[1]) && near(p[2]!, size[2]))) ramp.Add(variable[0], variable[1], e);
  write(B.curved.file, ramp.Shape());
}
