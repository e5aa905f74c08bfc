/**
 * One analysis worker thread: starts the OCC engine at once, then runs `analyze()` from
 * src/analysis unchanged, one job at a time, and answers with the result's JSON text (built here,
 * off the main thread: the main thread only forwards, caches and stores text).
 *
 * How TypeScript runs here: `npm run build:server` bundles this file with esbuild into
 * dist-server/worker.mjs (packages stay external: replicad-opencascadejs finds its .wasm beside
 * itself). We bundle rather than register tsx inside every worker because (1) the production image
 * then runs without devDependencies (tsx is one), (2) a worker starts without an on-the-fly
 * compile or a module-hooks thread of its own, so a replacement worker is ready sooner after a
 * crash or a timeout, and (3) the tests spawn the very file the image runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { analyze, engineHeapBytes, getEngine, serializeError, stringifyResult, AnalysisError } from '../src/analysis/index.ts';
import type { OC } from '../src/analysis/occt/engine.ts';
// The Node host's onnxruntime adapter (onnxruntime-node, models read from disk), as the CLI uses.
import '../src/analysis/ml/node.ts';
import type { JobMessage, WorkerInit, WorkerMessage, WorkerStats } from './worker-protocol.ts';

if (!parentPort) throw new Error('server/worker.ts must run in a worker thread');
const port = parentPort;
const init = (workerData ?? { testHooks: false, warmup: true }) as WorkerInit;

let engine: OC | undefined;

function stats(): WorkerStats {
  return { wasmHeap: engine ? engineHeapBytes(engine) : 0, jsHeap: getHeapStatistics().used_heap_size };
}

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

const began = performance.now();
getEngine()
  .then(async (oc) => {
    engine = oc;
    const engineMs = performance.now() - began;
    if (init.warmup) await warmUp(oc);
    post({ type: 'ready', engineMs, warmupMs: performance.now() - began - engineMs, stats: stats() });
  })
  .catch((e: unknown) => post({ type: 'start-failed', error: serializeError(e) }));

/**
 * One analysis of a small generated part (a block with a hole, written to STEP by the engine
 * itself) before the worker reports ready. The first read in a fresh engine pays for lazy WASM
 * compilation and OCC's one-time initialisations (a cold first file takes 2-4x as long), and a
 * replacement worker would otherwise hand that to the next customer's request.
 */
async function warmUp(oc: OC): Promise<void> {
  const box = new oc.BRepPrimAPI_MakeBox(new oc.gp_Pnt(0, 0, 0), 40, 30, 20);
  const axes = new oc.gp_Ax2(new oc.gp_Pnt(20, 15, -1), new oc.gp_Dir(0, 0, 1));
  const hole = new oc.BRepPrimAPI_MakeCylinder(axes, 5, 22);
  const cut = new oc.BRepAlgoAPI_Cut(box.Solid(), hole.Shape(), new oc.Message_ProgressRange());
  const writer = new oc.STEPControl_Writer();
  const path = '/warmup.step';
  try {
    writer.Transfer(cut.Shape(), oc.STEPControl_StepModelType.STEPControl_AsIs, true, new oc.Message_ProgressRange());
    writer.Write(path);
    const bytes = oc.FS.readFile(path);
    oc.FS.unlink(path);
    await analyze(bytes, { fileName: 'warmup.step' });
  } catch {
    // A failed warm-up only means a colder first job.
  } finally {
    for (const o of [writer, cut, hole, axes, box]) o.delete();
  }
}

port.on('message', (message: JobMessage) => {
  if (message.type === 'job') void run(message);
});

async function run(job: JobMessage): Promise<void> {
  try {
    if (job.hook && init.testHooks) runHook(job.hook);
    const result = await analyze(job.bytes, { fileName: job.fileName, maxBytes: job.maxBytes, model: init.modelPath });
    engine = await getEngine();
    post({
      type: 'result',
      id: job.id,
      json: stringifyResult(result),
      summary: { sha256: result.file.sha256, faces: result.part.faces, features: result.features.length, timings: result.timings },
      stats: stats(),
    });
  } catch (e) {
    const engineBroken = e instanceof AnalysisError && e.engineBroken;
    if (engineBroken) engine = undefined;
    post({ type: 'error', id: job.id, error: serializeError(e), engineBroken, stats: stats() });
  }
}

/**
 * Test hooks stand in for what real files do to a worker: `hang` blocks the thread the way a
 * long WASM call does (no event loop, nothing can interrupt it but terminate()), `slow` is a long
 * job that then succeeds, `crash` kills the
 * thread the way a fatal error in native code or an uncaught exception does.
 */
function runHook(hook: string): void {
  if (hook === 'hang') {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  } else if (hook === 'slow') {
    // A long but healthy job: 2 s of blocked thread, then the real analysis.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  } else if (hook === 'crash') {
    // Thrown from the event loop while analyze() is between stages: nothing catches it.
    setImmediate(() => {
      throw new Error('test hook: worker crash');
    });
  }
}
