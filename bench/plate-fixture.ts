/**
 * The browser bench's large part: a 300 x 200 x 20 mm plate with a 20 x 12 grid of counterbored
 * through holes (Ø6.6 through, Ø11 x 6.4 counterbore: an M6 socket-head pattern), 726 faces
 * (6 + 240 x 3). Built with the project's one shape builder (two booleans against compounds of
 * tools) and written to a temp folder once; deterministic, so every run and every host reads the
 * same bytes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { getEngine, ShapeBuilder, withScope, writeStep } from '../src/analysis/index.ts';

export const PLATE = { size: [300, 200, 20], grid: [20, 12], pitch: 14, bore: 6.6, counterbore: 11, counterboreDepth: 6.4 } as const;
const FILE = join(tmpdir(), 'vectis-bench-plate-240-counterbores.step');

/** One vertical cylinder per grid point, radius `radius`, from `z` up `height`, as one compound. */
function tools(b: ShapeBuilder, radius: number, z: number, height: number): TopoDS_Shape {
  const [nx, ny] = PLATE.grid;
  const x0 = (PLATE.size[0] - (nx - 1) * PLATE.pitch) / 2;
  const y0 = (PLATE.size[1] - (ny - 1) * PLATE.pitch) / 2;
  const cylinders: TopoDS_Shape[] = [];
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) cylinders.push(b.cylinder([x0 + i * PLATE.pitch, y0 + j * PLATE.pitch, z], [0, 0, 1], radius, height));
  }
  return b.compound(...cylinders);
}

/** Path of the plate's STEP file, written on first use. */
export async function plateFixture(): Promise<string> {
  if (existsSync(FILE) && readFileSync(FILE).byteLength > 0) return FILE;
  const oc = await getEngine();
  const [sx, sy, sz] = PLATE.size;
  const bytes = withScope((owner) => {
    const b = new ShapeBuilder(oc, owner);
    const drilled = b.cut(b.box(sx, sy, sz), tools(b, PLATE.bore / 2, -1, sz + 2));
    const plate = b.cut(drilled, tools(b, PLATE.counterbore / 2, sz - PLATE.counterboreDepth, PLATE.counterboreDepth + 1));
    return writeStep(oc, plate, { scratch: '/vectis-bench-plate.step' });
  });
  writeFileSync(FILE, bytes);
  return FILE;
}
