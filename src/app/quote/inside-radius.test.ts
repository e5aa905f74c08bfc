/**
 * The machining summary's smallest inside radius reads the pipeline's `inside_radius` (issue 13):
 * on fixtures through the real pipeline, a through obround slot's round ends (half its width, a
 * figure no `corner_radius` carried) and a box-cut pocket's sharp corners, shown as such.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/index.ts';
import { COUNT_FIXTURES } from '../../../test/count-fixtures.ts';
import { fixture } from '../../../test/fixtures.ts';
import { groupFeatures } from './group.ts';
import { machiningSummary } from './machining.ts';
import { summaryLines } from './summary-lines.ts';

async function summaryOf(name: string) {
  const result = await analyze(fixture(name), { fileName: name });
  const summary = machiningSummary(result, groupFeatures(result));
  return { summary, line: summaryLines(summary, result).find((l) => l.label === 'Smallest inside r')! };
}

describe('smallest inside radius from inside_radius', () => {
  it('a through obround slot: its round ends, half its width', async () => {
    const { summary, line } = await summaryOf('counterbored-slot.step');
    const width = COUNT_FIXTURES.counterboredSlot.through;
    expect(summary.minInsideRadius?.radius).toBeCloseTo(width / 2, 4);
    expect(line.value).toContain(`Ø${width}`);
  });

  it('a box-cut pocket: a sharp corner, which no end mill cuts', async () => {
    const { summary, line } = await summaryOf('crossed-pocket.step');
    expect(summary.minInsideRadius?.radius).toBe(0);
    expect(line.value).toMatch(/sharp corner/);
  });
});
