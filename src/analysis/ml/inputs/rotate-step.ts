/**
 * Rigidly rotates a STEP file's geometry by rewriting the text: every 3D CARTESIAN_POINT and
 * DIRECTION is turned by the same rotation (2D pcurve points are left alone). Topology, entity
 * ids and face order stay the same, so a rotated part can be compared face by face. Used by
 * the rotation-invariance tests and available to the data tooling for augmentation.
 */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

/** Rotation matrix (row-major) about a unit axis by an angle in degrees (Rodrigues). */
export function rotation(axis: [number, number, number], degrees: number): Mat3 {
  const n = Math.hypot(...axis);
  const [x, y, z] = axis.map((v) => v / n) as [number, number, number];
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const t = 1 - c;
  return [
    t * x * x + c,
    t * x * y - s * z,
    t * x * z + s * y,
    t * x * y + s * z,
    t * y * y + c,
    t * y * z - s * x,
    t * x * z - s * y,
    t * y * z + s * x,
    t * z * z + c,
  ];
}

const ENTITY = /\b(CARTESIAN_POINT|DIRECTION)\s*\(\s*'([^']*)'\s*,\s*\(([^()]*)\)\s*\)/g;

function real(v: number): string {
  return v.toExponential(16).toUpperCase();
}

export function rotateStepText(text: string, m: Mat3): string {
  return text.replace(ENTITY, (whole, kind: string, name: string, list: string) => {
    const v = list.split(',').map((s) => Number.parseFloat(s));
    if (v.length !== 3 || v.some((x) => !Number.isFinite(x))) return whole;
    const [x, y, z] = v as [number, number, number];
    const r = [m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z];
    return `${kind}('${name}',(${r.map(real).join(',')}))`;
  });
}

export function rotateStep(bytes: Uint8Array, m: Mat3): Uint8Array {
  // STEP is 7-bit text by the standard; latin1 keeps any stray byte as it was.
  const text = new TextDecoder('latin1').decode(bytes);
  const out = rotateStepText(text, m);
  return Uint8Array.from(out, (ch) => ch.charCodeAt(0) & 0xff);
}
