/**
 * Chamfer fixtures (`npx tsx scripts/chamfer-fixtures.ts`, also run by `npm run fixtures`):
 * conical chamfers on a boss (convex at its rim, concave at its foot), a chamfer chain running on
 * around the rounded corners of a filleted box (equal and unequal legs), and one turning the
 * concave corner of an L-shaped block. Dimensions in test/chamfer-fixtures.ts.
 */
import { writeFileSync } from 'node:fs';
import type { TopoDS_Edge, TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine } from '../src/analysis/occt/engine.ts';
import { FIXTURES, FIXTURE_DIR } from '../test/fixtures.ts';
import { CHAMFER_FIXTURES as C } from '../test/chamfer-fixtures.ts';

const oc = await getEngine();
const range = () => new oc.Message_ProgressRange();
const point = (x: number, y: number, z: number) => new oc.gp_Pnt(x, y, z);
const box = (x: number, y: number, z: number, dx: number, dy: number, dz: number) => new oc.BRepPrimAPI_MakeBox(point(x, y, z), dx, dy, dz).Solid();
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function unify(shape: TopoDS_Shape): TopoDS_Shape {
  const u = new oc.ShapeUpgrade_UnifySameDomain(shape, true, true, false);
  u.Build();
  return u.Shape();
}

/** Edges whose two end points and middle satisfy `pick` (x, y, z of each). */
function edgesWhere(shape: TopoDS_Shape, pick: (...points: number[][]) => boolean): TopoDS_Edge[] {
  const picked: TopoDS_Edge[] = [];
  const explorer = new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_EDGE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    const edge = oc.TopoDS.Edge(explorer.Current());
    const curve = new oc.BRepAdaptor_Curve(edge);
    const [t0, t1] = [curve.FirstParameter(), curve.LastParameter()];
    const pts = [t0, (t0 + t1) / 2, t1].map((t) => curve.Value(t)).map((p) => [p.X(), p.Y(), p.Z()]);
    if (pick(...pts)) picked.push(edge);
  }
  return picked;
}

/** The face of `shape` whose plane normal is (0, 0, nz) at height z. */
function horizontalFace(shape: TopoDS_Shape, z: number): TopoDS_Face {
  const explorer = new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_FACE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    const face = oc.TopoDS.Face(explorer.Current());
    const surface = new oc.BRepAdaptor_Surface(face, true);
    if (String(surface.GetType()) !== 'GeomAbs_Plane') continue;
    const p = surface.Value((surface.FirstUParameter() + surface.LastUParameter()) / 2, (surface.FirstVParameter() + surface.LastVParameter()) / 2);
    if (near(p.Z(), z)) return face;
  }
  throw new Error(`no horizontal face at z = ${z}`);
}

/** The part turned by the rotation every *-rotated fixture uses: chamfers are found in the part's own frame. */
function rotated(shape: TopoDS_Shape): TopoDS_Shape {
  const [ax, ay, az, angle] = FIXTURES.rotation;
  const trsf = new oc.gp_Trsf();
  trsf.SetRotation(new oc.gp_Ax1(point(0, 0, 0), new oc.gp_Dir(ax, ay, az)), angle);
  return new oc.BRepBuilderAPI_Transform(shape, trsf, true, false).Shape();
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

// Boss: rim and foot circles chamfered.
{
  const { size, boss, rim, foot } = C.boss;
  const [bx, by, bd, bh] = boss;
  const cylinder = new oc.BRepPrimAPI_MakeCylinder(new oc.gp_Ax2(point(bx, by, size[2]), new oc.gp_Dir(0, 0, 1)), bd / 2, bh).Shape();
  let part = unify(new oc.BRepAlgoAPI_Fuse(box(0, 0, 0, size[0], size[1], size[2]), cylinder, range()).Shape());
  const onCircle = (z: number) => (...pts: number[][]) => pts.every(([x, y, pz]) => near(pz!, z) && near(Math.hypot(x! - bx, y! - by), bd / 2));
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  for (const e of edgesWhere(part, onCircle(size[2] + bh))) chamfer.Add(rim, e);
  for (const e of edgesWhere(part, onCircle(size[2]))) chamfer.Add(foot, e);
  part = chamfer.Shape();
  write(C.boss.file, part);
}

// Filleted box: rounded vertical edges, then the top and bottom outlines chamfered.
{
  const { size, cornerRadius, top, bottom } = C.filletedBox;
  let part = box(0, 0, 0, size[0], size[1], size[2]);
  const fillet = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(part, (a, m, b) => near(a![0]!, b![0]!) && near(a![1]!, b![1]!) && !near(a![2]!, b![2]!))) fillet.Add(cornerRadius, e);
  part = fillet.Shape();
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  // One straight edge of each outline: the chamfer propagates along the tangent chain.
  const [topEdge] = edgesWhere(part, (...pts) => pts.every(([, y, z]) => near(y!, 0) && near(z!, size[2])));
  const [bottomEdge] = edgesWhere(part, (...pts) => pts.every(([, y, z]) => near(y!, 0) && near(z!, 0)));
  chamfer.Add(top, topEdge!);
  chamfer.Add(bottom[0], bottom[1], bottomEdge!, horizontalFace(part, 0));
  write(C.filletedBox.file, chamfer.Shape());
  write(C.filletedBox.rotated, rotated(chamfer.Shape()));
}

// L-block: every top outline edge chamfered.
{
  const { size, notch, top } = C.lBlock;
  const part = unify(new oc.BRepAlgoAPI_Cut(box(0, 0, 0, size[0], size[1], size[2]), box(size[0] - notch[0], size[1] - notch[1], -1, notch[0] + 1, notch[1] + 1, size[2] + 2), range()).Shape());
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  for (const e of edgesWhere(part, (...pts) => pts.every(([, , z]) => near(z!, size[2])))) chamfer.Add(top, e);
  write(C.lBlock.file, chamfer.Shape());
}
