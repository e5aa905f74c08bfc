/**
 * One /verify comparison in a thread of its own: parsing the client's JSON (up to MAX_RESULT_MB),
 * the schema check and the comparison with the server's result take seconds on large results, and
 * on the main thread they held up every other request, /health included. The thread is started
 * for one verification and ends with it (verify-runner.ts), so a hostile body costs only its own
 * thread. Bundled beside worker.mjs as verify-worker.mjs.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { nestsDeeperThan } from './json-depth.ts';
import { verifyResult } from './verify.ts';
import type { VerifyJob, VerifyReply } from './verify-runner.ts';

if (!parentPort) throw new Error('server/verify-worker.ts must run in a worker thread');
parentPort.postMessage(verify(workerData as VerifyJob));

function verify(job: VerifyJob): VerifyReply {
  const clientResultSha256 = createHash('sha256').update(job.result).digest('hex');
  if (nestsDeeperThan(job.result, job.maxDepth)) {
    return { ok: false, message: `The "result" JSON nests deeper than ${job.maxDepth} levels; a result nests about ten.` };
  }
  let client: unknown;
  try {
    client = JSON.parse(new TextDecoder().decode(job.result));
  } catch {
    return { ok: false, message: 'The "result" field is not valid JSON.' };
  }
  const server = JSON.parse(job.serverJson) as Record<string, unknown>;
  return { ok: true, outcome: verifyResult(server, client), clientResultSha256 };
}
