/**
 * The thumbnail rasteriser and PNG (server/thumbnail/): hidden surfaces removed whatever the draw
 * order, the part framed in the picture, feature faces in their class's palette colour, and a
 * real part (the plate fixture through the real pipeline) as a PNG that decodes to the right size
 * with more than one colour where the part is; the server's thumbnail thread (bundled, as it
 * runs) renders, survives a bad result, and is stopped past its time limit.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, stringifyResult, type AnalysisResult } from '../../src/analysis/index.ts';
import { BASE_HEX, PALETTE_HEX } from '../../src/app/viewer/palette.ts';
import { classOrder, faceColors } from '../thumbnail/face-colors.ts';
import { rasterize, type RasterMesh } from '../thumbnail/raster.ts';
import { renderThumbnail, THUMBNAIL_SIZE } from '../thumbnail/render.ts';
import { ThumbnailRunner, thumbnailWorkerBeside } from '../thumbnail/thumbnail-runner.ts';
import { bundleServer, fixtureBytes } from './helpers.ts';

/** A unit square in the plane through `centre` facing the view direction (1, -1, 1): two triangles. */
function squareFacingEye(centre: [number, number, number], half: number): number[] {
  // Two unit vectors across the view (the rasteriser's right and up), so the square faces the eye.
  const r = [1 / Math.SQRT2, 1 / Math.SQRT2, 0];
  const u = [-1 / Math.sqrt(6), 1 / Math.sqrt(6), 2 / Math.sqrt(6)];
  const at = (a: number, b: number) => [0, 1, 2].map((k) => centre[k]! + a * half * r[k]! + b * half * u[k]!);
  return [...at(-1, -1), ...at(1, -1), ...at(1, 1), ...at(-1, 1)];
}

/** Two squares, the second `ahead` along the view direction; drawn in the order given. */
function twoSquares(order: 'near-last' | 'near-first'): { mesh: RasterMesh; near: number } {
  const far = squareFacingEye([0, 0, 0], 1);
  const ahead = 5 / Math.sqrt(3);
  const near = squareFacingEye([ahead, -ahead, ahead], 0.5);
  const positions = order === 'near-last' ? [...far, ...near] : [...near, ...far];
  const quad = (o: number) => [o, o + 1, o + 2, o, o + 2, o + 3];
  return {
    mesh: {
      positions,
      indices: [...quad(0), ...quad(4)],
      faceRanges: [
        [0, 2],
        [2, 2],
      ],
    },
    near: order === 'near-last' ? 1 : 0,
  };
}

function centrePixel(rgba: Uint8Array, size: number): number[] {
  const o = 4 * ((size / 2) * size + size / 2);
  return [...rgba.subarray(o, o + 4)];
}

describe('rasterize', () => {
  const RED = [230, 40, 40];
  const GREEN = [40, 200, 60];

  for (const order of ['near-last', 'near-first'] as const) {
    it(`keeps the nearer face in front (${order})`, () => {
      const { mesh, near } = twoSquares(order);
      const rgb = new Uint8Array(near === 1 ? [...RED, ...GREEN] : [...GREEN, ...RED]);
      const { rgba } = rasterize(mesh, rgb, 64, 64);
      const [r, g, b, a] = centrePixel(rgba, 64);
      expect(a).toBe(255);
      // The near square is green: green dominates at the centre, shaded but never red.
      expect(g!).toBeGreaterThan(r!);
      expect(g!).toBeGreaterThan(b!);
    });
  }

  it('fits the part in the picture with a transparent margin', () => {
    const { mesh } = twoSquares('near-last');
    const size = 64;
    const { rgba } = rasterize(mesh, new Uint8Array([...RED, ...GREEN]), size, size);
    const alphaAt = (x: number, y: number) => rgba[4 * (y * size + x) + 3]!;
    expect([alphaAt(0, 0), alphaAt(size - 1, size - 1), alphaAt(0, size / 2), alphaAt(size / 2, 0)]).toEqual([0, 0, 0, 0]);
    // The far square spans the picture: the part reaches close to both sides.
    let left = size,
      right = -1;
    for (let x = 0; x < size; x++) if (alphaAt(x, size / 2) > 0) [left, right] = [Math.min(left, x), Math.max(right, x)];
    expect(left).toBeLessThan(size * 0.15);
    expect(right).toBeGreaterThan(size * 0.85);
  });
});

describe('face colours', () => {
  const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));

  it("paints classes in the app tree's order, review first, and leaves other faces neutral", () => {
    const features = [
      { type: 'through_hole', faces: [1, 2] },
      { type: 'chamfer', faces: [3] },
      { type: 'unrecognised', faces: [4] },
      { type: 'through_hole', faces: [5] },
    ];
    expect(classOrder(features)).toEqual(['unrecognised', 'chamfer', 'through_hole']);
    const c = faceColors(features, 6);
    const of = (f: number) => [...c.subarray(3 * f, 3 * f + 3)];
    expect(of(0)).toEqual(hex(BASE_HEX));
    expect(of(4)).toEqual(hex(PALETTE_HEX[0]));
    expect(of(3)).toEqual(hex(PALETTE_HEX[1]));
    expect([of(1), of(2), of(5)]).toEqual([hex(PALETTE_HEX[2]), hex(PALETTE_HEX[2]), hex(PALETTE_HEX[2])]);
  });
});

describe('renderThumbnail on a real part', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyze(fixtureBytes('plate-holes.step'), { fileName: 'plate-holes.step' });
  });

  it('writes a PNG of the asked size with several colours where the part is', () => {
    expect(result.features.length, 'the plate has features to colour').toBeGreaterThan(0);
    const t = renderThumbnail(result);
    const png = PNG.sync.read(Buffer.from(t.png));
    expect([png.width, png.height]).toEqual([THUMBNAIL_SIZE, THUMBNAIL_SIZE]);
    const opaque = new Set<string>();
    let transparent = 0;
    for (let p = 0; p < png.width * png.height; p++) {
      const a = png.data[4 * p + 3]!;
      if (a === 0) transparent++;
      else if (a === 255) opaque.add(`${png.data[4 * p]},${png.data[4 * p + 1]},${png.data[4 * p + 2]}`);
    }
    expect(transparent, 'background around the part').toBeGreaterThan(0);
    expect(opaque.size, 'shades and feature colours, not one flat blot').toBeGreaterThan(3);
  });

  it('shows the feature faces in their class colour: a picture without features has none of it', () => {
    // Every feature as one class: all of them take the palette's first colour.
    const oneClass = result.features.map((f) => ({ type: 'feature', faces: f.faces }));
    const hue = (data: Uint8Array) => {
      // Pixels whose colour leans the way the first class's palette colour leans away from grey.
      const [pr, pg, pb] = [1, 3, 5].map((i) => Number.parseInt(PALETTE_HEX[0].slice(i, i + 2), 16)) as [number, number, number];
      let n = 0;
      for (let p = 0; p < data.length; p += 4) {
        if (data[p + 3] !== 255) continue;
        const [r, g, b] = [data[p]!, data[p + 1]!, data[p + 2]!];
        if (Math.sign(b - r) === Math.sign(pb - pr) && Math.abs(b - r) > (0.6 * Math.abs(pb - pr) * (r + g + b)) / (pr + pg + pb)) n++;
      }
      return n;
    };
    const coloured = PNG.sync.read(Buffer.from(renderThumbnail({ mesh: result.mesh, features: oneClass }).png));
    const plain = PNG.sync.read(Buffer.from(renderThumbnail({ mesh: result.mesh, features: [] }).png));
    expect(hue(plain.data)).toBe(0);
    expect(hue(coloured.data)).toBeGreaterThan(50);
  });
});

describe('ThumbnailRunner (the bundled thumbnail thread, as the server runs it)', () => {
  let bundle: ReturnType<typeof bundleServer>;
  let json: string;
  beforeAll(async () => {
    bundle = bundleServer();
    json = stringifyResult(await analyze(fixtureBytes('box-with-hole.step'), { fileName: 'box-with-hole.step' }));
  });
  afterAll(() => bundle?.cleanup());

  it('renders in its thread, refuses a bad result without dying, and renders again', async () => {
    const runner = new ThumbnailRunner({ workerFile: thumbnailWorkerBeside(bundle.worker), timeoutMs: 60_000, heapMb: 512 });
    try {
      const first = await runner.render(json);
      expect(PNG.sync.read(Buffer.from(first.png)).width).toBe(THUMBNAIL_SIZE);
      await expect(runner.render('{not json')).rejects.toThrow(/thumbnail failed/);
      const again = await runner.render(json);
      expect(Buffer.from(again.png).equals(Buffer.from(first.png)), 'the same part draws the same picture').toBe(true);
    } finally {
      await runner.close();
    }
  });

  it('stops a picture past its time limit: the caller gets an error, not a wait', async () => {
    const runner = new ThumbnailRunner({ workerFile: thumbnailWorkerBeside(bundle.worker), timeoutMs: 1, heapMb: 512 });
    try {
      await expect(runner.render(json)).rejects.toThrow(/longer than 1 ms/);
    } finally {
      await runner.close();
    }
  });
});
