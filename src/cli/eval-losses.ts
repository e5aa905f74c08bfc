/**
 * `vectis eval <folder> --losses`: where fusing geometry with the model does worse than the model
 * alone. Per class, the faces the final class (`mfcadClass`) gets wrong that the model's raw
 * `label` gets right ("lost") and the reverse ("won"); for each class that fusion loses on
 * balance, the parts and the feature that gave the wrong class (method, type, outline), so a rule
 * that misreads a geometric situation shows as one line repeated over many parts.
 */
import { MFCADPP_CLASSES, STOCK_CLASS, type AnalysisResult } from '../analysis/index.ts';
import { modelClassIds } from './eval-common.ts';
import { resolveTruth } from './eval-classes.ts';

interface Loss {
  part: string;
  truth: number;
  final: number;
  model: number;
  /** What gave the final class: the feature holding the face, or `none` (no feature: stock or a dropped region). */
  source: string;
}

export class LossCollector {
  private readonly losses: Loss[] = [];
  /** Per truth class: [faces, final right, model right, lost (final wrong, model right), won]. */
  private readonly counts = new Map<number, [number, number, number, number, number]>();

  add(part: string, truth: readonly number[], result: AnalysisResult): void {
    const model = modelClassIds(result);
    if (!model) return;
    const final = result.faces.map((f) => f.mfcadClass ?? STOCK_CLASS);
    const t = resolveTruth(truth, final);
    const tm = resolveTruth(truth, model);
    const holder = new Map(result.features.flatMap((feature) => feature.faces.map((f) => [f, feature] as const)));
    t.forEach((cls, i) => {
      const c = this.counts.get(cls) ?? [0, 0, 0, 0, 0];
      const finalRight = final[i] === cls;
      const modelRight = model[i] === tm[i];
      c[0]++;
      if (finalRight) c[1]++;
      if (modelRight) c[2]++;
      if (!finalRight && modelRight) {
        c[3]++;
        this.losses.push({ part, truth: cls, final: final[i]!, model: model[i]!, source: describe(holder.get(i)) });
      }
      if (finalRight && !modelRight) c[4]++;
      this.counts.set(cls, c);
    });
  }

  format(): string {
    const name = (id: number) => MFCADPP_CLASSES[id] ?? String(id);
    const lines = ['', 'fused vs model per true class (lost: fused wrong where the model is right; won: the reverse)', ''];
    lines.push('| class | faces | fused recall | model recall | lost | won |', '|---|---:|---:|---:|---:|---:|');
    const ids = [...this.counts.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      const [n, f, m, lost, won] = this.counts.get(id)!;
      lines.push(`| ${name(id)} | ${n} | ${(f / n).toFixed(3)} | ${(m / n).toFixed(3)} | ${lost} | ${won} |`);
    }
    for (const id of ids.filter((i) => this.counts.get(i)![3] > this.counts.get(i)![4])) {
      const mine = this.losses.filter((l) => l.truth === id);
      lines.push('', `${name(id)}: ${mine.length} faces lost, by what gave the wrong class`);
      const bySource = new Map<string, Loss[]>();
      for (const l of mine) {
        const key = `${l.source} → ${name(l.final)}`;
        bySource.set(key, [...(bySource.get(key) ?? []), l]);
      }
      for (const [key, list] of [...bySource].sort((a, b) => b[1].length - a[1].length)) {
        const parts = [...new Set(list.map((l) => l.part))];
        lines.push(
          `  ${String(list.length).padStart(4)} faces, ${parts.length} parts: ${key}  [${parts.slice(0, 8).join(' ')}${parts.length > 8 ? ' …' : ''}]`,
        );
      }
    }
    return lines.join('\n');
  }
}

function describe(feature: AnalysisResult['features'][number] | undefined): string {
  if (!feature) return 'none';
  const outline = typeof feature.params.outline === 'string' ? ` ${feature.params.outline}` : '';
  const through = feature.params.through === true ? ' through' : '';
  return `${feature.method} ${feature.type}${outline}${through}`;
}
