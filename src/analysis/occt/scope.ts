/**
 * The one way the pipeline frees engine objects. Every object the engine hands to JavaScript
 * (embind handles: shapes, explorers, adaptors, gp_* values, builders) lives in the WASM heap and
 * is never garbage collected: it must be deleted exactly once, after its last use. A Scope collects
 * the objects of one piece of work and deletes them together, newest first (an object may hold on
 * to one made before it), when the work ends, thrown or not:
 *
 *   return withScope((s) => {
 *     const explorer = s.track(new oc.TopExp_Explorer(shape, TopAbs_FACE, TopAbs_SHAPE));
 *     ...
 *   });
 *
 * An object that outlives the work (a returned shape) is simply not tracked there; whoever keeps it
 * tracks it in its own, longer scope (analyze() has one per run).
 *
 * Debug mode (`traceOccObjects(true)`, the heap test) records every tracked object until its scope
 * frees it, so `liveOccObjects()` lists what was tracked and never freed, by engine class.
 */
export interface Deletable {
  delete(): void;
}

let live: Map<Deletable, string> | undefined;
let traced = 0;

/** Debug mode on or off; turning it on starts an empty record. Costs a map entry per object. */
export function traceOccObjects(on: boolean): void {
  live = on ? new Map() : undefined;
  traced = 0;
}

/** In debug mode, the engine classes of the objects tracked and not yet freed (empty otherwise). */
export function liveOccObjects(): string[] {
  return live ? [...live.values()] : [];
}

/** In debug mode, how many objects scopes have tracked since it was turned on. */
export function tracedOccObjects(): number {
  return traced;
}

/** Frees one object now (an object freed earlier than the rest of its work, or on its own). */
export function free(item: Deletable): void {
  live?.delete(item);
  item.delete();
}

export class Scope {
  private readonly items: Deletable[] = [];

  /** Frees `item` with this scope; returns it, so construction and tracking are one expression. */
  track<T extends Deletable>(item: T): T {
    this.items.push(item);
    if (live) {
      live.set(item, (item as { constructor?: { name?: string } }).constructor?.name ?? 'object');
      traced++;
    }
    return item;
  }

  /** Frees every tracked object, newest first; the scope can then be used again. */
  dispose(): void {
    const items = this.items.splice(0).reverse();
    for (const item of items) free(item);
  }
}

/** Runs `work` with a fresh scope and frees what it tracked when `work` returns or throws. */
export function withScope<T>(work: (scope: Scope) => T): T {
  const scope = new Scope();
  try {
    return work(scope);
  } finally {
    scope.dispose();
  }
}
