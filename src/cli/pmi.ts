/**
 * `vectis pmi <file>... [--out report.json] [--model x.onnx|none]`: the semantic PMI each file
 * carries, as the result holds it (value, limits, datums, faces, features), then the check of
 * every diameter PMI on a bore against the hole feature that holds its faces
 * (analysis/pmi/hole-agreement.ts). Markdown tables, ready for docs/recognition.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { analyze, checkHoleDiameters, serializeError, type AnalysisResult, type DiameterCheck, type Pmi } from '../analysis/index.ts';
import { modelFromSetting } from '../analysis/hosts/node.ts';

export async function runPmi(files: string[], out: string | undefined, modelSetting: string | undefined): Promise<number> {
  const model = modelFromSetting(modelSetting);
  const checks: { file: string; check: DiameterCheck }[] = [];
  const report: { file: string; pmi: Pmi[]; diameters: DiameterCheck[] }[] = [];
  let failed = 0;
  for (const file of files) {
    let result: AnalysisResult;
    try {
      result = await analyze(new Uint8Array(await readFile(file)), { fileName: basename(file), model });
    } catch (e) {
      // One bad file is reported like `vectis analyze` reports it; the others still get their tables.
      failed++;
      process.stderr.write(`${basename(file)}: ${JSON.stringify({ error: serializeError(e) })}\n`);
      continue;
    }
    const diameters = checkHoleDiameters(result);
    process.stdout.write(`\n### ${basename(file)}: ${result.pmi.length} PMI items\n\n${pmiTable(result)}\n`);
    for (const check of diameters) checks.push({ file: basename(file), check });
    report.push({ file: basename(file), pmi: result.pmi, diameters });
  }
  process.stdout.write(`\n### Diameter PMI on bores vs the hole features\n\n${diameterTable(checks)}\n`);
  const agreeing = checks.filter((c) => c.check.verdict === 'agrees').length;
  const bores = checks.filter((c) => c.check.verdict !== 'not a bore').length;
  process.stdout.write(`\n${agreeing} of ${bores} diameter PMI on bores agree with their hole feature\n`);
  if (out) await writeFile(out, JSON.stringify(report, null, 1));
  return failed > 0 ? 1 : 0;
}

function pmiTable(result: AnalysisResult): string {
  const rows = result.pmi.map((p) => {
    const features = p.features.map((id) => `${id} ${result.features.find((f) => f.id === id)?.type ?? '?'}`).join(', ');
    return `| ${p.id} | ${p.kind} | ${p.name} | ${value(p)} | ${p.tolerance_class ?? ''} | ${(p.datums ?? []).join('\\|')} | ${p.faces.join(', ') || '-'} | ${features || '-'} |`;
  });
  return ['| # | kind | name | value | class | datums | faces | features |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function diameterTable(checks: { file: string; check: DiameterCheck }[]): string {
  const rows = checks.map(({ file, check }) => {
    const holes = check.holes.map((h) => `${h.id} ${h.type} Ø${h.diameters.map((d) => round(d)).join('/')}`).join('; ');
    return `| ${file} | ${check.pmi.id} | ${value(check.pmi)} | ${check.pmi.faces.length} | ${check.facesDiameter === null ? '-' : round(check.facesDiameter)} | ${holes || '-'} | ${check.verdict} |`;
  });
  return [
    '| file | PMI | Ø in the file | faces | Ø of the faces | hole feature (Ø it reports) | verdict |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function value(p: Pmi): string {
  if (p.nominal === null) return '-';
  const unit = p.unit === 'deg' ? '°' : '';
  const deviations = p.upper !== null && p.lower !== null ? ` +${round(p.upper)}/${round(p.lower)}` : '';
  return `${round(p.nominal)}${unit}${deviations}`;
}

function round(v: number): string {
  return String(Math.round(v * 10000) / 10000);
}
