/**
 * analyze() meshes between the topology walk and the rest of the graph (the shaded part shows
 * before the graph's attributes exist). That is safe only while nothing the graph reads looks at
 * the triangulations meshing leaves on the faces: areas and lengths (BRepGProp), the rough box
 * (BRepBndLib), B-spline fits and convexity must come out the same on a meshed shape as on a
 * fresh one. Each part is read twice, so that the fresh copy shares no TShape with the meshed one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEngine, type OC } from '../occt/engine.ts';
import { free } from '../occt/scope.ts';
import { readStep } from '../step.ts';
import { deflectionFor, tessellate } from '../mesh/tessellate.ts';
import { diagonal, roughBoundingBox } from '../metrics.ts';
import { buildBrepGraph } from './graph.ts';
import { buildTopology } from './topology.ts';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures');

let oc: OC;
beforeAll(async () => {
  oc = await getEngine();
});
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function read(name: string) {
  const { shape } = readStep(oc, new Uint8Array(readFileSync(join(FIXTURES, name))), 1e9);
  cleanups.push(() => {
    oc.BRepTools.Clean(shape, true);
    free(shape);
  });
  return shape;
}

describe('the graph built after meshing', () => {
  // Freeform faces (fitted to analytic ones), blends, seams and chamfers: the attributes most
  // likely to read a triangulation if any did.
  it.each(['bspline-block.step', 'blend-curved.step', 'chamfer-filleted-box.step', 'drilled-shaft.step', 'box-with-hole.step'])(
    '%s: equals the graph of an unmeshed copy',
    (name) => {
      const fresh = buildBrepGraph(oc, read(name));
      cleanups.push(() => fresh.dispose());

      const meshedShape = read(name);
      const walked = buildTopology(oc, meshedShape);
      const deflection = deflectionFor(diagonal(roughBoundingBox(oc, meshedShape)));
      tessellate(oc, meshedShape, walked.faces, walked.edges, deflection);
      // The premise: meshing did leave a triangulation on every face.
      expect(oc.BRepTools.Triangulation(meshedShape, deflection.linear * 10, false)).toBe(true);
      expect(oc.BRepTools.Triangulation(read(name), deflection.linear * 10, false)).toBe(false);
      const meshed = buildBrepGraph(oc, meshedShape, undefined, walked);
      cleanups.push(() => meshed.dispose());

      expect(meshed.topology).toBe(walked);
      expect(meshed.graph).toEqual(fresh.graph);
    },
  );
});
