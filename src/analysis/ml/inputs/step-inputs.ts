/** One call from STEP bytes to BRepNet tensors (analyze without the model, then ./inputs.ts). */
import { analyze } from '../../analyze.ts';
import type { AnalysisResult } from '../../result.ts';
import { brepnetInputs, type BrepNetInputOptions, type BrepNetInputs } from './inputs.ts';

export async function brepnetInputsForStep(
  bytes: Uint8Array,
  options: BrepNetInputOptions & { fileName?: string },
): Promise<{ result: AnalysisResult; inputs: BrepNetInputs }> {
  const result = await analyze(bytes, { fileName: options.fileName });
  return { result, inputs: brepnetInputs(result, options) };
}
