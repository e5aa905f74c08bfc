// The thumbnail thread's entry when the server runs from TypeScript sources (see ../worker-dev.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./thumbnail-worker.ts');
