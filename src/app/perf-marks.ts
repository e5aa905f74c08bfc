/**
 * User-timing marks on the way from a dropped file to the shaded part (`vectis:<name>`). They cost
 * a microsecond each and show up in DevTools' timeline and in Chromium traces, so that
 * bench/first-drop-trace.ts can say where the first drop's time goes instead of guessing.
 */
export function perfMark(name: string): void {
  performance.mark(`vectis:${name}`);
}

/** Marks `name` once for each new key (e.g. the first frame drawn of each new mesh). */
export function perfMarkOnce(): (name: string, key: object) => void {
  const seen = new WeakSet<object>();
  return (name, key) => {
    if (seen.has(key)) return;
    seen.add(key);
    perfMark(name);
  };
}
