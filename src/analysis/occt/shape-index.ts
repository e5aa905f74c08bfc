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
  /** OCC's hash of each shape, kept: the mesh stage matches its groups by it. */
  private readonly hashes: number[] = [];
  private readonly buckets = new Map<number, number[]>();
  private readonly owned = new Scope();

  constructor(private readonly oc: OC) {}

  get size(): number {
    return this.shapes.length;
  }

  /** OCC's location-aware hash of a shape: one engine call, so callers that find then add pass it on. */
  hash(shape: TopoDS_Shape): number {
    return this.oc.ReplicadShapeHasher.HashCode(shape, HASH_BOUND);
  }

  /** Index of `shape`, or -1. Does not take ownership. */
  find(shape: TopoDS_Shape, hash = this.hash(shape)): number {
    const bucket = this.buckets.get(hash);
    if (!bucket) return -1;
    for (const i of bucket) if (this.shapes[i]!.IsSame(shape)) return i;
    return -1;
  }

  /**
   * Index of a shape known to be here (a sub-shape of what was indexed, met again through another
   * path): the one shape of its hash is it, so IsSame is asked only when hashes collide.
   */
  indexOfKnown(shape: TopoDS_Shape): number {
    const bucket = this.buckets.get(this.hash(shape));
    if (bucket?.length === 1) return bucket[0]!;
    return this.find(shape);
  }

  /**
   * Adds `shape` and returns its index. Takes ownership: a new shape is kept (and deleted by
   * `dispose`), a known one is deleted at once.
   */
  add(shape: S, hash = this.hash(shape)): number {
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
    this.hashes.push(hash);
    return this.shapes.length - 1;
  }

  /** The hash OCC's mesh extractors tag their groups with. */
  hashOf(index: number): number {
    return this.hashes[index]!;
  }

  dispose(): void {
    this.owned.dispose();
    this.shapes.length = 0;
    this.hashes.length = 0;
    this.buckets.clear();
  }
}
