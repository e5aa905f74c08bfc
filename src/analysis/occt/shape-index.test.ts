/**
 * ShapeIndex numbers sub-shapes as TopExp::MapShapes does: a box's 24 edge uses are 12 edges, in
 * the order first met; every use finds its edge, by find and by indexOfKnown alike; the kept hash is
 * the engine's hash of the kept shape (the mesh stage matches its groups by it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine, type OC } from '../index.ts';
import { ShapeIndex } from './shape-index.ts';
import { withScope } from './scope.ts';

let oc: OC;
beforeAll(async () => {
  oc = await getEngine();
});

describe('ShapeIndex', () => {
  it("indexes a box's edges once each, in the order met, and finds every use", () => {
    withScope((s) => {
      const box = s.track(s.track(new oc.BRepPrimAPI_MakeBox(new oc.gp_Pnt(0, 0, 0), 10, 20, 30)).Shape());
      const { TopAbs_EDGE, TopAbs_SHAPE } = oc.TopAbs_ShapeEnum;
      const index = new ShapeIndex<TopoDS_Shape>(oc);
      try {
        const uses: TopoDS_Shape[] = [];
        const firstMet: number[] = [];
        const explorer = s.track(new oc.TopExp_Explorer(box, TopAbs_EDGE, TopAbs_SHAPE));
        for (; explorer.More(); explorer.Next()) {
          const use = s.track(explorer.Current());
          uses.push(use);
          const hash = index.hash(use);
          // The index owns what it keeps: it gets a copy of its own.
          if (index.find(use, hash) < 0) firstMet.push(index.add(explorer.Current(), hash));
        }
        expect(uses).toHaveLength(24);
        expect(index.size).toBe(12);
        expect(firstMet).toEqual([...Array(12).keys()]);
        for (const use of uses) {
          const i = index.find(use);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(index.shapes[i]!.IsSame(use)).toBe(true);
          expect(index.indexOfKnown(use)).toBe(i);
        }
        index.shapes.forEach((shape, i) => expect(index.hashOf(i)).toBe(oc.ReplicadShapeHasher.HashCode(shape, 0x7fffffff)));
      } finally {
        index.dispose();
      }
    });
  });
});
