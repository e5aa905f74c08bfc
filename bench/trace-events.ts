/**
 * Reading a Chromium trace (the JSON `browser.startTracing` returns): which thread is which, the
 * app's user-timing marks (`vectis:*`, page and worker alike), each thread's busy time by event
 * name (self time, so nested events are not counted twice), and the sampled JavaScript/wasm self
 * time per function from the `disabled-by-default-v8.cpu_profiler` category. Times are ms on the
 * trace clock; bench/first-drop-trace.ts puts them relative to the drop.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: on a loaded machine far less than `dur`. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

/** `pid:tid`, the key every per-thread figure uses. */
export type ThreadKey = string;
const key = (e: { pid: number; tid: number }): ThreadKey => `${e.pid}:${e.tid}`;

export interface Trace {
  events: TraceEvent[];
  threadNames: Map<ThreadKey, string>;
}

export function parseTrace(json: string): Trace {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const threadNames = new Map<ThreadKey, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(key(e), String((e.args as { name?: string })?.name));
  return { events, threadNames };
}

export interface Mark {
  name: string;
  /** ms, trace clock. */
  at: number;
  thread: ThreadKey;
}

/** The app's marks (`vectis:` prefix), in time order; a mark may repeat (one per drop). */
export function marks(trace: Trace): Mark[] {
  const seen = new Set<string>();
  const out: Mark[] = [];
  for (const e of trace.events) {
    if (!e.cat.includes('user_timing') || !e.name.startsWith('vectis:')) continue;
    // Chromium writes a mark as an instant event and, in some versions, once more as a pair.
    const id = `${e.name}@${e.ts}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ name: e.name.slice('vectis:'.length), at: e.ts / 1000, thread: key(e) });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Self time per event name on each thread for events starting in [from, to) (ms): thread CPU
 * time where the trace has it (`tdur`), so that other processes' load does not count, else wall.
 */
export function selfTimes(trace: Trace, from: number, to: number): Map<ThreadKey, Map<string, number>> {
  const cost = (e: TraceEvent) => e.tdur ?? e.dur!;
  const perThread = new Map<ThreadKey, TraceEvent[]>();
  for (const e of trace.events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const list = perThread.get(key(e)) ?? [];
    list.push(e);
    perThread.set(key(e), list);
  }
  const out = new Map<ThreadKey, Map<string, number>>();
  for (const [thread, list] of perThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    // Walk the nesting: each event's self time is its duration less its direct children's.
    const stack: { e: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= until) {
        const { e, children } = stack.pop()!;
        const start = e.ts / 1000;
        if (start >= from && start < to) self.set(e.name, (self.get(e.name) ?? 0) + Math.max(0, cost(e) - children) / 1000);
        if (stack.length > 0) stack.at(-1)!.children += cost(e);
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, children: 0 });
    }
    close(Infinity);
    if (self.size > 0) out.set(thread, self);
  }
  return out;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string };
}

/**
 * Sampled self time (ms) per function on each thread in [from, to), from the trace's CPU profile
 * chunks. Functions are `name (file)`; wasm functions keep their index names (the engine's build
 * has no name section).
 */
export function sampledFunctions(trace: Trace, from: number, to: number): Map<ThreadKey, Map<string, number>> {
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const clock = new Map<string, number>();
  // Chunks come from the sampler's own thread; the 'Profile' event is on the sampled thread.
  const sampled = new Map<string, ThreadKey>();
  const out = new Map<ThreadKey, Map<string, number>>();
  const profiles = trace.events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const e of profiles) {
    const profileId = `${e.pid}:${e.id}`;
    const data = (e.args as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    if (e.name === 'Profile') {
      clock.set(profileId, Number(data.startTime));
      sampled.set(profileId, key(e));
      continue;
    }
    const cpu = data.cpuProfile as { nodes?: ProfileNode[]; samples?: number[] } | undefined;
    const byId = nodes.get(profileId) ?? new Map<number, ProfileNode>();
    nodes.set(profileId, byId);
    for (const n of cpu?.nodes ?? []) byId.set(n.id, n);
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    let t = clock.get(profileId) ?? e.ts;
    const thread = sampled.get(profileId) ?? key(e);
    const perFunction = out.get(thread) ?? new Map<string, number>();
    out.set(thread, perFunction);
    (cpu?.samples ?? []).forEach((id, i) => {
      const previous = t;
      t += deltas[i] ?? 0;
      const at = t / 1000;
      if (at < from || at >= to) return;
      const frame = byId.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)') return;
      const file =
        (frame.url ?? '')
          .split('/')
          .pop()
          ?.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') ?? '';
      const name = `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
      perFunction.set(name, (perFunction.get(name) ?? 0) + (t - previous) / 1000);
    });
    clock.set(profileId, t);
  }
  return out;
}

/** The largest entries of a map, largest first. */
export function largest(map: Map<string, number> | undefined, n: number): [string, number][] {
  return [...(map ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]).slice(0, n);
}
