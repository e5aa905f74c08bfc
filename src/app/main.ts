/** Placeholder product page (the React app replaces it): pick a file, analyse it in the worker, summarise. */
import { AnalysisClient } from './analysis-client.ts';
import type { AnalysisResult } from '../analysis/index.ts';

const client = new AnalysisClient();
const input = document.querySelector<HTMLInputElement>('[data-testid="dropzone"] input[type="file"]');
const status = document.querySelector<HTMLElement>('[data-testid="status"]');
if (!input || !status) throw new Error('placeholder page is missing its elements');

function summary(r: AnalysisResult): string {
  const { part, timings } = r;
  const fmt = (v: number[]) => v.map((x) => x.toFixed(2)).join(', ');
  const times = Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  return [
    `${r.file.name}: ${part.faces} faces, ${part.edges} edges, ${part.solids} solid(s)`,
    `bbox min (${fmt(part.bbox.min)}) max (${fmt(part.bbox.max)}) mm`,
    `timings: ${times}`,
  ].join('\n');
}

let run = 0;
let running = false;

input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  // A new file cancels the one in flight (terminating its worker is the only way to stop OCC).
  if (running) client.terminate();
  const mine = ++run;
  running = true;
  status.dataset.state = 'running';
  delete status.dataset.code;
  status.textContent = `Analysing ${file.name}…`;
  const outcome = await client.analyze(new Uint8Array(await file.arrayBuffer()), file.name, (p) => {
    if (p.state === 'start' && mine === run) status.textContent = `Analysing ${file.name}: ${p.stage}…`;
  });
  if (mine !== run) return;
  running = false;
  if (outcome.ok) {
    status.dataset.state = 'done';
    status.textContent = summary(outcome.result);
  } else {
    status.dataset.state = 'error';
    status.dataset.code = outcome.error.code;
    status.textContent = `${outcome.error.code}: ${outcome.error.message}`;
  }
});
