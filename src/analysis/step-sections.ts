/**
 * A linear scan of a STEP file's opening: the statements up to the DATA section, read with a
 * hand-written tokenizer rather than regexes. Regexes such as /^\s*DATA\s*;/m re-scan every run
 * of blank lines from each line start (quadratic: a magic line followed by 100,000 blank lines
 * took seconds), and they ran over the whole upload; this reads each character of a bounded
 * prefix once, skipping comments and string literals so that a "DATA;" inside either is not a
 * section.
 */

export type DataSection =
  /** `DATA;` found; `empty` when the next statement is `ENDSEC;` (no instances at all). */
  | { found: true; empty: boolean }
  /** No `DATA` statement in the text scanned; `complete` is false when the window cut it short. */
  | { found: false; complete: boolean };

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);

/**
 * Finds the first DATA section in `text` (a prefix of the file: `complete` says whether it is the
 * whole file). A statement is everything up to a `;` outside comments and strings; its keyword is
 * its first word. Edition 3 allows `DATA('name', ...);`, so the keyword is compared, not the whole
 * statement.
 */
export function findDataSection(text: string, complete: boolean): DataSection {
  let at = 0;
  let sawData = false;
  while (at < text.length) {
    const statement = readStatement(text, at);
    if (!statement) break;
    if (sawData) return { found: true, empty: statement.keyword === 'ENDSEC' };
    if (statement.keyword === 'DATA') sawData = true;
    at = statement.end;
  }
  // `DATA;` was the last complete statement of the window: whether it is empty is unknown, so it
  // counts as not empty when the file goes on (the engine will say what is there).
  if (sawData) return { found: true, empty: complete };
  return { found: false, complete };
}

/** The statement from `from` to just past its `;` (undefined when the text ends first). */
function readStatement(text: string, from: number): { keyword: string; end: number } | undefined {
  // The keyword is kept as indices (a hostile statement may be one word a megabyte long).
  let wordStart = -1;
  let wordEnd = -1;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      if (wordStart >= 0 && wordEnd < 0) wordEnd = i;
      i = close + 2;
      continue;
    }
    if (c === 0x27 /* ' */) {
      if (wordStart >= 0 && wordEnd < 0) wordEnd = i;
      if (wordStart < 0) wordStart = wordEnd = i;
      i = endOfString(text, i + 1);
      if (i < 0) return undefined;
      continue;
    }
    if (c === 0x3b /* ; */) {
      const keyword = wordStart < 0 ? '' : text.slice(wordStart, Math.min(wordEnd < 0 ? i : wordEnd, wordStart + 16));
      return { keyword: keyword.toUpperCase(), end: i + 1 };
    }
    if (wordEnd < 0) {
      if (isWordChar(c)) {
        if (wordStart < 0) wordStart = i;
      } else if (wordStart >= 0) wordEnd = i;
      else if (!SPACE.has(c)) wordStart = wordEnd = i;
    }
    i++;
  }
  return undefined;
}

/** Index just past the closing quote of a STEP string ('' is an escaped quote), or -1. */
function endOfString(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) return -1;
    if (text.charCodeAt(q + 1) === 0x27) {
      i = q + 2;
      continue;
    }
    return q + 1;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}
