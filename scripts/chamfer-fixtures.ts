/**
 * Chamfer fixtures (`npx tsx scripts/chamfer-fixtures.ts`, also run by `npm run fixtures`):
 * conical chamfers on a boss (convex at its rim, concave at its foot), a chamfer chain running on
 * around the rounded corners of a filleted box (equal and unequal legs), and one turning the
 * concave corner of an L-shaped block. Dimensions in test/chamfer-fixtures.ts.
 */
import type { TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { CHAMFER_FIXTURES as C } from '../test/chamfer-fixtures.ts';
import { both, box, edgesWhere, near, oc, point, range, rotated, unify, write } from './fixture-kit.ts';

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

// Boss: rim and foot circles chamfered.
{
  const { size, boss, rim, foot } = C.boss;
  const [bx, by, bd, bh] = boss;
  const cylinder = new oc.BRepPrimAPI_MakeCylinder(new oc.gp_Ax2(point(bx, by, size[2]), new oc.gp_Dir(0, 0, 1)), bd / 2, bh).Shape();
  let part = unify(new oc.BRepAlgoAPI_Fuse(box(0, 0, 0, size[0], size[1], size[2]), cylinder, range()).Shape());
  const onCircle = (z: number) => both(([x, y, pz]) => near(pz!, z) && near(Math.hypot(x! - bx, y! - by), bd / 2));
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  for (const e of edgesWhere(part, onCircle(size[2] + bh))) chamfer.Add(rim, e);
  for (const e of edgesWhere(part, onCircle(size[2]))) chamfer.Add(foot, e);
  part = chamfer.Shape();
  write(oc, C.boss.file, part);
}

// Filleted box: rounded vertical edges, then the top and bottom outlines chamfered.
{
  const { size, cornerRadius, top, bottom } = C.filletedBox;
  let part = box(0, 0, 0, size[0], size[1], size[2]);
  const fillet = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(part, (a, b) => near(a[0]!, b[0]!) && near(a[1]!, b[1]!) && !near(a[2]!, b[2]!))) fillet.Add(cornerRadius, e);
  part = fillet.Shape();
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  // One straight edge of each outline: the chamfer propagates along the tangent chain.
  const [topEdge] = edgesWhere(
    part,
    both(([, y, z]) => near(y!, 0) && near(z!, size[2])),
  );
  const [bottomEdge] = edgesWhere(
    part,
    both(([, y, z]) => near(y!, 0) && near(z!, 0)),
  );
  chamfer.Add(top, topEdge!);
  chamfer.Add(bottom[0], bottom[1], bottomEdge!, horizontalFace(part, 0));
  write(oc, C.filletedBox.file, chamfer.Shape());
  write(oc, C.filletedBox.rotated, rotated(chamfer.Shape()));
}

// L-block: every top outline edge chamfered.
{
  const { size, notch, top } = C.lBlock;
  const part = unify(
    new oc.BRepAlgoAPI_Cut(
      box(0, 0, 0, size[0], size[1], size[2]),
      box(size[0] - notch[0], size[1] - notch[1], -1, notch[0] + 1, notch[1] + 1, size[2] + 2),
      range(),
    ).Shape(),
  );
  const chamfer = new oc.BRepFilletAPI_MakeChamfer(part);
  for (const e of edgesWhere(
    part,
    both(([, , z]) => near(z!, size[2])),
  ))
    chamfer.Add(top, e);
  write(oc, C.lBlock.file, chamfer.Shape());
}
