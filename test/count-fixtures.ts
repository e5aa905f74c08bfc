/**
 * Dimensions of the fixtures that check counting as an estimator counts
 * (scripts/count-fixtures.ts writes them; test/counting.test.ts reads them).
 */
export const COUNT_FIXTURES = {
  /**
   * A lug plate `length` long (x), `width` wide (y), `thickness` thick: its x = length end a full
   * half-round of radius width/2 with a hole Ø`hole` at its centre, the two corners at x = 0 rounded
   * `cornerRadius`, then every top edge rounded `edgeRadius` (one tangent chain of blend faces).
   * An estimator counts 1 hole and 3 fillets: the round end is the lug's outline.
   */
  lug: { length: 60, width: 40, thickness: 10, hole: 10, cornerRadius: 5, edgeRadius: 2 },
  /**
   * Three discs of `radius` centred `offset` from the z axis 120° apart, intersected `thickness`
   * thick (an outline of three arcs), the three sharp corners rounded `cornerRadius`, a hole Ø`hole`
   * on the axis. Its outline is drawn with arcs only: 1 hole, no fillet.
   */
  lobed: { radius: 50, offset: 30, thickness: 8, cornerRadius: 6, hole: 20 },
  /**
   * An L bent from a `thickness` sheet: a flange `length` along x and one `height` up z, `width`
   * along y, bent with inside radius `bendRadius`; a hole Ø`hole` at `holeAt` (x, y) through the
   * flat flange, a round-ended slot [y-centre, z-centre, centre distance along y, width] through the
   * upright one, a notch [depth in x, width in y] in the flat flange's end. An estimator counts one
   * sheet-metal part, 1 hole and 1 slot: no fillet, step or chamfer.
   */
  bracket: { thickness: 2, bendRadius: 3, length: 60, height: 40, width: 30, hole: 6, holeAt: [40, 15], slot: [15, 25, 12, 5], notch: [8, 10] },
  /**
   * A plate `size` with three things standing on its top: a pin [x, y, Ø, height] whose foot is
   * blended `pinBlend`; an ear [x-centre, y-centre, thickness in y, width in x, height to the
   * round's centre] with a half-round top and a hole Ø`earHole` through it along y; a tube
   * [x, y, outside Ø, inside Ø, height] bored through the plate too. The ear's foot is blended
   * `earBlend` all round (blends that break at its corners). An estimator counts 2 bosses, 1 pipe,
   * 2 fillets (the pin's foot, the ear's foot) and 1 hole (the ear's).
   */
  studs: { size: [100, 60, 10], pin: [20, 30, 8, 15], pinBlend: 2, ear: [55, 30, 6, 20, 20], earHole: 8, earBlend: 1.5, tube: [82, 30, 20, 15, 20] },
  /**
   * A spur gear of `teeth` straight teeth `toothWidth` wide between a root circle Ø`root` and a tip
   * circle Ø`tip`, `width` thick, bored Ø`bore`. An estimator counts one Gear Teeth and one hole.
   */
  gear: { teeth: 16, tip: 80, root: 68, toothWidth: 6, width: 12, bore: 20 },
  /**
   * A block `size` whose top edge along x at y = 0 is bevelled `chamfer` (equal legs, a chamfer
   * the part's shape shows) and whose four vertical edges are broken `edgeBreak` (legs under 2 %
   * of the diagonal). An estimator counts 1 chamfer.
   */
  edgeBreaks: { size: [100, 60, 20], chamfer: 6, edgeBreak: 0.5 },
  /**
   * A plate `size` drilled through Ø`minor` at `at` and threaded Ø`major` × `pitch` all the way
   * through, the thread's root a flat `pitch` / 8 wide (as ISO threads are drawn): the recogniser
   * reads its bore as two coaxial holes (the crests at the minor diameter, the root strips at the
   * major), as on real exports of a modelled thread. An estimator counts 1 hole and 1 thread.
   */
  threadedThrough: { size: [80, 60, 12], at: [40, 30], major: 10, minor: 8.5, pitch: 1.5 },
  /**
   * A bush turned from bar: `outside` Ø × `length`, bored Ø`bore` through and counterbored
   * Ø`counterbore` × `counterboreDepth` from one end (a stepped bore the lathe rules keep). An
   * estimator counts 1 hole.
   */
  bush: { outside: 30, length: 40, bore: 10, counterbore: 16, counterboreDepth: 8 },
  /** A ring turned from tube: `outside` Ø, bore Ø`bore` (wider than any drill), `length` long: no hole. */
  ring: { outside: 120, bore: 100, length: 20 },
  /**
   * An L bracket: a base `base` long (x) and an upright `upright` high (y), both `thickness` thick
   * and `width` wide (z); in its inside corner a triangular gusset `web` thick (centred in z) with
   * legs `leg` along the base and up the upright. An estimator counts 1 gusset and no cut.
   */
  gusset: { base: 80, upright: 60, thickness: 8, width: 40, web: 6, leg: 40 },
  /**
   * A plate `size` with a round-ended slot through it along x at `at` (centre), `through` wide with
   * its round ends' centres `length` apart, counterbored from the top by a round-ended slot
   * `counterbore` wide on the same centres, `counterboreDepth` deep (a slot for a bolt's head).
   * An estimator counts 1 slot.
   */
  counterboredSlot: { size: [80, 40, 12], at: [40, 20], length: 30, through: 8, counterbore: 14, counterboreDepth: 4 },
  /**
   * A block `size` whose top edge along x at y = 0 is rounded `fillet` (a round the part's shape
   * shows) and whose four vertical edges are rounded `edgeRound` (R0.5, under 1 % of the diagonal:
   * "break sharp edges"); in its top a rectangular pocket [x, y, length, width, depth] and two
   * letters engraved `engraving` deep, an L and a T drawn with strokes `stroke` wide, `letter`
   * high, their lower left corners at `letters`. An estimator counts 1 fillet and 1 pocket.
   */
  finishMarks: {
    size: [100, 60, 20],
    fillet: 6,
    edgeRound: 0.5,
    pocket: [20, 25, 30, 20, 5],
    engraving: 0.3,
    stroke: 1.5,
    letter: 8,
    letters: [
      [65, 30],
      [78, 30],
    ],
  },
  /**
   * Turned: a flange Ø`flange` × `flangeLength` with a spigot Ø`spigot` standing `spigotLength` out
   * of its face, bored Ø`bore` through (a drill's size). An estimator counts 1 boss and 1 hole.
   */
  spigot: { flange: 80, flangeLength: 10, spigot: 40, spigotLength: 30, bore: 20 },
  /**
   * Turned: a flange Ø`flange` × `flangeLength` with a neck Ø`neck` standing `neckLength` out of
   * it, bored Ø`bore` through (wider than a drill: a tube's bore). An estimator counts 1 pipe.
   */
  neckedFlange: { flange: 200, flangeLength: 20, neck: 110, neckLength: 60, bore: 100 },
  /**
   * Turned: a collar Ø`collar` × `collarLength` and a nose tapering `noseLength` from it, Ø`nose`
   * [at the collar, at the tip] (5.7° a side), bored Ø`bore` through both. An estimator counts 1
   * draft (the taper), 1 boss (the nose standing out of the collar) and 1 hole (the bore).
   */
  taperedNose: { collar: 30, collarLength: 8, bore: 6, noseLength: 40, nose: [24, 16] },
  /**
   * A plate drawn as one profile extruded `height` along z: `length` along x, `thickness` in y
   * (y from 0 to thickness), with an ear on its y = 0 face: flat sides `width` apart from x = `at`,
   * standing `reach` out to the centre of its half-round end (radius width / 2), drilled Ø`hole`
   * through along z. The ear is flush with the plate's z faces. An estimator counts 1 boss and
   * 1 hole (no step).
   */
  plateEar: { length: 80, thickness: 5, height: 30, at: 30, width: 20, reach: 10, hole: 10 },
  /**
   * Turned along z: a collar Ø`collar` × `collarLength`, then a spigot turned down in sections
   * (Ø, length) from the collar's face outwards, and a blind bore Ø`bore` from the collar's end
   * `boreDepth` deep to the centre of its ball-nosed bottom (a half sphere of the bore's radius).
   * An estimator counts 1 boss (the spigot), 2 steps (its two shoulders beyond its foot) and
   * 1 hole; the bore's rounded bottom is no fillet.
   */
  steppedSpigot: {
    collar: 40,
    collarLength: 12,
    sections: [
      [30, 40],
      [20, 20],
      [14, 15],
    ],
    bore: 8,
    boreDepth: 60,
  },
  /**
   * Turned along z: a collar Ø`collar` × `collarLength` with a nose Ø`nose` × `noseLength` standing
   * out of it, bored from the collar's end Ø`bore` × `boreDepth`, then on through the nose in a
   * taper from Ø`taper`[0] to Ø`taper`[1]; the convex edge where the bore's shoulder meets the taper
   * rounded `blend`. An estimator counts 1 boss (the nose), 1 hole (the bore), 1 draft (the taper);
   * the blend inside the bore is no fillet.
   */
  blendedBore: { collar: 20, collarLength: 6, nose: 12, noseLength: 20, bore: 8, boreDepth: 8, taper: [6, 4], blend: 0.5 },
  /**
   * A weldment written as one body per member and per bead: a base plate `plate` (x, y, z) from
   * the origin with a hole Ø`plateHole` through at `plateHoleAt`; an ear plate standing on it,
   * `ear` (x, y, z) from `earAt` (on the plate's top), drilled Ø`earHole` through along y at
   * `earHoleAt` (x, z); a tube Ø`tube` × `tubeLength` bored Ø`tubeBore` through, standing on the
   * plate at `tubeAt` (x, y); fillet-weld beads of leg `leg` along both sides of the ear's foot
   * and round the tube's foot. An estimator counts 2 holes, 1 boss (the ear), 1 pipe (the tube);
   * the beads are no feature. Without the beads (`weldment-unwelded`: bodies merely touching, an
   * assembly) no member is welded on: 3 holes, no boss, no pipe.
   */
  weldment: {
    plate: [100, 80, 10],
    plateHole: 10,
    plateHoleAt: [80, 20],
    ear: [40, 8, 40],
    earAt: [10, 40],
    earHole: 12,
    earHoleAt: [30, 35],
    tube: 30,
    tubeBore: 16,
    tubeLength: 40,
    tubeAt: [75, 60],
    leg: 4,
  },
} as const;
