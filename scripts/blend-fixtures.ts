/**
 * Blend fixtures (`npx tsx scripts/blend-fixtures.ts`, also run by `npm run fixtures`): a corner
 * where three rounded edges meet in a ball, a constant-radius blend along an ellipse (OCC makes it
 * a B-spline surface, as exporters write blends along curved edges) and a variable-radius fillet.
 * Dimensions in test/blend-fixtures.ts.
 */
import { BLEND_FIXTURES as B } from '../test/blend-fixtures.ts';
import { both, box, edgesWhere, near, oc, point, range, write } from './fixture-kit.ts';

// Corner: the edges x = 0 & y = 0, x = 0 & z = top, y = 0 & z = top rounded together.
{
  const { size, radius } = B.corner;
  const block = box(0, 0, 0, size[0], size[1], size[2]);
  const fillet = new oc.BRepFilletAPI_MakeFillet(block);
  const on = (p: number[], a: number, v: number) => near(p[a]!, v);
  for (const e of edgesWhere(
    block,
    both((p) => (on(p, 0, 0) && on(p, 1, 0)) || (on(p, 0, 0) && on(p, 2, size[2])) || (on(p, 1, 0) && on(p, 2, size[2]))),
  ))
    fillet.Add(radius, e);
  write(oc, B.corner.file, fillet.Shape());
}

// Curved: an elliptic boss with its rim rounded, and a variable fillet on the plate's far top edge.
{
  const { size, boss, rimRadius, variable } = B.curved;
  const [bx, by, a, b, h] = boss;
  const ellipse = new oc.gp_Elips(new oc.gp_Ax2(point(bx, by, size[2]), new oc.gp_Dir(0, 0, 1), new oc.gp_Dir(1, 0, 0)), a, b);
  const outline = new oc.BRepBuilderAPI_MakeWire(new oc.BRepBuilderAPI_MakeEdge(ellipse).Edge()).Wire();
  const base = new oc.BRepBuilderAPI_MakeFace(outline, true).Face();
  const column = new oc.BRepPrimAPI_MakePrism(base, new oc.gp_Vec(0, 0, h), false, true).Shape();
  const u = new oc.ShapeUpgrade_UnifySameDomain(
    new oc.BRepAlgoAPI_Fuse(box(0, 0, 0, size[0], size[1], size[2]), column, range()).Shape(),
    true,
    true,
    false,
  );
  u.Build();
  let part = u.Shape();
  const rim = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(
    part,
    both((p) => near(p[2]!, size[2] + h)),
  ))
    rim.Add(rimRadius, e);
  part = rim.Shape();
  const ramp = new oc.BRepFilletAPI_MakeFillet(part);
  for (const e of edgesWhere(
    part,
    both((p) => near(p[1]!, size[1]) && near(p[2]!, size[2])),
  ))
    ramp.Add(variable[0], variable[1], e);
  write(oc, B.curved.file, ramp.Shape());
}
