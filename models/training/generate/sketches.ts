/**
 * 2D sketches of the machining features, in the coordinates of a placement frame: edge features
 * sit on the edge y = 0 (material at y > 0), corner features in the corner (0, 0), span features
 * across the whole width [0, w] from the edge y = 0, inner features around (0, 0). Every sketch
 * runs `m` past the edges it opens onto, so that no tool face lies on a face of the part.
 */
import type { V2 } from './geom.ts';
import { polygon, type Loop } from './occ.ts';
import type { Rng } from './rng.ts';

const C45 = Math.SQRT1_2;

/** The point on the line p→q (extended) at the given x or y. */
function atX(p: V2, q: V2, x: number): V2 {
  return [x, p[1] + ((q[1] - p[1]) * (x - p[0])) / (q[0] - p[0])];
}
function atY(p: V2, q: V2, y: number): V2 {
  return [p[0] + ((q[0] - p[0]) * (y - p[1])) / (q[1] - p[1]), y];
}

// ---- edge features: width bw along the edge starting at x = a, reaching bh into the face ----

export function rectSlot(a: number, bw: number, bh: number, m: number): Loop {
  return polygon([
    [a, -m],
    [a + bw, -m],
    [a + bw, bh],
    [a, bh],
  ]);
}

export function triSlot(a: number, bw: number, bh: number, m: number): Loop {
  const apex: V2 = [a + bw / 2, bh];
  return polygon([atY(apex, [a, 0], -m), atY(apex, [a + bw, 0], -m), apex]);
}

export function circSlot(a: number, bw: number, bh: number, m: number): Loop {
  const r = Math.min(bw / 2, bh);
  const c = a + bw / 2;
  return { start: [c - r, -m], segs: [{ to: [c + r, -m] }, { to: [c + r, 0] }, { via: [c, r], to: [c - r, 0] }, { to: [c - r, -m] }] };
}

/** U-shaped slot running into the face, round at its inner end. */
export function vRoundSlot(a: number, bw: number, bh: number, m: number): Loop {
  const r = bw / 2;
  const y = Math.max(bh - r, 0);
  return { start: [a, -m], segs: [{ to: [a + bw, -m] }, { to: [a + bw, y] }, { via: [a + r, y + r], to: [a, y] }, { to: [a, -m] }] };
}

/** Slot lying along the edge, its two inner corners rounded with radius rh. */
export function hRoundSlot(a: number, bw: number, rh: number, m: number): Loop {
  const b = a + bw;
  return {
    start: [a, -m],
    segs: [
      { to: [b, -m] },
      { to: [b, 0] },
      { via: [b - rh + rh * C45, rh * C45], to: [b - rh, rh] },
      { to: [a + rh, rh] },
      { via: [a + rh - rh * C45, rh * C45], to: [a, 0] },
      { to: [a, -m] },
    ],
  };
}

// ---- corner features: bw along x, bh along y from the corner (0, 0) ----

export function rectCorner(bw: number, bh: number, m: number): Loop {
  return polygon([
    [-m, -m],
    [bw, -m],
    [bw, bh],
    [-m, bh],
  ]);
}

export function triCorner(bw: number, bh: number, m: number): Loop {
  const p: V2 = [bw, 0];
  const q: V2 = [0, bh];
  return polygon([[-m, -m], atY(p, q, -m), atX(p, q, -m)]);
}

export function circCorner(r: number, m: number): Loop {
  return { start: [-m, -m], segs: [{ to: [r, -m] }, { to: [r, 0] }, { via: [r * C45, r * C45], to: [0, r] }, { to: [-m, r] }, { to: [-m, -m] }] };
}

// ---- span features: across the whole width w, reaching up to bh into the face ----

/** Roof-shaped step: two slanted walls meeting at (w/2, bh), touching the sides at ratio·bh. */
export function twoSidesStep(w: number, bh: number, ratio: number, m: number): Loop {
  const apex: V2 = [w / 2, bh];
  const l = atX([0, ratio * bh], apex, -m);
  const r = atX([w, ratio * bh], apex, w + m);
  return polygon([[-m, -m], [w + m, -m], r, apex, l]);
}

/** Step whose wall is slanted across the face: heights hl at x = 0 and hr at x = w. */
export function slantedStep(w: number, hl: number, hr: number, m: number): Loop {
  const p: V2 = [0, hl];
  const q: V2 = [w, hr];
  return polygon([[-m, -m], [w + m, -m], atX(p, q, w + m), atX(p, q, -m)]);
}

// ---- inner features around (0, 0), inside the box [-bw/2, bw/2] × [-bh/2, bh/2] ----

export function rectInner(bw: number, bh: number): Loop {
  return polygon([
    [-bw / 2, -bh / 2],
    [bw / 2, -bh / 2],
    [bw / 2, bh / 2],
    [-bw / 2, bh / 2],
  ]);
}

export function triInner(r: number, rng: Rng): Loop {
  const a1 = rng.uniform(0, (2 * Math.PI) / 3);
  const a2 = a1 + rng.uniform((2 * Math.PI) / 3 - Math.PI / 9, (2 * Math.PI) / 3 + Math.PI / 9);
  const a3 = a2 + rng.uniform((2 * Math.PI) / 3 - Math.PI / 9, (2 * Math.PI) / 3 + Math.PI / 9);
  return polygon([a1, a2, a3].map((a) => [r * Math.cos(a), r * Math.sin(a)] as const));
}

export function hexInner(r: number, rng: Rng): Loop {
  const base = rng.uniform(0, Math.PI / 3);
  const jitter = rng.chance(0.5) ? Math.PI / 18 : 0;
  return polygon(
    [0, 1, 2, 3, 4, 5].map((k) => {
      const a = base + (k * Math.PI) / 3 + rng.uniform(-jitter, jitter);
      return [r * Math.cos(a), r * Math.sin(a)] as const;
    }),
  );
}

/** Obround (stadium) pocket, long along x: bw > bh. */
export function obround(bw: number, bh: number): Loop {
  const r = bh / 2;
  const x = bw / 2 - r;
  return { start: [-x, -r], segs: [{ to: [x, -r] }, { via: [x + r, 0], to: [x, r] }, { to: [-x, r] }, { via: [-x - r, 0], to: [-x, -r] }] };
}

// ---- revolved tools: closed (r, z) profiles about the frame normal; z > 0 is outside ----

/** Plain hole of radius r to depth d; optional drill point (118°). */
export function holeProfile(r: number, d: number, m: number, drillPoint: boolean): Loop {
  const tip = drillPoint ? r / Math.tan((59 * Math.PI) / 180) : 0;
  return polygon(
    tip > 0
      ? [
          [0, m],
          [r, m],
          [r, -d],
          [0, -d - tip],
        ]
      : [
          [0, m],
          [r, m],
          [r, -d],
          [0, -d],
        ],
  );
}

export function ringProfile(ri: number, ro: number, d: number, m: number): Loop {
  return polygon([
    [ri, m],
    [ro, m],
    [ro, -d],
    [ri, -d],
  ]);
}

export function counterboreProfile(rBore: number, dBore: number, r: number, d: number, m: number, drillPoint: boolean): Loop {
  const tip = drillPoint ? r / Math.tan((59 * Math.PI) / 180) : 0;
  return polygon([
    [0, m],
    [rBore, m],
    [rBore, -dBore],
    [r, -dBore],
    [r, -d],
    [0, -d - tip],
  ]);
}

/** Countersink of top radius rTop and included angle `angle` (radians) over a hole of radius r. */
export function countersinkProfile(rTop: number, angle: number, r: number, d: number, m: number, drillPoint: boolean): Loop {
  const t = Math.tan(angle / 2);
  const coneDepth = (rTop - r) / t;
  const tip = drillPoint ? r / Math.tan((59 * Math.PI) / 180) : 0;
  return polygon([
    [0, m],
    [rTop + m * t, m],
    [rTop, 0],
    [r, -coneDepth],
    [r, -d],
    [0, -d - tip],
  ]);
}
