/** Instance matching for MFInstSeg labels (instances.ts) on small hand-made graphs. */
import { describe, expect, it } from 'vitest';
import { mfcadppId, STOCK_CLASS } from './classes.ts';
import { predictedInstances, scoreInstances, truthInstances } from './instances.ts';

const HOLE = mfcadppId('through_hole');
const POCKET = mfcadppId('rectangular_pocket');

describe('feature instances', () => {
  it('reads truth instances from the matrix, once each, stock rows left out', () => {
    const inst = [
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ];
    expect(truthInstances(inst, [HOLE, HOLE, POCKET, STOCK_CLASS])).toEqual([
      { faces: [0, 1], cls: HOLE },
      { faces: [2], cls: POCKET },
    ]);
  });

  it('cuts a pattern feature into its face-connected holes', () => {
    // Faces 0-1 and 2-3 are two holes of one pattern feature; 4 is stock between them.
    const edges = [{ faces: [0, 1] }, { faces: [2, 3] }, { faces: [1, 4] }, { faces: [3, 4] }];
    const classes = [HOLE, HOLE, HOLE, HOLE, STOCK_CLASS];
    expect(predictedInstances(classes, edges, [{ faces: [0, 1, 2, 3] }])).toEqual([
      { faces: [0, 1], cls: HOLE },
      { faces: [2, 3], cls: HOLE },
    ]);
  });

  it('matches by class and IoU >= 0.5, each prediction once', () => {
    const truth = [
      { faces: [0, 1], cls: HOLE },
      { faces: [2, 3, 4], cls: POCKET },
    ];
    expect(
      scoreInstances(truth, [
        { faces: [0, 1], cls: HOLE },
        { faces: [2, 3], cls: POCKET },
      ]),
    ).toMatchObject({ matched: 2, exact: 1, precision: 1, recall: 1 });
    // Wrong class, or too little overlap, finds nothing.
    expect(
      scoreInstances(truth, [
        { faces: [0, 1], cls: POCKET },
        { faces: [4, 5, 6], cls: POCKET },
      ]),
    ).toMatchObject({ matched: 0, f1: 0 });
    // One prediction over two holes (IoU 0.5 with each) finds one of them, never both.
    expect(
      scoreInstances(
        [
          { faces: [0], cls: HOLE },
          { faces: [1], cls: HOLE },
        ],
        [{ faces: [0, 1], cls: HOLE }],
      ),
    ).toMatchObject({ matched: 1, exact: 0 });
  });
});
