/** Every OCC object is deleted: 100 analyses of one file must not grow the WASM heap by > 10 %. */
import { expect, it } from 'vitest';
import { analyze, engineHeapBytes, getEngine } from '../src/analysis/index.ts';
import { fixture } from './fixtures.ts';

it('100 analyses of the same file grow the WASM heap by at most 10 %', async () => {
  const bytes = fixture('box-with-hole.step');
  for (let i = 0; i < 5; i++) await analyze(bytes);
  const oc = await getEngine();
  const before = engineHeapBytes(oc);
  for (let i = 0; i < 100; i++) await analyze(bytes);
  const after = engineHeapBytes(oc);
  console.log(`WASM heap ${before / 2 ** 20} MiB → ${after / 2 ** 20} MiB after 100 analyses`);
  expect(after / before).toBeLessThanOrEqual(1.1);
});
