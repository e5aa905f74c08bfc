/**
 * The platform the pipeline's core (src/analysis outside hosts/) may rely on: what a browser
 * worker and Node 20 both provide, and nothing else. `tsconfig.core.json` type-checks the core
 * with these declarations instead of the DOM and Node libraries, so a `document`, a `window` or a
 * `node:fs` in the core fails `npm run typecheck`; host-specific code goes to src/analysis/hosts/.
 * Add a global here only when both hosts have it. Not part of the main tsconfig (whose DOM and
 * Node libraries declare the same names in full).
 */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
}
declare var AbortSignal: { prototype: AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number): unknown;

declare var performance: { now(): number };

interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean }): TextDecoder };

interface TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface URL {
  readonly href: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string, base?: string | URL): URL };

interface Response {
  readonly ok: boolean;
  readonly status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}
declare function fetch(input: string | URL): Promise<Response>;

declare var crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> } };

declare var console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};

/** The engine's traps and C++ exceptions; `Exception` is newer than some runtimes (checked before use). */
declare namespace WebAssembly {
  class RuntimeError extends Error {}
  interface Memory {
    readonly buffer: ArrayBuffer;
  }
}
