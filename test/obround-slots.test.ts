/**
 * Slots an end mill rounds, as real parts have them (scripts/slot-fixtures.ts): an obround cut
 * through a plate is a round-ended through slot (not a step), a closed round-ended pocket whose
 * floor a hole breaks stays closed (circular_end_pocket, not a U slot), a notch with one round end
 * through the plate is a U-shaped slot. Dimensions to 0.01 mm, and the same after a rotation.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Feature } from '../src/analysis/index.ts';
import { SLOT_FIXTURES } from './slot-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

const o = SLOT_FIXTURES.obround;
const classes = (r: AnalysisResult, f: Feature) => [...new Set(f.faces.map((id) => r.faces[id]!.mfcadClass))];
const slotWith = (r: AnalysisResult, outline: string, through: boolean) =>
  byType(r, 'slot').find((f) => f.params.outline === outline && f.params.through === through);

describe('round-ended slots as drawn', () => {
  it('reads an obround cut through the plate, its ends split in quarters, as one round-ended through slot', async () => {
    const [, , length, width] = o.through;
    const r = await run('obround-slots.step');
    const slot = slotWith(r, 'round-ended', true);
    expectParams(slot, { length, width, depth: o.size[2] });
    expect(slot!.faces).toHaveLength(6); // two walls, two quarter cylinders at each end
    expect(byType(r, 'step')).toEqual([]);
    expect(classes(r, slot!)).toEqual([16]); // circular_end_pocket: MFCAD++ has no through obround
  });

  it('keeps a closed round-ended pocket closed when a hole breaks its floor', async () => {
    const [, , length, width, depth] = o.pocket;
    const r = await run('obround-slots.step');
    const pocket = slotWith(r, 'round-ended', false);
    expectParams(pocket, { length, width, depth, corner_radius: width / 2 });
    expect(classes(r, pocket!)).toEqual([16]); // circular_end_pocket, not v_circular_end_blind_slot
    expectParams(byType(r, 'hole')[0], { diameter: o.hole, depth: o.size[2] - depth, through: true });
  });

  it('reads a notch with one round end through the plate as a U-shaped through slot', async () => {
    const [, length, width] = o.notch;
    const r = await run('obround-slots.step');
    expectParams(slotWith(r, 'u-shaped', true), { length, width, depth: o.size[2] });
    expect(r.features).toHaveLength(4);
  });

  it('gives the same slots after rotating the plate', async () => {
    expectSameFeatures(await run('obround-slots.step'), await run('obround-slots-rotated.step'));
  });
});
