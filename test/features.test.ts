/**
 * The geometric recogniser on fixtures with known dimensions (scripts/make-fixtures.ts): counts
 * exact, dimensions to 0.01 mm, and the same features after a rotation of the part.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Feature } from '../src/analysis/index.ts';
import { dfmChecks } from '../src/analysis/features/machining.ts';
import { FIXTURES } from './fixtures.ts';
import { byType, expectParams, expectSameFeatures, run } from './feature-expect.ts';

describe('holes', () => {
  it('finds the plate holes with their dimensions, patterns and drill hints', async () => {
    const { counterbore: cb, countersink: cs, blindFlat: bf, blindDrilled: bd } = FIXTURES.plate;
    const r = await run('plate-holes.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['counterbore_hole', 'counterbore_hole', 'countersink_hole', 'hole', 'hole']);
    const [counterdrilled] = byType(r, 'counterbore_hole').filter((f) => f.params.counterdrill === true);
    expectParams(counterdrilled, {
      diameter: FIXTURES.plate.counterdrill.diameter,
      counterbore_diameter: FIXTURES.plate.counterdrill.cdDiameter,
      counterdrill_angle: 118,
      through: true,
      tap_drill_for: 'M5',
    });
    expect(counterdrilled!.params.tap, 'no thread drawn: a tap hint, not a tap').toBeUndefined();
    expectParams(
      byType(r, 'counterbore_hole').find((f) => f.params.counterdrill === undefined),
      {
        count: 4,
        pattern: 'grid',
        rows: 2,
        columns: 2,
        through: true,
        diameter: cb.diameter,
        counterbore_diameter: cb.cbDiameter,
        counterbore_depth: cb.cbDepth,
        depth: FIXTURES.plate.size[2],
        drill_metric: 6.6,
        clearance_for: 'M6',
      },
    );
    expectParams(byType(r, 'countersink_hole')[0], {
      count: 2,
      pattern: 'linear',
      diameter: cs.diameter,
      countersink_diameter: cs.cskDiameter,
      countersink_angle: 90,
    });
    const [flat, drilled] = byType(r, 'hole').sort((a, b) => Number(b.params.diameter) - Number(a.params.diameter));
    expectParams(flat, { diameter: bf.diameter, depth: bf.depth, through: false, bottom: 'flat' });
    expectParams(drilled, { diameter: bd.diameter, depth: bd.depth, through: false, bottom: 'cone', bottom_angle: bd.tipAngle });
    expect(r.setups).toHaveLength(1);
    expect(r.part.process).toBe('milled');
    expect(r.faces.filter((f) => f.mfcadClass === 1).length + r.faces.filter((f) => f.mfcadClass === 12).length).toBe(
      r.features.reduce((n, f) => n + f.faces.length, 0),
    );
  });

  it('splits a modelled tapped thread off its tap-drilled hole', async () => {
    const {
      thread: [major, minor, pitch, turns],
      depth,
    } = FIXTURES.tapped;
    const r = await run('tapped-hole.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['hole', 'thread']);
    // The drill hint for the bore agrees with the modelled thread: an M10 tap drill.
    expectParams(byType(r, 'hole')[0], { diameter: minor, depth, through: false, bottom: 'cone', thread: 'M10', tap: 'M10' });
    const flank = ((major - minor) / 2) * Math.tan(Math.PI / 6);
    const [thread] = byType(r, 'thread');
    expectParams(thread, {
      diameter: major,
      minor_diameter: minor,
      pitch,
      length: (turns - 1) * pitch + 2 * flank,
      angle: 60,
      internal: true,
      through: false,
      designation: 'M10',
    });
    expect(new Set(thread!.faces.map((id) => r.faces[id]!.mfcadClass))).toEqual(new Set([12])); // blind_hole
    // A thread is an undercut a tap makes: no DFM entry for it.
    expect(r.dfm).toEqual([]);
    expectSameFeatures(r, await run('tapped-hole-rotated.step'));
  });

  it('splits a helical tapped thread off its hole, the crests staying its bore', async () => {
    const { major, minor, pitch, turns, depth } = FIXTURES.tappedHelical;
    const r = await run('tapped-helical.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['hole', 'thread']);
    expectParams(byType(r, 'hole')[0], { diameter: minor, depth, through: false, bottom: 'flat', thread: 'M10', tap: 'M10' });
    const [thread] = byType(r, 'thread');
    expectParams(thread, {
      form: 'helical',
      diameter: major,
      minor_diameter: minor,
      pitch,
      internal: true,
      hand: 'right',
      through: false,
      designation: 'M10',
      length: turns * pitch + (major - minor) * Math.tan(Math.PI / 6),
    });
    expect(r.dfm).toEqual([]);
    expectSameFeatures(r, await run('tapped-helical-rotated.step'));
  });

  it('gives the same holes after rotating the plate', async () => {
    expectSameFeatures(await run('plate-holes.step'), await run('plate-holes-rotated.step'));
  });

  it('reports no DFM issue for a standard, shallow hole', async () => {
    const r = await run('box-with-hole.step');
    expectParams(r.features[0], { diameter: 10, depth: 20, through: true });
    expect(r.dfm).toEqual([]);
  });

  it('flags a deep hole and a non-standard diameter with expected and actual values', () => {
    const hole = (diameter: number, depth: number): Feature => ({
      id: 0,
      type: 'hole',
      faces: [3],
      params: { diameter, depth, through: false },
      confidence: 1,
      method: 'geometric',
    });
    expect(dfmChecks([hole(5, 40)])).toEqual([expect.objectContaining({ code: 'DEEP_HOLE', expected: '<= 6', actual: 8, faces: [3] })]);
    expect(dfmChecks([hole(6.63, 10)])).toEqual([expect.objectContaining({ code: 'NON_STANDARD_HOLE', expected: 6.6, actual: 6.63 })]);
  });
});

describe('prismatic features', () => {
  it('finds the pocket, slot and step with their dimensions', async () => {
    const { pocket, slot, step } = FIXTURES.prismatic;
    const r = await run('prismatic.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['chamfer', 'passage', 'pocket', 'slot', 'step']);
    const { passage, chamfer } = FIXTURES.prismatic;
    expectParams(byType(r, 'passage')[0], {
      outline: 'rectangular',
      through: true,
      length: Math.max(passage[2], passage[3]),
      width: Math.min(passage[2], passage[3]),
    });
    expectParams(byType(r, 'chamfer')[0], { distance: chamfer, distance2: chamfer, angle: 45 });
    expectParams(byType(r, 'pocket')[0], {
      length: Math.max(pocket[2], pocket[3]),
      width: Math.min(pocket[2], pocket[3]),
      depth: pocket[4],
      through: false,
    });
    expectParams(byType(r, 'slot')[0], { width: slot[1], depth: slot[2], through: true, length: FIXTURES.prismatic.size[1] });
    expectParams(byType(r, 'step')[0], { width: step[0], depth: step[1], through: true });
    expect(r.setups).toHaveLength(2);
  });

  it('gives the same features after rotating the block', async () => {
    expectSameFeatures(await run('prismatic.step'), await run('prismatic-rotated.step'));
  });
});

describe('open pockets', () => {
  it('reads a pocket open to one side wall with its size, corner radius and open side', async () => {
    const { pocket, cornerRadius } = FIXTURES.openPocket;
    const r = await run('open-pocket.step');
    expect(r.features.map((f) => f.type)).toEqual(['pocket']);
    expectParams(r.features[0], {
      open: true,
      open_sides: 1,
      length: pocket[0],
      width: pocket[2],
      depth: pocket[3],
      corner_radius: cornerRadius,
      through: false,
    });
    expectParams(byType(await run('prismatic.step'), 'pocket')[0], { open: false, open_sides: 0 });
  });

  it('gives the same open pocket after rotating the block', async () => {
    expectSameFeatures(await run('open-pocket.step'), await run('open-pocket-rotated.step'));
  });
});

describe('round-ended slots', () => {
  const mfcadClassOfFeature = (r: AnalysisResult, f: Feature) => [...new Set(f.faces.map((id) => r.faces[id]!.mfcadClass))];

  it('tells the U slot from the slot along an edge, with their sizes and MFCAD++ classes', async () => {
    const { u, h } = FIXTURES.roundSlots;
    const r = await run('round-slots.step');
    expect(r.features.map((f) => f.params.outline).sort()).toEqual(['quarter-round', 'u-shaped']);
    const uSlot = r.features.find((f) => f.params.outline === 'u-shaped')!;
    const hSlot = r.features.find((f) => f.params.outline === 'quarter-round')!;
    expectParams(uSlot, { length: u[1], width: u[2], depth: u[3], corner_radius: u[2] / 2, through: false });
    expectParams(hSlot, { length: h[1], width: h[2], depth: h[3], corner_radius: h[2], through: false });
    // Names as AAGNet's generator draws them (v: half-round end; h: quarter-round ends along a side).
    expect(mfcadClassOfFeature(r, uSlot)).toEqual([18]);
    expect(mfcadClassOfFeature(r, hSlot)).toEqual([19]);
    const closed = byType(await run('rounded.step'), 'slot')[0]!;
    expect(mfcadClassOfFeature(await run('rounded.step'), closed)).toEqual([16]);
  });

  it('gives the same slots after rotating the block', async () => {
    expectSameFeatures(await run('round-slots.step'), await run('round-slots-rotated.step'));
  });
});

describe('rounded cuts', () => {
  it('measures corner radii, the half-round slot and the rounded edge', async () => {
    const { pocket, cornerRadius, slot, edgeRadius } = FIXTURES.rounded;
    const r = await run('rounded.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['fillet', 'pocket', 'slot']);
    expectParams(byType(r, 'pocket')[0], { length: pocket[2], width: pocket[3], depth: pocket[4], corner_radius: cornerRadius });
    expectParams(byType(r, 'slot')[0], { outline: 'round-ended', through: false, length: slot[2] + slot[3], width: slot[3], depth: slot[4] });
    expectParams(byType(r, 'fillet')[0], { radius: edgeRadius, convex: true });
    // The 5 mm deep slot's corners (r 5) and the 8 mm pocket's (r 4) are both above depth/3.
    expect(r.dfm.filter((d) => d.code === 'SMALL_CORNER_RADIUS')).toEqual([]);
  });

  it('gives the same features after rotating the block', async () => {
    expectSameFeatures(await run('rounded.step'), await run('rounded-rotated.step'));
  });

  it('flags the sharp inside corners of the unrounded pocket', async () => {
    const r = await run('prismatic.step');
    const pocket = byType(r, 'pocket')[0]!;
    expect(r.dfm).toContainEqual(expect.objectContaining({ code: 'SMALL_CORNER_RADIUS', faces: pocket.faces, actual: 0 }));
  });
});

describe('bosses and O-ring grooves', () => {
  it('measures the boss and the groove', async () => {
    const { boss, groove } = FIXTURES.bossPlate;
    const r = await run('boss-groove.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['boss', 'oring_groove']);
    expectParams(byType(r, 'boss')[0], { diameter: boss[2], height: boss[3] });
    expectParams(byType(r, 'oring_groove')[0], {
      inner_diameter: groove[2],
      outer_diameter: groove[3],
      width: (groove[3] - groove[2]) / 2,
      depth: groove[4],
    });
    expect(r.part.process).toBe('milled');
  });

  it('gives the same features after rotating the plate', async () => {
    expectSameFeatures(await run('boss-groove.step'), await run('boss-groove-rotated.step'));
  });
});

describe('thin walls', () => {
  it('flags the 0.8 mm wall and only it', async () => {
    const r = await run('thin-wall.step');
    const walls = r.dfm.filter((d) => d.code === 'THIN_WALL');
    expect(walls).toHaveLength(1);
    expect(walls[0]!.actual).toBeCloseTo(FIXTURES.thinWall.wall, 4);
    expect((await run('prismatic.step')).dfm.filter((d) => d.code === 'THIN_WALL')).toEqual([]);
  });
});

describe('undercuts', () => {
  it('splits the internal groove off its bore and flags it as unreachable', async () => {
    const { bore, groove } = FIXTURES.undercut;
    const r = await run('undercut.step');
    expect(r.features.map((f) => f.type).sort()).toEqual(['groove', 'hole']);
    expectParams(byType(r, 'hole')[0], { diameter: bore[2], depth: bore[3], through: false, bottom: 'flat' });
    const found = byType(r, 'groove')[0]!;
    expectParams(found, { diameter: groove[0], width: groove[2], depth: (groove[0] - bore[2]) / 2, internal: true });
    const undercuts = r.dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE');
    expect(undercuts).toEqual([expect.objectContaining({ faces: found.faces, expected: 0, actual: found.faces.length })]);
  });

  it('gives the same groove and undercut after rotating the block', async () => {
    const [a, b] = [await run('undercut.step'), await run('undercut-rotated.step')];
    expectSameFeatures(a, b);
    expect(b.dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE').map((d) => d.faces)).toEqual(
      a.dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE').map((d) => d.faces),
    );
  });

  it('flags the head of a T-slot closed at both ends, under the lips of its neck', async () => {
    const { size, neck, head, y0, y1 } = FIXTURES.tSlot;
    const r = await run('t-slot.step');
    const [pocket] = byType(r, 'pocket');
    expectParams(pocket, { depth: neck[2] + head[2], length: head[1], width: y1 - y0 });
    const flagged = r.dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE').flatMap((d) => d.faces);
    const lips = r.faces.filter(
      (f) => f.surface === 'plane' && f.params.normal![2] < -0.999 && Math.abs(f.params.origin![2] - (size[2] - neck[2])) < 1e-6,
    );
    expect(lips).toHaveLength(2);
    expect(flagged).toEqual(expect.arrayContaining(lips.map((f) => f.id)));
    expect(flagged.every((id) => pocket!.faces.includes(id))).toBe(true);
    const rotated = await run('t-slot-rotated.step');
    expectSameFeatures(r, rotated);
    expect(rotated.dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE').flatMap((d) => d.faces)).toEqual(flagged);
  });

  it('finds nothing unreachable on parts milled from open directions', async () => {
    for (const name of [
      'plate-holes.step',
      'prismatic.step',
      'rounded-rotated.step',
      'boss-groove.step',
      'thin-wall.step',
      'box-with-hole.step',
      'shaft.step',
      'open-pocket.step',
      'round-slots.step',
    ]) {
      expect(
        (await run(name)).dfm.filter((d) => d.code === 'UNREACHABLE_FEATURE'),
        name,
      ).toEqual([]);
    }
  });
});

describe('turned parts', () => {
  it('classifies the shaft as turned and measures its diameters, groove and chamfers', async () => {
    const r = await run('shaft.step');
    expect(r.part.process).toBe('turned');
    expectParams(byType(r, 'groove')[0], { diameter: 24, width: 4, depth: 3 });
    expect(byType(r, 'groove')).toHaveLength(1);
    const chamfers = byType(r, 'chamfer');
    expect(chamfers).toHaveLength(2);
    for (const c of chamfers) expectParams(c, { distance: 1, angle: 45 });
    const diameters = byType(r, 'turned_diameter').map((f) => [f.params.diameter, f.params.length]);
    expect(diameters).toEqual([
      [20, 29],
      [30, 10],
      [30, 15],
    ]);
    expect(byType(r, 'turned_face')).toHaveLength(3);
    expect(r.part.stock).toEqual([60, 30, 30]); // round bar: length × largest diameter
    expect(r.setups).toEqual([]); // all lathe work: no 3-axis milling setup
  });

  it('gives the same turned features after rotating the shaft', async () => {
    expectSameFeatures(await run('shaft.step'), await run('shaft-rotated.step'));
  });

  it('reads V-ring threads as one thread each, outside and in the bore', async () => {
    const { external, internal } = FIXTURES.threaded;
    const r = await run('threaded.step');
    expect(r.part.process).toBe('turned');
    const threads = byType(r, 'thread').sort((a, b) => Number(b.params.diameter) - Number(a.params.diameter));
    expect(threads).toHaveLength(2);
    const depth = (pitch: number) => pitch / (2 * Math.tan(Math.PI / 6));
    expectParams(threads[0], {
      diameter: external[0],
      minor_diameter: external[0] - 2 * depth(external[1]),
      pitch: external[1],
      length: external[1] * external[3],
      angle: 60,
      internal: false,
      designation: 'M16x1.5',
    });
    // Inside: the run starts and ends on a flank (3/8 pitch wide), with a crest between turns.
    const flank = (3 / 8) * internal[1];
    expectParams(threads[1], {
      diameter: internal[0],
      minor_diameter: internal[0] - (2 * flank) / Math.tan(Math.PI / 6),
      pitch: internal[1],
      length: internal[1] * (internal[3] - 1) + 2 * flank,
      angle: 60,
      internal: true,
      designation: 'M12x1.5',
    });
    expect(threads[0]!.faces).toHaveLength(2 * external[3]);
    expect(threads[1]!.faces).toHaveLength(2 * internal[3] + internal[3] - 1);
    // No flank is left over as a groove, taper or chamfer.
    expect(r.features.filter((f) => ['groove', 'taper', 'chamfer'].includes(f.type))).toEqual([]);
  });

  it('reads no thread in the V-grooves of a belt pulley', async () => {
    const r = await run('pulley.step');
    expect(r.part.process).toBe('turned');
    expect(r.features.filter((f) => f.type === 'taper' || f.type === 'chamfer')).toHaveLength(2 * FIXTURES.pulley.grooves);
    expect(byType(r, 'thread')).toEqual([]);
  });

  it('gives the same threads after rotating the shaft', async () => {
    expectSameFeatures(await run('threaded.step'), await run('threaded-rotated.step'));
  });

  it('reads a helical thread from its swept flanks', async () => {
    const { major, pitch, turns, depth } = FIXTURES.helical;
    const r = await run('helical-thread.step');
    expect(r.part.process).toBe('turned');
    expect(byType(r, 'thread')).toHaveLength(1);
    // Axially the cut spans its turns plus the groove's width at the surface.
    expectParams(byType(r, 'thread')[0], {
      form: 'helical',
      diameter: major,
      minor_diameter: major - 2 * depth,
      pitch,
      internal: false,
      hand: 'right',
      length: turns * pitch + 2 * depth * Math.tan(Math.PI / 6),
      designation: 'M16x1.5',
    });
    // The flank angle comes from mesh normals (tilted by the lead): a tenth of a degree.
    expect(Math.abs(Number(byType(r, 'thread')[0]!.params.angle) - 60)).toBeLessThan(0.5);
  });

  it('gives the same helical thread after rotating the bar', async () => {
    expectSameFeatures(await run('helical-thread.step'), await run('helical-thread-rotated.step'));
  });

  it('leaves a prismatic block milled', async () => {
    expect((await run('block.step')).part.process).toBe('milled');
  });
});
