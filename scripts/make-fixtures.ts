/**
 * Writes the project's own STEP fixtures (committed under fixtures/), built with the same engine
 * from primitives and booleans, so their volumes and areas are known in closed form. They let the
 * tests run where ../shared/data is absent. `npm run fixtures` regenerates them.
 */
import { mkdirSync } from 'node:fs';
import { FIXTURES, FIXTURE_DIR } from '../test/fixtures.ts';
import { b, rotated, where, write, Z } from './fixture-kit.ts';

mkdirSync(FIXTURE_DIR, { recursive: true });

const { boxWithHole, cylinder, plate, shaft } = FIXTURES;
const bh = boxWithHole;
const drilled = b.cut(b.box(bh.size[0], bh.size[1], bh.size[2]), b.cylinder([bh.hole[0], bh.hole[1], -1], Z, bh.radius, bh.size[2] + 2));
write('box-with-hole.step', drilled);
write('box-with-hole-inch.step', drilled, 'INCH');
write('cylinder.step', b.cylinder([0, 0, 0], Z, cylinder.radius, cylinder.height));
write('block.step', b.box(10, 20, 30));
write('two-bodies.step', b.compound(b.box(10, 10, 10), b.box(5, 5, 5, [20, 0, 0])));
write('surface-only.step', b.boxShell(10, 10, 10));

// A plate with a 2 x 2 grid of counterbored holes, two countersunk holes and two blind holes.
let drilledPlate = b.box(plate.size[0], plate.size[1], plate.size[2]);
const top = plate.size[2];
const { counterbore: cb, countersink: cs, blindFlat: bf, blindDrilled: bd } = plate;
for (const [x, y] of cb.at) {
  drilledPlate = b.cut(
    drilledPlate,
    b.revolved(x, y, [
      [0, top + 1],
      [cb.cbDiameter / 2, top + 1],
      [cb.cbDiameter / 2, top - cb.cbDepth],
      [cb.diameter / 2, top - cb.cbDepth],
      [cb.diameter / 2, -1],
      [0, -1],
    ]),
  );
}
const sinkDepth = (cs.cskDiameter - cs.diameter) / 2; // 90 degrees: as deep as the radius grows
for (const [x, y] of cs.at) {
  drilledPlate = b.cut(
    drilledPlate,
    b.revolved(x, y, [
      [0, top + 1],
      [cs.cskDiameter / 2 + 1, top + 1],
      [cs.diameter / 2, top - sinkDepth],
      [cs.diameter / 2, -1],
      [0, -1],
    ]),
  );
}
drilledPlate = b.cut(
  drilledPlate,
  b.revolved(bf.at[0], bf.at[1], [
    [0, top + 1],
    [bf.diameter / 2, top + 1],
    [bf.diameter / 2, top - bf.depth],
    [0, top - bf.depth],
  ]),
);
const tip = bd.diameter / 2 / Math.tan(((bd.tipAngle / 2) * Math.PI) / 180);
drilledPlate = b.cut(
  drilledPlate,
  b.revolved(bd.at[0], bd.at[1], [
    [0, top + 1],
    [bd.diameter / 2, top + 1],
    [bd.diameter / 2, top - bd.depth],
    [0, top - bd.depth - tip],
  ]),
);
const cd = plate.counterdrill;
const step = (cd.cdDiameter - cd.diameter) / 2 / Math.tan(((cd.angle / 2) * Math.PI) / 180);
drilledPlate = b.cut(
  drilledPlate,
  b.revolved(cd.at[0], cd.at[1], [
    [0, top + 1],
    [cd.cdDiameter / 2, top + 1],
    [cd.cdDiameter / 2, top - cd.cdDepth],
    [cd.diameter / 2, top - cd.cdDepth - step],
    [cd.diameter / 2, -1],
    [0, -1],
  ]),
);
write('plate-holes.step', drilledPlate);
write('plate-holes-rotated.step', rotated(drilledPlate));

// A block with a rectangular pocket, a through slot and a through step.
const { prismatic: pr } = FIXTURES;
let milled = b.box(pr.size[0], pr.size[1], pr.size[2]);
const [px, py, pw, pl, pd] = pr.pocket;
milled = b.cut(milled, b.box(pw, pl, pd + 1, [px, py, pr.size[2] - pd]));
const [sx, sw, sd] = pr.slot;
milled = b.cut(milled, b.box(sw, pr.size[1] + 2, sd + 1, [sx, -1, pr.size[2] - sd]));
const [stw, sth] = pr.step;
milled = b.cut(milled, b.box(pr.size[0] + 2, stw + 1, sth + 1, [-1, -1, -1]));
const [pgx, pgy, pgw, pgl] = pr.passage;
milled = b.cut(milled, b.box(pgw, pgl, pr.size[2] + 2, [pgx, pgy, -1]));
milled = b.chamfer(
  milled,
  where((a, c) => a[0] === pr.size[0] && c[0] === pr.size[0] && a[2] === pr.size[2] && c[2] === pr.size[2], pr.chamfer),
);
write('prismatic.step', milled);
write('prismatic-rotated.step', rotated(milled));

// Rounded cuts: a pocket with corner radii, a slot with half-round ends, a rounded outside edge.
const { rounded: rd } = FIXTURES;
let roundedBlock = b.fillet(
  b.box(rd.size[0], rd.size[1], rd.size[2]),
  where((a, c) => a[0] === 0 && a[1] === 0 && c[0] === 0 && c[1] === 0, rd.edgeRadius),
);
const [rpx, rpy, rpw, rpl, rpd] = rd.pocket;
const pocketTool = b.fillet(
  b.box(rpw, rpl, rpd + 1, [rpx, rpy, rd.size[2] - rpd]),
  where((a, c) => a[0] === c[0] && a[1] === c[1], rd.cornerRadius),
);
roundedBlock = b.cut(roundedBlock, pocketTool);
const [scx, scy, sLen, sWidth, sDepth] = rd.slot;
const slotTool = b.unify(
  b.fuse(
    b.fuse(
      b.box(sLen, sWidth, sDepth + 1, [scx - sLen / 2, scy - sWidth / 2, rd.size[2] - sDepth]),
      b.cylinder([scx - sLen / 2, scy, rd.size[2] - sDepth], Z, sWidth / 2, sDepth + 1),
    ),
    b.cylinder([scx + sLen / 2, scy, rd.size[2] - sDepth], Z, sWidth / 2, sDepth + 1),
  ),
);
roundedBlock = b.cut(roundedBlock, slotTool);
write('rounded.step', roundedBlock);
write('rounded-rotated.step', rotated(roundedBlock));

// A plate with a round boss and an O-ring groove on its top face.
const { bossPlate: bp } = FIXTURES;
let studded = b.fuse(b.box(bp.size[0], bp.size[1], bp.size[2]), b.cylinder([bp.boss[0], bp.boss[1], bp.size[2]], Z, bp.boss[2] / 2, bp.boss[3]));
studded = b.unify(studded);
const [gx, gy, gInner, gOuter, gDepth] = bp.groove;
studded = b.cut(
  studded,
  b.revolved(gx, gy, [
    [gInner / 2, bp.size[2] + 1],
    [gOuter / 2, bp.size[2] + 1],
    [gOuter / 2, bp.size[2] - gDepth],
    [gInner / 2, bp.size[2] - gDepth],
  ]),
);
write('boss-groove.step', studded);
write('boss-groove-rotated.step', rotated(studded));

// A pocket that leaves a thin wall on one side.
const { thinWall: tw } = FIXTURES;
const thin = b.cut(b.box(tw.size[0], tw.size[1], tw.size[2]), b.box(tw.size[0] - tw.wall - 5, tw.size[1] - 10, tw.size[2], [tw.wall, 5, 5]));
write('thin-wall.step', thin);

// A turned shaft: chamfered ends, a shoulder and a groove.
const turned = b.revolved(0, 0, shaft.profile);
write('shaft.step', turned);
write('shaft-rotated.step', rotated(turned));

// A blind bore with an internal groove: the groove hides under the bore's lip from every side.
const { undercut: uc } = FIXTURES;
const ucTop = uc.size[2];
const [ubx, uby, ubd, ubDepth] = uc.bore;
const [ugd, ugAt, ugw] = uc.groove;
const grooved = b.cut(
  b.box(uc.size[0], uc.size[1], uc.size[2]),
  b.revolved(ubx, uby, [
    [0, ucTop + 1],
    [ubd / 2, ucTop + 1],
    [ubd / 2, ucTop - ugAt],
    [ugd / 2, ucTop - ugAt],
    [ugd / 2, ucTop - ugAt - ugw],
    [ubd / 2, ucTop - ugAt - ugw],
    [ubd / 2, ucTop - ubDepth],
    [0, ucTop - ubDepth],
  ]),
);
write('undercut.step', grooved);
write('undercut-rotated.step', rotated(grooved));

// A pocket open to one side wall, with rounded inner corners.
const { openPocket: op } = FIXTURES;
const [opx, opy, opw, opd] = op.pocket;
const openTool = b.fillet(
  b.box(opx + 10, opw, opd + 1, [-10, opy, op.size[2] - opd]),
  where((a, c) => a[0] === opx && c[0] === opx && a[1] === c[1], op.cornerRadius),
);
const openPocketed = b.cut(b.box(op.size[0], op.size[1], op.size[2]), openTool);
write('open-pocket.step', openPocketed);
write('open-pocket-rotated.step', rotated(openPocketed));

// Threads modelled as V-rings (60°): a sharp V outside (depth = pitch / (2 tan 30°)); inside, flat
// crests a quarter pitch wide between the flanks (depth = 3/8 pitch / tan 30°).
const { threaded: th } = FIXTURES;
const [exD, exP, exZ, exTurns] = th.external;
const [inD, inP, inFrom, inTurns] = th.internal;
const [bodyD, bodyFrom, bodyTo] = th.body;
const flank = (3 / 8) * inP; // axial width of one internal flank
const minorIn = inD / 2 - flank / Math.tan(Math.PI / 6);
const threadProfile: [number, number][] = [
  [0, 0],
  [exD / 2, 0],
  [exD / 2, exZ],
];
for (let i = 0; i < exTurns; i++)
  threadProfile.push([exD / 2 - exP / (2 * Math.tan(Math.PI / 6)), exZ + exP * (i + 0.5)], [exD / 2, exZ + exP * (i + 1)]);
threadProfile.push([bodyD / 2, bodyFrom], [bodyD / 2, bodyTo], [minorIn, bodyTo], [minorIn, bodyTo - inFrom]);
for (let i = 0; i < inTurns; i++) {
  const z = bodyTo - inFrom - inP * i;
  threadProfile.push([inD / 2, z - flank], [minorIn, z - 2 * flank]);
  if (i < inTurns - 1) threadProfile.push([minorIn, z - inP]); // the flat crest
}
threadProfile.push([minorIn, bodyTo - th.boreDepth], [0, bodyTo - th.boreDepth]);
const threadedShaft = b.revolved(0, 0, threadProfile);
write('threaded.step', threadedShaft);
write('threaded-rotated.step', rotated(threadedShaft));

// A helical thread cut from a round bar.
const { helical: hx } = FIXTURES;
const beyond = 0.6; // the profile pokes out of the bar, so the cut leaves no sliver
const threadedBar = b.cut(
  b.cylinder([0, 0, 0], Z, hx.major / 2, hx.length),
  b.helicalV(0, 0, hx.major / 2 - hx.depth, hx.start, hx.pitch, hx.turns, hx.depth + beyond),
);
write('helical-thread.step', threadedBar);
write('helical-thread-rotated.step', rotated(threadedBar));

// A blind tapped hole with a helical thread: drilled to the minor diameter, the V swept inside.
const { tappedHelical: th2 } = FIXTURES;
const [thx, thy] = th2.at;
const thTop = th2.size[2];
const helicalTapped = b.cut(
  b.cut(b.box(th2.size[0], th2.size[1], th2.size[2]), b.cylinder([thx, thy, thTop - th2.depth], Z, th2.minor / 2, th2.depth + 1)),
  b.helicalV(thx, thy, th2.major / 2, thTop - th2.entry - th2.turns * th2.pitch, th2.pitch, th2.turns, -(th2.major - th2.minor) / 2 - 0.5),
);
write('tapped-helical.step', helicalTapped);
write('tapped-helical-rotated.step', rotated(helicalTapped));

// Round-ended slots open to a side: a U (half-round end) and one along an edge (quarter-round ends).
const { roundSlots: rs } = FIXTURES;
const rsTop = rs.size[2];
const [ux, uLen, uWidth, uDepth] = rs.u;
const uEnd = rs.size[1] - uLen + uWidth / 2; // centre of the half-round end
const uTool = b.unify(
  b.fuse(
    b.box(uWidth, rs.size[1] - uEnd + 1, uDepth + 1, [ux - uWidth / 2, uEnd, rsTop - uDepth]),
    b.cylinder([ux, uEnd, rsTop - uDepth], Z, uWidth / 2, uDepth + 1),
  ),
);
const [hx0, hLen, hWidth, hDepth] = rs.h;
const hTool = b.unify(
  b.fuse(
    b.fuse(
      b.box(hLen - 2 * hWidth, hWidth + 1, hDepth + 1, [hx0 + hWidth, -1, rsTop - hDepth]),
      b.cylinder([hx0 + hWidth, 0, rsTop - hDepth], Z, hWidth, hDepth + 1),
    ),
    b.cylinder([hx0 + hLen - hWidth, 0, rsTop - hDepth], Z, hWidth, hDepth + 1),
  ),
);
const slotted = b.cut(b.cut(b.box(rs.size[0], rs.size[1], rs.size[2]), uTool), hTool);
write('round-slots.step', slotted);
write('round-slots-rotated.step', rotated(slotted));

// A multi-groove V-belt pulley: V-rings at a fixed pitch, but at a belt's angle, not a thread's.
const { pulley: pu } = FIXTURES;
const halfTop = pu.depth * Math.tan(((pu.angle / 2) * Math.PI) / 180);
const pulleyProfile: [number, number][] = [
  [0, 0],
  [pu.diameter / 2, 0],
];
for (let i = 0; i < pu.grooves; i++) {
  const mid = pu.start + pu.pitch * i + pu.pitch / 2;
  pulleyProfile.push([pu.diameter / 2, mid - halfTop], [pu.diameter / 2 - pu.depth, mid], [pu.diameter / 2, mid + halfTop]);
}
pulleyProfile.push([pu.diameter / 2, pu.length], [0, pu.length]);
write('pulley.step', b.revolved(0, 0, pulleyProfile));

// A T-slot that ends inside the block both ways: the head hides under the neck's lips.
const { tSlot: ts } = FIXTURES;
const [neckX, neckW, neckD] = ts.neck;
const [headX, headW, headH] = ts.head;
const tTool = b.unify(
  b.fuse(
    b.box(neckW, ts.y1 - ts.y0, neckD + 1, [neckX, ts.y0, ts.size[2] - neckD]),
    b.box(headW, ts.y1 - ts.y0, headH, [headX, ts.y0, ts.size[2] - neckD - headH]),
  ),
);
const tSlotted = b.cut(b.box(ts.size[0], ts.size[1], ts.size[2]), tTool);
write('t-slot.step', tSlotted);
write('t-slot-rotated.step', rotated(tSlotted));

// A blind tapped hole modelled with V-rings (flats on the crests, as inside the threaded shaft).
const { tapped: tp } = FIXTURES;
const [tapD, tapMinorD, tapP, tapTurns] = tp.thread;
const tapMinor = tapMinorD / 2;
const tapFlank = (tapD / 2 - tapMinor) * Math.tan(Math.PI / 6); // axial width of a 60° flank
const tapTop = tp.size[2];
const tapProfile: [number, number][] = [
  [0, tapTop + 1],
  [tapMinor, tapTop + 1],
  [tapMinor, tapTop - tp.entry],
];
for (let i = 0; i < tapTurns; i++) {
  const z = tapTop - tp.entry - tapP * i;
  tapProfile.push([tapD / 2, z - tapFlank], [tapMinor, z - 2 * tapFlank]);
  if (i < tapTurns - 1) tapProfile.push([tapMinor, z - tapP]);
}
const tapTip = tapMinor / Math.tan((59 * Math.PI) / 180);
tapProfile.push([tapMinor, tapTop - tp.depth], [0, tapTop - tp.depth - tapTip]);
const tappedBlock = b.cut(b.box(tp.size[0], tp.size[1], tp.size[2]), b.revolved(tp.at[0], tp.at[1], tapProfile));
write('tapped-hole.step', tappedBlock);
write('tapped-hole-rotated.step', rotated(tappedBlock));
await import('./hole-fixtures.ts');
await import('./count-fixtures.ts');
await import('./boss-fixtures.ts');
await import('./slot-fixtures.ts');
await import('./interrupted-fixtures.ts');
await import('./notch-fixtures.ts');
await import('./swept-fixtures.ts');
await import('./tessellated-fixture.ts');
await import('./pmi-fixture.ts');
await import('./turned-fixtures.ts');
await import('./opened-cut-fixtures.ts');
await import('./multibody-fixtures.ts');
await import('./sheet-fixtures.ts');
