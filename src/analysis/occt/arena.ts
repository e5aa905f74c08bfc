/**
 * Lifetime of OCC handles. Every embind object (including each value an OCC method returns)
 * owns C++ memory that JS garbage collection never frees; an Arena deletes what it owns, in
 * reverse order, once the work that needed it is done.
 */
export interface Deletable {
  delete(): void;
}

export class Arena {
  private readonly owned: Deletable[] = [];

  own<T extends Deletable>(handle: T): T {
    this.owned.push(handle);
    return handle;
  }

  dispose(): void {
    for (let i = this.owned.length - 1; i >= 0; i--) {
      try {
        this.owned[i]!.delete();
      } catch {
        // Already deleted (or the engine is gone): nothing left to free.
      }
    }
    this.owned.length = 0;
  }
}

export function withArena<T>(work: (arena: Arena) => T): T {
  const arena = new Arena();
  try {
    return work(arena);
  } finally {
    arena.dispose();
  }
}
