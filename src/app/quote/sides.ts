/**
 * Setup directions as an estimator names them. A setup's `direction` is the tool's (from the
 * spindle into the part), so the side the part is machined from is the opposite one: a tool
 * moving along −Z works "from top". Part +Z is up and the front view looks along +Y, so the front
 * is the −Y side.
 */
import type { AnalysisResult } from '../types.ts';

type Vec3 = readonly [number, number, number];

const SIDES: Array<[string, Vec3]> = [
  ['top', [0, 0, 1]],
  ['bottom', [0, 0, -1]],
  ['front', [0, -1, 0]],
  ['back', [0, 1, 0]],
  ['right', [1, 0, 0]],
  ['left', [-1, 0, 0]],
];

/** Within 0.5° of a part axis still reads as that side (a setup's direction is a unit vector). */
const SIDE_COS = Math.cos((0.5 * Math.PI) / 180);

/** "top", "left", or for a tilted setup the side's direction: "(0.71, 0, 0.71)". */
export function sideOfTool(direction: Vec3): string {
  const side: Vec3 = [-direction[0], -direction[1], -direction[2]];
  const named = SIDES.find(([, a]) => a[0] * side[0] + a[1] * side[1] + a[2] * side[2] > SIDE_COS);
  if (named) return named[0];
  const r = (v: number) => String(Math.round(v * 100) / 100 + 0);
  return `(${side.map(r).join(', ')})`;
}

/**
 * Sides each feature is machined from, by feature id ("top", or "top + bottom" for a bore
 * counterbored from both faces). Features in no setup (turned features, whole-part features) are
 * absent.
 */
export function sidesOfFeatures(result: Pick<AnalysisResult, 'setups'>): Map<number, string> {
  const sides = new Map<number, string[]>();
  for (const setup of result.setups) {
    const side = sideOfTool(setup.direction);
    for (const id of setup.features) {
      const list = sides.get(id) ?? [];
      if (!list.includes(side)) list.push(side);
      sides.set(id, list);
    }
  }
  return new Map([...sides].map(([id, list]) => [id, list.join(' + ')]));
}
