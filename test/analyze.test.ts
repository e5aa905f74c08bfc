import { describe, expect, it } from 'vitest';
import { analyze, analysisResultSchema, stringifyResult, type Progress } from '../src/analysis/index.ts';
import { FIXTURES, fixture } from './fixtures.ts';
import { convexityCounts, expectConsistentTopology, expectFaceMapCoversEveryTriangle, seamEdges } from './invariants.ts';

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('analyze() on generated solids', () => {
  it('measures a box with a through hole to 1e-6 of the closed form', async () => {
    const { size, radius } = FIXTURES.boxWithHole;
    const [x, y, z] = size;
    const r = await analyze(fixture('box-with-hole.step'), { fileName: 'box-with-hole.step' });
    expect(r.part.solids).toBe(1);
    expect(r.part.faces).toBe(7);
    expect(rel(r.part.volume, x * y * z - Math.PI * radius ** 2 * z)).toBeLessThan(1e-6);
    const area = 2 * (x * y + x * z + y * z) - 2 * Math.PI * radius ** 2 + 2 * Math.PI * radius * z;
    expect(rel(r.part.area, area)).toBeLessThan(1e-6);
    expect(r.part.bbox).toEqual({ min: [0, 0, 0], max: [x, y, z].map((v) => expect.closeTo(v, 6)) });

    const hole = r.faces.filter((f) => f.surface === 'cylinder');
    expect(hole).toHaveLength(1);
    expect(hole[0]!.params.radius).toBeCloseTo(radius, 9);
    expect(hole[0]!.params.internal).toBe(true);
    expect(Math.abs(hole[0]!.params.axis![2])).toBeCloseTo(1, 9);
    // 12 box edges and the 2 rims of the drilled hole are convex; the hole's seam is smooth.
    expect(convexityCounts(r)).toEqual({ convex: 14, concave: 0, smooth: 1, none: 0 });
    expect(seamEdges(r).map((e) => e.convexity)).toEqual(['smooth']);
    expectFaceMapCoversEveryTriangle(r);
    expectConsistentTopology(r);
  });

  it('measures a cylinder: 3 faces, 2 convex rims and a smooth seam', async () => {
    const { radius, height } = FIXTURES.cylinder;
    const r = await analyze(fixture('cylinder.step'));
    expect(rel(r.part.volume, Math.PI * radius ** 2 * height)).toBeLessThan(1e-6);
    expect(rel(r.part.area, 2 * Math.PI * radius ** 2 + 2 * Math.PI * radius * height)).toBeLessThan(1e-6);
    expect([r.part.faces, r.part.edges, r.coedges.length]).toEqual([3, 3, 6]);
    expect(convexityCounts(r)).toEqual({ convex: 2, concave: 0, smooth: 1, none: 0 });
    const side = r.faces.find((f) => f.surface === 'cylinder')!;
    expect(side.params.internal).toBe(false);
    for (const [, count] of r.mesh.faceRanges) expect(count).toBeGreaterThan(0);
  });

  it('gives a block 12 convex edges and outward plane normals', async () => {
    const r = await analyze(fixture('block.step'));
    expect(convexityCounts(r).convex).toBe(12);
    for (const f of r.faces) {
      const n = f.params.normal!;
      const centre = f.bbox.min.map((v, i) => (v + f.bbox.max[i]!) / 2);
      const partCentre = [5, 10, 15];
      const outward = centre.reduce((s, c, i) => s + (c - partCentre[i]!) * n[i]!, 0);
      expect(outward).toBeGreaterThan(0);
    }
  });

  it('converts inch files to millimetres and says the file was in inches', async () => {
    const mm = await analyze(fixture('box-with-hole.step'));
    const inch = await analyze(fixture('box-with-hole-inch.step'));
    expect(inch.file.units).toBe('inch');
    expect(mm.file.units).toBe('mm');
    inch.part.bbox.max.forEach((v, i) => expect(v).toBeCloseTo(mm.part.bbox.max[i]!, 4));
    expect(rel(inch.part.volume, mm.part.volume)).toBeLessThan(1e-6);
  });

  it('counts every body of a multi-body file', async () => {
    const r = await analyze(fixture('two-bodies.step'));
    expect(r.part.solids).toBe(2);
    expect(r.part.faces).toBe(12);
    expect(rel(r.part.volume, 1000 + 125)).toBeLessThan(1e-6);
  });

  it('refuses a surface model without solids as NO_SOLID, then keeps working', async () => {
    await expect(analyze(fixture('surface-only.step'))).rejects.toMatchObject({ code: 'NO_SOLID' });
    const r = await analyze(fixture('block.step'));
    expect(r.part.faces).toBe(6);
  });

  it("refuses a valid header over an unparseable DATA section as INVALID_STEP (the file's fault), then keeps working", async () => {
    const block = new TextDecoder('latin1').decode(fixture('block.step'));
    // The header kept, the DATA section one unterminated instance: the reader's parser fails (RetFail).
    const broken = `${block.slice(0, block.indexOf('\nDATA;\n'))}\nDATA;\n#1 = CARTESIAN_POINT('',(0.,0.,0.);\nENDSEC;\nEND-ISO-10303-21;\n`;
    expect(broken).not.toBe(block);
    await expect(analyze(new Uint8Array(Buffer.from(broken, 'latin1')))).rejects.toMatchObject({ code: 'INVALID_STEP', engineBroken: false });
    expect((await analyze(fixture('block.step'))).part.faces).toBe(6);
  });

  it('reports every stage in order and times it', async () => {
    const seen: Progress[] = [];
    const r = await analyze(fixture('block.step'), { onProgress: (p) => seen.push(p) });
    const stages = seen.filter((p) => p.state === 'done').map((p) => p.stage);
    // The mesh before the graph's attributes: the host shows the shaded part one stage earlier.
    expect(stages).toEqual(['engine', 'read', 'mesh', 'brep', 'metrics', 'recognize']);
    for (const s of ['read', 'brep', 'mesh', 'metrics', 'recognize', 'total']) expect(r.timings[s]).toBeGreaterThanOrEqual(0);
  });

  it('hands the mesh over as soon as it exists, before the graph, metrics and recognition', async () => {
    const events: string[] = [];
    let early: unknown;
    const r = await analyze(fixture('box-with-hole.step'), {
      onProgress: (p) => events.push(`${p.stage} ${p.state}`),
      onMesh: (mesh) => {
        events.push('mesh handed over');
        early = mesh;
      },
    });
    expect(events.filter((e) => e === 'mesh handed over')).toHaveLength(1);
    expect(events.indexOf('mesh handed over')).toBe(events.indexOf('mesh done') + 1);
    expect(events.indexOf('mesh handed over')).toBeLessThan(events.indexOf('brep start'));
    expect(events.indexOf('mesh handed over')).toBeLessThan(events.indexOf('metrics start'));
    // The very mesh of the result: a host that shows it early shows the final triangles.
    expect(early).toBe(r.mesh);
  });

  it('stops with CANCELLED when the signal fires', async () => {
    const controller = new AbortController();
    const run = analyze(fixture('block.step'), {
      signal: controller.signal,
      onProgress: (p) => p.stage === 'brep' && p.state === 'start' && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('round-trips through JSON and the zod schema', async () => {
    const r = await analyze(fixture('box-with-hole.step'), { fileName: 'box-with-hole.step' });
    const parsed = analysisResultSchema.parse(JSON.parse(stringifyResult(r)));
    expect(parsed.mesh.positions).toBeInstanceOf(Float32Array);
    expect(Array.from(parsed.mesh.indices)).toEqual(Array.from(r.mesh.indices));
    expect(parsed.faces).toEqual(r.faces);
    expect(r.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws every non-degenerate edge as a polyline of at least two points', async () => {
    const r = await analyze(fixture('box-with-hole.step'));
    expect(r.mesh.edgeRanges).toHaveLength(r.edges.length);
    r.mesh.edgeRanges.forEach(([, count], i) => {
      if (r.edges[i]!.curve !== 'degenerate') expect(count).toBeGreaterThanOrEqual(2);
    });
  });
});
