/**
 * Features that other features cut into (scripts/interrupted-fixtures.ts): a passage whose corner
 * a bevel opens, a pocket and a slot whose floors holes break, a pocket a deeper slot crosses, a
 * pocket whose floor a hole along it splits, a step whose wall a hole splits, slots in a ledge that end on the wall above it. Dimensions to 0.01 mm, and the same
 * after a rotation.
 */
import { describe, expect, it } from 'vitest';
import { INTERRUPTED_FIXTURES } from './interrupted-fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

describe('interrupted features', () => {
  it('finds a passage whose corner a bevel cuts open', async () => {
    const { size, passage } = INTERRUPTED_FIXTURES.openedPassage;
    const r = await run('opened-passage.step');
    const [found] = byType(r, 'passage');
    expectParams(found, { outline: 'rectangular', through: true, length: passage[2], width: passage[3], depth: size[2] });
    expect(found!.faces).toHaveLength(4);
    expect(new Set(found!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([3])); // rectangular_passage
  });

  it('keeps a pocket whose floor holes break a closed pocket, and a slot whose floor a hole breaks a slot', async () => {
    const { size, pocket, hole, holeDepth, slot } = INTERRUPTED_FIXTURES.brokenFloors;
    const r = await run('broken-floors.step');
    expectParams(byType(r, 'pocket')[0], { length: pocket[2], width: pocket[3], depth: pocket[4], open: false, through: false });
    expectParams(byType(r, 'slot')[0], { outline: 'rectangular', width: slot[1], depth: slot[2], length: size[1], through: true });
    const holes = byType(r, 'hole');
    expectParams(
      holes.find((h) => h.params.through === true),
      { diameter: hole, count: 2, depth: size[2] - pocket[4] },
    );
    expectParams(
      holes.find((h) => h.params.through === false),
      { diameter: hole, depth: holeDepth, bottom: 'flat' },
    );
    expect(r.faces.filter((f) => f.mfcadClass === 24)).toHaveLength(7); // the block's sides, its top split in two by the slot: nothing else
  });

  it('keeps a pocket that a deeper slot crosses one closed pocket, beside the slot', async () => {
    const { size, pocket, slot } = INTERRUPTED_FIXTURES.crossedPocket;
    const r = await run('crossed-pocket.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['pocket', 'slot']);
    const [found] = byType(r, 'pocket');
    expectParams(found, { outline: 'rectangular', length: pocket[2], width: pocket[3], depth: pocket[4], open: false, through: false });
    expect(found!.faces).toHaveLength(8); // two floor pieces, two walls split in two, two whole walls
    expectParams(byType(r, 'slot')[0], { width: slot[1], depth: slot[2], length: size[1], through: true });
    const classes = (f: (typeof r.features)[number]) => [...new Set(f.faces.map((id) => r.faces[id]!.mfcadClass))];
    expect(classes(found!)).toEqual([14]); // rectangular_pocket
    expect(classes(byType(r, 'slot')[0]!)).toEqual([6]); // rectangular_through_slot
  });

  it('reads two slots that cross on one floor as two through slots, not an open pocket', async () => {
    const { size, alongY, alongX, depth } = INTERRUPTED_FIXTURES.crossingSlots;
    const r = await run('crossing-slots.step');
    const slots = byType(r, 'slot').sort((a, b) => Number(b.params.length) - Number(a.params.length));
    expect(r.features.map((f) => f.type)).toEqual(['slot', 'slot']);
    expectParams(slots[0], { outline: 'rectangular', through: true, length: size[0], width: alongX[1], depth });
    expectParams(slots[1], { outline: 'rectangular', through: true, length: size[1], width: alongY[1], depth });
    expect(new Set(r.features.flatMap((f) => f.faces.map((id) => r.faces[id]!.mfcadClass)))).toEqual(new Set([6])); // rectangular_through_slot
  });

  it('keeps a pocket whose floor a hole along it splits one closed pocket, sized by its walls', async () => {
    const { size, pocket, hole } = INTERRUPTED_FIXTURES.splitFloor;
    const r = await run('split-floor.step');
    const [found] = byType(r, 'pocket');
    expectParams(found, { outline: 'rectangular', length: pocket[2], width: pocket[3], depth: pocket[4], open: false, through: false });
    expect(found!.faces).toHaveLength(6); // four walls, the floor in two pieces
    expect(new Set(found!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([14])); // rectangular_pocket
    expectParams(byType(r, 'hole')[0], { diameter: hole, through: true, depth: size[0] });
  });

  it('keeps a step whose wall a hole splits a step through the part', async () => {
    const { size, width, depth } = INTERRUPTED_FIXTURES.splitStep;
    const r = await run('split-step.step');
    const [found] = byType(r, 'step');
    expectParams(found, { outline: 'rectangular', through: true, length: size[0], width, depth });
    expect(found!.faces).toHaveLength(3); // the floor, the wall in two pieces
    expect(new Set(found!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([8])); // rectangular_through_step
  });

  it('reads slots cut into a ledge, ending on the wall above it, as blind slots of their own', async () => {
    const { window, upper, ledge, floor, width, square, angle } = INTERRUPTED_FIXTURES.ledgeSlots;
    const r = await run('ledge-slots.step');
    const slots = byType(r, 'slot');
    expect(slots).toHaveLength(square.length + 1); // each slot apart: none joined with another on its floor plane
    const [across, along] = [window[1] - upper[1], window[0] - upper[0]];
    const a = (angle * Math.PI) / 180;
    // Square ones run from the upper wall to the window's wall; the turned one's floor reaches further along its walls.
    const lengths = [across, across, along / Math.cos(a) + width * Math.tan(a)];
    slots
      .sort((x, y) => Number(x.params.length) - Number(y.params.length))
      .forEach((slot, i) => {
        expectParams(slot, { outline: 'rectangular', through: false, width, depth: ledge - floor, length: lengths[i]! });
        expect(slot.faces).toHaveLength(3); // two walls and the floor; the end is the upper wall's face
        expect(new Set(slot.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([17])); // rectangular_blind_slot
      });
    expectParams(byType(r, 'passage')[0], { length: window[2], width: window[3], depth: ledge });
  });

  it('gives the same features after rotating the parts', async () => {
    expectSameFeatures(await run('crossing-slots.step'), await run('crossing-slots-rotated.step'));
    expectSameFeatures(await run('crossed-pocket.step'), await run('crossed-pocket-rotated.step'));
    expectSameFeatures(await run('opened-passage.step'), await run('opened-passage-rotated.step'));
    expectSameFeatures(await run('broken-floors.step'), await run('broken-floors-rotated.step'));
    expectSameFeatures(await run('ledge-slots.step'), await run('ledge-slots-rotated.step'));
    expectSameFeatures(await run('split-floor.step'), await run('split-floor-rotated.step'));
    expectSameFeatures(await run('split-step.step'), await run('split-step-rotated.step'));
  });
});
