/**
 * One analysis of a small generated part (./warmup-part-step.ts, from scripts/warmup-part.ts: a
 * block with a hole, blends and a B-spline boss, the kinds of faces real parts have) as soon as a
 * host starts. The first read in a fresh engine pays for lazy WASM
 * compilation and OCC's one-time initialisations (a cold first file takes 2-4x as long); a
 * warmed host hands none of that to the customer's first file.
 *
 * With a model, its onnxruntime (another large WASM module) and session start at the same time as
 * the engine, and the warm-up part runs through the 'infer' stage too: in the browser that first
 * model load takes seconds, which would otherwise land on the first file.
 */
import { analyze } from './analyze.ts';
import { isSession, type ModelOption } from './ml/infer.ts';
import { loadModel } from './ml/session.ts';
import { getEngine } from './occt/engine.ts';
import { WARMUP_PART_STEP } from './warmup-part-step.ts';

export async function warmUp(options: { model?: ModelOption } = {}): Promise<void> {
  const { model } = options;
  // Sessions are cached by source, so analyze() below (and the customer's file) reuse this one.
  if (model !== undefined && !isSession(model)) loadModel(model).catch(() => undefined);
  await getEngine();
  try {
    await analyze(new TextEncoder().encode(WARMUP_PART_STEP), { fileName: 'warmup.step', model });
  } catch {
    // A failed warm-up only means a colder first analysis.
  }
}
