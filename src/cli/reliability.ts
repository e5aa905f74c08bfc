/**
 * How well `confidence` means what it says: the reliability table (features binned by confidence:
 * mean confidence against the share right), the expected calibration error (ECE: the bins' gaps
 * weighted by their share of features), and what auto-quoting does with whole parts.
 */

export interface ReliabilityBin {
  /** [lo, hi) of confidence; the last bin includes 1. */
  lo: number;
  hi: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface Reliability {
  count: number;
  bins: ReliabilityBin[];
  /** Σ_bins (count / total) · |accuracy − mean confidence|; 0 for no features. */
  ece: number;
}

export function reliability(points: readonly { confidence: number; right: boolean }[], binCount = 10): Reliability {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of points) {
    const b = sums[Math.min(binCount - 1, Math.max(0, Math.floor(p.confidence * binCount)))]!;
    b.n++;
    b.conf += p.confidence;
    b.right += p.right ? 1 : 0;
  }
  const bins = sums.flatMap((s, i) =>
    s.n === 0 ? [] : [{ lo: i / binCount, hi: (i + 1) / binCount, count: s.n, meanConfidence: s.conf / s.n, accuracy: s.right / s.n }],
  );
  const ece = points.length === 0 ? 0 : bins.reduce((e, b) => e + (b.count / points.length) * Math.abs(b.accuracy - b.meanConfidence), 0);
  return { count: points.length, bins, ece };
}

export interface Automation {
  parts: number;
  auto: number;
  /** Share of parts auto-quoted. */
  rate: number;
  /** Share of auto-quoted parts whose quote was right; null when none was auto-quoted. */
  precision: number | null;
}

export function automation(parts: readonly { autoQuote: boolean; right: boolean }[]): Automation {
  const auto = parts.filter((p) => p.autoQuote);
  return {
    parts: parts.length,
    auto: auto.length,
    rate: parts.length ? auto.length / parts.length : 0,
    precision: auto.length ? auto.filter((p) => p.right).length / auto.length : null,
  };
}

export function formatReliability(r: Reliability, a: Automation, threshold: number): string {
  const lines = [
    `calibration: ${r.count} features, ECE ${r.ece.toFixed(4)}; auto-quote (every feature ≥ ${threshold}, none to review): ${a.auto}/${a.parts} parts (${(a.rate * 100).toFixed(1)} %), precision ${a.precision === null ? '–' : a.precision.toFixed(3)}`,
    '',
    '| confidence | features | mean confidence | accuracy |',
    '|---|---:|---:|---:|',
    ...r.bins.map((b) => `| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.count} | ${b.meanConfidence.toFixed(3)} | ${b.accuracy.toFixed(3)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
