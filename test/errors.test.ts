import { describe, expect, it } from 'vitest';
import { AnalysisError, classifyThrown, serializeError } from '../src/analysis/errors.ts';

describe('classifying what the engine throws', () => {
  it('turns a WebAssembly trap into OCC_FAILURE and retires the engine', () => {
    const e = classifyThrown(new WebAssembly.RuntimeError('null function or function signature mismatch'));
    expect(e.code).toBe('OCC_FAILURE');
    expect(e.engineBroken).toBe(true);
  });

  it('turns out-of-memory aborts into OUT_OF_MEMORY', () => {
    expect(classifyThrown(new Error('Aborted(OOM)')).code).toBe('OUT_OF_MEMORY');
    expect(classifyThrown(new RangeError('Array buffer allocation failed')).code).toBe('OUT_OF_MEMORY');
  });

  it('turns a bare thrown number into OCC_FAILURE', () => {
    const e = classifyThrown(5_242_880);
    expect(e.code).toBe('OCC_FAILURE');
    expect(e.engineBroken).toBe(true);
  });

  it('keeps AnalysisErrors and serialises to { code, message }', () => {
    const original = new AnalysisError('NO_SOLID', 'none');
    expect(classifyThrown(original)).toBe(original);
    expect(serializeError(original)).toEqual({ code: 'NO_SOLID', message: 'none' });
    expect(serializeError('weird')).toEqual({ code: 'INTERNAL', message: 'weird' });
  });
});
