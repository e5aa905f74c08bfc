/**
 * Security headers on every answer of the server (the web app, its assets, the API), and on
 * `vite preview` so that the browser tests run the app under the very policy production sends.
 * No imports: vite.config.ts loads this file too.
 *
 * Two content security policies, because the page and the analysis worker need different things:
 * - the page (and everything that is not JavaScript: the API's JSON too) gets what the built app
 *   needs and no more: its own scripts, WebAssembly compilation ('wasm-unsafe-eval' allows
 *   compiling wasm, not eval()), a module worker from its own origin (blob: for onnxruntime's
 *   helper threads), inline style attributes (React `style` props), data: for the inline SVG
 *   icon, blob: for the JSON export; nothing may frame it (clickjacking on the quote flow).
 * - a JavaScript file's own CSP header only matters when it is a worker's top-level script (a
 *   worker runs under the policy delivered with its script, not the page's). The OCCT engine's
 *   Emscripten bindings (embind) build their call wrappers with `Function(...)`, so the worker
 *   needs 'unsafe-eval' (measured: without it every analysis fails in the worker); it is given
 *   there only, never to the page.
 */
const COMMON = ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'"];

export const PAGE_CSP = [
  ...COMMON,
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const WORKER_SCRIPT_CSP = [...COMMON, "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'", "worker-src 'self' blob:"].join('; ');

/** The policy for an answer to this URL path: scripts may be workers, everything else is the page's. */
export function contentSecurityPolicyFor(url: string): string {
  return /\.m?js$/i.test(url.split('?')[0] ?? '') ? WORKER_SCRIPT_CSP : PAGE_CSP;
}

/** The headers besides the CSP, the same on every answer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // For browsers without CSP frame-ancestors.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Analysis ids and quotation ids may sit in URLs: never send them to another site.
  'referrer-policy': 'no-referrer',
};
