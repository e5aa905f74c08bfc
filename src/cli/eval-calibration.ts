/**
 * The calibration part of `vectis eval` on labelled folders: features' calibrated confidence
 * against whether they were right (reliability table, ECE), and parts auto-quoted against
 * whether their quote was right (automation rate, precision). Also re-scores stored outcomes
 * under another table, so scripts/fit-calibration.ts can judge a fresh fit without re-analysing.
 */
import { calibratedConfidence, type CalibrationTable } from '../analysis/confidence/calibrate.ts';
import { CALIBRATION } from '../analysis/confidence/fitted.ts';
import { asFeature, clears } from '../analysis/confidence/fit.ts';
import type { PartOutcome } from './feature-truth.ts';
import { automation, formatReliability, reliability, type Automation, type Reliability } from './reliability.ts';

export interface CalibrationReport {
  threshold: number;
  reliability: Reliability;
  automation: Automation;
  parts: PartOutcome[];
}

export function calibrationReport(parts: PartOutcome[], threshold = CALIBRATION.autoQuoteThreshold): CalibrationReport {
  return {
    threshold,
    reliability: reliability(parts.flatMap((p) => p.features)),
    automation: automation(parts),
    parts,
  };
}

/** The same parts as a pipeline with `table` would have scored them. */
export function recalibrated(parts: readonly PartOutcome[], table: CalibrationTable): PartOutcome[] {
  return parts.map((p) => {
    const features = p.features.map((f) => ({ ...f, confidence: calibratedConfidence(asFeature(f), table) }));
    return { ...p, features, autoQuote: clears(p, table) };
  });
}

export function formatCalibration(r: CalibrationReport): string {
  return formatReliability(r.reliability, r.automation, r.threshold);
}
