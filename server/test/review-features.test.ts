/**
 * A result with a feature for review (method 'review', result schema 1.1.0) is stored and served
 * back whole: the migration lets part_features take the new method, and the hint and the review
 * flag come back in the stored result. Embedded PGlite, real migrations.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, stringifyResult } from '../../src/analysis/index.ts';
import { fixture } from '../../test/fixtures.ts';
import { Store, type ResultJson } from '../store/store.ts';

const store = new Store({
  dataDir: mkdtempSync(join(tmpdir(), 'vectis-review-')),
  migrationsDir: resolve(import.meta.dirname, '../../supabase/migrations'),
  migrate: true,
  log: pino({ level: 'silent' }),
});
afterAll(() => store.close());

describe('features for review in the store', () => {
  it('stores a review feature and serves its hint and flag back', async () => {
    const result = await analyze(fixture('box-with-hole.step'));
    result.features.push({
      id: 9,
      type: 'unrecognised',
      faces: [0],
      params: {},
      confidence: 0.7,
      method: 'review',
      modelVersion: 'm',
      hint: 'chamfer',
      needs_review: true,
    });
    const json = JSON.parse(stringifyResult(result)) as ResultJson;
    const { id } = await store.saveAnalysis(json, { pipelineVersion: 'test', source: 'analyze' });
    const stored = JSON.parse((await store.getAnalysis(id))!.json) as ResultJson;
    expect(stored.features.at(-1)).toMatchObject({ type: 'unrecognised', method: 'review', hint: 'chamfer', needs_review: true });
  });

  it('still refuses a method that is none of the three', async () => {
    const result = await analyze(fixture('box-with-hole.step'));
    result.features[0]!.method = 'guess' as 'ml';
    await expect(
      store.saveAnalysis(JSON.parse(stringifyResult(result)) as ResultJson, { pipelineVersion: 'test', source: 'analyze' }),
    ).rejects.toThrow(/recognition_method/);
  });
});
