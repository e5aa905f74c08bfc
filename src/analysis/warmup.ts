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
import { isSession, type ModelOption } from './ml/runtime/infer.ts';
import { loadModel } from './ml/runtime/session.ts';
import { getEngine } from './occt/engine.ts';
import { WARMUP_PART_STEP } from './warmup-part-step.ts';

let rounds = new AbortController();

/**
 * A customer's file has arrived: the warm-up stops at the next stage of the analysis in flight,
 * the first one included, so the file never shares the thread with the rest of a warm-up (on a
 * slow or busy machine the first one is not done after seconds of idle page: traced, its stages
 * then interleaved with the file's, which waited for each).
 */
export function yieldWarmUp(): void {
  rounds.abort();
}

export interface WarmUpOptions {
  model?: ModelOption;
  /**
   * Extra analyses of the part (no model) after the first, so that V8 optimises the reader's and
   * mesher's hot wasm before the customer's file (the browser worker: 8). Hosts that wait for the
   * warm-up before taking work (the server's pool) keep 0.
   */
  tierUpRounds?: number;
}

/**
 * How a warm-up ended (all of it run, stopped by a customer's file, or failed: a colder first
 * file either way) and how many analyses of the part it finished.
 */
export interface WarmUpOutcome {
  outcome: 'done' | 'yielded' | 'failed';
  analyses: number;
}

export async function warmUp(options: WarmUpOptions = {}): Promise<WarmUpOutcome> {
  const { model, tierUpRounds = 0 } = options;
  rounds = new AbortController();
  const { signal } = rounds;
  // Sessions are cached by source, so analyze() below (and the customer's file) reuse this one.
  if (model !== undefined && !isSession(model)) loadModel(model).catch(() => undefined);
  await getEngine();
  let analyses = 0;
  const ended = (outcome: WarmUpOutcome['outcome']): WarmUpOutcome => ({ outcome: signal.aborted ? 'yielded' : outcome, analyses });
  try {
    await analyze(new TextEncoder().encode(WARMUP_PART_STEP), { fileName: 'warmup.step', model, signal });
    analyses++;
    // One pass compiles the code in V8's baseline tier (Liftoff); a few more make the hot functions
    // optimised. Without them the customer's first file ran in baseline code: in Chromium its read
    // took 1.9 s against 0.23 s steady, and 0.48 s with Liftoff off (--no-liftoff, a diagnostic).
    for (let i = 0; i < tierUpRounds && !signal.aborted; i++) {
      await analyze(new TextEncoder().encode(WARMUP_PART_STEP), { fileName: 'warmup.step', signal });
      analyses++;
    }
  } catch {
    // A failed (or yielded) warm-up only means a colder first analysis.
    return ended('failed');
  }
  return ended('done');
}
