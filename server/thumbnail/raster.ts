/**
 * A small software rasteriser for the stored part thumbnail: the tessellation seen from the
 * viewer's iso direction (+X, −Y, +Z, Z up, as src/app/viewer/camera.ts), orthographic, one flat
 * colour per B-Rep face, shaded per triangle, hidden surfaces removed with a z-buffer. No GPU and
 * no canvas: a server has neither, and the picture must be the same on every host.
 *
 * It draws at SUPERSAMPLE × the asked size and averages each block down: a one-sample edge
 * staircase is very visible on a 256 px picture of thin holes and fillets.
 */

export interface RasterMesh {
  /** xyz triples. */
  positions: ArrayLike<number>;
  /** Vertex index triples. */
  indices: ArrayLike<number>;
  /** faceRanges[f] = [firstTriangle, triangleCount] of B-Rep face f. */
  faceRanges: readonly (readonly [number, number])[];
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row-major from the top; alpha 0 where the part is not. */
  rgba: Uint8Array;
}

const SUPERSAMPLE = 2;
/** Fraction of the picture left empty on each side. */
const MARGIN = 0.06;
/** Light that does not depend on the face's direction, so faces turned from the light stay readable. */
const AMBIENT = 0.45;

/** The view basis: `back` points from the part to the eye. */
const BACK = unit([1, -1, 1]);
const RIGHT = unit([1, 1, 0]);
const UP = cross(BACK, RIGHT);
/** A key light a little above and left of the eye: faces at different angles get different shades. */
const LIGHT = unit([BACK[0] - 0.3 * RIGHT[0] + 0.5 * UP[0], BACK[1] - 0.3 * RIGHT[1] + 0.5 * UP[1], BACK[2] - 0.3 * RIGHT[2] + 0.5 * UP[2]]);

/**
 * Renders `mesh` into a width × height RGBA picture. `faceRgb` holds three bytes per B-Rep face;
 * faces it has no colour for are not drawn.
 */
export function rasterize(mesh: RasterMesh, faceRgb: Uint8Array, width: number, height: number): Raster {
  const w = width * SUPERSAMPLE;
  const h = height * SUPERSAMPLE;
  const { sx, sy, sz } = project(mesh.positions);
  const fit = fitToPicture(sx, sy, w, h);
  const target: Target = { w, h, depth: new Float32Array(w * h).fill(-Infinity), colour: new Uint8Array(w * h * 3), covered: new Uint8Array(w * h) };
  const idx = mesh.indices;
  const faceCount = Math.min(mesh.faceRanges.length, Math.floor(faceRgb.length / 3));
  for (let f = 0; f < faceCount; f++) {
    const [first, count] = mesh.faceRanges[f]!;
    for (let t = first; t < first + count; t++) {
      const a = idx[3 * t]!;
      const b = idx[3 * t + 1]!;
      const c = idx[3 * t + 2]!;
      const shade = shadeOf(mesh.positions, a, b, c);
      if (shade === null) continue;
      fillTriangle(
        [fit.x(sx[a]!), fit.y(sy[a]!), sz[a]!],
        [fit.x(sx[b]!), fit.y(sy[b]!), sz[b]!],
        [fit.x(sx[c]!), fit.y(sy[c]!), sz[c]!],
        target,
        Math.round(faceRgb[3 * f]! * shade),
        Math.round(faceRgb[3 * f + 1]! * shade),
        Math.round(faceRgb[3 * f + 2]! * shade),
      );
    }
  }
  return { width, height, rgba: downsample(target.colour, target.covered, w, h, SUPERSAMPLE) };
}

/** Screen coordinates (right, up) and depth (towards the eye) of every vertex. */
function project(positions: ArrayLike<number>): { sx: Float64Array; sy: Float64Array; sz: Float64Array } {
  const n = Math.floor(positions.length / 3);
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const sz = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    sx[i] = x * RIGHT[0] + y * RIGHT[1] + z * RIGHT[2];
    sy[i] = x * UP[0] + y * UP[1] + z * UP[2];
    sz[i] = x * BACK[0] + y * BACK[1] + z * BACK[2];
  }
  return { sx, sy, sz };
}

/** Scale and offset that fit the projected part into the picture, centred, aspect kept. */
function fitToPicture(sx: Float64Array, sy: Float64Array, w: number, h: number): { x(v: number): number; y(v: number): number } {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (let i = 0; i < sx.length; i++) {
    minX = Math.min(minX, sx[i]!);
    maxX = Math.max(maxX, sx[i]!);
    minY = Math.min(minY, sy[i]!);
    maxY = Math.max(maxY, sy[i]!);
  }
  if (!(maxX >= minX)) return { x: () => -1, y: () => -1 }; // no vertices: nothing lands
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const scale = (Math.min(w, h) * (1 - 2 * MARGIN)) / span;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  // Picture rows grow downwards, the view's up grows upwards.
  return { x: (v) => w / 2 + (v - cx) * scale, y: (v) => h / 2 - (v - cy) * scale };
}

/**
 * Brightness of a triangle from its own normal (flat shading). The tessellation's winding follows
 * the face's orientation, which need not point out of the part for every face a file holds, so the
 * light is two-sided. Null for a degenerate triangle.
 */
function shadeOf(p: ArrayLike<number>, a: number, b: number, c: number): number | null {
  const u = [p[3 * b]! - p[3 * a]!, p[3 * b + 1]! - p[3 * a + 1]!, p[3 * b + 2]! - p[3 * a + 2]!] as const;
  const v = [p[3 * c]! - p[3 * a]!, p[3 * c + 1]! - p[3 * a + 1]!, p[3 * c + 2]! - p[3 * a + 2]!] as const;
  const n = cross(u, v);
  const len = Math.hypot(n[0], n[1], n[2]);
  if (!(len > 0)) return null;
  const diffuse = Math.abs(n[0] * LIGHT[0] + n[1] * LIGHT[1] + n[2] * LIGHT[2]) / len;
  return AMBIENT + (1 - AMBIENT) * diffuse;
}

type ScreenPoint = readonly [x: number, y: number, depth: number];

/** The supersampled picture being drawn: nearest depth, colour and coverage per sample. */
interface Target {
  w: number;
  h: number;
  depth: Float32Array;
  colour: Uint8Array;
  covered: Uint8Array;
}

/**
 * Fills the samples whose centres lie in the triangle, nearer than what is there. Each row's span
 * is solved from the three edge equations (each linear in x), so a long thin triangle costs its
 * pixels, not its bounding box: a plate's faces tessellate into exactly such slivers.
 */
function fillTriangle(a: ScreenPoint, b: ScreenPoint, c: ScreenPoint, t: Target, r: number, g: number, bl: number): void {
  const area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  if (area === 0) return;
  // Barycentric weight of each vertex as a plane: weight = k0 + kx * x + ky * y (either winding).
  const planes = [edgePlane(b, c, area), edgePlane(c, a, area), edgePlane(a, b, area)] as const;
  const zx = planes[0].kx * a[2] + planes[1].kx * b[2] + planes[2].kx * c[2];
  const zy = planes[0].ky * a[2] + planes[1].ky * b[2] + planes[2].ky * c[2];
  const z0 = planes[0].k0 * a[2] + planes[1].k0 * b[2] + planes[2].k0 * c[2];
  const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1], c[1])));
  const y1 = Math.min(t.h - 1, Math.ceil(Math.max(a[1], b[1], c[1])));
  const xMin = Math.max(0, Math.floor(Math.min(a[0], b[0], c[0])));
  const xMax = Math.min(t.w - 1, Math.ceil(Math.max(a[0], b[0], c[0])));
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    let lo = xMin + 0.5;
    let hi = xMax + 0.5;
    for (const p of planes) {
      const at = p.k0 + p.ky * py; // weight = at + kx * px >= 0
      if (p.kx > 0) lo = Math.max(lo, -at / p.kx);
      else if (p.kx < 0) hi = Math.min(hi, -at / p.kx);
      else if (at < 0) hi = -Infinity;
    }
    const first = Math.max(xMin, Math.ceil(lo - 0.5));
    const last = Math.min(xMax, Math.floor(hi - 0.5));
    const row = y * t.w;
    for (let x = first; x <= last; x++) {
      const z = z0 + zx * (x + 0.5) + zy * py;
      const i = row + x;
      if (z <= t.depth[i]!) continue;
      t.depth[i] = z;
      t.covered[i] = 1;
      t.colour[3 * i] = r;
      t.colour[3 * i + 1] = g;
      t.colour[3 * i + 2] = bl;
    }
  }
}

/** The barycentric weight of the vertex opposite edge p→q, as a plane over the picture. */
function edgePlane(p: ScreenPoint, q: ScreenPoint, area: number): { k0: number; kx: number; ky: number } {
  // (q.x − p.x)(y − p.y) − (q.y − p.y)(x − p.x), divided by the doubled signed area.
  const kx = -(q[1] - p[1]) / area;
  const ky = (q[0] - p[0]) / area;
  return { k0: -(kx * p[0] + ky * p[1]), kx, ky };
}

/** Averages k × k blocks; a pixel's colour is the mean of its covered samples, its alpha their share. */
function downsample(colour: Uint8Array, covered: Uint8Array, w: number, h: number, k: number): Uint8Array {
  const ow = w / k;
  const oh = h / k;
  const out = new Uint8Array(ow * oh * 4);
  for (let oy = 0; oy < oh; oy++) {
    for (let ox = 0; ox < ow; ox++) {
      let r = 0,
        g = 0,
        b = 0,
        n = 0;
      for (let dy = 0; dy < k; dy++) {
        for (let dx = 0; dx < k; dx++) {
          const p = (oy * k + dy) * w + ox * k + dx;
          if (!covered[p]) continue;
          r += colour[3 * p]!;
          g += colour[3 * p + 1]!;
          b += colour[3 * p + 2]!;
          n++;
        }
      }
      if (n === 0) continue;
      const o = 4 * (oy * ow + ox);
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
      out[o + 3] = Math.round((255 * n) / (k * k));
    }
  }
  return out;
}

function unit(v: readonly [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function cross(u: readonly [number, number, number], v: readonly [number, number, number]): [number, number, number] {
  return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}
