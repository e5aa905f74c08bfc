/**
 * Calibrated confidence and the review decision end to end: analyze() with the shipped model
 * gives every feature a raw score and a calibrated probability and every result a review; the
 * notion of "right" that the calibration is fitted and scored with (src/cli/feature-truth.ts) is
 * checked on a generated labelled part, and on the same part with one feature's labels changed.
 */
import { describe, expect, it } from 'vitest';
import { analyze, getEngine } from '../src/analysis/index.ts';
import { defaultModelPath, useNodeHost } from '../src/analysis/hosts/node.ts';
import { calibratedConfidence } from '../src/analysis/confidence/calibrate.ts';
import { partOutcome } from '../src/cli/feature-truth.ts';
import { toMfcadpp, type LabelFile } from '../src/cli/eval-labels.ts';
import { mfcadppId } from '../src/analysis/features/classes.ts';
import { generatePart } from '../models/training/generate/part.ts';
import { fixture } from './fixtures.ts';

useNodeHost();
const MODEL = defaultModelPath();

describe('calibrated confidence in the pipeline', () => {
  it('gives each feature its raw score and the calibrated probability of that score, and each result a review', async () => {
    const r = await analyze(fixture('box-with-hole.step'), { model: MODEL });
    expect(r.features.length).toBeGreaterThan(0);
    for (const f of r.features) {
      expect(f.score).toBeGreaterThan(0);
      expect(f.confidence).toBe(calibratedConfidence(f));
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    expect(r.review).toEqual({ auto_quote: expect.any(Boolean), reasons: expect.any(Array) });
    expect(r.review!.auto_quote).toBe(r.review!.reasons.length === 0);
  });

  it('never auto-quotes without the machining model: a missed feature cannot be ruled out', async () => {
    const r = await analyze(fixture('box-with-hole.step'));
    expect(r.review!.auto_quote).toBe(false);
    expect(r.review!.reasons).toContain('no machining-feature model ran: a feature geometry missed cannot be ruled out');
  });
});

describe('what "right" means for a feature and a quote', () => {
  it('judges features by the labels of most of their faces, and the part by all of them', async () => {
    // A generated part (seed 3 is the calibration's fit seed; index 1 has holes or pockets).
    const part = await generatePart(await getEngine(), 3, 1);
    const labels = toMfcadpp(part.record as LabelFile)!;
    const r = await analyze(part.step, { model: MODEL });
    expect(r.faces).toHaveLength(labels.length);
    const outcome = partOutcome(r, labels);
    expect(outcome.features).toHaveLength(r.features.length);
    // A right feature's faces carry, for most of them, the pipeline's class.
    const feature = r.features.find((f, i) => outcome.features[i]!.right && f.faces.length > 0)!;
    expect(feature).toBeDefined();
    // Relabel its faces as something the pipeline did not say: the feature and the quote turn wrong.
    const other = r.faces[feature.faces[0]!]!.mfcadClass === mfcadppId('chamfer') ? mfcadppId('round') : mfcadppId('chamfer');
    const changed = labels.map((l, face) => (feature.faces.includes(face) ? other : l));
    const wrong = partOutcome(r, changed);
    expect(wrong.features.find((f) => f.id === feature.id)!.right).toBe(false);
    expect(wrong.right).toBe(false);
    // A labelled feature face that no feature holds is a missed feature: the quote is wrong.
    const held = new Set(r.features.flatMap((f) => f.faces));
    const free = r.faces.find((f) => !held.has(f.id));
    if (free) {
      const missed = partOutcome(
        r,
        labels.map((l, face) => (face === free.id ? mfcadppId('rectangular_pocket') : l)),
      );
      expect(missed.missedFaces).toBeGreaterThan(outcome.missedFaces);
      expect(missed.right).toBe(false);
    }
  });
});
