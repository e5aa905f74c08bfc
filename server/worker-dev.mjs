// Worker entry when the server runs from TypeScript sources (`tsx server/index.ts`) and no bundle
// exists: register tsx inside this thread, then load the TypeScript worker. Production and the
// tests use the esbuild bundle (dist-server/worker.mjs) instead; see server/worker.ts for why.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
