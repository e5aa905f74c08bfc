/**
 * Fixtures for counting as an estimator counts (`npx tsx scripts/count-fixtures.ts`, also run by
 * `npm run fixtures`): rounded outlines, fillet chains, sheet metal, bosses and tubes, gears, edge
 * breaks, modelled threads. Dimensions in test/count-fixtures.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { COUNT_FIXTURES } from '../test/count-fixtures.ts';
import { FIXTURE_DIR } from '../test/fixtures.ts';
import { b, near, rotated, where, write, Z, zPrism } from './fixture-kit.ts';

type XY = readonly [number, number];

/** A closed profile in z = 0 of lines ([x, y] to the next point) and arcs ({ via, to }), extruded `height` up. */
function extruded(start: XY, segments: ({ to: XY } | { via: XY; to: XY })[], height: number): TopoDS_Shape {
  const at = ([x, y]: XY) => [x, y, 0] as const;
  const outline = b.outline(
    at(start),
    segments.map((s) => ('via' in s ? { via: at(s.via), to: at(s.to) } : { to: at(s.to) })),
  );
  return b.extrude(b.planarFace(outline), [0, 0, height]);
}

const vertical = (a: readonly number[], c: readonly number[]) => Math.abs(a[0]! - c[0]!) < 1e-6 && Math.abs(a[1]! - c[1]!) < 1e-6;
/** A block's top edge along x at y = 0 (the block `top` high). */
const topFrontEdge = (top: number) => (a: readonly number[], c: readonly number[]) =>
  near(a[1]!, 0) && near(c[1]!, 0) && near(a[2]!, top) && near(c[2]!, top);
/** The four vertical edges of a block `dx` × `dy` from the origin. */
const cornerEdges = (dx: number, dy: number) => (a: readonly number[], c: readonly number[]) =>
  vertical(a, c) && [0, dx].some((x) => near(a[0]!, x)) && [0, dy].some((y) => near(a[1]!, y));

const { lug: l, lobed: lb } = COUNT_FIXTURES;
const r = l.width / 2;
let lug = extruded(
  [0, 0],
  [{ to: [l.length, 0] }, { via: [l.length + r, r], to: [l.length, l.width] }, { to: [0, l.width] }, { to: [0, 0] }],
  l.thickness,
);
lug = b.fillet(
  lug,
  where((a, c) => vertical(a, c) && Math.abs(a[0]!) < 1e-6, l.cornerRadius),
);
lug = b.fillet(
  lug,
  where((a, c) => Math.abs(a[2]! - l.thickness) < 1e-6 && Math.abs(c[2]! - l.thickness) < 1e-6, l.edgeRadius),
);
lug = b.cut(lug, b.cylinder([l.length, r, -1], Z, l.hole / 2, l.thickness + 2));
write('lug.step', lug);
write('lug-rotated.step', rotated(lug));

let lobed = b.cylinder([lb.offset, 0, 0], Z, lb.radius, lb.thickness);
for (const angle of [(2 * Math.PI) / 3, (4 * Math.PI) / 3]) {
  lobed = b.common(lobed, b.cylinder([lb.offset * Math.cos(angle), lb.offset * Math.sin(angle), 0], Z, lb.radius, lb.thickness));
}
lobed = b.fillet(lobed, where(vertical, lb.cornerRadius));
lobed = b.cut(lobed, b.cylinder([0, 0, -1], Z, lb.hole / 2, lb.thickness + 2));
write('lobed.step', lobed);

const xCylinder = (x: number, y: number, z: number, r: number, h: number) => b.cylinder([x, y, z], [1, 0, 0], r, h);

// A bent L: both corners of an L of two plates rounded about one axis (outside R + t, inside R).
const { bracket: bk } = COUNT_FIXTURES;
const t = bk.thickness;
let bracket = b.unify(b.fuse(b.box(bk.length, bk.width, t), b.box(t, bk.width, bk.height)));
const alongY = (x: number, z: number) => (a: readonly number[], c: readonly number[]) =>
  [a, c].every((p) => Math.abs(p[0]! - x) < 1e-6 && Math.abs(p[2]! - z) < 1e-6);
bracket = b.fillet(bracket, where(alongY(0, 0), bk.bendRadius + t));
bracket = b.fillet(bracket, where(alongY(t, t), bk.bendRadius));
bracket = b.cut(bracket, b.cylinder([bk.holeAt[0], bk.holeAt[1], -1], Z, bk.hole / 2, t + 2));
const [sy, sz, sl, sw] = bk.slot;
const slotTool = b.fuse(
  b.fuse(b.box(t + 2, sl, sw, [-1, sy - sl / 2, sz - sw / 2]), xCylinder(-1, sy - sl / 2, sz, sw / 2, t + 2)),
  xCylinder(-1, sy + sl / 2, sz, sw / 2, t + 2),
);
bracket = b.cut(bracket, slotTool);
const [nd, nw] = bk.notch;
bracket = b.cut(bracket, b.box(nd + 1, nw, t + 2, [bk.length - nd, (bk.width - nw) / 2, -1]));
write('sheet-bracket.step', bracket);
write('sheet-bracket-rotated.step', rotated(bracket));

const yCylinder = (x: number, y: number, z: number, r: number, h: number) => b.cylinder([x, y, z], [0, 1, 0], r, h);

// A pin with a blended foot, an ear with a half-round top and a hole, a thin tube: all standing on a plate.
const { studs: st } = COUNT_FIXTURES;
const top = st.size[2];
const [px, py, pd, ph] = st.pin;
let studs = b.unify(b.fuse(b.box(st.size[0], st.size[1], top), b.cylinder([px, py, top], Z, pd / 2, ph)));
const atPinFoot = (a: readonly number[], c: readonly number[]) =>
  [a, c].every((p) => Math.abs(p[2]! - top) < 1e-6 && Math.abs(Math.hypot(p[0]! - px, p[1]! - py) - pd / 2) < 1e-6);
studs = b.fillet(studs, where(atPinFoot, st.pinBlend));
const [ex, ey, et, ew, eh] = st.ear;
const ear = b.fuse(b.box(ew, et, eh, [ex - ew / 2, ey - et / 2, top]), yCylinder(ex, ey - et / 2, top + eh, ew / 2, et));
studs = b.unify(b.fuse(studs, ear));
const atEarFoot = (a: readonly number[], c: readonly number[]) =>
  [a, c].every((p) => Math.abs(p[2]! - top) < 1e-6 && Math.abs(p[0]! - ex) <= ew / 2 + 1e-6 && Math.abs(p[1]! - ey) <= et / 2 + 1e-6);
studs = b.fillet(studs, where(atEarFoot, st.earBlend));
studs = b.cut(studs, yCylinder(ex, ey - et / 2 - 1, top + eh, st.earHole / 2, et + 2));
const [tx, ty, tOut, tIn, th] = st.tube;
studs = b.unify(b.fuse(studs, b.cylinder([tx, ty, top], Z, tOut / 2, th)));
studs = b.cut(studs, b.cylinder([tx, ty, -1], Z, tIn / 2, top + th + 2));
write('studs.step', studs);
write('studs-rotated.step', rotated(studs));

const aboutZ = (shape: TopoDS_Shape, angle: number) => b.rotate(shape, Z, angle);

// A spur gear: straight teeth cut to the tip circle, standing on the root circle.
const { gear: gr } = COUNT_FIXTURES;
let teeth = aboutZ(b.box(gr.tip / 2 - gr.root / 2 + 2, gr.toothWidth, gr.width, [gr.root / 2 - 1, -gr.toothWidth / 2, 0]), 0);
for (let k = 1; k < gr.teeth; k++)
  teeth = b.fuse(
    teeth,
    aboutZ(b.box(gr.tip / 2 - gr.root / 2 + 2, gr.toothWidth, gr.width, [gr.root / 2 - 1, -gr.toothWidth / 2, 0]), (2 * Math.PI * k) / gr.teeth),
  );
let gear = b.unify(b.fuse(b.cylinder([0, 0, 0], Z, gr.root / 2, gr.width), b.common(teeth, b.cylinder([0, 0, 0], Z, gr.tip / 2, gr.width))));
gear = b.cut(gear, b.cylinder([0, 0, -1], Z, gr.bore / 2, gr.width + 2));
write('gear.step', gear);
write('gear-rotated.step', rotated(gear));

// A block with one chamfer its shape shows and four edge breaks.
const { edgeBreaks: eb } = COUNT_FIXTURES;
const [ebx, eby, ebz] = eb.size;
let broken = b.chamfer(b.box(ebx, eby, ebz), where(topFrontEdge(ebz), eb.chamfer));
broken = b.chamfer(broken, where(cornerEdges(ebx, eby), eb.edgeBreak));
write('edge-breaks.step', broken);
write('edge-breaks-rotated.step', rotated(broken));

// A plate threaded through: drilled to the minor diameter, a flat-rooted V swept from below to above it.
const { threadedThrough: tt } = COUNT_FIXTURES;
const [ttx, tty, ttz] = tt.size;
const turns = Math.ceil(ttz / tt.pitch) + 2;
let threaded = b.cut(b.box(ttx, tty, ttz), b.cylinder([tt.at[0], tt.at[1], -1], Z, tt.minor / 2, ttz + 2));
threaded = b.cut(
  threaded,
  b.helicalV(tt.at[0], tt.at[1], tt.major / 2, -2 * tt.pitch, tt.pitch, turns, -(tt.major - tt.minor) / 2 - 0.5, tt.pitch / 8),
);
write('threaded-through.step', threaded);
write('threaded-through-rotated.step', rotated(threaded));

// Turned parts: a bush with a stepped axial bore, a ring bored wider than a drill.
const { bush: bu, ring: rg } = COUNT_FIXTURES;
const bush = b.revolved(0, 0, [
  [bu.bore / 2, 0],
  [bu.outside / 2, 0],
  [bu.outside / 2, bu.length],
  [bu.counterbore / 2, bu.length],
  [bu.counterbore / 2, bu.length - bu.counterboreDepth],
  [bu.bore / 2, bu.length - bu.counterboreDepth],
]);
write('bush.step', bush);
write('bush-rotated.step', rotated(bush));
const ring = b.revolved(0, 0, [
  [rg.bore / 2, 0],
  [rg.outside / 2, 0],
  [rg.outside / 2, rg.length],
  [rg.bore / 2, rg.length],
]);
write('ring.step', ring);

// An L bracket braced by a triangular gusset in its inside corner.
const { gusset: gu } = COUNT_FIXTURES;
const [gt, gw] = [gu.thickness, gu.width];
const web = zPrism(
  [
    [gt, gt],
    [gt + gu.leg, gt],
    [gt, gt + gu.leg],
  ],
  (gw - gu.web) / 2,
  gu.web,
);
const braced = b.unify(b.fuse(b.fuse(b.box(gu.base, gt, gw), b.box(gt, gu.upright, gw)), web));
write('gusset.step', braced);
write('gusset-rotated.step', rotated(braced));

// A slot counterbored for a bolt's head: two round-ended slots on one centre line, stacked.
const { counterboredSlot: cs } = COUNT_FIXTURES;
const [csx, csy, csz] = cs.size;
const obround = (width: number, z: number, h: number) =>
  b.unify(
    b.fuse(
      b.fuse(
        b.box(cs.length, width, h, [cs.at[0] - cs.length / 2, cs.at[1] - width / 2, z]),
        b.cylinder([cs.at[0] - cs.length / 2, cs.at[1], z], Z, width / 2, h),
      ),
      b.cylinder([cs.at[0] + cs.length / 2, cs.at[1], z], Z, width / 2, h),
    ),
  );
let slotted = b.cut(b.box(csx, csy, csz), obround(cs.through, -1, csz + 2));
slotted = b.unify(b.cut(slotted, obround(cs.counterbore, csz - cs.counterboreDepth, cs.counterboreDepth + 1)));
write('counterbored-slot.step', slotted);
write('counterbored-slot-rotated.step', rotated(slotted));

// A block with one round its shape shows, four edge rounds, a pocket and two engraved letters.
const { finishMarks: fm } = COUNT_FIXTURES;
const [fmx, fmy, fmz] = fm.size;
let marked = b.fillet(b.box(fmx, fmy, fmz), where(topFrontEdge(fmz), fm.fillet));
marked = b.fillet(marked, where(cornerEdges(fmx, fmy), fm.edgeRound));
const [pkx, pky, pkl, pkw, pkd] = fm.pocket;
marked = b.cut(marked, b.box(pkl, pkw, pkd + 1, [pkx, pky, fmz - pkd]));
const [s, h] = [fm.stroke, fm.letter];
const [[lx, ly], [tx2, ty2]] = fm.letters;
const letterL: [number, number][] = [
  [lx, ly],
  [lx + 0.6 * h, ly],
  [lx + 0.6 * h, ly + s],
  [lx + s, ly + s],
  [lx + s, ly + h],
  [lx, ly + h],
];
const letterT: [number, number][] = [
  [tx2 + (0.6 * h - s) / 2, ty2],
  [tx2 + (0.6 * h + s) / 2, ty2],
  [tx2 + (0.6 * h + s) / 2, ty2 + h - s],
  [tx2 + 0.6 * h, ty2 + h - s],
  [tx2 + 0.6 * h, ty2 + h],
  [tx2, ty2 + h],
  [tx2, ty2 + h - s],
  [tx2 + (0.6 * h - s) / 2, ty2 + h - s],
];
for (const letter of [letterL, letterT]) marked = b.cut(marked, zPrism(letter, fmz - fm.engraving, fm.engraving + 1));
write('finish-marks.step', marked);
write('finish-marks-rotated.step', rotated(marked));

// Turned flanges: a spigot bored to a drill's size (a boss), a neck bored as a tube (a pipe).
const { spigot: sp, neckedFlange: nf } = COUNT_FIXTURES;
for (const [name, [flange, flangeLength, body, bodyLength, bore]] of [
  ['spigot', [sp.flange, sp.flangeLength, sp.spigot, sp.spigotLength, sp.bore]],
  ['necked-flange', [nf.flange, nf.flangeLength, nf.neck, nf.neckLength, nf.bore]],
] as const) {
  const flanged = b.revolved(0, 0, [
    [bore / 2, 0],
    [flange / 2, 0],
    [flange / 2, flangeLength],
    [body / 2, flangeLength],
    [body / 2, flangeLength + bodyLength],
    [bore / 2, flangeLength + bodyLength],
  ]);
  write(`${name}.step`, flanged);
  write(`${name}-rotated.step`, rotated(flanged));
}

// Turned: a collar with a tapered nose, bored through.
const { taperedNose: tn } = COUNT_FIXTURES;
const nose = b.revolved(0, 0, [
  [tn.bore / 2, 0],
  [tn.collar / 2, 0],
  [tn.collar / 2, tn.collarLength],
  [tn.nose[0] / 2, tn.collarLength],
  [tn.nose[1] / 2, tn.collarLength + tn.noseLength],
  [tn.bore / 2, tn.collarLength + tn.noseLength],
]);
write('tapered-nose.step', nose);
write('tapered-nose-rotated.step', rotated(nose));

// A plate drawn as one profile with an ear (flat sides, a half-round end about a hole) on one face.
const { plateEar: pe } = COUNT_FIXTURES;
const earRadius = pe.width / 2;
let eared = extruded(
  [0, pe.thickness],
  [
    { to: [0, 0] },
    { to: [pe.at, 0] },
    { to: [pe.at, -pe.reach] },
    { via: [pe.at + earRadius, -pe.reach - earRadius], to: [pe.at + pe.width, -pe.reach] },
    { to: [pe.at + pe.width, 0] },
    { to: [pe.length, 0] },
    { to: [pe.length, pe.thickness] },
    { to: [0, pe.thickness] },
  ],
  pe.height,
);
eared = b.cut(eared, b.cylinder([pe.at + earRadius, -pe.reach, -1], Z, pe.hole / 2, pe.height + 2));
write('plate-ear.step', eared);
write('plate-ear-rotated.step', rotated(eared));

// Turned: a collar with a spigot stepped down twice, and a blind bore with a ball-nosed bottom.
const { steppedSpigot: ss } = COUNT_FIXTURES;
const profile: [number, number][] = [
  [0, 0],
  [ss.collar / 2, 0],
  [ss.collar / 2, ss.collarLength],
];
let along = ss.collarLength;
for (const [diameter, length] of ss.sections) {
  profile.push([diameter / 2, along], [diameter / 2, along + length]);
  along += length;
}
profile.push([0, along]);
let stepped = b.revolved(0, 0, profile);
stepped = b.cut(stepped, b.cylinder([0, 0, -1], Z, ss.bore / 2, ss.boreDepth + 1));
stepped = b.cut(stepped, b.sphere([0, 0, ss.boreDepth], ss.bore / 2));
write('stepped-spigot.step', stepped);
write('stepped-spigot-rotated.step', rotated(stepped));

// A weldment, one body per member and per bead: plate, ear and tube, beads along the ear's foot and round the tube's.
function weldmentBodies() {
  const { weldment: wm } = COUNT_FIXTURES;
  const [px, py, pz] = wm.plate;
  const [ex, ey, ez] = wm.ear;
  const [eax, eay] = wm.earAt;
  const plate = b.cut(b.box(px, py, pz), b.cylinder([wm.plateHoleAt[0], wm.plateHoleAt[1], -1], Z, wm.plateHole / 2, pz + 2));
  const earPlate = b.cut(
    b.box(ex, ey, ez, [eax, eay, pz]),
    b.cylinder([wm.earHoleAt[0], eay - 1, wm.earHoleAt[1]], [0, 1, 0], wm.earHole / 2, ey + 2),
  );
  const tube = b.cut(
    b.cylinder([wm.tubeAt[0], wm.tubeAt[1], pz], Z, wm.tube / 2, wm.tubeLength),
    b.cylinder([wm.tubeAt[0], wm.tubeAt[1], pz - 1], Z, wm.tubeBore / 2, wm.tubeLength + 2),
  );
  /** A bead along x on the ear's side at y = `side`, its leg on the plate reaching `out` (±1) in y. */
  const bead = (side: number, out: number) =>
    b.extrude(
      b.planarFace(
        b.polygon([
          [eax, side, pz],
          [eax, side + out * wm.leg, pz],
          [eax, side, pz + wm.leg],
        ]),
      ),
      [ex, 0, 0],
    );
  const ring = b.revolved(wm.tubeAt[0], wm.tubeAt[1], [
    [wm.tube / 2, pz],
    [wm.tube / 2 + wm.leg, pz],
    [wm.tube / 2, pz + wm.leg],
  ]);
  return { members: [plate, earPlate, tube], beads: [bead(eay, -1), bead(eay + ey, 1), ring] };
}
const { members, beads } = weldmentBodies();
const welded = b.compound(...members, ...beads);
/**
 * Writes a compound of bodies. The writer numbers each body's product and its assembly link per
 * session ("Open CASCADE STEP translator 8.0 35.2", NEXT_ASSEMBLY_USAGE_OCCURRENCE('13', ...)),
 * so the bytes would hang on how many files the process wrote before (`npm run fixtures` runs
 * every script in one): each body is named after the file and its place in it, each link by its
 * place in the file.
 */
function writeBodies(name: string, shape: TopoDS_Shape): void {
  write(name, shape);
  const path = `${FIXTURE_DIR}/${name}`;
  let link = 0;
  const text = readFileSync(path, 'utf8')
    .replace(/Open CASCADE STEP translator 8\.0 \d+\.(\d+)/g, `${name.replace(/\.step$/, '')}.$1`)
    .replace(/NEXT_ASSEMBLY_USAGE_OCCURRENCE\('\d+'/g, () => `NEXT_ASSEMBLY_USAGE_OCCURRENCE('${++link}'`);
  writeFileSync(path, text);
}
writeBodies('weldment.step', welded);
writeBodies('weldment-rotated.step', rotated(welded));
writeBodies('weldment-unwelded.step', b.compound(...members));

// Turned: a collar with a nose, bored stepped into an internal taper, the step's convex edge blended.
const { blendedBore: bb } = COUNT_FIXTURES;
const boreEnd = bb.collarLength + bb.noseLength;
let nozzle = b.revolved(0, 0, [
  [bb.bore / 2, 0],
  [bb.collar / 2, 0],
  [bb.collar / 2, bb.collarLength],
  [bb.nose / 2, bb.collarLength],
  [bb.nose / 2, boreEnd],
  [bb.taper[1] / 2, boreEnd],
  [bb.taper[0] / 2, bb.boreDepth],
  [bb.bore / 2, bb.boreDepth],
]);
const atTaperMouth = (p: readonly number[]) => near(p[2]!, bb.boreDepth) && near(Math.hypot(p[0]!, p[1]!), bb.taper[0] / 2);
nozzle = b.fillet(
  nozzle,
  where((a, c) => atTaperMouth(a) && atTaperMouth(c), bb.blend),
);
write('blended-bore.step', nozzle);
write('blended-bore-rotated.step', rotated(nozzle));
