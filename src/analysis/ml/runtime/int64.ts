/**
 * Index tensors for onnxruntime are int64, but building a BigInt64Array with one BigInt per element
 * costs more than the model run itself on a 200-face part (~50k indices). Typed arrays share the
 * platform's byte order, so on little-endian hosts (every browser and Node platform we ship to)
 * the low 32-bit word of each int64 is at the even index: write words, never BigInts.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function toInt64(values: ArrayLike<number>): BigInt64Array {
  const n = values.length;
  const out = new BigInt64Array(n);
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) out[i] = BigInt(values[i]!);
    return out;
  }
  const words = new Int32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    words[2 * i] = v;
    words[2 * i + 1] = v < 0 ? -1 : 0;
  }
  return out;
}
