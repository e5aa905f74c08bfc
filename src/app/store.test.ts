/** The store's progressive result: the early mesh is shown while running, and the result replaces it without a second framing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, type Mesh } from '../analysis/index.ts';
import { FIXTURE_DIR } from '../../test/fixtures.ts';
import { useVectis } from './store.ts';
import { meshBox } from '../../workers/mesh-preview.ts';

async function analysed() {
  let early: Mesh | undefined;
  const result = await analyze(new Uint8Array(readFileSync(`${FIXTURE_DIR}/box-with-hole.step`)), { onMesh: (m) => (early = m) });
  return { result, early: early! };
}

describe('store: progressive result', () => {
  it('shows the early mesh while running, then the result with that mesh, framed once', async () => {
    const { result, early } = await analysed();
    const s = useVectis.getState;
    s().begin('box-with-hole.step', 1);
    expect(s().preview).toBeNull();
    s().showMesh(early, meshBox(early.positions));
    expect(s().phase).toBe('running');
    expect(s().preview?.mesh).toBe(early);
    // The mesh's box is the part's box to within the mesh's chord error.
    s().preview!.part.bbox.max.forEach((v, i) => expect(v).toBeCloseTo(result.part.bbox.max[i]!, 3));
    const framed = s().view.seq;
    s().finish(result, 'analysis', Date.now(), 1);
    expect(s().preview).toBeNull();
    expect(s().result?.mesh).toBe(early);
    expect(s().view.seq).toBe(framed);
  });

  it('ignores a late mesh once the run is over', async () => {
    const { early } = await analysed();
    const s = useVectis.getState;
    s().begin('box-with-hole.step', 1);
    s().cancelled();
    s().showMesh(early, meshBox(early.positions));
    expect(s().preview).toBeNull();
  });
});
