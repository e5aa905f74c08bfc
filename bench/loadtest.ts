/**
 * `npm run loadtest`: autocannon against a running server (loopback only): 10 concurrent clients
 * for 60 s posting a mix of real parts. Prints p50/p95/p99 latency, throughput (requests/s and
 * files/hour) and errors.
 *
 *   npm start                       # in another shell (RATE_LIMIT_MAX high enough for the run)
 *   npm run loadtest -- [--url http://127.0.0.1:8080] [--connections 10] [--duration 60]
 *                       [--mode unique|repeat] [--api-key KEY]
 *
 * --mode unique (default): every request's bytes differ (a STEP comment with a counter after the
 * magic line), so every request is a cache miss and a real analysis: the worst case.
 * --mode repeat: the same few files again and again: what the caches make of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared', 'data');

/** Medium real parts (60 KB - 1.2 MB, 20-200 faces) and, without the shared data, our fixtures. */
const SHARED_MIX = [
  'brepnet/step_examples/42811_d1f01a68_2.stp',
  'real/nist/nist_ctc_01_asme1_ap203.stp',
  'real/nist/nist_ctc_03_asme1_rc.stp',
  'real/fabricad/geometry_00000002.STEP',
  'real/fabricad/geometry_00000022.STEP',
  'real/fabricad/geometry_00000010.STEP',
  'real/misc/occwl_example.stp',
  'mfcad/dev/1-1-3-9-10-23.step',
];
const FIXTURE_MIX = ['plate-holes.step', 'prismatic.step', 'shaft.step', 'box-with-hole.step', 'two-bodies.step'];

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 8080}` },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '60' },
    mode: { type: 'string', default: 'unique' },
    'api-key': { type: 'string', default: process.env.LOADTEST_API_KEY },
  },
});

const url = new URL(values.url!);
if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname)) {
  console.error(`refusing to load-test ${url.hostname}: loopback only (127.0.0.1, localhost, ::1)`);
  process.exit(2);
}
const mode = values.mode === 'repeat' ? 'repeat' : 'unique';

const files = (existsSync(SHARED) ? SHARED_MIX.map((p) => join(SHARED, p)) : FIXTURE_MIX.map((f) => join(ROOT, 'fixtures', f))).filter((f) =>
  existsSync(f),
);
if (files.length === 0) {
  console.error('no input files found');
  process.exit(2);
}
const parts = files.map((f) => ({ name: basename(f), text: readFileSync(f).toString('latin1') }));
const MAGIC = 'ISO-10303-21;';

const health = await fetch(new URL('/health', url)).catch(() => undefined);
if (!health || health.status !== 200) {
  console.error(`${url.origin}/health is not ready (${health?.status ?? 'no answer'}): start the server first (npm start)`);
  process.exit(2);
}
const healthBody = (await health.json()) as { workers?: { size: number }; pipelineVersion?: string };

let counter = 0;
const latencies: number[] = [];
const statuses = new Map<string, number>();
const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
if (values['api-key']) headers.authorization = `Bearer ${values['api-key']}`;

console.log(
  `load test: ${values.connections} clients, ${values.duration} s, mode ${mode}, ${parts.length} parts (${parts.map((p) => p.name).join(', ')}), ` +
    `server ${url.origin} (${healthBody.workers?.size ?? '?'} workers, pipeline ${healthBody.pipelineVersion ?? '?'})`,
);

const began = Date.now();
const instance = autocannon({
  url: url.origin,
  connections: Number(values.connections),
  duration: Number(values.duration),
  timeout: 120,
  requests: [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = counter++;
        const part = parts[n % parts.length]!;
        const text = mode === 'unique' ? part.text.replace(MAGIC, `${MAGIC}\n/* loadtest ${process.pid} ${n} */`) : part.text;
        return { ...request, path: `/analyze?file_name=${encodeURIComponent(part.name)}`, headers, body: Buffer.from(text, 'latin1') };
      },
    },
  ],
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses.set(String(statusCode), (statuses.get(String(statusCode)) ?? 0) + 1);
});
const result = await instance;
const seconds = (Date.now() - began) / 1000;

latencies.sort((a, b) => a - b);
const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]! : NaN);
const ok = statuses.get('200') ?? 0;
const failed = latencies.length - ok + result.errors + result.timeouts;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`
requests     ${latencies.length} answered in ${seconds.toFixed(0)} s (${ok} ok); statuses ${JSON.stringify(Object.fromEntries(statuses))}
latency      p50 ${fmt(pct(50))}   p95 ${fmt(pct(95))}   p99 ${fmt(pct(99))}   max ${fmt(latencies.at(-1) ?? NaN)}
throughput   ${(ok / seconds).toFixed(2)} files/s = ${Math.round((ok / seconds) * 3600)} files/hour
errors       ${failed} (non-200 ${latencies.length - ok}, connection errors ${result.errors}, timeouts ${result.timeouts})
`);
process.exitCode = failed > 0 ? 1 : 0;
