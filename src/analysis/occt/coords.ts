/**
 * Coordinates of gp_Pnt / gp_Vec / gp_Dir / gp_Pnt2d values read straight from the engine's
 * memory. Every X() / Y() / Z() is a call through embind's overload dispatch (argument-signature
 * matching in JavaScript), and the graph reads three of them per point: profiled on BRepNet 42811,
 * that glue was as much time as the engine's own work in the brep stage. These classes hold their
 * coordinates as consecutive doubles (gp_XYZ / gp_XY), so the same bits come from one typed-array
 * read.
 *
 * Reaching an object's address goes through embind's handle record, whose property names the
 * build minifies: `useEngineMemory` finds them on a probe point of known coordinates and checks
 * every class against its accessors. If anything does not match (another build, another layout),
 * the accessors are used, as before: slower, never wrong.
 */
import type { Vec3 } from '../result.ts';
import type { OC } from './engine.ts';

export interface XYZ {
  X(): number;
  Y(): number;
  Z(): number;
}

export interface XY {
  X(): number;
  Y(): number;
}

interface Direct {
  memory: WebAssembly.Memory;
  handleKey: string;
  pointerKey: string;
  heap: Float64Array;
}

let direct: Direct | undefined;

/** True when coordinates are read from memory (the probe confirmed the layout on this engine). */
export function readsEngineMemory(): boolean {
  return direct !== undefined;
}

export function xyz(p: XYZ): Vec3 {
  const at = address(p);
  if (at < 0) return [p.X(), p.Y(), p.Z()];
  const heap = direct!.heap;
  return [heap[at]!, heap[at + 1]!, heap[at + 2]!];
}

export function xy(p: XY): [number, number] {
  const at = address(p);
  if (at < 0) return [p.X(), p.Y()];
  const heap = direct!.heap;
  return [heap[at]!, heap[at + 1]!];
}

/** Index of the object's first double in the engine's heap, or -1 when it must be read by calls. */
function address(p: object): number {
  if (!direct) return -1;
  const pointer = (p as Record<string, Record<string, unknown> | undefined>)[direct.handleKey]?.[direct.pointerKey];
  if (typeof pointer !== 'number' || pointer % 8 !== 0) return -1;
  // A grown memory has a new buffer (the old one is detached): view the current one.
  if (direct.heap.buffer !== direct.memory.buffer) direct.heap = new Float64Array(direct.memory.buffer);
  return pointer / 8;
}

/**
 * Called by engine.ts for each engine it starts: reads go to that engine's memory from now on, or
 * through the accessors when the probe does not confirm the layout.
 */
export function useEngineMemory(oc: OC): void {
  direct = undefined;
  const memory = (oc as unknown as { wasmMemory?: WebAssembly.Memory }).wasmMemory;
  if (!memory) return;
  const [point, vector, dir, point2d] = [
    new oc.gp_Pnt(1.25, -2.5, 3.75),
    new oc.gp_Vec(-4.5, 5.25, 6.125),
    new oc.gp_Dir(0, 0.6, 0.8),
    new oc.gp_Pnt2d(7.5, -8.25),
  ];
  const probes = [point, vector, dir, point2d];
  try {
    const found = findHandle(point, memory, [1.25, -2.5, 3.75]);
    if (!found) return;
    direct = { memory, ...found, heap: new Float64Array(memory.buffer) };
    const agrees = [point, vector, dir].every((p) => same(xyz(p), [p.X(), p.Y(), p.Z()])) && same(xy(point2d), [point2d.X(), point2d.Y()]);
    if (!agrees || probes.some((p) => address(p) < 0)) direct = undefined;
  } finally {
    for (const p of probes) p.delete();
  }
}

/** The (handle, pointer) property names under which `p`'s address holds `expected`. */
function findHandle(p: object, memory: WebAssembly.Memory, expected: number[]): { handleKey: string; pointerKey: string } | undefined {
  const heap = new Float64Array(memory.buffer);
  for (const handleKey of Object.getOwnPropertyNames(p)) {
    const handle = (p as Record<string, unknown>)[handleKey];
    if (typeof handle !== 'object' || handle === null) continue;
    for (const [pointerKey, value] of Object.entries(handle)) {
      if (typeof value !== 'number' || value <= 0 || value % 8 !== 0 || value / 8 + expected.length > heap.length) continue;
      if (same(Array.from(heap.subarray(value / 8, value / 8 + expected.length)), expected)) return { handleKey, pointerKey };
    }
  }
  return undefined;
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
