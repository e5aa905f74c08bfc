import { describe, expect, it } from 'vitest';
import { checkStepHeader } from '../src/analysis/step-header.ts';
import { fixture } from './fixtures.ts';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
function codeOf(bytes: Uint8Array, max = 100 * MB): string {
  try {
    checkStepHeader(bytes, max);
    return 'OK';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('STEP header checks', () => {
  it('refuses empty and blank input as EMPTY', () => {
    expect(codeOf(new Uint8Array())).toBe('EMPTY');
    expect(codeOf(text(' \n\t '))).toBe('EMPTY');
  });

  it('refuses what is not STEP as NOT_STEP', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(codeOf(random)).toBe('NOT_STEP');
    expect(codeOf(text('hello, this is a text file\n'))).toBe('NOT_STEP');
    expect(codeOf(text(`${' '.repeat(72)}S      1\n1H,,1H;,${' '.repeat(60)}G      1\n`))).toBe('NOT_STEP');
  });

  it('refuses a file cut off before its end marker as TRUNCATED', () => {
    const whole = fixture('box-with-hole.step');
    expect(codeOf(whole)).toBe('OK');
    expect(codeOf(whole.subarray(0, Math.floor(whole.length / 2)))).toBe('TRUNCATED');
  });

  it('refuses files over the limit as TOO_LARGE before reading them', () => {
    expect(codeOf(fixture('block.step'), 1024)).toBe('TOO_LARGE');
  });

  it('refuses an empty DATA section as EMPTY', () => {
    expect(codeOf(text('ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n'))).toBe('EMPTY');
  });

  it('refuses non-geometric schemas as UNSUPPORTED_SCHEMA', () => {
    const ifc = "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'));\nENDSEC;\nDATA;\n#1=IFCWALL('x');\nENDSEC;\nEND-ISO-10303-21;\n";
    expect(codeOf(text(ifc))).toBe('UNSUPPORTED_SCHEMA');
  });

  it('names the application protocol and the declared length unit', () => {
    expect(checkStepHeader(fixture('box-with-hole.step'), 100 * MB)).toEqual({ schema: 'AP214', units: 'mm' });
    expect(checkStepHeader(fixture('box-with-hole-inch.step'), 100 * MB).units).toBe('inch');
  });

  it('survives a hostile header (huge, unbalanced, odd bytes) without crawling', () => {
    const junk = `ISO-10303-21;\nHEADER;\nFILE_SCHEMA((('${"('".repeat(200_000)}\u0000\u00ff;\nENDSEC;\nDATA;\nENDSEC;\nEND-ISO-10303-21;\n`;
    expect(['EMPTY', 'UNSUPPORTED_SCHEMA', 'OK']).toContain(codeOf(text(junk)));
  });
});
