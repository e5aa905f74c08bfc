/**
 * Writes the project's own STEP fixtures (committed under fixtures/), built with the same engine
 * from primitives and booleans, so their volumes and areas are known in closed form. They let the
 * tests run where ../shared/data is absent. `npm run fixtures` regenerates them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine, type OC } from '../src/analysis/occt/engine.ts';
import { FIXTURES, FIXTURE_DIR } from '../test/fixtures.ts';

const oc = await getEngine();
mkdirSync(FIXTURE_DIR, { recursive: true });

function point(x: number, y: number, z: number) {
  return new oc.gp_Pnt(x, y, z);
}

function box(x: number, y: number, z: number, dx: number, dy: number, dz: number): TopoDS_Shape {
  return new oc.BRepPrimAPI_MakeBox(point(x, y, z), dx, dy, dz).Solid();
}

function zCylinder(x: number, y: number, z: number, r: number, h: number): TopoDS_Shape {
  const axes = new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 0, 1));
  return new oc.BRepPrimAPI_MakeCylinder(axes, r, h).Shape();
}

function cut(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
  return new oc.BRepAlgoAPI_Cut(a, b, new oc.Message_ProgressRange()).Shape();
}

function compound(...shapes: TopoDS_Shape[]): TopoDS_Shape {
  const c = new oc.TopoDS_Compound();
  const builder = new oc.TopoDS_Builder();
  builder.MakeCompound(c);
  for (const s of shapes) builder.Add(c, s);
  return c;
}

function write(engine: OC, name: string, shape: TopoDS_Shape, unit = 'MM'): void {
  engine.Interface_Static.SetCVal('write.step.unit', unit);
  const writer = new engine.STEPControl_Writer();
  const status = writer.Transfer(shape, engine.STEPControl_StepModelType.STEPControl_AsIs, true, new engine.Message_ProgressRange());
  if (status !== engine.IFSelect_ReturnStatus.IFSelect_RetDone) throw new Error(`transfer of ${name} failed: ${String(status)}`);
  const scratch = `/${name}`;
  writer.Write(scratch);
  writeFileSync(`${FIXTURE_DIR}/${name}`, engine.FS.readFile(scratch));
  engine.FS.unlink(scratch);
  writer.delete();
  console.log(`wrote ${FIXTURE_DIR}/${name}`);
}

const { boxWithHole, cylinder } = FIXTURES;
const b = boxWithHole;
const drilled = cut(box(0, 0, 0, b.size[0], b.size[1], b.size[2]), zCylinder(b.hole[0], b.hole[1], -1, b.radius, b.size[2] + 2));
write(oc, 'box-with-hole.step', drilled);
write(oc, 'box-with-hole-inch.step', drilled, 'INCH');
write(oc, 'cylinder.step', zCylinder(0, 0, 0, cylinder.radius, cylinder.height));
write(oc, 'block.step', box(0, 0, 0, 10, 20, 30));
write(oc, 'two-bodies.step', compound(box(0, 0, 0, 10, 10, 10), box(20, 0, 0, 5, 5, 5)));
write(oc, 'surface-only.step', new oc.BRepPrimAPI_MakeBox(10, 10, 10).Shell());
