/**
 * What only the fixture scripts need, over the project's one shape builder
 * (src/analysis/occt/builder.ts, which the training generator uses too): a builder whose shapes one
 * scope owns until the script ends, the fixtures' edge tolerance and rules, their rotation, and
 * writing a shape into fixtures/.
 */
import { writeFileSync } from 'node:fs';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine, Scope, ShapeBuilder, writeStep, type Point3, type StepWriteOptions } from '../src/analysis/index.ts';
import { FIXTURES, FIXTURE_DIR } from '../test/fixtures.ts';

export const oc = await getEngine();

// The scripts build at top level and keep what they build to the end: one scope owns it all and
// frees it when the process has nothing left to do.
const owner = new Scope();
process.once('beforeExit', () => owner.dispose());

/** The shape builder every fixture script builds with. */
export const b = new ShapeBuilder(oc, owner);

/** The vertical axis, along which most fixtures' tools run. */
export const Z: Point3 = [0, 0, 1];

/** Equal to within the fixtures' construction tolerance. */
export const near = (x: number, y: number) => Math.abs(x - y) < 1e-6;
/** Both end points of an edge satisfy `pick`. */
export const both = (pick: (p: readonly number[]) => boolean) => (a: readonly number[], c: readonly number[]) => pick(a) && pick(c);
/** A blend rule: `size` on the edges `pick` takes (by their end points), the rest left sharp. */
export const where =
  <S>(pick: (a: Point3, c: Point3) => boolean, size: S) =>
  (a: Point3, c: Point3): S | undefined =>
    pick(a, c) ? size : undefined;

/** The part turned by the fixtures' rotation (test/fixtures.ts): no face left on a world axis. */
export function rotated(shape: TopoDS_Shape): TopoDS_Shape {
  const [ax, ay, az, angle] = FIXTURES.rotation;
  return b.rotate(shape, [ax, ay, az], angle);
}

/** Writes `shape` to fixtures/`name` as STEP, in `unit`. */
export function write(name: string, shape: TopoDS_Shape, unit: StepWriteOptions['unit'] = 'MM'): void {
  // The shared writer fixes the header time, and the product is named after the file (the writer
  // numbers products per session otherwise, so a file's bytes hung on how many were written before
  // it): a regenerated fixture differs only where its geometry does.
  const product = name.replace(/\.step$/, '');
  writeFileSync(`${FIXTURE_DIR}/${name}`, writeStep(oc, shape, { unit, product, scratch: `/${name}` }));
  console.log(`wrote ${FIXTURE_DIR}/${name}`);
}

/** A prism along z from `z`, `h` high, over the polygon through the (x, y) points. */
export const zPrism = (points: readonly (readonly [number, number])[], z: number, h: number) =>
  b.extrude(b.planarFace(b.polygon(points.map(([x, y]) => [x, y, z] as const))), [0, 0, h]);
