/**
 * Dimensions of the turned-part fixtures (scripts/turned-fixtures.ts), for closed-form checks:
 * axial bores a drill, counterbore or end mill makes (holes with their steps) and an ID profile
 * only a lathe's boring and grooving tools make (turned work). Every part is turned along z from
 * z = 0, lengths in mm.
 */
export const TURNED_FIXTURES = {
  /**
   * A shaft Ø`diameter` × `length` with a bore from each end: from the top (z = length) a stepped
   * blind bore, counterbore [Ø, depth] then Ø`drill` to `depth` (where the point begins) and a
   * `tipAngle` drill point; from the bottom (z = 0) a flat-bottomed bore [Ø, depth] (an end mill's).
   */
  boredShaft: {
    diameter: 40,
    length: 100,
    top: { counterbore: [16, 12] as const, drill: 10, depth: 45, tipAngle: 118 },
    bottom: [12, 20] as const,
  },
  /** A bush Ø`diameter` × `length` bored Ø`bore` through, counterbored [Ø, depth] from the top and from the bottom. */
  counterboredBush: { diameter: 40, length: 50, bore: 12, top: [20, 8] as const, bottom: [18, 5] as const },
  /**
   * A bush Ø`diameter` × `length` bored Ø`bore` through with an internal groove [Ø, width, from
   * z = 0 to the groove's lower wall]: an undercut no tool plunging from an end reaches.
   */
  groovedBush: { diameter: 40, length: 50, bore: 20, groove: [26, 4, 23] as const },
  /**
   * A shaft turned Ø`body` × `bodyLength` from z = 0, then Ø`spigot` × `spigotLength`, with milled
   * work: a flat [depth, length] on the body from the z = 0 end on the +x side (ending in a wall),
   * a D flat [depth, length] on the spigot running out at its end, on the −x side, and a closed
   * keyway [width, depth, from z, to z] in the body on the −x side (its floor is no flat).
   */
  flattedShaft: {
    body: 30,
    bodyLength: 60,
    spigot: 20,
    spigotLength: 30,
    flat: [3, 25] as const,
    dFlat: [2, 15] as const,
    keyway: [6, 3, 30, 50] as const,
  },
};
