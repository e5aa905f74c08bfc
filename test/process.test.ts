/**
 * Turned, milled or mill-turn against the process plans shipped with the FabriCAD parts
 * (drehen = turning, fräsen = milling, bohren = drilling).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analysis/index.ts';
import { HAS_SHARED, SHARED_DATA, shared, sharedFiles } from './fixtures.ts';

function plannedProcess(step: string): 'turned' | 'milled' | 'mill-turn' {
  const id = /geometry_(\d+)\.STEP$/.exec(step)![1]!;
  const plan = readFileSync(join(SHARED_DATA, 'real/fabricad', `${id}_plan.csv`), 'utf8');
  const steps = new Set(
    plan
      .split('\n')
      .slice(1)
      .map((line) => line.split(';')[1]),
  );
  const turning = steps.has('drehen');
  const milling = steps.has('fräsen') || steps.has('bohren');
  return turning && milling ? 'mill-turn' : turning ? 'turned' : 'milled';
}

describe.skipIf(!HAS_SHARED)('process classification on FabriCAD parts', () => {
  it.each(sharedFiles('real/fabricad', /\.STEP$/))('%s matches its process plan', async (file) => {
    const r = await analyze(shared(file));
    expect(r.part.process).toBe(plannedProcess(file));
  });
});
