import { describe, expect, it } from 'vitest';
import { toInt64 } from './int64.ts';

describe('toInt64', () => {
  it('equals BigInt conversion for indices, zero and negatives (the padding values)', () => {
    const values = Int32Array.from([0, 1, 2, 196, 1115, 1116, 1117, -1, -2, 2147483647, -2147483648]);
    expect(Array.from(toInt64(values))).toEqual(Array.from(values, (v) => BigInt(v)));
    expect(Array.from(toInt64([7, -3]))).toEqual([7n, -3n]);
    expect(toInt64(new Int32Array(0)).length).toBe(0);
  });
});
