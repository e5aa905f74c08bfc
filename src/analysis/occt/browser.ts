/**
 * Browser host adapter. Import this module once, before the first `analyze()`, in any bundle that
 * runs the pipeline in a browser (the analysis worker).
 *
 * Why: the engine's emscripten glue looks for `replicad_single.wasm` relative to its own URL. After
 * Vite bundles the glue into a worker chunk that guess is wrong (the chunk and the asset get hashed
 * names in different places), so we import the wasm with `?url` — Vite emits it as an asset and
 * hands us its final URL — and give that URL to the glue through `locateFile`. Nothing else about
 * the pipeline differs between hosts.
 */
import wasmUrl from 'replicad-opencascadejs/wasm?url';
import { configureEngine } from './engine.ts';

configureEngine({ locateFile: () => wasmUrl });

export { wasmUrl };
