/**
 * The B-Rep engine (replicad-opencascadejs, OCCT 8 in WASM), started once per host.
 *
 * Hosts differ only in how the .wasm file is found: Node finds it beside the glue module, a Vite
 * bundle hands its asset URL over through `configureEngine` (see hosts/browser.ts). A trap or
 * abort can leave the instance corrupt, so `discardEngine` drops it and the next call starts anew.
 */
import type { OpenCascadeInstance } from 'replicad-opencascadejs';
import { useEngineMemory } from './coords.ts';

export type OC = OpenCascadeInstance;

export interface EngineOptions {
  /** Emscripten's hook for finding `replicad_single.wasm`. */
  locateFile?: (file: string, prefix: string) => string;
}

let engineOptions: EngineOptions = {};
let engine: Promise<OC> | undefined;
let ready = false;

export function configureEngine(options: EngineOptions): void {
  engineOptions = options;
}

export function getEngine(): Promise<OC> {
  engine ??= startEngine().then(
    (oc) => {
      ready = true;
      return oc;
    },
    (e: unknown) => {
      engine = undefined;
      throw e;
    },
  );
  return engine;
}

/** True once an engine has finished starting (and not been discarded since). */
export function isEngineReady(): boolean {
  return ready;
}

/** Forget the current instance (after a trap/abort); its memory goes with it. */
export function discardEngine(): void {
  engine = undefined;
  ready = false;
}

async function startEngine(): Promise<OC> {
  const { default: init } = await import('replicad-opencascadejs');
  const options: Record<string, unknown> = {
    // The engine prints STEP translation chatter; keep it out of host logs.
    print: () => undefined,
    printErr: () => undefined,
  };
  if (engineOptions.locateFile) options.locateFile = engineOptions.locateFile;
  const oc = await init(options);
  useEngineMemory(oc);
  return oc;
}

/** Bytes reserved by the WASM heap: it only grows, so growth across runs shows leaks. */
export function engineHeapBytes(oc: OC): number {
  return oc.wasmMemory.buffer.byteLength;
}

/** Decodes a C++ exception thrown through WASM into "Type: message". */
export function describeOccException(oc: OC, e: unknown): string | undefined {
  try {
    const [type, message] = oc.getExceptionMessage(e as WebAssembly.Exception);
    return message ? `${type}: ${message}` : type;
  } catch {
    return undefined;
  }
}
