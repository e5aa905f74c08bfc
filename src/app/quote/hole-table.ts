/**
 * The hole table, as on a drawing: one row per hole group (same type, size and side), the columns
 * a shop prices a hole by: type, Ø, depth or through, counterbore or countersink, thread and tap
 * drill, how many, and the side it is drilled from. Only measured (geometric) holes: a hole the
 * model suggests without a size is in "needs review", not here.
 */
import { num } from '../format.ts';
import type { Feature } from '../types.ts';
import type { QuoteGroup } from './group.ts';

export interface HoleRow {
  /** The group's tree item id: the row selects all its holes' faces. */
  id: string;
  type: string;
  /** mm. */
  diameter: number;
  /** "through", "12 deep, flat bottom". */
  depth: string;
  /** "cbore Ø11 × 6.4", "csink Ø11 × 90°", '' for a plain hole. */
  head: string;
  /** "M10 (tap drill Ø8.5)", "M5 tap drill size, no thread drawn", ''. */
  thread: string;
  count: number;
  side: string;
  featureIds: number[];
  faces: number[];
}

const n = (f: Feature, key: string): number | undefined => (typeof f.params[key] === 'number' ? (f.params[key] as number) : undefined);
const s = (f: Feature, key: string): string | undefined => (typeof f.params[key] === 'string' ? (f.params[key] as string) : undefined);

const TYPE_NAMES: Record<string, string> = { hole: 'Drilled', counterbore_hole: 'Counterbore', countersink_hole: 'Countersink' };

function depthText(f: Feature): string {
  if (f.params.through === true) return 'through';
  const depth = n(f, 'depth');
  const bottom = s(f, 'bottom');
  const angle = n(f, 'bottom_angle');
  const bottomText =
    bottom === undefined ? '' : `, ${bottom === 'cone' ? `drill point${angle !== undefined ? ` ${num(angle, 0)}°` : ''}` : `${bottom} bottom`}`;
  return depth !== undefined ? `${num(depth)} deep${bottomText}` : `blind${bottomText}`;
}

function headText(f: Feature): string {
  const parts: string[] = [];
  const cb = n(f, 'counterbore_diameter');
  if (cb !== undefined) {
    const depth = n(f, 'counterbore_depth');
    parts.push(`${f.params.counterdrill === true ? 'cdrill' : 'cbore'} Ø${num(cb)}${depth !== undefined ? ` × ${num(depth)}` : ''}`);
  }
  const back = n(f, 'back_counterbore_diameter');
  if (back !== undefined) {
    const depth = n(f, 'back_counterbore_depth');
    parts.push(`back cbore Ø${num(back)}${depth !== undefined ? ` × ${num(depth)}` : ''}`);
  }
  const cs = n(f, 'countersink_diameter');
  if (cs !== undefined) {
    const angle = n(f, 'countersink_angle');
    parts.push(`csink Ø${num(cs)}${angle !== undefined ? ` × ${num(angle, 0)}°` : ''}`);
  }
  return parts.join(', ');
}

/** A modelled thread with its tap drill; a tap-drill-sized bore without thread only as a hint. */
function threadText(f: Feature): string {
  const thread = s(f, 'thread');
  const d = n(f, 'diameter');
  if (thread !== undefined) return `${thread} (tap drill Ø${num(d ?? 0)})`;
  const hint = s(f, 'tap_drill_for');
  return hint !== undefined ? `${hint} tap drill size, no thread drawn` : '';
}

export function holeRows(groups: readonly QuoteGroup[]): HoleRow[] {
  return groups
    .filter((g) => g.section === 'holes')
    .map((g) => ({
      id: g.id,
      type: TYPE_NAMES[g.type] ?? g.type,
      diameter: n(g.sample, 'diameter') ?? 0,
      depth: depthText(g.sample),
      head: headText(g.sample),
      thread: threadText(g.sample),
      count: g.count,
      side: g.side,
      featureIds: [...g.featureIds],
      faces: [...g.faces],
    }));
}

/** The columns, in order, for the table on screen, the printed sheet and the CSV. */
export const HOLE_COLUMNS = ['Qty', 'Type', 'Ø mm', 'Depth', 'Cbore / csink', 'Thread', 'From'] as const;

export function holeCells(row: HoleRow): string[] {
  return [String(row.count), row.type, num(row.diameter), row.depth, row.head, row.thread, row.side];
}
