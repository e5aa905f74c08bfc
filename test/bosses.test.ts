/**
 * A hub drawn tangent to its plate (scripts/boss-fixtures.ts, dimensions in
 * test/boss-fixtures.ts): the hub's wall runs on below the plate's top as the plate's outline, so
 * the wall has tangent neighbours; it is still a boss standing hubHeight − thickness on the plate,
 * whether the exporter wrote the wall and the outline under it as one cylinder face or two.
 * Studs whose tops are cut (a hole off the axis, a slot in from the side) are still studs.
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { BOSS_FIXTURES } from './boss-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [HOLE, , , , , , , , , , BOSS] = COUNT_CLASSES;
const [, SLOT] = COUNT_CLASSES;
const { hubPlate: hp, cutStuds: cs } = BOSS_FIXTURES;

describe('a hub the plate outline runs into', () => {
  it.each(['hub-plate.step', 'hub-plate-rotated.step', 'hub-plate-split.step'])('%s: one boss, its bore and the tail hole holes', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    const bosses = r.features.filter((f) => f.type === 'boss');
    expect(bosses).toHaveLength(1);
    expect(bosses[0]!.params.diameter).toBeCloseTo(2 * hp.hubRadius, 3);
    expect(bosses[0]!.params.height).toBeCloseTo(hp.hubHeight - hp.thickness, 3);
    // Every face of the hub's cylinder is the boss's, the part under the plate's top included.
    const hubWalls = r.faces.filter(
      (f) => f.surface === 'cylinder' && f.params.internal === false && Math.abs(f.params.radius! - hp.hubRadius) < 1e-6,
    );
    expect(hubWalls.length).toBeGreaterThan(0);
    expect(hubWalls.every((w) => bosses[0]!.faces.includes(w.id))).toBe(true);
    const holes = r.features
      .filter((f) => f.type === 'hole')
      .map((f) => Number(f.params.diameter))
      .sort((a, b) => a - b);
    expect(holes).toEqual([hp.bore, hp.tailHole].map((d) => expect.closeTo(d, 3)));
    expect(countFeatures(r)).toEqual({ [BOSS]: 1, [HOLE]: 2 });
  });
});

describe('studs whose tops are cut', () => {
  it.each(['cut-studs.step', 'cut-studs-rotated.step'])('%s: a hole off the axis or a slot across the head leaves a boss', async (name) => {
    const r = await analyze(fixture(name), { fileName: name });
    const bosses = r.features.filter((f) => f.type === 'boss');
    expect(bosses.map((b) => [b.params.diameter, b.params.height])).toEqual(
      cs.studs.map(() => [expect.closeTo(cs.stud, 3), expect.closeTo(cs.studHeight, 3)]),
    );
    // Each boss is its wall and its top, the top holding the cut's opening.
    expect(bosses.map((b) => b.faces.map((id) => r.faces[id]!.surface).sort())).toEqual([
      ['cylinder', 'plane'],
      ['cylinder', 'plane'],
    ]);
    expect(r.features.find((f) => f.type === 'hole')?.params.diameter).toBeCloseTo(cs.hole, 3);
    expect(countFeatures(r)).toEqual({ [BOSS]: 2, [HOLE]: 1, [SLOT]: 1 });
  });
});
