/**
 * Stable indices for sub-shapes without TopTools maps (absent from this build): shapes are
 * bucketed by OCC's location-aware hash and told apart with IsSame, which gives exactly the
 * order of `TopExp::MapShapes` when shapes are added in explorer order.
 */
import type { TopoDS_Shape } from 'replicad-opencascadejs';
import type { OC } from './engine.ts';
import { free, Scope } from './scope.ts';

const HASH_BOUND = 0x7fffffff;

export class ShapeIndex<S extends TopoDS_Shape> {
  readonly shapes: S[] = [];
  private readonly buckets = new Map<number, number[]>();
  private readonly owned = new Scope();

  constructor(private readonly oc: OC) {}

  get size(): number {
    return this.shapes.length;
  }

  /** Index of `shape`, or -1. Does not take ownership. */
  find(shape: TopoDS_Shape): number {
    const bucket = this.buckets.get(this.oc.ReplicadShapeHasher.HashCode(shape, HASH_BOUND));
    if (!bucket) return -1;
    for (const i of bucket) if (this.shapes[i]!.IsSame(shape)) return i;
    return -1;
  }

  /**
   * Adds `shape` and returns its index. Takes ownership: a new shape is kept (and deleted by
   * `dispose`), a known one is deleted at once.
   */
  add(shape: S): number {
    const hash = this.oc.ReplicadShapeHasher.HashCode(shape, HASH_BOUND);
    let bucket = this.buckets.get(hash);
    if (bucket) {
      for (const i of bucket) {
        if (this.shapes[i]!.IsSame(shape)) {
          free(shape);
          return i;
        }
      }
    } else {
      bucket = [];
      this.buckets.set(hash, bucket);
    }
    bucket.push(this.shapes.length);
    this.shapes.push(this.owned.track(shape));
    return this.shapes.length - 1;
  }

  /** The hash OCC's mesh extractors tag their groups with. */
  hashOf(index: number): number {
    return this.oc.ReplicadShapeHasher.HashCode(this.shapes[index]!, HASH_BOUND);
  }

  dispose(): void {
    this.owned.dispose();
    this.shapes.length = 0;
    this.buckets.clear();
  }
}
