/**
 * `npm run bench:thumbnail [-- --runs N]`: the stored part thumbnail's cost (server/thumbnail/),
 * on the 726-face plate (bench/plate-fixture.ts) and BRepNet 42811 (skipped loudly when the shared
 * data is absent). Per part: the rasteriser alone and the whole picture (colours, raster, PNG) in
 * this thread, warm median of N; then through the server's thumbnail thread (ThumbnailRunner, the
 * tsx bootstrap here): the first picture (thread start and unoptimised code included) and the warm
 * median, which adds parsing the result's JSON in the thread and the transfers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, stringifyResult, type AnalysisResult } from '../src/analysis/index.ts';
import { faceColors } from '../server/thumbnail/face-colors.ts';
import { rasterize } from '../server/thumbnail/raster.ts';
import { renderThumbnail, THUMBNAIL_SIZE } from '../server/thumbnail/render.ts';
import { ThumbnailRunner } from '../server/thumbnail/thumbnail-runner.ts';
import { HEADLINE, SHARED_DATA } from './files.ts';
import { plateFixture } from './plate-fixture.ts';
import { kib, median, ms, table } from './stats.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } });
const RUNS = Math.max(1, Number.parseInt(values.runs ?? '10', 10) || 10);

function timed(fn: () => unknown): number {
  const began = performance.now();
  fn();
  return performance.now() - began;
}

async function parts(): Promise<{ label: string; path: string }[]> {
  const out = [{ label: 'plate 240 counterbores', path: await plateFixture() }];
  const headline = join(SHARED_DATA, HEADLINE);
  if (existsSync(headline)) out.push({ label: 'BRepNet 42811', path: headline });
  else console.log(`*** SKIPPED ../shared/data/${HEADLINE}: absent ***`);
  return out;
}

async function main(): Promise<void> {
  console.log(`thumbnail bench  ${new Date().toISOString()}  node ${process.version}  ${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`);
  console.log(`1-min load average at start: ${loadavg()[0]!.toFixed(2)} (other processes skew the figures); ${RUNS} warm runs; ${THUMBNAIL_SIZE} px`);
  const runner = new ThumbnailRunner({
    workerFile: new URL('../server/thumbnail/thumbnail-worker-dev.mjs', import.meta.url),
    timeoutMs: 120_000,
    heapMb: 2048,
  });
  const rows: string[][] = [];
  try {
    for (const part of await parts()) {
      const result: AnalysisResult = await analyze(new Uint8Array(readFileSync(part.path)), { fileName: part.label });
      const json = stringifyResult(result);
      const colours = faceColors(result.features, result.mesh.faceRanges.length);
      const raster: number[] = [];
      const whole: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS + 1; i++) {
        raster.push(timed(() => rasterize(result.mesh, colours, THUMBNAIL_SIZE, THUMBNAIL_SIZE)));
        whole.push(timed(() => (bytes = renderThumbnail(result).png.byteLength)));
      }
      await runner.close(); // each part's first picture starts a fresh thread
      const threaded: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) threaded.push(await timedAsync(() => runner.render(json)));
      rows.push([
        part.label,
        String(result.part.faces),
        String(result.mesh.indices.length / 3),
        ms(median(raster.slice(1))),
        ms(median(whole.slice(1))),
        ms(threaded[0]),
        ms(median(threaded.slice(1))),
        kib(bytes),
        kib(json.length),
      ]);
    }
  } finally {
    await runner.close();
  }
  console.log();
  console.log(table(['part', 'faces', 'triangles', 'raster ms', 'picture ms', 'thread 1st ms', 'thread ms', 'PNG', 'result JSON'], rows));
  console.log(`\n(picture: colours + raster + PNG in this thread; thread: the server's path, result JSON in, PNG out)`);
}

async function timedAsync(fn: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await fn();
  return performance.now() - began;
}

await main();
