/**
 * Turned parts: a stepped shaft or bush revolved from an (r, z) profile with shoulders, tapers,
 * chamfers, fillets and grooves, each profile edge carrying its label to the face it sweeps
 * (BRepPrimAPI_MakeRevol.Generated); then drilled and milled features: axial holes, counterbores
 * and countersinks on the ends, bolt circles on flanges, cross holes and keyways.
 */
import type { TopoDS_Face, TopoDS_Shape } from 'replicad-opencascadejs';
import { classId, type ClassName } from './classes.ts';
import { makeFrame, type Frame, type V2, type V3 } from './geom.ts';
import { LabelledSolid } from './labelled.ts';
import { Scope, type Builder, type Loop, type Seg } from './occ.ts';
import type { FeatureRecord, PartBuild } from './prismatic.ts';
import type { Rng } from './rng.ts';
import * as sk from './sketches.ts';

type Labelled = Seg & { label: ClassName };

const C45 = Math.SQRT1_2;

/** The outer contour from (bore, 0) up to (bore, L), with labels; closing runs down the bore or axis. */
function profile(rng: Rng, s: number): { start: V2; segs: Labelled[]; radii: number[]; zs: number[]; bore: number } {
  const L = rng.uniform(30, 120) * s;
  const R = rng.uniform(8, 30) * s;
  const n = rng.int(1, 5);
  const cuts = Array.from({ length: n - 1 }, () => rng.uniform(0.1, 0.9) * L).sort((a, b) => a - b);
  const zs = [0, ...cuts, L].filter((z, i, a) => i === 0 || z - a[i - 1]! > 0.08 * L);
  if (zs[zs.length - 1] !== L) zs[zs.length - 1] = L;
  const radii: number[] = [];
  for (let i = 0; i + 1 < zs.length; i++) {
    let r = rng.uniform(0.35, 1) * R;
    if (i > 0 && Math.abs(r - radii[i - 1]!) < 0.12 * R) r = radii[i - 1]! > 0.6 * R ? radii[i - 1]! - 0.2 * R : radii[i - 1]! + 0.2 * R;
    radii.push(r);
  }
  const minR = Math.min(...radii);
  const bore = rng.chance(0.3) ? rng.uniform(0.2, 0.6) * minR : 0;
  const segs: Labelled[] = [];
  const line = (r: number, z: number, label: ClassName = 'turned_profile') => segs.push({ to: [r, z], label });
  const seg = (i: number) => zs[i + 1]! - zs[i]!;
  const corner = (limit: number) => (rng.chance(0.5) ? rng.uniform(0.04, 0.25) * limit : 0);
  // Bottom end face, with an optional chamfer at its rim.
  const c0 = corner(Math.min(radii[0]! - bore, seg(0)) * 0.5);
  line(radii[0]! - c0, 0);
  if (c0 > 0) line(radii[0]!, c0, 'chamfer');
  for (let i = 0; i < radii.length; i++) {
    const r = radii[i]!;
    const z0 = zs[i]!;
    const z1 = zs[i + 1]!;
    const last = i === radii.length - 1;
    const next = last ? bore : radii[i + 1]!;
    const dr = Math.abs(r - next);
    const room = Math.min(dr, seg(i), last ? seg(i) : seg(i + 1)) * 0.3;
    const taper = !last && rng.chance(0.25) ? rng.uniform(0.2, 0.6) * Math.min(seg(i), seg(i + 1)) : 0;
    const cOut = taper ? 0 : corner(room);
    const fil = taper || last ? 0 : rng.chance(0.35) ? rng.uniform(0.1, 1) * room : 0;
    // Grooves along this diameter, clear of both ends.
    const lo = z0 + Math.max(0.1 * seg(i), 2 * s);
    const hi = z1 - Math.max(0.1 * seg(i), 2 * s) - taper / 2;
    if (hi - lo > 4 * s && rng.chance(0.35)) {
      const w = Math.min(rng.uniform(0.05, 0.3) * (hi - lo), 0.5 * (hi - lo));
      const g0 = rng.uniform(lo, hi - w);
      const depth = rng.uniform(0.05, 0.25) * (r - bore);
      line(r, g0);
      if (rng.chance(0.3) && w / 2 < r - bore - 1e-3) {
        segs.push({ via: [r - w / 2, g0 + w / 2], to: [r, g0 + w], label: 'turned_groove' });
      } else {
        line(r - depth, g0, 'turned_groove');
        line(r - depth, g0 + w, 'turned_groove');
        line(r, g0 + w, 'turned_groove');
      }
    }
    if (last) {
      line(r, z1 - cOut);
      if (cOut > 0) line(r - cOut, z1, 'chamfer');
      line(bore, z1);
    } else if (taper) {
      line(r, z1 - taper / 2);
      line(next, z1 + taper / 2);
    } else if (next < r) {
      line(r, z1 - cOut);
      if (cOut > 0) line(r - cOut, z1, 'chamfer');
      if (fil > 0) {
        line(next + fil, z1);
        segs.push({ via: [next + fil - fil * C45, z1 + fil - fil * C45], to: [next, z1 + fil], label: 'round' });
      } else line(next, z1);
    } else {
      if (fil > 0) {
        line(r, z1 - fil);
        segs.push({ via: [r + fil - fil * C45, z1 - fil + fil * C45], to: [r + fil, z1], label: 'round' });
      } else line(r, z1);
      line(next - cOut, z1);
      if (cOut > 0) line(next, z1 + cOut, 'chamfer');
    }
  }
  segs.push({ to: [bore, 0], label: 'through_hole' });
  return { start: [bore, 0], segs, radii, zs, bore };
}

/** Distance from (r, z) to a profile segment starting at `from`. */
function distance(p: V2, from: V2, seg: Seg): number {
  if (seg.via) {
    const [cx, cy, r] = circumcenter(from, seg.via, seg.to);
    return Math.abs(Math.hypot(p[0] - cx, p[1] - cy) - r);
  }
  const [dx, dy] = [seg.to[0] - from[0], seg.to[1] - from[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - from[0]) * dx + (p[1] - from[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - from[0] - t * dx, p[1] - from[1] - t * dy);
}

function circumcenter(a: V2, b: V2, c: V2): [number, number, number] {
  const d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]));
  const [a2, b2, c2] = [a[0] ** 2 + a[1] ** 2, b[0] ** 2 + b[1] ** 2, c[0] ** 2 + c[1] ** 2];
  const x = (a2 * (b[1] - c[1]) + b2 * (c[1] - a[1]) + c2 * (a[1] - b[1])) / d;
  const y = (a2 * (c[0] - b[0]) + b2 * (a[0] - c[0]) + c2 * (b[0] - a[0])) / d;
  return [x, y, Math.hypot(a[0] - x, a[1] - y)];
}

/** Revolves the profile about the world z axis; each face gets the label of the edge that swept it. */
function revolveLabelled(b: Builder, start: V2, segs: Labelled[]): LabelledSolid {
  const oc = b.oc;
  const s = new Scope();
  try {
    // Sketch frame: x = radius along world x, y = height along world z.
    const half = makeFrame([0, 0, 0], [1, 0, 0], [0, 0, 1], 0, 0, 0);
    const loop: Loop = { start, segs };
    const face = s.track(b.face(half, loop, 0));
    const ax = s.track(new oc.gp_Ax1(b.pnt(s, [0, 0, 0]), b.dir(s, [0, 0, 1])));
    const mk = s.track(new oc.BRepPrimAPI_MakeRevol(face, ax, 2 * Math.PI, false));
    const shape = mk.Shape();
    const owners: { face: TopoDS_Face; label: number }[] = [];
    const froms = [start, ...segs.map((x) => x.to)];
    const ex = s.track(new oc.TopExp_Explorer(face, oc.TopAbs_ShapeEnum.TopAbs_EDGE, oc.TopAbs_ShapeEnum.TopAbs_SHAPE));
    for (; ex.More(); ex.Next()) {
      const edge = s.track(oc.TopoDS.Edge(ex.Current()));
      const curve = s.track(new oc.BRepAdaptor_Curve(edge));
      const p = s.track(curve.Value((curve.FirstParameter() + curve.LastParameter()) / 2));
      const rz: V2 = [p.X(), p.Z()];
      let best = 0;
      segs.forEach((seg, i) => {
        if (distance(rz, froms[i]!, seg) < distance(rz, froms[best]!, segs[best]!)) best = i;
      });
      const list = s.track(mk.Generated(edge));
      while (list.Size() > 0) {
        const f = list.First();
        if (f.ShapeType() === oc.TopAbs_ShapeEnum.TopAbs_FACE) owners.push({ face: s.track(oc.TopoDS.Face(f)), label: classId(segs[best]!.label) });
        list.RemoveFirst();
      }
    }
    return LabelledSolid.of(b, shape, (f) => owners.find((o) => o.face.IsSame(f))?.label ?? classId('turned_profile'));
  } finally {
    s.dispose();
  }
}

/**
 * Sketch frame on the plane touching the diameter of radius r at height z, in the direction
 * `angle` about the axis: u along the axis (a keyway's length), v around it, n radial and outward.
 * Tools cut along -n, as on every frame (geom.ts): with v the other way round (n = u × v pointing
 * into the shaft, generator v3) a cross hole's profile ran outwards and only its margin cut the
 * part, leaving shallow blind holes labelled through_hole and keyways only the margin deep.
 */
function radialFrame(angle: number, r: number, z: number, t: number): Frame {
  const out: V3 = [Math.cos(angle), Math.sin(angle), 0];
  const v: V3 = [Math.sin(angle), -Math.cos(angle), 0];
  return makeFrame([out[0] * r, out[1] * r, z], [0, 0, 1], v, 0, 0, t);
}

export function turnedPart(b: Builder, rng: Rng): PartBuild {
  const s = Math.pow(10, rng.uniform(0, 0.6));
  const p = profile(rng, s);
  const solid = revolveLabelled(b, p.start, p.segs);
  const features: FeatureRecord[] = [];
  const m = 0.5 * s;
  const L = p.zs[p.zs.length - 1]!;
  const add = (tool: TopoDS_Shape, name: ClassName) => {
    const instance = features.length + 1;
    if (solid.cut(tool, classId(name), instance, 0.01 * s * s)) features.push({ instance, name });
  };
  // Axial holes on either end of a solid shaft.
  for (const [end, r] of [
    [0, p.radii[0]!],
    [1, p.radii[p.radii.length - 1]!],
  ] as const) {
    if (p.bore > 0 || !rng.chance(0.45)) continue;
    const f = end === 0 ? makeFrame([0, 0, 0], [1, 0, 0], [0, -1, 0], 0, 0, L) : makeFrame([0, 0, L], [1, 0, 0], [0, 1, 0], 0, 0, L);
    const depth = rng.uniform(0.15, 0.6) * L;
    const hr = rng.uniform(0.1, 0.45) * Math.min(...p.radii);
    const kind = rng.pick(['blind_hole', 'blind_hole', 'counterbore', 'countersunk_hole'] as const);
    const loop =
      kind === 'blind_hole'
        ? sk.holeProfile(hr, depth, m, rng.chance(0.6))
        : kind === 'counterbore'
          ? sk.counterboreProfile(Math.min(hr * 1.7, 0.8 * r), depth * 0.2, hr, depth, m, true)
          : sk.countersinkProfile(Math.min(hr * 1.8, 0.8 * r), Math.PI / 2, hr, depth, m, true);
    add(b.revolve(f, 0, 0, loop), kind);
  }
  // Cross holes and keyways on the diameters.
  for (let i = 0; i < p.radii.length; i++) {
    const r = p.radii[i]!;
    const len = p.zs[i + 1]! - p.zs[i]!;
    const angle = rng.uniform(0, 2 * Math.PI);
    if (rng.chance(0.3) && len > 6 * s) {
      const hr = Math.min(rng.uniform(0.08, 0.3) * r, len / 2 - 2 * s);
      const z = rng.uniform(p.zs[i]! + hr + 2 * s, p.zs[i + 1]! - hr - 2 * s);
      const f = radialFrame(angle, r, z, 2 * r);
      const through = p.bore > 0 || rng.chance(0.6);
      if (hr > 0.5 * s)
        add(
          b.revolve(f, 0, 0, sk.holeProfile(hr, through ? 2 * r + m : rng.uniform(0.3, 0.9) * r, m, !through)),
          through ? 'through_hole' : 'blind_hole',
        );
    } else if (rng.chance(0.25) && len > 10 * s && r - p.bore > 4 * s) {
      const w = rng.uniform(0.15, 0.45) * r;
      const l = rng.uniform(Math.max(w * 1.4, 0.3 * len), len - 4 * s);
      if (l <= w * 1.3) continue;
      const z = rng.uniform(p.zs[i]! + 2 * s + l / 2, p.zs[i + 1]! - 2 * s - l / 2);
      const f = radialFrame(angle, r, z, r);
      const depth = rng.uniform(0.1, 0.35) * (r - p.bore);
      add(b.prism(f, sk.obround(l, w), -depth, m), 'circular_end_pocket');
    }
  }
  return { solid, features, stock: [2 * Math.max(...p.radii), 2 * Math.max(...p.radii), L] };
}
