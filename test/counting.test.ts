/**
 * Features counted as an estimator counts them, on fixtures built for each rule
 * (scripts/count-fixtures.ts, dimensions in test/count-fixtures.ts): one fillet per chain of
 * blend faces, and no fillet for a round end or an outline drawn with arcs; a bent sheet is one
 * sheet-metal part whose bends and blank outline are no features; lugs, ears and pins are bosses,
 * a thin-walled bored boss a pipe; a repeated tooth profile is one gear; edge breaks are no
 * chamfers to count; a modelled thread and its bore's pieces are one hole and one thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures, type AnalysisResult } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import type { Vec3 } from '../src/analysis/result.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { SHARED_DATA, fixture } from './fixtures.ts';

useNodeHost();

const PLATE = join(SHARED_DATA, 'real/hierarchical-cadnet/004-15944-2_pressure_plate_MT09_18.step');

const run = (name: string) => analyze(fixture(name), { fileName: name });
const fillets = (r: AnalysisResult) => r.features.filter((f) => f.type === 'fillet');
const [HOLE, SLOT, , , CHAMFER, FILLET, THREAD, GEAR, , PIPE, BOSS] = COUNT_CLASSES;
const SHEET = COUNT_CLASSES[15];

describe('fillets as an estimator counts them', () => {
  const { lug, lobed } = COUNT_FIXTURES;

  it.each(['lug.step', 'lug-rotated.step'])('%s: one fillet per rounded edge, the top edge chain as one, the round end none', async (name) => {
    const r = await run(name);
    const found = fillets(r)
      .map((f) => Number(f.params.radius))
      .sort((a, b) => a - b);
    expect(found).toEqual([lug.edgeRadius, lug.cornerRadius, lug.cornerRadius].map((x) => expect.closeTo(x, 3)));
    // The top edge round runs all around the outline: lines, the half-round and both corners.
    const chain = fillets(r).find((f) => Math.abs(Number(f.params.radius) - lug.edgeRadius) < 1e-3)!;
    expect(chain.faces.length).toBeGreaterThanOrEqual(5);
    expect(chain.params.convex).toBe(true);
    // The lug's round end (radius = half the width) is its outline, in no feature.
    const end = r.faces.find((f) => f.surface === 'cylinder' && Math.abs((f.params.radius ?? 0) - lug.width / 2) < 1e-6)!;
    expect(r.features.some((f) => f.faces.includes(end.id))).toBe(false);
    expect(end.outline).toBe(true);
    expect(r.faces.filter((f) => f.outline).map((f) => f.id)).toEqual([end.id]);
    expect(countFeatures(r)).toEqual({ [HOLE]: 1, [FILLET]: 3 });
  });

  it('keeps the outline the outline when the shipped model runs: no model region takes it', async () => {
    const r = await analyze(fixture('lobed.step'), { fileName: 'lobed.step', model: defaultModelPath() });
    const outline = new Set(r.faces.filter((f) => f.outline).map((f) => f.id));
    expect(outline.size).toBe(6);
    expect(r.features.filter((f) => f.faces.some((id) => outline.has(id)))).toEqual([]);
    expect([...outline].map((id) => r.faces[id]!.mfcadClass)).toEqual([...outline].map(() => 24));
  });

  it('an outline drawn with arcs has no fillet, however its arcs meet', async () => {
    const r = await run('lobed.step');
    expect(r.faces.filter((f) => f.surface === 'cylinder' && f.params.internal === false).length).toBe(6);
    expect(fillets(r)).toEqual([]);
    expect(r.features.map((f) => [f.type, f.params.diameter])).toEqual([['hole', lobed.hole]]);
  });
});

describe('sheet metal', () => {
  const { bracket } = COUNT_FIXTURES;

  it.each(['sheet-bracket.step', 'sheet-bracket-rotated.step'])('%s: one sheet with its bend, a hole and a slot cut through it', async (name) => {
    const r = await run(name);
    expect(r.part.process).toBe('sheet_metal');
    expect(r.features.map((f) => f.type).sort()).toEqual(['bend', 'hole', 'sheet', 'slot']);
    // The sheet holds the blank's faces: the two flats, the blank's edge and the notch, not the cut-outs.
    const sheet = r.features.find((f) => f.type === 'sheet')!;
    expect(sheet.params).toEqual({ thickness: bracket.thickness, bends: 1 });
    const cutOuts = new Set(r.features.filter((f) => f.type === 'hole' || f.type === 'slot').flatMap((f) => f.faces));
    expect(sheet.faces.some((f) => cutOuts.has(f))).toBe(false);
    // Cut and bent, not milled: neither the sheet nor its bend asks for a milling setup.
    const formed = r.features.filter((f) => f.type === 'sheet' || f.type === 'bend').map((f) => f.id);
    expect(r.setups.flatMap((s) => s.features).filter((id) => formed.includes(id))).toEqual([]);
    const bend = r.features.find((f) => f.type === 'bend')!;
    expect(bend.params.radius).toBeCloseTo(bracket.bendRadius, 3);
    expect(bend.params.thickness).toBeCloseTo(bracket.thickness, 3);
    expect(bend.params.angle).toBeCloseTo(90, 0);
    expect(r.features.find((f) => f.type === 'hole')!.params.diameter).toBeCloseTo(bracket.hole, 3);
    expect(countFeatures(r)).toEqual({ [HOLE]: 1, [SLOT]: 1, [SHEET]: 1 });
  });

  it('is not claimed by machined parts, thin walls or turned parts', async () => {
    for (const name of ['plate-holes.step', 'rounded.step', 'thin-wall.step', 'threaded.step', 'lug.step']) {
      expect((await run(name)).part.process, name).not.toBe('sheet_metal');
    }
  });
});

describe('bosses and tubes', () => {
  const { studs } = COUNT_FIXTURES;

  it.each(['studs.step', 'studs-rotated.step'])(
    '%s: a pin and an ear are bosses, each foot blend one fillet, a thin bored stud a pipe',
    async (name) => {
      const r = await run(name);
      const bosses = r.features.filter((f) => f.type === 'boss').sort((a, b) => Number(a.params.diameter) - Number(b.params.diameter));
      const [, , pinDiameter, pinHeight] = studs.pin;
      const [, , earThickness, earWidth] = studs.ear;
      expect(bosses.map((b) => [b.params.outline, b.params.diameter, b.params.height])).toEqual([
        ['round', expect.closeTo(pinDiameter, 3), expect.closeTo(pinHeight - studs.pinBlend, 3)],
        ['round-ended', expect.closeTo(earWidth, 3), expect.closeTo(earThickness, 3)],
      ]);
      const [, , outside, inside, height] = studs.tube;
      const pipe = r.features.find((f) => f.type === 'pipe')!;
      expect([pipe.params.outer_diameter, pipe.params.inner_diameter, pipe.params.length]).toEqual(
        [outside, inside, height].map((x) => expect.closeTo(x, 3)),
      );
      // The ear's hole stays a hole; the tube's bore is inside the pipe, and ids stay indices.
      expect(r.features.filter((f) => f.type === 'hole').map((f) => f.params.diameter)).toEqual([expect.closeTo(studs.earHole, 3)]);
      expect(r.features.map((f) => f.id)).toEqual(r.features.map((_, i) => i));
      // Each boss's foot blend is one fillet: the ear's four blend faces (sharp where its foot turns a corner) too.
      const feet = r.features.filter((f) => f.type === 'fillet').sort((a, b) => a.faces.length - b.faces.length);
      expect(feet.map((f) => [f.faces.length, f.params.radius, f.params.convex])).toEqual([
        [1, expect.closeTo(studs.pinBlend, 3), false],
        [4, expect.closeTo(studs.earBlend, 3), false],
      ]);
      expect(countFeatures(r)).toEqual({ [BOSS]: 2, [PIPE]: 1, [FILLET]: 2, [HOLE]: 1 });
    },
  );

  it('finds no boss on parts without one', async () => {
    for (const name of ['plate-holes.step', 'prismatic.step', 'rounded.step', 'lug.step', 'lobed.step', 'threaded.step', 'tapped-hole.step']) {
      expect(
        (await run(name)).features.filter((f) => f.type === 'boss' || f.type === 'pipe'),
        name,
      ).toEqual([]);
    }
  });
});

describe('gear teeth', () => {
  const { gear } = COUNT_FIXTURES;

  it.each(['gear.step', 'gear-rotated.step'])('%s: the toothing is one feature with its tooth count', async (name) => {
    const r = await run(name);
    expect(r.features.map((f) => f.type).sort()).toEqual(['gear', 'hole']);
    const teeth = r.features.find((f) => f.type === 'gear')!;
    expect(teeth.params).toEqual({ teeth: gear.teeth, tip_diameter: gear.tip, root_diameter: gear.root, face_width: gear.width, internal: false });
    // Each tooth's two flanks, its tip and the root beside it.
    expect(teeth.faces).toHaveLength(4 * gear.teeth);
    expect(countFeatures(r)).toEqual({ [GEAR]: 1, [HOLE]: 1 });
  });

  it.skipIf(!existsSync(PLATE))('sees no toothing in a part merely 6-fold symmetric (the pressure plate in ../shared)', async () => {
    const r = await analyze(new Uint8Array(readFileSync(PLATE)), { fileName: 'plate.step' });
    expect(r.features.filter((f) => f.type === 'gear')).toEqual([]);
  });

  it('sees no toothing in bolt circles, grooves, threads or lobes', async () => {
    for (const name of ['plate-holes.step', 'pulley.step', 'threaded.step', 'shaft.step', 'lobed.step', 'studs.step', 'round-slots.step']) {
      expect(
        (await run(name)).features.filter((f) => f.type === 'gear'),
        name,
      ).toEqual([]);
    }
  });
});

describe('edge breaks and threaded holes', () => {
  const { edgeBreaks, threadedThrough } = COUNT_FIXTURES;

  it.each(['edge-breaks.step', 'edge-breaks-rotated.step'])('%s: every bevel reported, only the one the shape shows counted', async (name) => {
    const r = await run(name);
    // The quote keeps all five bevels with their legs; an estimator lists the large one.
    const legs = r.features
      .filter((f) => f.type === 'chamfer')
      .map((f) => Number(f.params.distance))
      .sort((a, b) => a - b);
    expect(legs).toEqual([...Array(4).fill(edgeBreaks.edgeBreak), edgeBreaks.chamfer].map((x) => expect.closeTo(x, 3)));
    expect(countFeatures(r)).toEqual({ [CHAMFER]: 1 });
    // Without the part's faces and box nothing tells an edge break: every bevel counts.
    expect(countFeatures({ features: r.features })).toEqual({ [CHAMFER]: 5 });
  });

  it.each(['threaded-through.step', 'threaded-through-rotated.step'])(
    '%s: a thread and the coaxial pieces of its bore are one hole and one thread',
    async (name) => {
      const r = await run(name);
      const holes = r.features.filter((f) => f.type === 'hole');
      // The recogniser reports the bore in two coaxial pieces (crests at the minor, root strips at the major diameter).
      expect(holes.map((h) => Number(h.params.diameter)).sort((a, b) => a - b)).toEqual(
        [threadedThrough.minor, threadedThrough.major].map((x) => expect.closeTo(x, 3)),
      );
      const thread = r.features.find((f) => f.type === 'thread')!;
      expect([thread.params.diameter, thread.params.pitch]).toEqual([threadedThrough.major, threadedThrough.pitch].map((x) => expect.closeTo(x, 3)));
      expect(countFeatures(r)).toEqual({ [HOLE]: 1, [THREAD]: 1 });
    },
  );

  it('counts threads written in several pieces on one axis once, and apart on two axes', async () => {
    const r = await run('threaded-through.step');
    const thread = r.features.find((f) => f.type === 'thread')!;
    const hole = r.features.find((f) => f.type === 'hole')!;
    // The same thread reported twice (as exporters split flanks) is still one; a copy of the
    // whole tapped hole moved off the axis is a second one.
    const by = (p: Vec3): Vec3 => [p[0] + 30, p[1], p[2]];
    const moved = r.faces.map((f) => ({
      ...f,
      bbox: { min: by(f.bbox.min), max: by(f.bbox.max) },
      params: { ...f.params, center: f.params.center && by(f.params.center) },
    }));
    const shifted = (id: number) => id + r.faces.length;
    const faces = [...r.faces, ...moved];
    const twice = { features: [hole, thread, { ...thread }], faces: r.faces, part: r.part };
    expect(countFeatures(twice)).toEqual({ [HOLE]: 1, [THREAD]: 1 });
    const two = {
      features: [hole, thread, { ...hole, faces: hole.faces.map(shifted) }, { ...thread, faces: thread.faces.map(shifted) }],
      faces,
      part: r.part,
    };
    expect(countFeatures(two)).toEqual({ [HOLE]: 2, [THREAD]: 2 });
  });
});

describe('bores of turned parts', () => {
  const { bush, ring } = COUNT_FIXTURES;

  it.each(['bush.step', 'bush-rotated.step'])('%s: a stepped axial bore is one hole', async (name) => {
    const r = await run(name);
    expect(r.part.process).toBe('turned');
    // A drill and a counterbore make it (features/axial-bores.ts): one counterbored hole, no lathe diameters.
    expect(r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === true)).toEqual([]);
    const holes = r.features.filter((f) => f.type.endsWith('hole'));
    expect(holes.map((h) => [h.type, h.params.diameter, h.params.counterbore_diameter])).toEqual([['counterbore_hole', bush.bore, bush.counterbore]]);
    expect(countFeatures(r)).toEqual({ [HOLE]: 1 });
  });

  it('a bore wider than a drill is the stock (tube or ring), no hole', async () => {
    const r = await run('ring.step');
    expect(r.features.find((f) => f.type === 'turned_diameter' && f.params.internal === true)?.params.diameter).toBe(ring.bore);
    expect(countFeatures(r)).toEqual({});
  });
});

describe('gussets', () => {
  const GUSSET = COUNT_CLASSES[13];

  it.each(['gusset.step', 'gusset-rotated.step'])('%s: a web bracing the inside corner is one gusset, the cut read beside it none', async (name) => {
    const r = await run(name);
    // The recogniser reads the space beside the web as an open pocket walled by it.
    expect(r.features.map((f) => f.type)).toEqual(['pocket']);
    expect(countFeatures(r)).toEqual({ [GUSSET]: 1 });
  });

  it('finds no gusset in walls, ribs, steps, lugs or a bent sheet', async () => {
    for (const name of [
      'thin-wall.step',
      'prismatic.step',
      'studs.step',
      'lug.step',
      'sheet-bracket.step',
      'open-pocket.step',
      'chamfer-l-block.step',
    ]) {
      expect(countFeatures(await run(name))[GUSSET], name).toBeUndefined();
    }
  });
});

describe('counterbored slots', () => {
  const { counterboredSlot } = COUNT_FIXTURES;

  it.each(['counterbored-slot.step', 'counterbored-slot-rotated.step'])(
    '%s: a slot and the recess for its bolt head on one centre line are one slot',
    async (name) => {
      const r = await run(name);
      // The recogniser reports both round-ended slots with their sizes; an estimator counts one.
      const slots = r.features.filter((f) => f.type === 'slot').map((f) => [f.params.width, f.params.through]);
      expect(slots.sort()).toEqual(
        [
          [counterboredSlot.counterbore, false],
          [counterboredSlot.through, true],
        ]
          .map(([w, t]) => [expect.closeTo(Number(w), 3), t])
          .sort(),
      );
      expect(countFeatures(r)).toEqual({ [SLOT]: 1 });
    },
  );

  it('keeps slots apart that only cross or lie side by side', async () => {
    // obround-slots: a narrower, shorter round-ended slot beside a wider one, not on its centre line.
    for (const [name, slots] of [
      ['crossing-slots.step', 2],
      ['round-slots.step', 2],
      ['obround-slots.step', 3],
    ] as const) {
      expect(countFeatures(await run(name))[SLOT], name).toBe(slots);
    }
  });
});

describe('grooves', () => {
  const NECK = COUNT_CLASSES[8];

  it('a groove inside a bore is part of its hole; one turned in a shaft is a neck', async () => {
    const bore = await run('grooved-bore.step');
    expect(bore.features.map((f) => [f.type, f.params.internal ?? null])).toEqual([
      ['hole', null],
      ['groove', true],
    ]);
    expect(countFeatures(bore)).toEqual({ [HOLE]: 1 });
    const shaft = await run('shaft.step');
    expect(shaft.features.filter((f) => f.type === 'groove').map((f) => f.params.internal ?? false)).toEqual([false]);
    expect(countFeatures(shaft)).toEqual({ [NECK]: 1 });
  });
});
