/**
 * A turned part's spigot as an estimator counts it (features/count-turned.ts), on the spigot and
 * necked-flange fixtures (scripts/count-fixtures.ts, dimensions in test/count-fixtures.ts): the
 * lathe rules describe the outside as diameters and faces, the body standing out of a flange is a
 * boss, or a pipe when bored as a tube; a shaft turned down in steps of like lengths has none.
 */
import { describe, expect, it } from 'vitest';
import { analyze, COUNT_CLASSES, countFeatures } from '../src/analysis/index.ts';
import { useNodeHost } from '../src/analysis/hosts/node.ts';
import { SPIGOT_SHARE, turnedSpigots } from '../src/analysis/features/count-turned.ts';
import { COUNT_FIXTURES } from './count-fixtures.ts';
import { fixture } from './fixtures.ts';

useNodeHost();

const [HOLE, , , , , , , , NECK, PIPE, BOSS] = COUNT_CLASSES;
const run = (name: string) => analyze(fixture(name), { fileName: name });

describe('spigots of turned parts', () => {
  const { spigot, neckedFlange } = COUNT_FIXTURES;

  it.each(['spigot.step', 'spigot-rotated.step'])('%s: the body standing out of the flange is a boss, its drilled bore a hole', async (name) => {
    const r = await run(name);
    // The recogniser describes the bar (no boss feature); the count reads the spigot off it.
    expect(r.features.some((f) => f.type === 'boss')).toBe(false);
    const outside = r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === false).map((f) => f.params.diameter);
    expect(outside.sort((a, b) => Number(a) - Number(b))).toEqual([spigot.spigot, spigot.flange].map((x) => expect.closeTo(x, 3)));
    expect(spigot.spigotLength).toBeGreaterThanOrEqual(SPIGOT_SHARE * spigot.flangeLength);
    expect(countFeatures(r)).toEqual({ [BOSS]: 1, [HOLE]: 1 });
  });

  it.each(['necked-flange.step', 'necked-flange-rotated.step'])('%s: a neck bored wider than a drill is a pipe, its bore no hole', async (name) => {
    const r = await run(name);
    expect(r.features.filter((f) => f.type === 'turned_diameter' && f.params.internal === true).map((f) => f.params.diameter)).toEqual([
      expect.closeTo(neckedFlange.bore, 3),
    ]);
    expect(turnedSpigots(r)).toEqual({ bosses: 0, pipes: 1 });
    expect(countFeatures(r)).toEqual({ [PIPE]: 1 });
  });

  it('a shaft turned down in steps of like lengths, or a plain bush, has no spigot', async () => {
    // shaft: Ø20 × 30 below a Ø30 section about 30 long with a groove; bush: one outside diameter.
    for (const name of ['shaft.step', 'shaft-rotated.step', 'bush.step']) {
      expect(turnedSpigots(await run(name)), name).toEqual({ bosses: 0, pipes: 0 });
    }
    expect(countFeatures(await run('shaft.step'))).toEqual({ [NECK]: 1 });
  });
});
