/**
 * Our UV-Net grids (src/analysis/ml/uvnet/uv-grids.ts, WASM engine, no FClass2d) against native OCCT's
 * (./reference.cpp, built as its header says), per file: the largest differences of points,
 * normals and tangents, and how many mask samples disagree.
 *
 *   npx tsx models/training/uv-reference/compare.ts /tmp/uv-reference part.step...
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildBrepGraph, free, getEngine, readStep, uvGrids } from '../../../src/analysis/index.ts';

interface Grids {
  faces: number;
  coedges: number;
  Gf: ArrayLike<number>;
  Gc: ArrayLike<number>;
}

/** Largest |a − b| over the channels [from, to) of rows of `width` values, `per` values a channel. */
function worst(a: Grids['Gf'], b: Grids['Gf'], rows: number, width: number, per: number, from: number, to: number): number {
  let max = 0;
  for (let r = 0; r < rows; r++) {
    for (let i = r * width + from * per; i < r * width + to * per; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  }
  return max;
}

async function main(): Promise<void> {
  const [reference, ...files] = process.argv.slice(2);
  if (!reference || files.length === 0) throw new Error('usage: compare.ts <reference binary> <file.step>...');
  const oc = await getEngine();
  let cells = 0;
  let differ = 0;
  for (const file of files) {
    const ref = JSON.parse(execFileSync(reference, [file], { maxBuffer: 1 << 30 }).toString()) as Grids;
    const { shape } = readStep(oc, new Uint8Array(readFileSync(file)), 1e9);
    const brep = buildBrepGraph(oc, shape);
    const ours = uvGrids(oc, brep.topology, { center: [0, 0, 0], scale: 1 });
    brep.dispose();
    free(shape);
    if (ours.faces !== ref.faces || ours.coedges !== ref.coedges) {
      console.log(`${basename(file)}: counts differ (ours ${ours.faces}/${ours.coedges}, reference ${ref.faces}/${ref.coedges})`);
      continue;
    }
    let masks = 0;
    for (let f = 0; f < ours.faces; f++) for (let s = 0; s < 100; s++) if (ours.Gf[f * 700 + 600 + s] !== ref.Gf[f * 700 + 600 + s]) masks++;
    cells += ours.faces * 100;
    differ += masks;
    const e = (x: number) => x.toExponential(1);
    console.log(
      `${basename(file)}: F ${ours.faces} C ${ours.coedges}; face points ${e(worst(ours.Gf, ref.Gf, ours.faces, 700, 100, 0, 3))} mm,`,
      `normals ${e(worst(ours.Gf, ref.Gf, ours.faces, 700, 100, 3, 6))}, mask ${masks}/${ours.faces * 100} differ;`,
      `coedge points ${e(worst(ours.Gc, ref.Gc, ours.coedges, 120, 10, 0, 3))} mm, tangents ${e(worst(ours.Gc, ref.Gc, ours.coedges, 120, 10, 3, 6))},`,
      `normals ${e(worst(ours.Gc, ref.Gc, ours.coedges, 120, 10, 6, 12))}`,
    );
  }
  console.log(`mask: ${differ} of ${cells} samples differ`);
}

await main();
