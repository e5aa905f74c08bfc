/**
 * Every engine object the pipeline makes is freed (src/analysis/occt/scope.ts). In debug mode the
 * scopes record what they track, so a leak shows as a live object by engine class, however small;
 * the reserved WASM size is checked too, for memory held outside any scope.
 */
import { describe, expect, it } from 'vitest';
import { analyze, engineHeapBytes, getEngine, liveOccObjects, Scope, traceOccObjects, tracedOccObjects, withScope } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';

/** Runs `work` in debug mode; debug mode is off again afterwards, whatever happens. */
async function traced<T>(work: () => Promise<T>): Promise<T> {
  traceOccObjects(true);
  try {
    return await work();
  } finally {
    traceOccObjects(false);
  }
}

describe('engine objects', () => {
  it('debug mode lists an object tracked and never freed, and forgets it once freed', async () => {
    const oc = await getEngine();
    await traced(async () => {
      const scope = new Scope();
      scope.track(new oc.gp_Pnt(1, 2, 3));
      withScope((s) => s.track(new oc.gp_Vec(0, 0, 1)));
      expect(liveOccObjects()).toEqual(['gp_Pnt']);
      expect(tracedOccObjects()).toBe(2);
      scope.dispose();
      expect(liveOccObjects()).toEqual([]);
    });
  });

  it('100 analyses leave no live object and grow the WASM heap by at most 10 %', async () => {
    const bytes = fixture('box-with-hole.step');
    for (let i = 0; i < 5; i++) await analyze(bytes);
    const oc = await getEngine();
    const before = engineHeapBytes(oc);
    await traced(async () => {
      for (let i = 0; i < 100; i++) await analyze(bytes);
      // Hundreds of objects a run went through scopes (explorers, adaptors, shapes, points).
      expect(tracedOccObjects()).toBeGreaterThan(100 * 100);
      expect(liveOccObjects()).toEqual([]);
    });
    const after = engineHeapBytes(oc);
    console.log(`WASM heap ${before / 2 ** 20} MiB → ${after / 2 ** 20} MiB after 100 analyses`);
    expect(after / before).toBeLessThanOrEqual(1.1);
  });

  // analyze() walks the topology in 'mesh' and hands it to the graph in 'brep': a cancel between
  // the two leaves the walked topology with no graph to own it, and it must be freed all the same.
  it('a cancel between the mesh and the graph leaves no live object', async () => {
    await traced(async () => {
      const controller = new AbortController();
      const run = analyze(fixture('box-with-hole.step'), {
        signal: controller.signal,
        onProgress: (p) => p.stage === 'brep' && p.state === 'start' && controller.abort(),
      });
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(tracedOccObjects()).toBeGreaterThan(0);
      expect(liveOccObjects()).toEqual([]);
    });
  });

  // Each takes another path: freeform recognition, blends, a compound of two solids, and two
  // refusals after the engine has read the file (its objects must be freed on the way out too).
  it.each(['bspline-block-rotated.step', 'blend-curved.step', 'two-bodies.step', 'surface-only.step', 'tessellated-only.step'])(
    '%s leaves no live object, analysed or refused',
    async (name) => {
      await traced(async () => {
        await analyze(fixture(name)).catch((e: unknown) => e);
        expect(tracedOccObjects()).toBeGreaterThan(0);
        expect(liveOccObjects()).toEqual([]);
      });
    },
  );
});
