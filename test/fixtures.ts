/**
 * Where test inputs live. Our own generated fixtures (fixtures/, committed) always exist; the
 * shared data set (../shared/data, licences forbid committing it) may not, and tests that need it
 * skip loudly through `HAS_SHARED`. With VECTIS_REQUIRE_SHARED=1 (CI sets it) a missing data set
 * or folder is a failure instead (test/shared-data.test.ts), so CI cannot pass by skipping.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'fixtures');
export const SHARED_DATA = resolve(ROOT, '..', 'shared', 'data');
export const HAS_SHARED = existsSync(SHARED_DATA);
export const REQUIRE_SHARED = process.env.VECTIS_REQUIRE_SHARED === '1';

if (!HAS_SHARED) {
  const consequence = REQUIRE_SHARED ? 'VECTIS_REQUIRE_SHARED=1: this run FAILS' : 'tests on the shared data set are SKIPPED';
  console.warn(`\n*** ${SHARED_DATA} is absent: ${consequence} ***\n`);
}

/** Dimensions of the generated fixtures (scripts/make-fixtures.ts), for closed-form checks. */
export const FIXTURES = {
  boxWithHole: { size: [40, 30, 20] as const, hole: [20, 15] as const, radius: 5 },
  cylinder: { radius: 10, height: 30 },
  plate: {
    size: [100, 60, 12] as const,
    counterbore: {
      at: [
        [15, 15],
        [15, 45],
        [40, 15],
        [40, 45],
      ] as const,
      diameter: 6.6,
      cbDiameter: 11,
      cbDepth: 6.4,
    },
    countersink: {
      at: [
        [60, 15],
        [60, 45],
      ] as const,
      diameter: 5.5,
      cskDiameter: 11,
    },
    blindFlat: { at: [80, 15] as const, diameter: 8, depth: 6 },
    blindDrilled: { at: [80, 45] as const, diameter: 5, depth: 7, tipAngle: 118 },
    counterdrill: { at: [90, 30] as const, diameter: 4.2, cdDiameter: 8, cdDepth: 3, angle: 118 },
  },
  /** Pocket [x, y, x-size, y-size, depth] from the top; slot [x, width, depth] across y; step [width, height] along x. */
  prismatic: {
    size: [80, 60, 30] as const,
    pocket: [10, 30, 30, 16, 6] as const,
    slot: [50, 10, 5] as const,
    step: [10, 8] as const,
    /** Rectangular through passage [x, y, x-size, y-size] and a 45° chamfer on the top edge at x = 80. */
    passage: [66, 20, 8, 12] as const,
    chamfer: 2,
  },
  /** Pocket [x, y, x-size, y-size, depth] with corner radius; slot [centre x, centre y, centre distance, width, depth] with half-round ends; the vertical edge at x=y=0 rounded. */
  rounded: { size: [80, 60, 30] as const, pocket: [8, 8, 40, 24, 8] as const, cornerRadius: 4, slot: [40, 46, 30, 10, 5] as const, edgeRadius: 3 },
  /** Boss [x, y, diameter, height] on the top; O-ring groove [x, y, inner Ø, outer Ø, depth]. */
  bossPlate: { size: [80, 60, 10] as const, boss: [20, 30, 16, 6] as const, groove: [55, 30, 14, 20, 2] as const },
  /** A pocket from the top (floor at z = 5) leaving a `wall` mm thick side wall at x = 0. */
  thinWall: { size: [40, 30, 20] as const, wall: 0.8 },
  /** (r, z) outline revolved about z: chamfer 1 x 45 at z=0, shoulder at z=30, groove z 40-44 to r=12, chamfer at z=60. */
  shaft: {
    profile: [
      [0, 0],
      [9, 0],
      [10, 1],
      [10, 30],
      [15, 30],
      [15, 40],
      [12, 40],
      [12, 44],
      [15, 44],
      [15, 59],
      [14, 60],
      [0, 60],
    ] as const,
  },
  /** A blind bore [x, y, Ø, depth] from the top with an internal groove [Ø, top of groove below the top face, width]: an undercut. */
  undercut: { size: [60, 40, 30] as const, bore: [20, 20, 10, 20] as const, groove: [16, 8, 3] as const },
  /** A blind tapped hole [x, y] modelled with 60° V-rings with flat crests: thread [major Ø, minor Ø (the tap drill), pitch, turns] from `entry` below the top, drilled `depth` deep with a 118° point. */
  tapped: { size: [50, 40, 20] as const, at: [25, 20] as const, thread: [10, 8.5, 1.5, 6] as const, entry: 1.5, depth: 16 },
  /** A blind hole [x, y] drilled to the `minor` Ø, `depth` deep, with a helical 60° thread of `major` Ø swept `turns` times at `pitch`, ending `entry` below the top. */
  tappedHelical: { size: [50, 40, 20] as const, at: [25, 20] as const, major: 10, minor: 8.5, pitch: 1.5, turns: 5, entry: 1.5, depth: 16 },
  /** A T-slot closed at both ends: neck [x, width, depth from the top], head [x, width, height below the neck], y from `y0` to `y1`. */
  tSlot: { size: [60, 40, 30] as const, neck: [25, 10, 6] as const, head: [18, 24, 6] as const, y0: 10, y1: 30 },
  /** A pocket [x-size from the x = 0 side, y, y-size, depth] open to the x = 0 side, its inner corners rounded to `cornerRadius`. */
  openPocket: { size: [80, 60, 20] as const, pocket: [30, 15, 25, 8] as const, cornerRadius: 5 },
  /**
   * A shaft modelled with V-ring threads (60°): external, sharp [major Ø, pitch, start z, turns] on
   * the Ø16 end; internal, with flat crests a quarter pitch wide [major Ø, pitch, start depth below
   * the z = 60 end, turns] in a Ø24 body's bore.
   */
  threaded: { external: [16, 1.5, 20, 8] as const, internal: [12, 1.5, 2, 6] as const, body: [24, 32, 60] as const, boreDepth: 15 },
  /** A V-belt pulley: `grooves` V-grooves of `angle`° at `pitch`, `depth` deep, in a Ø`diameter` rim from z = `start`: no thread. */
  pulley: { diameter: 60, length: 60, grooves: 4, pitch: 12, angle: 38, depth: 8, start: 8 },
  /**
   * A Ø`major` × `length` shaft with a helical 60° V-groove swept `turns` times from z = `start`
   * (right hand), `depth` deep (short of the sharp V's depth, so the crests keep a flat).
   */
  helical: { major: 16, length: 40, pitch: 1.5, turns: 6, start: 22, depth: 0.9 * (1.5 / (2 * Math.tan(Math.PI / 6))) },
  /**
   * Slots from the top with round ends: `u` [centre x, length in from the y = 60 side, width, depth]
   * ends in a half-round; `h` [start x along the y = 0 side, length, width, depth] runs along that
   * side with a quarter-round at each end (radius = width).
   */
  roundSlots: { size: [80, 60, 20] as const, u: [55, 20, 10, 6] as const, h: [12, 30, 8, 4] as const },
  /** Axis (x, y, z) and angle (rad) of the rotation applied to the *-rotated fixtures. */
  rotation: [0.3, -0.5, 0.81, 0.9] as const,
};

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
}

export function shared(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_DATA, path)));
}

/** The files in a shared folder; none when it is absent, unless the data set is required (then absence throws). */
export function sharedFiles(dir: string, pattern: RegExp): string[] {
  const full = join(SHARED_DATA, dir);
  if (!existsSync(full)) {
    // An empty list would make `it.each` pass by running nothing.
    if (REQUIRE_SHARED) throw new Error(`VECTIS_REQUIRE_SHARED=1 but ${full} is absent`);
    return [];
  }
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}
