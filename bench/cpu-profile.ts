/**
 * Shares of CPU time in a V8 CPU profile (the `.cpuprofile` JSON that Chromium's DevTools
 * Protocol and Node's inspector both write): self time per category (engine WASM, JS by file,
 * garbage collection, idle) and per function. The same replicad wasm binary runs in both hosts and
 * has no name section, so its functions are named by index (`$func123`) alike in both profiles,
 * which lets bench/profile-browser.ts put the two side by side function by function.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileShares {
  /** Sampled time, ms (idle excluded). */
  busyMs: number;
  idleMs: number;
  /** Self time per category, ms. */
  categories: Map<string, number>;
  /** Self time per function (`category :: name`), ms. */
  functions: Map<string, number>;
}

/** The category a frame's self time counts towards. */
export function categoryOf(frame: { functionName: string; url: string }): string {
  const { functionName: name, url } = frame;
  if (name === '(idle)') return 'idle';
  if (name === '(garbage collector)') return 'gc';
  if (name === '(program)' || name === '(root)') return 'program (V8 itself: compile, runtime)';
  if (url.startsWith('wasm://') || /\.wasm($|[?#])/.test(url)) return wasmModuleOf(url);
  if (url === '') return `native ${name}`;
  const file =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? url;
  return `js ${file.replace(/-[A-Za-z0-9_]{8}\.js$/, '.js')}`;
}

/**
 * Chromium names a wasm module by the URL it came from; Node by a hash (`wasm://wasm/1a2b3c4d`),
 * which `shares` renames afterwards by busy time (the engine's module is by far the busiest).
 */
function wasmModuleOf(url: string): string {
  if (url.includes('replicad')) return 'wasm engine';
  if (url.includes('ort-wasm')) return 'wasm onnxruntime';
  return `wasm ${url.replace(/^wasm:\/\/wasm\//, '')}`;
}

const ANONYMOUS_WASM_NAMES = ['wasm engine', 'wasm onnxruntime'];

/** Names Node's anonymous wasm modules like Chromium's: busiest first (the engine, then onnxruntime). */
function nameAnonymousWasm(categories: Map<string, number>): Map<string, string> {
  const anonymous = [...categories.entries()].filter(([k]) => /^wasm [0-9a-f]+$/.test(k)).sort((a, b) => b[1] - a[1]);
  return new Map(anonymous.map(([k], i) => [k, ANONYMOUS_WASM_NAMES[i] ?? k]));
}

function renamed(map: Map<string, number>, names: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of map) {
    const category = k.split(' :: ')[0]!;
    const key = names.has(category) ? k.replace(category, names.get(category)!) : k;
    out.set(key, (out.get(key) ?? 0) + v);
  }
  return out;
}

export function shares(profile: CpuProfile): ProfileShares {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    // The delta before a sample is the time that sample stands for (V8's own convention).
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (!node) continue;
    const cat = categoryOf(node.callFrame);
    if (cat === 'idle') {
      idle += dt;
      continue;
    }
    busy += dt;
    categories.set(cat, (categories.get(cat) ?? 0) + dt);
    const fn = `${cat} :: ${node.callFrame.functionName || '(anonymous)'}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  }
  const names = nameAnonymousWasm(categories);
  return { busyMs: busy, idleMs: idle, categories: renamed(categories, names), functions: renamed(functions, names) };
}

/** The `n` largest entries of a map, largest first. */
export function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}
