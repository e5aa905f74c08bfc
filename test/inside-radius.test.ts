/**
 * `params.inside_radius` of milled cuts (src/analysis/features/inside-corners.ts): the smallest
 * corner a cutter meets going round the cut's walls, read from the fixtures' own construction:
 * round ends of an obround slot are half its width, a pocket cut by a plain box has sharp (0)
 * corners, a pocket filleted along the tool keeps its fillet radius, a straight slot has none.
 * The rotated copies must agree: the rule reads geometry, not the part's frame.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/analysis/index.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { byType, run } from './feature-expect.ts';
import { FIXTURES } from './fixtures.ts';
import { INTERRUPTED_FIXTURES } from './interrupted-fixtures.ts';

const insideRadii = (r: AnalysisResult, type: string) => byType(r, type).map((f) => f.params.inside_radius);

describe('inside_radius', () => {
  it.each(['counterbored-slot.step', 'counterbored-slot-rotated.step'])("%s: each obround slot's round ends, half its width", async (name) => {
    const cs = COUNT_FIXTURES.counterboredSlot;
    const slots = byType(await run(name), 'slot');
    const byWidth = new Map(slots.map((s) => [s.params.width, s.params.inside_radius]));
    expect(byWidth.get(cs.through)).toBeCloseTo(cs.through / 2, 4);
    expect(byWidth.get(cs.counterbore)).toBeCloseTo(cs.counterbore / 2, 4);
  });

  it.each(['crossed-pocket.step', 'crossed-pocket-rotated.step'])(
    '%s: a box-cut pocket has sharp corners (0), the straight slot across it none',
    async (name) => {
      const r = await run(name);
      expect(insideRadii(r, 'pocket')).toEqual([0]);
      const [, slotWidth] = INTERRUPTED_FIXTURES.crossedPocket.slot;
      const straight = byType(r, 'slot').filter((s) => s.params.width === slotWidth);
      expect(straight).toHaveLength(1);
      expect(straight[0]!.params.inside_radius).toBeUndefined();
    },
  );

  it.each(['open-pocket.step', 'open-pocket-rotated.step'])("%s: the pocket's filleted corners", async (name) => {
    const r = await run(name);
    expect(insideRadii(r, 'pocket')).toEqual([FIXTURES.openPocket.cornerRadius]);
  });

  it('drilled holes carry none: a drill is not an end mill going round a wall', async () => {
    const r = await run('plate-holes.step');
    const holes = r.features.filter((f) => f.type.includes('hole'));
    expect(holes.length).toBeGreaterThan(0);
    expect(holes.map((h) => h.params.inside_radius)).toEqual(holes.map(() => undefined));
  });
});
