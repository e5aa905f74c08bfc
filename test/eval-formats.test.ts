/**
 * `vectis eval`'s label formats on generated fixtures (run anywhere): labels are written by the
 * fixtures' construction (scripts/make-fixtures.ts: where each tool body cut), never from the
 * recogniser's output, so the scores below are closed-form: every cut is found and dimensioned
 * on these parts, and a deliberately wrong label must lower the score.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, mfcadppId, SEG_CLASSES, type AnalysisResult } from '../src/analysis/index.ts';
import { detectFormat, evaluateFolder } from '../src/cli/eval.ts';
import { parseSeg } from '../src/cli/eval-seg.ts';
import { parseMfInstSeg } from '../src/cli/eval-mfinstseg.ts';
import { toMfcadpp } from '../src/cli/eval-labels.ts';
import { resolveTruth } from '../src/cli/eval-classes.ts';
import { FIXTURES, FIXTURE_DIR, fixture } from './fixtures.ts';

type Box = [[number, number, number], [number, number, number]];
const { prismatic: pr, rounded: rd } = FIXTURES;
const inside = (face: AnalysisResult['faces'][number], [lo, hi]: Box) =>
  face.bbox.min.every((v, k) => v >= lo[k]! - 1e-6) && face.bbox.max.every((v, k) => v <= hi[k]! + 1e-6);

/** The tool bodies of prismatic.step (make-fixtures.ts), clipped to the block, with their MFCAD++ class. */
const PRISMATIC_CUTS: { cls: string; box: Box }[] = [
  {
    cls: 'rectangular_pocket',
    box: [
      [pr.pocket[0], pr.pocket[1], pr.size[2] - pr.pocket[4]],
      [pr.pocket[0] + pr.pocket[2], pr.pocket[1] + pr.pocket[3], pr.size[2]],
    ],
  },
  {
    cls: 'rectangular_through_slot',
    box: [
      [pr.slot[0], 0, pr.size[2] - pr.slot[2]],
      [pr.slot[0] + pr.slot[1], pr.size[1], pr.size[2]],
    ],
  },
  {
    cls: 'rectangular_through_step',
    box: [
      [0, 0, 0],
      [pr.size[0], pr.step[0], pr.step[1]],
    ],
  },
  {
    cls: 'rectangular_passage',
    box: [
      [pr.passage[0], pr.passage[1], 0],
      [pr.passage[0] + pr.passage[2], pr.passage[1] + pr.passage[3], pr.size[2]],
    ],
  },
  {
    cls: 'chamfer',
    box: [
      [pr.size[0] - pr.chamfer, 0, pr.size[2] - pr.chamfer],
      [pr.size[0], pr.size[1], pr.size[2]],
    ],
  },
];
/** rounded.step: the corner-rounded pocket and the round-ended slot (cuts), the rounded outside edge. */
const ROUNDED_CUTS: Box[] = [
  [
    [rd.pocket[0], rd.pocket[1], rd.size[2] - rd.pocket[4]],
    [rd.pocket[0] + rd.pocket[2], rd.pocket[1] + rd.pocket[3], rd.size[2]],
  ],
  [
    [rd.slot[0] - rd.slot[2] / 2 - rd.slot[3] / 2, rd.slot[1] - rd.slot[3] / 2, rd.size[2] - rd.slot[4]],
    [rd.slot[0] + rd.slot[2] / 2 + rd.slot[3] / 2, rd.slot[1] + rd.slot[3] / 2, rd.size[2]],
  ],
];

const seg = (name: (typeof SEG_CLASSES)[number]) => SEG_CLASSES.indexOf(name);
/** Fusion's operations: a tool body's floor (facing +z) is CutEnd, its walls CutSide. */
const cutLabel = (face: AnalysisResult['faces'][number]) => (face.params.normal?.[2] === 1 ? seg('CutEnd') : seg('CutSide'));

function prismaticSeg(r: AnalysisResult): number[] {
  return r.faces.map((f) => {
    const cut = PRISMATIC_CUTS.find((c) => inside(f, c.box));
    if (!cut) return f.params.normal?.[2] === 1 || f.params.normal?.[2] === -1 ? seg('ExtrudeEnd') : seg('ExtrudeSide');
    return cut.cls === 'chamfer' ? seg('Chamfer') : cutLabel(f);
  });
}

function roundedSeg(r: AnalysisResult): number[] {
  return r.faces.map((f) => {
    if (f.surface === 'cylinder' && f.params.radius === rd.edgeRadius) return seg('Fillet');
    if (ROUNDED_CUTS.some((b) => inside(f, b))) return cutLabel(f);
    return seg('ExtrudeSide');
  });
}

function prismaticMfInstSeg(r: AnalysisResult, name: string) {
  const regionOf = r.faces.map((f) => PRISMATIC_CUTS.findIndex((c) => inside(f, c.box)));
  const seg = Object.fromEntries(regionOf.map((k, i) => [String(i), k < 0 ? mfcadppId('stock') : mfcadppId(PRISMATIC_CUTS[k]!.cls)]));
  const inst = regionOf.map((k) => regionOf.map((j) => (k >= 0 && j === k ? 1 : 0)));
  return [[name, { seg, inst, bottom: {} }]];
}

function folderWith(files: Record<string, string>, steps: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vectis-eval-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  for (const [name, source] of Object.entries(steps)) copyFileSync(join(FIXTURE_DIR, source), join(dir, name));
  return dir;
}

describe('vectis eval on BRepNet .seg labels', () => {
  it('measures Fillet, Chamfer and Cut faces covered by dimensioned features, and drops for a wrong label', async () => {
    const prismatic = await analyze(fixture('prismatic.step'));
    const rounded = await analyze(fixture('rounded.step'));
    const pLabels = prismaticSeg(prismatic);
    const rLabels = roundedSeg(rounded);
    const dir = folderWith(
      { 'p.seg': `${pLabels.join('\n')}\n`, 'r.seg': rLabels.join('\n') },
      { 'p.stp': 'prismatic.step', 'r.stp': 'rounded.step' },
    );
    expect(await detectFormat(dir)).toBe('brepnet-seg');
    const report = await evaluateFolder(dir, () => undefined);
    if (report.format !== 'brepnet-seg') throw new Error(report.format);
    // pocket 5 + slot 3 + step 2 + passage 4 faces; pocket 9 + slot 5 faces.
    expect(report.total.cut).toEqual({ covered: 28, total: 28, share: 1 });
    expect(report.total.fillet).toEqual({ covered: 1, total: 1, share: 1 });
    expect(report.total.chamfer).toEqual({ covered: 1, total: 1, share: 1 });
    expect(report.files).toBe(2);

    // An outside face labelled Fillet is in no fillet: the share halves.
    const stockFace = rLabels.indexOf(seg('ExtrudeSide'));
    const wrong = rLabels.map((l, i) => (i === stockFace ? seg('Fillet') : l));
    const dir2 = folderWith({ 'r.seg': wrong.join('\n') }, { 'r.step': 'rounded.step' });
    const worse = await evaluateFolder(dir2, () => undefined);
    if (worse.format !== 'brepnet-seg') throw new Error(worse.format);
    expect(worse.total.fillet).toEqual({ covered: 1, total: 2, share: 0.5 });
  });

  it('skips a part whose labels do not fit it, and reads only class ids', async () => {
    expect(parseSeg('0\n1\n7\n')).toEqual([0, 1, 7]);
    expect(parseSeg('0\n8\n')).toBeUndefined();
    const lines: string[] = [];
    const dir = folderWith({ 'r.seg': '0\n1\n' }, { 'r.stp': 'rounded.step' });
    const report = await evaluateFolder(dir, (l) => lines.push(l));
    expect(report.files).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/r: 21 faces vs 2 labels/)]);
  });
});

describe('vectis eval on MFInstSeg JSON', () => {
  it('scores face classes and feature instances, and a wrong class costs its faces and its instance', async () => {
    const r = await analyze(fixture('prismatic.step'));
    const labels = prismaticMfInstSeg(r, 'part');
    const dir = folderWith({ 'part.json': JSON.stringify(labels) }, { 'part.step': 'prismatic.step' });
    expect(await detectFormat(dir)).toBe('mfinstseg');
    const report = await evaluateFolder(dir, () => undefined);
    if (report.format !== 'mfinstseg') throw new Error(report.format);
    expect(report.accuracy).toBe(1);
    expect(report.instances).toMatchObject({ truth: 5, predicted: 5, matched: 5, exact: 5, f1: 1 });

    // Call the pocket a blind slot: its 5 faces and its instance are now wrong.
    const body = labels[0]![1] as { seg: Record<string, number> };
    for (const [face, cls] of Object.entries(body.seg))
      if (cls === mfcadppId('rectangular_pocket')) body.seg[face] = mfcadppId('rectangular_blind_slot');
    const dir2 = folderWith({ 'part.json': JSON.stringify(labels) }, { 'part.step': 'prismatic.step' });
    const worse = await evaluateFolder(dir2, () => undefined);
    if (worse.format !== 'mfinstseg') throw new Error(worse.format);
    expect(worse.correct).toBe(r.faces.length - 5);
    expect(worse.instances).toMatchObject({ truth: 5, matched: 4 });
  });

  it('tells MFInstSeg JSON from other JSON', () => {
    expect(
      parseMfInstSeg([
        [
          'a',
          {
            seg: { 0: 24, 1: 1 },
            inst: [
              [0, 0],
              [0, 1],
            ],
          },
        ],
      ]),
    ).toEqual([
      {
        name: 'a',
        classes: [24, 1],
        inst: [
          [0, 0],
          [0, 1],
        ],
      },
    ]);
    expect(parseMfInstSeg({ cls: { 0: 24 }, seg: [[0]] })).toBeUndefined();
    expect(parseMfInstSeg([['a', { seg: { 0: 30 }, inst: [[1]] }]])).toBeUndefined();
    expect(parseMfInstSeg({ identified_features: [] })).toBeUndefined();
  });
});

describe("our generator's labels (vectis-N)", () => {
  it('maps classes by name, and a stepped hole is right as a through or a blind hole only', () => {
    const class_names = ['chamfer', 'through_hole', 'blind_hole', 'stock', 'counterbore', 'turned_profile'];
    const truth = toMfcadpp({ scheme: 'vectis-6', class_names, labels: [0, 4, 4, 4, 5] })!;
    const hole = mfcadppId('through_hole');
    const blind = mfcadppId('blind_hole');
    const predicted = [mfcadppId('chamfer'), blind, hole, mfcadppId('rectangular_pocket'), mfcadppId('stock')];
    expect(resolveTruth(truth, predicted)).toEqual([mfcadppId('chamfer'), blind, hole, hole, mfcadppId('stock')]);
    expect(toMfcadpp({ scheme: 'vectis-6', class_names, labels: [9] })).toBeUndefined();
  });
});
