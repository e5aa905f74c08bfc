/**
 * Round notches and a U slot milled into a side (scripts/notch-fixtures.ts): a half bore open
 * along its length is a slot (MFCAD++'s circular through slot; blind, a U slot without straight
 * walls), not a hole; a U slot whose walls face the part's main direction keeps its floor as the
 * floor. Dimensions to 0.01 mm, the same after a rotation.
 */
import { describe, expect, it } from 'vitest';
import { NOTCH_FIXTURES as N } from './notch-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

describe('round notches and side slots', () => {
  it('reads half bores open to the side as slots, and keeps the plain hole a hole', async () => {
    const r = await run(N.files.plate);
    const [, , top] = N.plate.size;
    const holes = byType(r, 'hole').filter((h) => h.params.depth === top);
    expect(holes).toHaveLength(1);
    expectParams(holes[0], { diameter: N.plate.hole[2], through: true });
    const notches = byType(r, 'slot').filter((s) => s.params.outline === 'half-round');
    const through = notches.find((s) => s.params.through === true);
    const blind = notches.find((s) => s.params.through === false);
    expectParams(through, { width: 2 * N.plate.throughNotch[1], depth: top });
    expectParams(blind, { width: 2 * N.plate.blindNotch[1], depth: N.plate.blindNotch[2] });
    expect(through!.faces).toHaveLength(1);
    expect(blind!.faces).toHaveLength(2); // the half bore and its half-disk floor
    const classOf = (f: (typeof notches)[number]) => [...new Set(f.faces.map((id) => r.faces[id]!.mfcadClass))];
    expect(classOf(through!)).toEqual([7]); // circular_through_slot
    expect(classOf(blind!)).toEqual([18]); // v_circular_end_blind_slot
  });

  it('reads a U slot whose walls face the main direction as a U slot on its own floor, not a step', async () => {
    const r = await run(N.files.plate);
    const [, width, length, depth] = N.plate.sideSlot;
    const slot = byType(r, 'slot').find((s) => s.params.outline === 'u-shaped' && s.params.length === length);
    expectParams(slot, { through: false, width, length, depth });
    expect(slot!.faces).toHaveLength(4); // floor, two walls, the round end
    expect(slot!.axis![1]).toBeCloseTo(1, 6); // into the front face (+y), not along a wall's normal
    expect(new Set(slot!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([18])); // v_circular_end_blind_slot
    expect(byType(r, 'step')).toEqual([]);
  });

  it('keeps a U slot whose floor a cross hole breaks in two a U slot, both floor pieces its floor', async () => {
    const r = await run(N.files.plate);
    const [, width, length, depth, crossHole] = N.plate.crossedSlot;
    const slot = byType(r, 'slot').find((s) => s.params.outline === 'u-shaped' && s.params.length === length);
    expectParams(slot, { through: false, width, depth });
    expect(slot!.faces).toHaveLength(5); // two floor pieces, two walls, the round end
    expect(new Set(slot!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([18]));
    expect(byType(r, 'hole').filter((h) => h.params.diameter === crossHole && h.params.depth === N.plate.size[1])).toHaveLength(1); // across the plate
    expect(byType(r, 'pocket')).toEqual([]);
  });

  it('joins the two U slots a deeper cut leaves of an obround pocket into one round-ended slot', async () => {
    const r = await run(N.files.plate);
    const [, , length, width, depth, , crossWidth] = N.plate.splitObround;
    const slot = byType(r, 'slot').find((s) => s.params.outline === 'round-ended');
    expectParams(slot, { through: false, length, width, depth });
    expect(slot!.faces).toHaveLength(8); // two floors, four walls, two round ends
    expect(new Set(slot!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([16])); // circular_end_pocket
    expectParams(
      byType(r, 'slot').find((s) => s.params.outline === 'rectangular'),
      { through: true, width: crossWidth },
    );
  });

  it('gives the same features after rotating the part', async () => {
    expectSameFeatures(await run(N.files.plate), await run(N.files.rotated));
  });
});
