/**
 * Isotonic calibration curves: a score (the model's softmax, geometry's agreement with the
 * model) becomes the share of features that were right among development features of that score.
 *
 * Isotonic regression (pool adjacent violators) assumes only that a higher score is never worse,
 * which is all we know of softmax means and agreement shares; a parametric fit (Platt) would also
 * assume a shape. Blocks below `minBlock` features are pooled with a neighbour, and every block's
 * rate is pulled towards a prior rate (the group's own, or its method's for a type) by
 * `priorWeight` pseudo-features, so that 20 right out of 20 reads as "very likely", not as certainty: a quote threshold at 0.99 must not
 * be cleared by a small lucky block.
 */

/** Knots of a monotone curve: x strictly increasing, y non-decreasing, n features per knot. */
export interface Curve {
  x: number[];
  y: number[];
  n: number[];
}

export interface Observation {
  score: number;
  right: boolean;
}

export interface IsotonicOptions {
  /** Fewest features a knot may stand for. */
  minBlock: number;
  /** Pseudo-features at the prior rate added to every block. */
  priorWeight: number;
  /** The rate blocks are pulled towards: the group's own overall rate unless given (a parent group's). */
  prior?: number;
}

interface Block {
  /** Sum of scores, sum of rights (or smoothed rights), weight. */
  sx: number;
  sy: number;
  w: number;
}

const mean = (b: Block) => b.sy / b.w;
const merge = (a: Block, b: Block): Block => ({ sx: a.sx + b.sx, sy: a.sy + b.sy, w: a.w + b.w });

/** Pools adjacent blocks until their means never decrease (the classic PAV pass). */
function pool(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    let cur = b;
    while (out.length > 0 && mean(out[out.length - 1]!) >= mean(cur)) cur = merge(out.pop()!, cur);
    out.push(cur);
  }
  return out;
}

/** Merges blocks lighter than `min` into the neighbour whose rate is nearer (then pools again). */
function poolSmall(blocks: Block[], min: number): Block[] {
  let list = blocks;
  for (;;) {
    const i = list.findIndex((b) => b.w < min);
    if (i < 0 || list.length === 1) return list;
    const left = list[i - 1];
    const right = list[i + 1];
    const useLeft = right === undefined || (left !== undefined && Math.abs(mean(left) - mean(list[i]!)) <= Math.abs(mean(right) - mean(list[i]!)));
    const j = useLeft ? i - 1 : i + 1;
    const [a, b] = j < i ? [j, i] : [i, j];
    list = pool([...list.slice(0, a), merge(list[a]!, list[b]!), ...list.slice(b + 1)]);
  }
}

/** Fits a monotone curve to (score, right) observations. An empty list has no curve. */
export function fitIsotonic(observations: readonly Observation[], options: IsotonicOptions): Curve | undefined {
  if (observations.length === 0) return undefined;
  const sorted = [...observations].sort((a, b) => a.score - b.score);
  // Equal scores are one block: the curve cannot tell them apart, so neither may the fit.
  const blocks: Block[] = [];
  for (const o of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.sx / last.w === o.score) {
      last.sx += o.score;
      last.sy += o.right ? 1 : 0;
      last.w += 1;
    } else blocks.push({ sx: o.score, sy: o.right ? 1 : 0, w: 1 });
  }
  const pooled = poolSmall(pool(blocks), options.minBlock);
  const overall = options.prior ?? observations.filter((o) => o.right).length / observations.length;
  // Each block's rate pulled towards the overall rate; smoothing can reorder blocks of different
  // weights, so they are pooled once more (weighted by their real feature counts).
  const smoothed = pool(pooled.map((b) => ({ sx: b.sx, sy: ((b.sy + options.priorWeight * overall) / (b.w + options.priorWeight)) * b.w, w: b.w })));
  return {
    x: smoothed.map((b) => round6(b.sx / b.w)),
    y: smoothed.map((b) => round6(mean(b))),
    n: smoothed.map((b) => b.w),
  };
}

/** The curve at `score`: linear between knots, flat beyond the first and last. */
export function applyCurve(curve: Curve, score: number): number {
  const { x, y } = curve;
  if (x.length === 0) return score;
  if (score <= x[0]!) return y[0]!;
  const last = x.length - 1;
  if (score >= x[last]!) return y[last]!;
  let i = 1;
  while (x[i]! < score) i++;
  const t = (score - x[i - 1]!) / (x[i]! - x[i - 1]!);
  return y[i - 1]! + t * (y[i]! - y[i - 1]!);
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
