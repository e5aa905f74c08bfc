/**
 * `vectis eval` on the real labelled data in ../shared/data (skipped loudly when absent): each
 * format's figures must not fall below floors set just under what was measured (geometric
 * recogniser, no model; measured 2026-12-03: mfcad/dev 2256/2256 faces; step_examples fillet 228/247,
 * chamfer 113/113 (59 before bevels that took a whole ledge), cut 754/787 (581 before slots in a wall, blend patches and split floors); AAGNet 23/27 faces, 12 of 13 instances matched, 11 exactly). A floor
 * far below the figure would let a regression of several per cent pass; raise them when figures rise.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFolder } from '../src/cli/eval.ts';
import { HAS_SHARED, SHARED_DATA } from './fixtures.ts';

describe.skipIf(!HAS_SHARED)('vectis eval on ../shared/data', () => {
  it('reaches face accuracy ≥ 0.995 on mfcad/dev', async () => {
    const e = await evaluateFolder(join(SHARED_DATA, 'mfcad/dev'), () => undefined);
    if (e.format !== 'topexp-labels') throw new Error(`detected ${e.format}`);
    expect(e.files).toBe(100);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.995);
  });

  it('scores all 15 BRepNet step_examples by their .seg labels', async () => {
    const e = await evaluateFolder(join(SHARED_DATA, 'brepnet/step_examples'), () => undefined);
    if (e.format !== 'brepnet-seg') throw new Error(`detected ${e.format}`);
    expect(e.files).toBe(15);
    expect(e.total.fillet.total + e.total.chamfer.total + e.total.cut.total).toBe(247 + 113 + 787);
    expect(e.total.fillet.share).toBeGreaterThanOrEqual(0.92);
    expect(e.total.chamfer.share).toBeGreaterThanOrEqual(0.98);
    expect(e.total.cut.share).toBeGreaterThanOrEqual(0.95);
  }, 180_000);

  it('scores the AAGNet sample by its MFInstSeg JSON: faces and instances', async () => {
    const e = await evaluateFolder(join(SHARED_DATA, 'aagnet'), () => undefined);
    if (e.format !== 'mfinstseg') throw new Error(`detected ${e.format}`);
    expect(e.files).toBe(1);
    expect(e.faces).toBe(27);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(e.instances.truth).toBe(13);
    expect(e.instances.matched).toBeGreaterThanOrEqual(12);
    expect(e.instances.exact).toBeGreaterThanOrEqual(11);
  });
});
