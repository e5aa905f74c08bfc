/**
 * Fixtures for counting as an estimator counts (`npx tsx scripts/count-fixtures.ts`, also run by
 * `npm run fixtures`): rounded outlines, fillet chains, sheet metal, bosses and tubes, gears, edge
 * breaks, modelled threads. Dimensions in test/count-fixtures.ts.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import { COUNT_FIXTURES } from '../test/count-fixtures.ts';
import {
  box,
  chamferEdges,
  cut,
  filletEdges,
  fuse,
  helicalV,
  near,
  oc,
  point,
  revolved,
  rotated,
  unify,
  write,
  zCylinder,
  zPrism,
} from './fixture-kit.ts';

/** A closed profile in z = 0 of lines ([x, y] to the next point) and arcs ({ via, to }), extruded `height` up. */
function extruded(
  start: readonly [number, number],
  segments: ({ to: readonly [number, number] } | { via: readonly [number, number]; to: readonly [number, number] })[],
  height: number,
): TopoDS_Shape {
  const wire = new oc.BRepBuilderAPI_MakeWire();
  let from = start;
  for (const s of segments) {
    const edge =
      'via' in s
        ? new oc.BRepBuilderAPI_MakeEdge(
            new oc.GC_MakeArcOfCircle(point(from[0], from[1], 0), point(s.via[0], s.via[1], 0), point(s.to[0], s.to[1], 0)).Value(),
          ).Edge()
        : new oc.BRepBuilderAPI_MakeEdge(point(from[0], from[1], 0), point(s.to[0], s.to[1], 0)).Edge();
    wire.Add(edge);
    from = s.to;
  }
  const face = new oc.BRepBuilderAPI_MakeFace(wire.Wire(), true).Face();
  return new oc.BRepPrimAPI_MakePrism(face, new oc.gp_Vec(0, 0, height), false, true).Shape();
}

function common(a: TopoDS_Shape, b: TopoDS_Shape): TopoDS_Shape {
  return new oc.BRepAlgoAPI_Common(a, b, new oc.Message_ProgressRange()).Shape();
}

const vertical = (a: number[], b: number[]) => Math.abs(a[0]! - b[0]!) < 1e-6 && Math.abs(a[1]! - b[1]!) < 1e-6;

const { lug: l, lobed: lb } = COUNT_FIXTURES;
const r = l.width / 2;
let lug = extruded(
  [0, 0],
  [{ to: [l.length, 0] }, { via: [l.length + r, r], to: [l.length, l.width] }, { to: [0, l.width] }, { to: [0, 0] }],
  l.thickness,
);
lug = filletEdges(lug, l.cornerRadius, (a, b) => vertical(a, b) && Math.abs(a[0]!) < 1e-6);
lug = filletEdges(lug, l.edgeRadius, (a, b) => Math.abs(a[2]! - l.thickness) < 1e-6 && Math.abs(b[2]! - l.thickness) < 1e-6);
lug = cut(lug, zCylinder(l.length, r, -1, l.hole / 2, l.thickness + 2));
write(oc, 'lug.step', lug);
write(oc, 'lug-rotated.step', rotated(lug));

let lobed = zCylinder(lb.offset, 0, 0, lb.radius, lb.thickness);
for (const angle of [(2 * Math.PI) / 3, (4 * Math.PI) / 3]) {
  lobed = common(lobed, zCylinder(lb.offset * Math.cos(angle), lb.offset * Math.sin(angle), 0, lb.radius, lb.thickness));
}
lobed = filletEdges(lobed, lb.cornerRadius, vertical);
lobed = cut(lobed, zCylinder(0, 0, -1, lb.hole / 2, lb.thickness + 2));
write(oc, 'lobed.step', lobed);

function xCylinder(x: number, y: number, z: number, r: number, h: number): TopoDS_Shape {
  return new oc.BRepPrimAPI_MakeCylinder(new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(1, 0, 0)), r, h).Shape();
}

// A bent L: both corners of an L of two plates rounded about one axis (outside R + t, inside R).
const { bracket: bk } = COUNT_FIXTURES;
const t = bk.thickness;
let bracket = unify(fuse(box(0, 0, 0, bk.length, bk.width, t), box(0, 0, 0, t, bk.width, bk.height)));
const alongY = (x: number, z: number) => (a: number[], b: number[]) => [a, b].every((p) => Math.abs(p[0]! - x) < 1e-6 && Math.abs(p[2]! - z) < 1e-6);
bracket = filletEdges(bracket, bk.bendRadius + t, alongY(0, 0));
bracket = filletEdges(bracket, bk.bendRadius, alongY(t, t));
bracket = cut(bracket, zCylinder(bk.holeAt[0], bk.holeAt[1], -1, bk.hole / 2, t + 2));
const [sy, sz, sl, sw] = bk.slot;
const slotTool = fuse(
  fuse(box(-1, sy - sl / 2, sz - sw / 2, t + 2, sl, sw), xCylinder(-1, sy - sl / 2, sz, sw / 2, t + 2)),
  xCylinder(-1, sy + sl / 2, sz, sw / 2, t + 2),
);
bracket = cut(bracket, slotTool);
const [nd, nw] = bk.notch;
bracket = cut(bracket, box(bk.length - nd, (bk.width - nw) / 2, -1, nd + 1, nw, t + 2));
write(oc, 'sheet-bracket.step', bracket);
write(oc, 'sheet-bracket-rotated.step', rotated(bracket));

function yCylinder(x: number, y: number, z: number, r: number, h: number): TopoDS_Shape {
  return new oc.BRepPrimAPI_MakeCylinder(new oc.gp_Ax2(point(x, y, z), new oc.gp_Dir(0, 1, 0)), r, h).Shape();
}

// A pin with a blended foot, an ear with a half-round top and a hole, a thin tube: all standing on a plate.
const { studs: st } = COUNT_FIXTURES;
const top = st.size[2];
const [px, py, pd, ph] = st.pin;
let studs = unify(fuse(box(0, 0, 0, st.size[0], st.size[1], top), zCylinder(px, py, top, pd / 2, ph)));
const atPinFoot = (a: number[], b: number[]) =>
  [a, b].every((p) => Math.abs(p[2]! - top) < 1e-6 && Math.abs(Math.hypot(p[0]! - px, p[1]! - py) - pd / 2) < 1e-6);
studs = filletEdges(studs, st.pinBlend, atPinFoot);
const [ex, ey, et, ew, eh] = st.ear;
const ear = fuse(box(ex - ew / 2, ey - et / 2, top, ew, et, eh), yCylinder(ex, ey - et / 2, top + eh, ew / 2, et));
studs = unify(fuse(studs, ear));
const atEarFoot = (a: number[], b: number[]) =>
  [a, b].every((p) => Math.abs(p[2]! - top) < 1e-6 && Math.abs(p[0]! - ex) <= ew / 2 + 1e-6 && Math.abs(p[1]! - ey) <= et / 2 + 1e-6);
studs = filletEdges(studs, st.earBlend, atEarFoot);
studs = cut(studs, yCylinder(ex, ey - et / 2 - 1, top + eh, st.earHole / 2, et + 2));
const [tx, ty, tOut, tIn, th] = st.tube;
studs = unify(fuse(studs, zCylinder(tx, ty, top, tOut / 2, th)));
studs = cut(studs, zCylinder(tx, ty, -1, tIn / 2, top + th + 2));
write(oc, 'studs.step', studs);
write(oc, 'studs-rotated.step', rotated(studs));

function aboutZ(shape: TopoDS_Shape, angle: number): TopoDS_Shape {
  const trsf = new oc.gp_Trsf();
  trsf.SetRotation(new oc.gp_Ax1(point(0, 0, 0), new oc.gp_Dir(0, 0, 1)), angle);
  return new oc.BRepBuilderAPI_Transform(shape, trsf, true, false).Shape();
}

// A spur gear: straight teeth cut to the tip circle, standing on the root circle.
const { gear: gr } = COUNT_FIXTURES;
let teeth = aboutZ(box(gr.root / 2 - 1, -gr.toothWidth / 2, 0, gr.tip / 2 - gr.root / 2 + 2, gr.toothWidth, gr.width), 0);
for (let k = 1; k < gr.teeth; k++)
  teeth = fuse(
    teeth,
    aboutZ(box(gr.root / 2 - 1, -gr.toothWidth / 2, 0, gr.tip / 2 - gr.root / 2 + 2, gr.toothWidth, gr.width), (2 * Math.PI * k) / gr.teeth),
  );
let gear = unify(fuse(zCylinder(0, 0, 0, gr.root / 2, gr.width), common(teeth, zCylinder(0, 0, 0, gr.tip / 2, gr.width))));
gear = cut(gear, zCylinder(0, 0, -1, gr.bore / 2, gr.width + 2));
write(oc, 'gear.step', gear);
write(oc, 'gear-rotated.step', rotated(gear));

// A block with one chamfer its shape shows and four edge breaks.
const { edgeBreaks: eb } = COUNT_FIXTURES;
const [ebx, eby, ebz] = eb.size;
let broken = chamferEdges(
  box(0, 0, 0, ebx, eby, ebz),
  eb.chamfer,
  (a, b) => near(a[1]!, 0) && near(b[1]!, 0) && near(a[2]!, ebz) && near(b[2]!, ebz),
);
broken = chamferEdges(broken, eb.edgeBreak, (a, b) => vertical(a, b) && [0, ebx].some((x) => near(a[0]!, x)) && [0, eby].some((y) => near(a[1]!, y)));
write(oc, 'edge-breaks.step', broken);
write(oc, 'edge-breaks-rotated.step', rotated(broken));

// A plate threaded through: drilled to the minor diameter, a flat-rooted V swept from below to above it.
const { threadedThrough: tt } = COUNT_FIXTURES;
const [ttx, tty, ttz] = tt.size;
const turns = Math.ceil(ttz / tt.pitch) + 2;
let threaded = cut(box(0, 0, 0, ttx, tty, ttz), zCylinder(tt.at[0], tt.at[1], -1, tt.minor / 2, ttz + 2));
threaded = cut(threaded, helicalV(tt.at[0], tt.at[1], tt.major / 2, -2 * tt.pitch, tt.pitch, turns, -(tt.major - tt.minor) / 2 - 0.5, tt.pitch / 8));
write(oc, 'threaded-through.step', threaded);
write(oc, 'threaded-through-rotated.step', rotated(threaded));

// Turned parts: a bush with a stepped axial bore, a ring bored wider than a drill.
const { bush: bu, ring: rg } = COUNT_FIXTURES;
const bush = revolved(0, 0, [
  [bu.bore / 2, 0],
  [bu.outside / 2, 0],
  [bu.outside / 2, bu.length],
  [bu.counterbore / 2, bu.length],
  [bu.counterbore / 2, bu.length - bu.counterboreDepth],
  [bu.bore / 2, bu.length - bu.counterboreDepth],
]);
write(oc, 'bush.step', bush);
write(oc, 'bush-rotated.step', rotated(bush));
const ring = revolved(0, 0, [
  [rg.bore / 2, 0],
  [rg.outside / 2, 0],
  [rg.outside / 2, rg.length],
  [rg.bore / 2, rg.length],
]);
write(oc, 'ring.step', ring);

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
const braced = unify(fuse(fuse(box(0, 0, 0, gu.base, gt, gw), box(0, 0, 0, gt, gu.upright, gw)), web));
write(oc, 'gusset.step', braced);
write(oc, 'gusset-rotated.step', rotated(braced));

// A slot counterbored for a bolt's head: two round-ended slots on one centre line, stacked.
const { counterboredSlot: cs } = COUNT_FIXTURES;
const [csx, csy, csz] = cs.size;
const obround = (width: number, z: number, h: number) =>
  unify(
    fuse(
      fuse(
        box(cs.at[0] - cs.length / 2, cs.at[1] - width / 2, z, cs.length, width, h),
        zCylinder(cs.at[0] - cs.length / 2, cs.at[1], z, width / 2, h),
      ),
      zCylinder(cs.at[0] + cs.length / 2, cs.at[1], z, width / 2, h),
    ),
  );
let slotted = cut(box(0, 0, 0, csx, csy, csz), obround(cs.through, -1, csz + 2));
slotted = unify(cut(slotted, obround(cs.counterbore, csz - cs.counterboreDepth, cs.counterboreDepth + 1)));
write(oc, 'counterbored-slot.step', slotted);
write(oc, 'counterbored-slot-rotated.step', rotated(slotted));

// A block with one round its shape shows, four edge rounds, a pocket and two engraved letters.
const { finishMarks: fm } = COUNT_FIXTURES;
const [fmx, fmy, fmz] = fm.size;
let marked = filletEdges(box(0, 0, 0, fmx, fmy, fmz), fm.fillet, (a, b) => near(a[1]!, 0) && near(b[1]!, 0) && near(a[2]!, fmz) && near(b[2]!, fmz));
marked = filletEdges(marked, fm.edgeRound, (a, b) => vertical(a, b) && [0, fmx].some((x) => near(a[0]!, x)) && [0, fmy].some((y) => near(a[1]!, y)));
const [pkx, pky, pkl, pkw, pkd] = fm.pocket;
marked = cut(marked, box(pkx, pky, fmz - pkd, pkl, pkw, pkd + 1));
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
for (const letter of [letterL, letterT]) marked = cut(marked, zPrism(letter, fmz - fm.engraving, fm.engraving + 1));
write(oc, 'finish-marks.step', marked);
write(oc, 'finish-marks-rotated.step', rotated(marked));

// Turned flanges: a spigot bored to a drill's size (a boss), a neck bored as a tube (a pipe).
const { spigot: sp, neckedFlange: nf } = COUNT_FIXTURES;
for (const [name, [flange, flangeLength, body, bodyLength, bore]] of [
  ['spigot', [sp.flange, sp.flangeLength, sp.spigot, sp.spigotLength, sp.bore]],
  ['necked-flange', [nf.flange, nf.flangeLength, nf.neck, nf.neckLength, nf.bore]],
] as const) {
  const flanged = revolved(0, 0, [
    [bore / 2, 0],
    [flange / 2, 0],
    [flange / 2, flangeLength],
    [body / 2, flangeLength],
    [body / 2, flangeLength + bodyLength],
    [bore / 2, flangeLength + bodyLength],
  ]);
  write(oc, `${name}.step`, flanged);
  write(oc, `${name}-rotated.step`, rotated(flanged));
}

// Turned: a collar with a tapered nose, bored through.
const { taperedNose: tn } = COUNT_FIXTURES;
const nose = revolved(0, 0, [
  [tn.bore / 2, 0],
  [tn.collar / 2, 0],
  [tn.collar / 2, tn.collarLength],
  [tn.nose[0] / 2, tn.collarLength],
  [tn.nose[1] / 2, tn.collarLength + tn.noseLength],
  [tn.bore / 2, tn.collarLength + tn.noseLength],
]);
write(oc, 'tapered-nose.step', nose);
write(oc, 'tapered-nose-rotated.step', rotated(nose));
