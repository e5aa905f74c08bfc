import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicyFor, SECURITY_HEADERS } from './server/security-headers.ts';

/**
 * Cross-origin isolation (COOP + COEP) on every page we serve: SharedArrayBuffer, and with it
 * threaded WASM (onnxruntime-web numThreads, a multi-threaded OCC build), needs it. Set for the
 * dev server and for `vite preview` alike so tests see what production sees.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * `vite preview` answers every file with `Cache-Control: no-cache` (a revalidation per load).
 * Hashed assets never change, so it serves them as the production server does (server/app.ts):
 * cacheable for good. Chromium keeps its compiled code for a cached wasm response it streamed
 * (V8's wasm code cache), so a second visit skips compiling the 23 MB engine.
 */
function immutableAssets(): Plugin {
  return {
    name: 'vectis-immutable-assets',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        next();
      });
    },
  };
}

export default defineConfig({
  // React (JSX, Fast Refresh) for the app in src/app/.
  plugins: [react(), immutableAssets(), previewContentSecurityPolicy()],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        harness: resolve(import.meta.dirname, 'e2e/harness.html'),
      },
    },
  },
  // Module workers: the pipeline uses top-level ESM and dynamic import.
  worker: { format: 'es' },
  // Vite serves .wasm as application/wasm, which WebAssembly.instantiateStreaming requires.
  server: { headers: isolation },
  // Preview also sends the server's security headers (CSP included): the e2e tests run the built
  // app under the policy production sends. Not the dev server: its HMR client needs inline script.
  preview: { headers: { ...isolation, ...SECURITY_HEADERS } },
});

/** The server's CSP on `vite preview`: per answer, as the page's or a worker script's. */
function previewContentSecurityPolicy(): Plugin {
  return {
    name: 'vectis-preview-csp',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('content-security-policy', contentSecurityPolicyFor(req.url ?? '/'));
        next();
      });
    },
  };
}
