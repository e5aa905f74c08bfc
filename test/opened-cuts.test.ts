/**
 * Cuts that another cut opens or bevels (issue 10 items 2 and 3; scripts/opened-cut-fixtures.ts),
 * each with a rotated copy:
 * - a round-ended pocket whose upper end and floor a pocket from the top clips: its floor and
 *   walls are all square to one direction, but its round ends stand across it, so it is no
 *   passage along that direction (it was read as a triangular passage);
 * - a hexagonal pocket whose corner a through step takes: six walls still face in from all round,
 *   so the opening adds no side (it was seven sides, `other`, rectangular_pocket);
 * - a triangular pocket with one rim edge chamfered: the bevel leans over the floor without
 *   reaching it, so it is no wall (it was a fourth side: rectangular_pocket) but a chamfer;
 * - a U slot whose straight wall a step takes, and a slot along a side with one quarter-round end
 *   a step takes: the wall left still bends round the cutter's end, which a step's wall never
 *   does (both were rectangular through steps);
 * - a U slot whose wall a hole along it splits, one piece no longer reaching the floor: the floor
 *   is the face that meets every other wall plane (it was an open triangular pocket);
 * - a round-ended pocket whose far end a step takes: a U whose open end runs out onto another
 *   cut's face only, not a side of the part, is that pocket shortened (`cut_short`,
 *   circular_end_pocket); a U slot milled in from the side (obround-slots, features tests) stays one.
 */
import { describe, expect, it } from 'vitest';
import { mfcadppId, type AnalysisResult, type Feature } from '../src/analysis/index.ts';
import { OPENED_CUT_FIXTURES as F } from './opened-cut-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

const classes = (r: AnalysisResult, f: Feature) => [...new Set(f.faces.map((id) => r.faces[id]!.mfcadClass))];

describe('cuts that another cut opens or bevels', () => {
  it('reads a round-ended pocket whose end and floor another pocket clips as a round-ended slot, not a passage', async () => {
    const ob = F.openedObround;
    const r = await run('opened-obround.step');
    expect(byType(r, 'passage')).toEqual([]);
    const slot = byType(r, 'slot').find((f) => f.params.outline === 'round-ended');
    expectParams(slot, { through: false, width: ob.width, depth: ob.depth, length: ob.ends[1] - ob.ends[0] + ob.width });
    expect(slot!.faces).toHaveLength(5); // floor, two walls, two round ends
    expect(classes(r, slot!)).toEqual([mfcadppId('circular_end_pocket')]);
  });

  it('keeps a hexagonal pocket six-sided when a step takes one of its corners', async () => {
    const hx = F.openedHexagon;
    const r = await run('opened-hexagon.step');
    const [pocket] = byType(r, 'pocket');
    expectParams(pocket, { outline: '6sides', depth: hx.depth, open: true, open_sides: 1 });
    expect(pocket!.faces).toHaveLength(7); // floor and six walls
    expect(classes(r, pocket!)).toEqual([mfcadppId('6sides_pocket')]);
    expectParams(byType(r, 'step')[0], { outline: 'rectangular', through: true });
  });

  it('leaves a bevel on a triangular pocket’s rim out of the pocket, as a chamfer of its own', async () => {
    const bt = F.bevelledTriangle;
    const r = await run('bevelled-triangle.step');
    const [pocket] = byType(r, 'pocket');
    expectParams(pocket, { outline: 'triangular', depth: bt.depth, open: false });
    expect(pocket!.faces).toHaveLength(4); // floor and three walls
    expect(classes(r, pocket!)).toEqual([mfcadppId('triangular_pocket')]);
    const [chamfer] = byType(r, 'chamfer');
    expectParams(chamfer, { distance: bt.chamfer, distance2: bt.chamfer, angle: 45 });
    expect(classes(r, chamfer!)).toEqual([mfcadppId('chamfer')]);
  });

  it('reads slots that lost a straight wall or an end to a step as slots, not steps', async () => {
    const { u, h } = F.oneWallSlots;
    const r = await run('one-wall-slots.step');
    const slot = (outline: string) => byType(r, 'slot').find((f) => f.params.outline === outline);
    // The U slot's wall still bends round its half-round end: as wide as the end, as long as the wall plus its radius.
    expectParams(slot('u-shaped'), {
      through: false,
      width: u.width,
      length: F.oneWallSlots.size[0] - u.end + u.width / 2,
      depth: F.oneWallSlots.size[2] - u.floor,
    });
    expect(classes(r, slot('u-shaped')!)).toEqual([mfcadppId('v_circular_end_blind_slot')]);
    // The slot along the side keeps its wall and one quarter round, centred on that side.
    expectParams(slot('quarter-round'), {
      through: false,
      width: h.radius,
      length: h.ends[1] + h.radius - h.stepX,
      depth: F.oneWallSlots.size[2] - h.floor,
    });
    expect(classes(r, slot('quarter-round')!)).toEqual([mfcadppId('h_circular_end_blind_slot')]);
    expect(byType(r, 'step')).toHaveLength(2); // the two steps that cut them, nothing else
  });

  it('keeps a U slot whose wall a hole along it splits a U slot: the floor meets both wall planes', async () => {
    const sw = F.splitWallSlot;
    const r = await run('split-wall-slot.step');
    const [slot] = byType(r, 'slot');
    const width = sw.walls[1] - sw.walls[0];
    expectParams(slot, { outline: 'u-shaped', through: false, width, length: sw.size[0] - sw.end + width / 2, depth: sw.size[2] - sw.floor });
    expect(slot!.faces).toHaveLength(5); // floor, a whole wall, the split wall's two pieces, the round end
    expect(classes(r, slot!)).toEqual([mfcadppId('v_circular_end_blind_slot')]);
    expect(byType(r, 'pocket')).toEqual([]);
  });

  it('reads a round-ended pocket whose far end a step takes as a shortened round-ended pocket, not a U slot from the side', async () => {
    const so = F.shortenedObround;
    const r = await run('shortened-obround.step');
    const [slot] = byType(r, 'slot');
    expectParams(slot, {
      outline: 'u-shaped',
      through: false,
      width: so.width,
      length: so.stepX - so.ends[0] + so.width / 2,
      depth: so.size[2] - so.floor,
      cut_short: true,
    });
    expect(classes(r, slot!)).toEqual([mfcadppId('circular_end_pocket')]);
  });

  it('gives the same features after rotating the parts', async () => {
    for (const name of ['opened-obround', 'opened-hexagon', 'bevelled-triangle', 'one-wall-slots', 'split-wall-slot', 'shortened-obround'])
      expectSameFeatures(await run(`${name}.step`), await run(`${name}-rotated.step`));
  });
});
