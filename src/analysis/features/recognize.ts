/**
 * The geometric recogniser: from the B-Rep graph to machining features with dimensions, in the
 * part's own frame (rotation invariant). Each family lives in its own module; this one finds the
 * stock, groups the remaining faces into cuts and hands each group to the families.
 */
import type { DfmIssue, Feature, Setup, Vec3 } from '../result.ts';
import { FaceGraph, components, type RecognizerInput } from './graph.ts';
import { extentAlong, round4 } from './extent.ts';
import { partFrame, stockFaces } from './frame.ts';
import { classifyPrismatic, type PrismaticFeature } from './prismatic.ts';
import { joinInterruptedPockets, splitCrossingSlots } from './interrupted.ts';
import { sweptPocket } from './swept-pockets.ts';
import { roundNotch } from './round-notches.ts';
import { joinSplitSlots } from './split-slots.ts';
import { wallSlots } from './wall-slots.ts';
import { findHoles } from './holes.ts';
import { groupHoles } from './patterns.ts';
import { bodyOfFaces } from './bodies.ts';
import { findFillets } from './blends.ts';
import { chamferFinder } from './chamfers.ts';
import { chainFillets, isOutlineRound, oneBlendPerFoot } from './fillet-chains.ts';
import { blendPatches } from './blend-patches.ts';
import { findSheetMetal, sheetFeatures } from './sheet-metal.ts';
import { findLugs, mergeTubes } from './lugs.ts';
import { findGears } from './gears.ts';
import { findBosses, findOringGrooves } from './protrusions.ts';
import { analyseTurning, type Process } from './turning.ts';
import { findTurnedFlats } from './turned-flats.ts';
import { addHoleHints, dfmChecks, planSetups } from './machining.ts';
import { thinWalls } from './walls.ts';
import { geometricFeature } from './geometric-feature.ts';
import { unreachableFeatures } from './access.ts';
import { MFCADPP_CLASSES, STOCK_CLASS, mfcadppId } from './classes.ts';

export interface Recognition {
  process: Process | 'sheet_metal';
  features: Feature[];
  setups: Setup[];
  dfm: DfmIssue[];
  /** Block sizes in the part's own frame, largest first: the same whatever the file's orientation. */
  stock: Vec3;
  /** MFCAD++ class id of each face's feature (24 = stock / not a feature). */
  faceClasses: number[];
  /** Faces read as the part's outline (round ends, outline arcs): stock, and no model region's. */
  outline: number[];
}

export function recognize(input: RecognizerInput): Recognition {
  const graph = new FaceGraph(input);
  const frame = partFrame(graph);
  const stock = stockFaces(graph, frame);
  const cut = new Set(graph.faces.map((f) => f.id).filter((id) => !stock.has(id)));
  const features: Feature[] = [];
  const faceClasses = graph.faces.map(() => STOCK_CLASS);
  const outline = new Set<number>();
  const claim = (feature: Omit<Feature, 'id'>, mfcadClass: string) => {
    features.push({ id: features.length, ...feature });
    const cls = mfcadppId(mfcadClass);
    for (const f of feature.faces) {
      cut.delete(f);
      faceClasses[f] = cls < 0 ? STOCK_CLASS : cls;
    }
  };

  // Families in order of specificity: each claims its faces before the next one looks.
  const lathe = analyseTurning(graph, frame.size);
  // A bent sheet is sheet metal however much of its area its bends take: a wide bend's inside and
  // outside are coaxial faces, as a lathe part's are, but t apart and under a full turn, and a
  // sheet's flats pair t apart. Its bends are no fillets (or turned diameters), its blank's
  // outline no steps or chamfers. A part all of whose faces are coaxial is turned, never a sheet.
  const sheet = lathe.process === 'turned' ? undefined : findSheetMetal(graph, frame.size);
  const turning: typeof lathe = sheet ? { process: 'milled', coaxial: new Set(), features: [] } : lathe;
  for (const t of turning.features) {
    claim(geometricFeature({ type: t.type, faces: t.faces, params: t.params, axis: turning.axis }), t.type === 'chamfer' ? 'chamfer' : 'stock');
  }
  // A flat milled across a turned diameter is a milled step, whether or not it lies on the part's box.
  if (turning.axis && turning.center) {
    const turned = new Set(turning.features.flatMap((t) => t.faces));
    const free = new Set(graph.faces.map((f) => f.id).filter((id) => !turned.has(id)));
    for (const flat of findTurnedFlats(graph, turning.axis, turning.center, turning.coaxial, free))
      claim(geometricFeature(flat), flat.params.through ? 'rectangular_through_step' : 'rectangular_blind_step');
  }
  for (const f of sheet ? sheetFeatures(sheet) : []) claim(f, 'stock');
  // A repeated tooth profile is one feature (the toothing, by its tooth count), not each tooth's faces;
  // no milling axis: teeth are hobbed or shaped, not a 3-axis setup.
  const findChamfers = chamferFinder(graph);
  // Chamfered tooth ends are a chamfer of their own (claimed and sized below), not tooth faces.
  const bevelled = new Set(findChamfers(cut).flatMap((c) => c.faces));
  const toothFaces = new Set([...cut].filter((f) => !bevelled.has(f)));
  for (const gear of findGears(graph, toothFaces, frame.size))
    claim(geometricFeature({ type: 'gear', faces: gear.faces, params: gear.params }), 'stock');
  for (const groove of findOringGrooves(graph, cut, frame.size)) claim(geometricFeature(groove), 'Oring');
  for (const boss of findBosses(graph, cut, frame.size)) claim(geometricFeature(boss), 'stock');
  for (const hole of groupHoles(findHoles(graph, cut, frame.size), bodyOfFaces(graph))) {
    // MFCAD++ has no internal groove: an O-ring gland in a bore is the nearest of its classes.
    claim(geometricFeature(hole), hole.type === 'groove' ? 'Oring' : hole.params.through === true ? 'through_hole' : 'blind_hole');
  }
  const claimFillet = (fillet: { faces: number[]; params: Feature['params'] }) =>
    claim(geometricFeature({ type: 'fillet', faces: fillet.faces, params: fillet.params }), 'round');
  // Rounded outside edges now; inside blends first join the pocket, slot or step they round.
  // One fillet per chain of blend faces; round ends and arcs of the outline are stock, not fillets.
  const fillets = findFillets(graph, cut);
  for (const chain of chainFillets(
    graph,
    fillets.filter((f) => f.params.convex),
  )) {
    if (isOutlineRound(graph, chain, frame.size)) chain.faces.forEach((f) => (cut.delete(f), outline.add(f)));
    else claimFillet(chain);
  }
  // A conical bevel (a boss's rim or foot) is a chamfer before anything takes it for part of a
  // standing region or a cut.
  const claimChamfer = (c: { faces: number[]; params: Feature['params'] }) =>
    claim(geometricFeature({ type: 'chamfer', faces: c.faces, params: c.params }), 'chamfer');
  findChamfers(cut)
    .filter((c) => c.faces.some((f) => graph.faces[f]!.surface === 'cone'))
    .forEach(claimChamfer);
  // Lugs, ears and pins: rounded regions standing on the part; their bores stay holes, except
  // that a thin-walled boss bored through on its axis is one tube with its bore.
  const claimed = new Set(features.flatMap((f) => f.faces));
  const free = new Set(graph.faces.map((f) => f.id).filter((id) => !claimed.has(id)));
  const insideBlends = new Set(fillets.filter((f) => !f.params.convex).flatMap((f) => f.faces));
  for (const lug of findLugs(graph, free, insideBlends, frame.size)) {
    claim(geometricFeature({ type: 'boss', faces: lug.faces, params: lug.params, axis: lug.axis }), 'stock');
  }
  mergeTubes(graph, features, frame.size);
  // A chamfer chain that turns concave corners (or runs on tangentially) forms a group of its own
  // below: it is one bevel, not a step or slot of slanted walls. Lone bevels stay prismatic's.
  const bevelChains = findChamfers(cut).filter((c) => c.faces.length > 1);
  const chainOf = new Map(bevelChains.flatMap((c, i) => c.faces.map((f) => [f, i] as const)));
  const prismatic: PrismaticFeature[] = [];
  // Nor is a chain part of the walls it is concave to (a concave bevel, one that took a whole ledge):
  // it still joins them into one cut (a pocket's floor to its walls across a chamfered floor edge),
  // but the cut is read without it.
  for (const joined of components(graph, cut, (e) => e.convexity === 'concave' || e.convexity === 'smooth')) {
    const group = joined.filter((f) => !chainOf.has(f));
    if (group.length === 0) continue;
    // Walls swept from a free curve (B-splines, arcs) are no planar outline, but still a pocket;
    // half a bore open to the side is a round notch (a slot), no hole.
    const found = classifyPrismatic(graph, frame, group, stock) ?? sweptPocket(graph, frame, group) ?? roundNotch(graph, group, stock);
    if (found) prismatic.push(...splitCrossingSlots(graph, found));
    // Slots that end on another cut's wall join its group: read them apart.
    else prismatic.push(...wallSlots(graph, group));
  }
  // Pieces of one pocket that a deeper cut runs through are one pocket (the removed volume's planes).
  // So are the two U slots left of an obround pocket that a deeper cut crosses.
  for (const found of joinSplitSlots(graph, joinInterruptedPockets(graph, frame, prismatic))) claim(geometricFeature(found), mfcadClassOf(found));
  // Bevels the families above left: conical or planar, convex or concave, one feature per chain.
  const chamfers = [...bevelChains.filter((c) => c.faces.every((f) => cut.has(f))), ...findChamfers(cut).filter((c) => !chainOf.has(c.faces[0]!))];
  chamfers.forEach(claimChamfer);
  const insideChains = chainFillets(
    graph,
    fillets.filter((f) => !f.params.convex && f.faces.every((id) => cut.has(id))),
  );
  oneBlendPerFoot(
    graph,
    insideChains,
    features.filter((f) => f.type === 'boss'),
  ).forEach(claimFillet);
  // Flats the rounding left (every edge tangent to a blend) are part of the fillet round them.
  for (const { face, fillet } of blendPatches(graph, cut, features)) {
    features[fillet]!.faces = [...features[fillet]!.faces, face].sort((a, b) => a - b);
    cut.delete(face);
    faceClasses[face] = mfcadppId('round');
  }
  features.forEach(addHoleHints);
  const stockSize = turning.axis ? barStock(graph, turning.axis, turning.coaxial) : boxStock(frame);
  // Stock faces lie on the part's box, lathe faces are turned, threads are tapped or
  // thread-milled, a sheet is cut and bent: none of them is a 3-axis access question.
  const notMilled = new Set([
    ...stock,
    ...turning.features.flatMap((t) => t.faces),
    ...features.filter((f) => f.type === 'thread').flatMap((f) => f.faces),
    ...(sheet?.blank ?? []),
  ]);
  const dfm = [...dfmChecks(features), ...thinWalls(graph, frame), ...unreachableFeatures(graph, frame, features, notMilled)];
  // Lathe features (claimed first, so the first ids) are turned, not clamped for a 3-axis setup.
  const setups = planSetups(features.slice(turning.features.length));
  return {
    process: sheet ? 'sheet_metal' : turning.process,
    features,
    faceClasses,
    stock: stockSize,
    setups,
    dfm,
    outline: [...outline].filter((f) => faceClasses[f] === STOCK_CLASS && !features.some((x) => x.faces.includes(f))).sort((a, b) => a - b),
  };
}

function boxStock(frame: { min: Vec3; max: Vec3 }): Vec3 {
  return frame.max.map((max, k) => round4(max - frame.min[k]!)).sort((a, b) => b - a) as Vec3;
}

/** Turned parts come from round bar: its diameter is the largest turned circle (exact, not the mesh's chords). */
function barStock(graph: FaceGraph, axis: Vec3, coaxial: Set<number>): Vec3 {
  const radius = Math.max(...[...coaxial].flatMap((f) => graph.edgesOf[f]!.map((e) => graph.edges[e]!.radius ?? 0)));
  const [lo, hi] = extentAlong(
    graph.input,
    graph.faces.map((f) => f.id),
    axis,
  );
  return [round4(hi - lo), round4(2 * radius), round4(2 * radius)].sort((a, b) => b - a) as Vec3;
}

/** Our prismatic feature → its MFCAD++ class name (documented mapping for evaluation). */
export function mfcadClassOf(
  p: Pick<PrismaticFeature, 'type' | 'outline' | 'through'> & { params?: PrismaticFeature['params'] },
): (typeof MFCADPP_CLASSES)[number] | 'unknown' {
  const { type, outline, through } = p;
  switch (type) {
    case 'chamfer':
      return 'chamfer';
    case 'pocket':
      return outline === 'triangular' ? 'triangular_pocket' : outline === '6sides' ? '6sides_pocket' : 'rectangular_pocket';
    case 'passage':
      return outline === 'triangular' ? 'triangular_passage' : outline === '6sides' ? '6sides_passage' : 'rectangular_passage';
    case 'slot':
      if (outline === 'triangular') return 'triangular_through_slot';
      // As AAGNet's generator (dataset/Features/*.py, which made MFInstSeg) draws them: two
      // half-round ends, closed = circular_end_pocket; one half-round end, open at the other =
      // v_circular_end_blind_slot; along an open side with quarter-round ends = h_circular_end_blind_slot.
      if (outline === 'round-ended') return 'circular_end_pocket';
      // A U slot whose open end another cut made (`cut_short`) is a round-ended pocket that cut shortened.
      if (outline === 'u-shaped') return p.params?.cut_short === true ? 'circular_end_pocket' : 'v_circular_end_blind_slot';
      if (outline === 'quarter-round') return 'h_circular_end_blind_slot';
      // A round notch through the part is MFCAD++'s circular through slot; a blind one is a U slot
      // whose straight walls have no length.
      if (outline === 'half-round') return through ? 'circular_through_slot' : 'v_circular_end_blind_slot';
      return through ? 'rectangular_through_slot' : 'rectangular_blind_slot';
    case 'step':
      if (outline === 'slanted') return 'slanted_through_step';
      if (outline === '2sides') return '2sides_through_step';
      if (outline === 'triangular') return 'triangular_blind_step';
      return through ? 'rectangular_through_step' : 'rectangular_blind_step';
    default:
      return 'unknown';
  }
}
