/**
 * coords.ts reads gp_* coordinates from the engine's memory: the same numbers the accessors give,
 * on values we build and on values the engine writes (an adaptor's D1), and read from memory on this
 * build (an accessor shadowed on the object is not consulted; the fallback would return it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine, type OC } from '../index.ts';
import { withScope } from './scope.ts';
import { readsEngineMemory, xy, xyz } from './coords.ts';

let oc: OC;
const sameBits = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
beforeAll(async () => {
  oc = await getEngine();
});

describe('coordinates from engine memory', () => {
  it('is in use on the shipped engine build', () => {
    expect(readsEngineMemory()).toBe(true);
    withScope((s) => {
      const p = s.track(new oc.gp_Pnt(1, 2, 3));
      // An own property shadows the accessor: only the accessor path would see 99.
      Object.assign(p, { X: () => 99 });
      expect(xyz(p)).toEqual([1, 2, 3]);
    });
  });

  it('gives exactly what the accessors give, signs of zero included', () => {
    withScope((s) => {
      const values: [number, number, number][] = [
        [0.1, -0.2, 1e-300],
        [-0, 0, -0],
        [123456.789, -9.87654321e-7, Math.PI],
      ];
      for (const [x, y, z] of values) {
        const p = s.track(new oc.gp_Pnt(x, y, z));
        const v = s.track(new oc.gp_Vec(x, y, z));
        const q = s.track(new oc.gp_Pnt2d(x, y));
        expect(sameBits(xyz(p), [p.X(), p.Y(), p.Z()])).toBe(true);
        expect(sameBits(xyz(p), [x, y, z])).toBe(true);
        expect(xyz(v)).toEqual([v.X(), v.Y(), v.Z()]);
        expect(xy(q)).toEqual([q.X(), q.Y()]);
      }
      const d = s.track(new oc.gp_Dir(1, 2, 2));
      expect(xyz(d)).toEqual([d.X(), d.Y(), d.Z()]);
      expect(xyz(d)).toEqual([1 / 3, 2 / 3, 2 / 3]);
    });
  });

  it('reads what the engine wrote into output arguments', () => {
    withScope((s) => {
      const sphere = s.track(new oc.BRepPrimAPI_MakeSphere(new oc.gp_Pnt(1, 2, 3), 5));
      const shape = s.track(sphere.Shape());
      const explorer = s.track(new oc.TopExp_Explorer(shape, oc.TopAbs_ShapeEnum.TopAbs_FACE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE));
      const face = s.track(oc.TopoDS.Face(s.track(explorer.Current())));
      const surface = s.track(new oc.BRepAdaptor_Surface(face, true));
      const [p, du, dv] = [s.track(new oc.gp_Pnt()), s.track(new oc.gp_Vec()), s.track(new oc.gp_Vec())];
      surface.D1(0.7, 0.3, p, du, dv);
      // On the sphere: 5 from its centre, whatever the parametrisation.
      const [x, y, z] = xyz(p);
      expect(Math.hypot(x - 1, y - 2, z - 3)).toBeCloseTo(5, 9);
      expect(xyz(p)).toEqual([p.X(), p.Y(), p.Z()]);
      expect(xyz(du)).toEqual([du.X(), du.Y(), du.Z()]);
      expect(xyz(dv)).toEqual([dv.X(), dv.Y(), dv.Z()]);
    });
  });

  it('falls back to the accessors for anything that is not an engine value', () => {
    expect(xyz({ X: () => 4, Y: () => 5, Z: () => 6 })).toEqual([4, 5, 6]);
    expect(xy({ X: () => 7, Y: () => 8 })).toEqual([7, 8]);
  });
});
