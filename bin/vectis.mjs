#!/usr/bin/env node
// The CLI is TypeScript like the rest of the pipeline; tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
// tsx turns Node's source maps on; Node then measures every loaded module's lines (~0.2 s of a
// one-shot run, profiled). The CLI reports errors as { code, message }, never as stack traces.
process.setSourceMapsEnabled(false);
// Start the engine (23 MB of wasm to read and compile) while the rest of the CLI's modules load.
if (['analyze', 'eval'].includes(process.argv[2] ?? '')) {
  import('../src/analysis/occt/engine.ts').then((m) => m.getEngine()).catch(() => undefined);
}
// `vectis report` (the accuracy report) has options of its own and needs no engine.
if (process.argv[2] === 'report') {
  const { runReport } = await import('../src/cli/report.ts');
  process.exitCode = await runReport(process.argv.slice(3));
} else {
  await import('../src/cli/vectis.ts');
}
