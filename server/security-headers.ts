/**
 * Security headers on every answer of the server (the web app, its assets, the API), and on
 * `vite preview` so that the browser tests run the app under the very policy production sends.
 * No imports: vite.config.ts loads this file too.
 *
 * The CSP is what the built app needs and no more: its own scripts, WebAssembly compilation
 * (OCCT and onnxruntime: 'wasm-unsafe-eval', which allows compiling wasm but not eval()), a
 * module Web Worker from its own origin (blob: for onnxruntime's helper threads), inline style
 * attributes (React's `style` props), data: for the inline SVG icon, blob: for the JSON export.
 * Nothing may frame the app (clickjacking on the quote flow).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  // For browsers without CSP frame-ancestors.
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Analysis ids and quotation ids may sit in URLs: never send them to another site.
  'referrer-policy': 'no-referrer',
};
