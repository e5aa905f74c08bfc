/** The shape builder against closed-form volumes, and who frees what it builds. */
import { afterEach, describe, expect, it } from 'vitest';
import { ShapeBuilder, type Point3 } from './builder.ts';
import { getEngine } from './engine.ts';
import { measureOf } from './mass.ts';
import { Scope, liveOccObjects, traceOccObjects, tracedOccObjects } from './scope.ts';

const oc = await getEngine();
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const volumeOf = (b: ShapeBuilder, build: (b: ShapeBuilder) => Parameters<typeof measureOf>[1]) => measureOf(oc, build(b), 'volume');

describe('ShapeBuilder', () => {
  const owner = new Scope();
  const b = new ShapeBuilder(oc, owner);
  afterEach(() => owner.dispose());

  it('places primitives: a block drilled through off its origin loses πr²h', () => {
    const volume = volumeOf(b, (b) => b.cut(b.box(40, 30, 20, [5, 5, 0]), b.cylinder([25, 20, -1], [0, 0, 1], 5, 22)));
    expect(volume).toBeCloseTo(40 * 30 * 20 - Math.PI * 25 * 20, 6);
  });

  it('makes balls: a dimple of radius r centred on a face takes half of 4/3 πr³', () => {
    const volume = volumeOf(b, (b) => b.cut(b.box(20, 20, 10), b.sphere([10, 10, 10], 3)));
    expect(volume).toBeCloseTo(4000 - (2 / 3) * Math.PI * 27, 6);
  });

  it('rounds and bevels only the edges a rule sizes', () => {
    const atOrigin = (a: Point3, c: Point3) => near(a[0], 0) && near(a[1], 0) && near(c[0], 0) && near(c[1], 0);
    const rounded = volumeOf(b, (b) => b.fillet(b.box(10, 10, 10), (a, c) => (atOrigin(a, c) ? 2 : undefined)));
    // A quarter round of radius r along an edge L long takes (r² − πr²/4)·L away.
    expect(rounded).toBeCloseTo(1000 - (4 - Math.PI) * 10, 6);
    const bevelled = volumeOf(b, (b) => b.chamfer(b.box(10, 10, 10), (a, c) => (atOrigin(a, c) ? 2 : undefined)));
    expect(bevelled).toBeCloseTo(1000 - (2 * 2 * 10) / 2, 6);
  });

  it('revolves a profile through part of a turn from a start angle', () => {
    const rectangle = [
      [0, 0],
      [5, 0],
      [5, 10],
      [0, 10],
    ] as const;
    const half = volumeOf(b, (b) => b.revolved(3, 4, rectangle, Math.PI, Math.PI / 2));
    expect(half).toBeCloseTo((Math.PI * 25 * 10) / 2, 6);
    // The two halves from 0 and from π make the whole cylinder: they neither overlap nor leave a gap.
    const whole = volumeOf(b, (b) => b.fuse(b.revolved(0, 0, rectangle, Math.PI, 0), b.revolved(0, 0, rectangle, Math.PI, Math.PI)));
    expect(whole).toBeCloseTo(Math.PI * 25 * 10, 5);
  });

  it('extrudes outlines of lines and arcs, and lofts rings', () => {
    // A 10 x 4 slot with a half-round end: the arc through (12, 2) from (10, 0) to (10, 4).
    const outline = b.outline([0, 0, 0], [{ to: [10, 0, 0] }, { via: [12, 2, 0], to: [10, 4, 0] }, { to: [0, 4, 0] }, { to: [0, 0, 0] }]);
    const slot = measureOf(oc, b.extrude(b.planarFace(outline), [0, 0, 3]), 'volume');
    expect(slot).toBeCloseTo((40 + (Math.PI * 4) / 2) * 3, 6);
    // Three equal circles lofted: a cylinder whatever surface the loft fits.
    const rings = [0, 4, 10].map((z) => b.ring([0, 0, z], [0, 0, 1], 3));
    expect(measureOf(oc, b.loft(rings), 'volume')).toBeCloseTo(Math.PI * 9 * 10, 2);
  });

  it('hands results to its owner and frees every temporary through a scope', () => {
    traceOccObjects(true);
    try {
      const alone = new ShapeBuilder(oc);
      const [block, drill] = [alone.box(20, 20, 5), alone.cylinder([10, 10, -1], [0, 0, 1], 3, 7)];
      const plate = alone.cut(block, drill);
      // Without an owner the caller keeps the results: of what the builder tracked, nothing is left.
      expect(tracedOccObjects()).toBeGreaterThan(0);
      expect(liveOccObjects()).toEqual([]);
      for (const shape of [block, drill, plate]) shape.delete();
      b.rotate(
        b.fillet(b.box(10, 10, 10), () => 1),
        [0, 0, 1],
        Math.PI / 3,
      );
      expect(liveOccObjects().length).toBe(3); // the box, the rounded box, the turned one
      owner.dispose();
      expect(liveOccObjects()).toEqual([]);
    } finally {
      traceOccObjects(false);
    }
  });
});
