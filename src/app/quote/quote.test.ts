/**
 * The quote view's model without a browser: grouping by type, rounded size and side; the hole
 * table; the CSV; the machining summary. Hand-made features pin each rule; the plate fixture
 * (scripts/make-fixtures.ts) runs the whole pipeline so the table meets real recogniser output.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/index.ts';
import { FIXTURES, fixture } from '../../../test/fixtures.ts';
import type { AnalysisResult, Feature } from '../types.ts';
import { holeTableCsv } from './csv.ts';
import { groupFeatures, piecesOf } from './group.ts';
import { holeRows } from './hole-table.ts';
import { summaryLines } from './summary-lines.ts';
import { machiningSummary } from './machining.ts';
import { sideOfTool } from './sides.ts';
import { highlightedFaces, useVectis } from '../store.ts';
import { FOLD_ABOVE, FOLDED_SHOWN, foldGroups } from './fold.ts';
import { buildQuote, selectedGroupOf } from './quote.ts';

let nextId = 0;
const feature = (type: string, params: Feature['params'], extra: Partial<Feature> = {}): Feature => ({
  id: nextId++,
  type,
  faces: [nextId * 10, nextId * 10 + 1],
  params,
  confidence: 1,
  method: 'geometric',
  ...extra,
});
const DOWN: [number, number, number] = [0, 0, -1];
const UP: [number, number, number] = [0, 0, 1];
type Input = Pick<AnalysisResult, 'features' | 'setups' | 'model'>;
const input = (features: Feature[], setups: AnalysisResult['setups'] = []): Input => ({ features, setups });

describe('sides', () => {
  it('names the side the tool comes from: a tool moving down works from the top', () => {
    expect(sideOfTool(DOWN)).toBe('top');
    expect(sideOfTool(UP)).toBe('bottom');
    expect(sideOfTool([0, 1, 0])).toBe('front');
    expect(sideOfTool([-1, 0, 0])).toBe('right');
    expect(sideOfTool([-Math.SQRT1_2, 0, -Math.SQRT1_2])).toBe('(0.71, 0, 0.71)');
  });
});

describe('grouping', () => {
  it('merges fillets of one radius (to 0.01 mm), apart from rounds and other radii', () => {
    const same = Array.from({ length: 11 }, () => feature('fillet', { radius: 10, convex: false, ml_agreement: Math.random() }));
    const nearlySame = feature('fillet', { radius: 10.004, convex: false });
    const other = feature('fillet', { radius: 10.02, convex: false });
    const round = feature('fillet', { radius: 10, convex: true });
    const groups = groupFeatures(input([...same, nearlySame, other, round]));
    expect(groups.map((g) => [g.title, g.count])).toEqual([
      ['12 × R10 fillet', 12],
      ['R10 round', 1],
      ['R10.02 fillet', 1],
    ]);
    expect(groups[0]!.featureIds).toEqual([...same, nearlySame].map((f) => f.id));
    expect(groups[0]!.faces).toEqual([...same, nearlySame].flatMap((f) => f.faces));
  });

  it('counts the holes of a pattern and keeps holes drilled from different sides apart', () => {
    const a = feature('hole', { diameter: 8.4, through: true, depth: 12, count: 10, pattern: 'grid', rows: 2, columns: 5 }, { axis: DOWN });
    const b = feature('hole', { diameter: 8.4, through: true, depth: 12, count: 10, pattern: 'linear' }, { axis: DOWN });
    const c = feature('hole', { diameter: 8.4, through: true, depth: 12 }, { axis: UP });
    const setups = [
      { direction: DOWN, features: [a.id, b.id] },
      { direction: UP, features: [c.id] },
    ];
    const groups = groupFeatures(input([a, b, c], setups));
    expect(groups.map((g) => [g.title, g.count, g.side])).toEqual([
      ['20 × Ø8.4 through, from top', 20, 'top'],
      ['Ø8.4 through, from bottom', 1, 'bottom'],
    ]);
    expect(groups.find((g) => g.side === 'top')!.featureIds).toEqual([a.id, b.id]);
  });

  it('puts model-only and unmeasured regions in "needs review", grouped by what the model thinks, with no side', () => {
    const measured = feature('slot', { length: 30, width: 8, depth: 5, corner_radius: 4 }, { axis: DOWN });
    const ml = feature('slot', { width: 88.2, depth: 25.4, model_class: 'v_circular_end_blind_slot' }, { method: 'ml' });
    const ml2 = feature('slot', { width: 12, depth: 3, model_class: 'v_circular_end_blind_slot' }, { method: 'ml' });
    const region = feature('unrecognised', {}, { method: 'review', hint: 'round', needs_review: true });
    const groups = groupFeatures(input([measured, ml, ml2, region], [{ direction: DOWN, features: [measured.id, ml.id] }]));
    expect(groups.map((g) => [g.section, g.title, g.count])).toEqual([
      ['prismatic', 'Slot 30 × 8 × 5, corner r4, from top', 1],
      ['review', '2 × V circular end blind slot? (model only)', 2],
      ['review', 'Unrecognised region (model: Round?)', 1],
    ]);
    expect(groups[1]!.detail).toBe('no size measured: check before quoting');
  });

  it('places every feature in exactly one group', () => {
    const features = [
      feature('hole', { diameter: 5, depth: 7, through: false }, { axis: DOWN }),
      feature('chamfer', { distance: 0.3, distance2: 0.3, angle: 45, convex: true }),
      feature('turned_diameter', { diameter: 20, length: 30, internal: false }),
      feature('thread', { designation: 'M10', internal: true, length: 12 }),
      feature('gear', { teeth: 20, tip_diameter: 44 }),
      feature('unrecognised', {}, { method: 'review' }),
    ];
    const groups = groupFeatures(input(features));
    expect(groups.flatMap((g) => g.featureIds).sort((x, y) => x - y)).toEqual(features.map((f) => f.id));
    expect(groups.map((g) => g.section)).toEqual(['holes', 'turned', 'threads', 'edges', 'other', 'review']);
    expect(groups.find((g) => g.section === 'edges')!.title).toBe('0.3 × 45° chamfer');
    expect(groups.find((g) => g.section === 'turned')!.title).toBe('Turned Ø20 × 30 long');
  });
});

describe('hole table and CSV', () => {
  it('reads counterbore, countersink, thread and tap drill hints as a drawing does', () => {
    const cb = feature(
      'counterbore_hole',
      { diameter: 6.6, through: true, depth: 12, counterbore_diameter: 11, counterbore_depth: 6.4, count: 4 },
      { axis: DOWN },
    );
    const cs = feature(
      'countersink_hole',
      { diameter: 5.5, through: true, depth: 12, countersink_diameter: 11, countersink_angle: 90, count: 2 },
      { axis: DOWN },
    );
    const tapped = feature(
      'hole',
      { diameter: 8.5, depth: 20, through: false, bottom: 'cone', bottom_angle: 118, thread: 'M10', tap: 'M10' },
      { axis: DOWN },
    );
    const hint = feature('hole', { diameter: 4.2, depth: 9, through: false, bottom: 'flat', tap_drill_for: 'M5' }, { axis: DOWN });
    const setups = [{ direction: DOWN, features: [cb.id, cs.id, tapped.id, hint.id] }];
    const rows = holeRows(groupFeatures(input([cb, cs, tapped, hint], setups)));
    expect(rows.map((r) => [r.type, r.diameter, r.depth, r.head, r.thread, r.count, r.side])).toEqual([
      ['Counterbore', 6.6, 'through', 'cbore Ø11 × 6.4', '', 4, 'top'],
      ['Countersink', 5.5, 'through', 'csink Ø11 × 90°', '', 2, 'top'],
      ['Drilled', 4.2, '9 deep, flat bottom', '', 'M5 tap drill size, no thread drawn', 1, 'top'],
      ['Drilled', 8.5, '20 deep, drill point 118°', '', 'M10 (tap drill Ø8.5)', 1, 'top'],
    ]);
    const csv = holeTableCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Qty,Type,Diameter mm,Depth,Cbore / csink,Thread,From,Feature ids');
    expect(lines[3]).toBe(`1,Drilled,4.2,"9 deep, flat bottom",,"M5 tap drill size, no thread drawn",top,${hint.id}`);
    expect(lines).toHaveLength(rows.length + 2);
    expect(holeTableCsv([{ ...rows[0]!, type: 'say "hi"' }]).split('\r\n')[1]).toContain('"say ""hi"""');
  });

  it("matches the plate fixture's holes one for one through the whole pipeline", async () => {
    const r = await analyze(fixture('plate-holes.step'), { fileName: 'plate-holes.step' });
    const quote = buildQuote(r);
    const holes = r.features.filter((f) => ['hole', 'counterbore_hole', 'countersink_hole'].includes(f.type) && f.method === 'geometric');
    expect(quote.holes.flatMap((h) => h.featureIds).sort((a, b) => a - b)).toEqual(holes.map((f) => f.id).sort((a, b) => a - b));
    const { plate } = FIXTURES;
    const drawn = plate.counterbore.at.length + plate.countersink.at.length + 3;
    expect(quote.holes.reduce((n, h) => n + h.count, 0)).toBe(drawn);
    expect(holes.reduce((n, f) => n + piecesOf(f), 0)).toBe(drawn);
    const cb = quote.holes.find((h) => h.type === 'Counterbore' && h.count === plate.counterbore.at.length)!;
    expect(cb.diameter).toBeCloseTo(plate.counterbore.diameter, 2);
    expect(cb.head).toBe(`cbore Ø${plate.counterbore.cbDiameter} × ${plate.counterbore.cbDepth}`);
    expect(cb.side).toBe('top');

    // In the store: a group row highlights all faces of its holes; a picked face selects its own
    // feature (and its feature's faces), and the quote view marks that feature's group.
    const s = useVectis.getState;
    s().finish(r, 'analysis', Date.now(), 1);
    s().selectItem(cb.id);
    expect(highlightedFaces(s()).sort((a, b) => a - b)).toEqual([...cb.faces].sort((a, b) => a - b));
    const hole = r.features.find((f) => f.id === cb.featureIds[0])!;
    s().selectFace(hole.faces[0]!);
    expect(s().selectedItem).toBe(String(hole.id));
    expect(new Set(highlightedFaces(s()))).toEqual(new Set(hole.faces));
    expect(selectedGroupOf(s().quote!, s().selectedItem)).toBe(cb.id);
    // Colour by feature paints a group in one colour: its features take the group's palette index.
    expect(s().tree!.items.get(String(hole.id))!.color).toBe(s().tree!.items.get(cb.id)!.color);
  });
});

describe('folding', () => {
  it('keeps the most frequent sizes of a long section in size order and folds the rest', () => {
    const groups = Array.from({ length: FOLD_ABOVE + 3 }, (_, i) => ({ id: `g${i}`, count: i % 4 === 0 ? 10 + i : 1 }));
    const { shown, folded } = foldGroups(groups);
    // The three large groups and, among the ties, the first two; shown in their own order.
    expect(shown.map((g) => g.id)).toEqual(['g0', 'g1', 'g2', 'g4', 'g8']);
    expect(shown).toHaveLength(FOLDED_SHOWN);
    expect([...shown, ...folded].map((g) => g.id).sort()).toEqual(groups.map((g) => g.id).sort());
    expect(foldGroups(groups.slice(0, FOLD_ABOVE)).folded).toEqual([]);
  });
});

describe('machining summary', () => {
  const part = (stock: [number, number, number], volume: number): AnalysisResult['part'] => ({
    solids: 1,
    ignoredShells: 0,
    faces: 0,
    edges: 0,
    bbox: { min: [0, 0, 0], max: stock },
    stock,
    volume,
    area: 0,
    process: 'milled',
  });

  it('names the tightest dimension (narrowest band) and geometric tolerance (smallest zone) of the file', () => {
    const pmi = (
      id: number,
      kind: AnalysisResult['pmi'][number]['kind'],
      name: string,
      nominal: number | null,
      upper: number | null,
      lower: number | null,
    ) => ({
      id,
      kind,
      name,
      nominal,
      upper,
      lower,
      unit: 'mm',
      faces: [],
      features: [],
    });
    const items = [
      pmi(0, 'dimension', 'diameter', 8.38, 0.05, 0),
      pmi(1, 'dimension', 'linear distance', 20, 0.1, -0.1),
      pmi(2, 'dimension', 'diameter', 12, 0.02, -0.01),
      pmi(3, 'dimension', 'linear distance', 28, null, null),
      pmi(4, 'geometric_tolerance', 'position', 0.1, null, null),
      pmi(5, 'geometric_tolerance', 'flatness', 0.05, null, null),
      pmi(6, 'datum', 'A', null, null, null),
    ];
    const result = { part: part([10, 10, 10], 500), setups: [], dfm: [], features: [], pmi: items, faces: [] };
    const s = machiningSummary(result, []);
    expect(s.tightestDimension).toEqual({ pmiId: 2, band: expect.closeTo(0.03, 9) });
    expect(s.tightestTolerance).toEqual({ pmiId: 5, zone: 0.05 });
    const lines = summaryLines(s, result).filter((l) => l.testId === 'tightest-pmi');
    expect(lines.map((l) => [l.label, l.value, l.select])).toEqual([
      ['Tightest dimension', 'Ø12 +0.02/-0.01', 'pmi:2'],
      ['Tightest tolerance', 'flatness 0.05', 'pmi:5'],
    ]);
    expect(machiningSummary({ ...result, pmi: [] }, []).tightestDimension).toBeUndefined();
  });

  it('derives removed volume, smallest inside radius, deepest cut, threads and lathe/mill work', () => {
    const pocket = feature('pocket', { length: 30, width: 16, depth: 6, corner_radius: 2 }, { axis: DOWN });
    const fillet = feature('fillet', { radius: 1.5, convex: false });
    const round = feature('fillet', { radius: 0.5, convex: true });
    const deep = feature('hole', { diameter: 5, depth: 30, through: false }, { axis: DOWN });
    const tapped = feature('thread', { designation: 'M6', internal: true, length: 10 });
    const turned = feature('turned_diameter', { diameter: 20, length: 10, internal: false });
    const features = [pocket, fillet, round, deep, tapped, turned];
    const setups = [
      { direction: DOWN, features: [pocket.id, deep.id] },
      { direction: UP, features: [fillet.id] },
    ];
    const dfm: AnalysisResult['dfm'] = [
      { code: 'DEEP_HOLE', severity: 'warning', message: '', faces: [], expected: 6, actual: 6 },
      { code: 'NON_STANDARD_HOLE', severity: 'info', message: '', faces: [], expected: 5, actual: 5.1 },
      { code: 'NON_STANDARD_HOLE', severity: 'info', message: '', faces: [], expected: 5, actual: 5.2 },
    ];
    const result = { part: part([100, 50, 20], 60_000), setups, dfm, features };
    const s = machiningSummary(result, groupFeatures({ ...result, model: undefined }));
    expect(s.stockVolume).toBe(100_000);
    expect(s.removedVolume).toBe(40_000);
    expect(s.removedPercent).toBeCloseTo(40, 6);
    expect(s.setups).toEqual([
      { side: 'top', features: 2 },
      { side: 'bottom', features: 1 },
    ]);
    // The concave fillet is tighter than the pocket's corner; a convex round asks nothing of a cutter.
    expect(s.minInsideRadius).toMatchObject({ radius: 1.5 });
    expect(s.deepest).toMatchObject({ depth: 30, width: 5 });
    expect(s.threads).toBe(1);
    expect(s.lathe).toBe(1);
    expect(s.mill).toBe(5);
    expect(s.findings).toEqual([
      { severity: 'warning', count: 1, codes: ['DEEP_HOLE'] },
      { severity: 'info', count: 2, codes: ['NON_STANDARD_HOLE'] },
    ]);
  });
});
