/**
 * Axial bores of turned parts (features/axial-bores.ts) on the fixtures of scripts/turned-fixtures.ts
 * (dimensions in test/turned-fixtures.ts), each also rotated: a bore a drill, counterbore or end
 * mill plunges from a faced end is a hole with its steps; an ID profile with an undercut only a
 * grooving tool reaches stays turned work.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { fixture } from './fixtures.ts';
import { TURNED_FIXTURES } from './turned-fixtures.ts';

useNodeHost();

const run = (name: string) => analyze(fixture(name), { fileName: name });
const holesOf = (r: Awaited<ReturnType<typeof run>>) => r.features.filter((f) => f.type.endsWith('hole'));
const internalDiameters = (r: Awaited<ReturnType<typeof run>>) =>
  r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === true);

describe('axial bores of turned parts', () => {
  const { boredShaft: bs, counterboredBush: cb, groovedBush: gb } = TURNED_FIXTURES;

  it.each(['bored-shaft.step', 'bored-shaft-rotated.step'])(
    '%s: a stepped drilled bore and an end-milled flat-bottomed bore are two holes with their steps',
    async (name) => {
      const r = await run(name);
      expect(r.part.process).toBe('turned');
      expect(internalDiameters(r)).toEqual([]);
      const holes = holesOf(r).sort((a, b) => Number(a.params.diameter) - Number(b.params.diameter));
      expect(holes.map((h) => h.type)).toEqual(['counterbore_hole', 'hole']);
      const [drilled, milled] = holes as [(typeof holes)[0], (typeof holes)[0]];
      expect(drilled.params).toMatchObject({
        diameter: expect.closeTo(bs.top.drill, 6),
        depth: expect.closeTo(bs.top.depth, 6),
        through: false,
        bottom: 'cone',
        bottom_angle: expect.closeTo(bs.top.tipAngle, 4),
        counterbore_diameter: expect.closeTo(bs.top.counterbore[0], 6),
        counterbore_depth: expect.closeTo(bs.top.counterbore[1], 6),
      });
      expect(milled.params).toMatchObject({
        diameter: expect.closeTo(bs.bottom[0], 6),
        depth: expect.closeTo(bs.bottom[1], 6),
        through: false,
        bottom: 'flat',
      });
      // Each opens on its own faced end: the tools came in from opposite ends.
      expect(drilled.axis![0] * milled.axis![0] + drilled.axis![1] * milled.axis![1] + drilled.axis![2] * milled.axis![2]).toBeCloseTo(-1, 6);
    },
  );

  it.each(['counterbored-bush.step', 'counterbored-bush-rotated.step'])(
    '%s: a through bore counterbored from both ends is one hole with every step',
    async (name) => {
      const r = await run(name);
      expect(internalDiameters(r)).toEqual([]);
      const holes = holesOf(r);
      expect(holes).toHaveLength(1);
      expect(holes[0]!.params).toMatchObject({
        diameter: expect.closeTo(cb.bore, 6),
        depth: expect.closeTo(cb.length, 6),
        through: true,
        steps: 3,
      });
      // Which end is the entry is the hole rules' choice (the wider counterbore); both steps are kept.
      const steps = [
        [holes[0]!.params.counterbore_diameter, holes[0]!.params.counterbore_depth],
        [holes[0]!.params.back_counterbore_diameter, holes[0]!.params.back_counterbore_depth],
      ].map(([d, depth]) => [Number(d), Number(depth)]);
      expect(steps.sort((a, b) => b[0]! - a[0]!)).toEqual([cb.top, cb.bottom].map(([d, depth]) => [expect.closeTo(d, 6), expect.closeTo(depth, 6)]));
    },
  );

  it.each(['grooved-bush.step', 'grooved-bush-rotated.step'])('%s: a bore with an internal groove stays turned ID work', async (name) => {
    const r = await run(name);
    expect(holesOf(r)).toEqual([]);
    const diameters = internalDiameters(r).map((f) => Number(f.params.diameter));
    expect(diameters.sort((a, b) => a - b)).toEqual([gb.bore, gb.bore, gb.groove[0]].map((d) => expect.closeTo(d, 6)));
  });
});
