/**
 * The DATA section of a STEP file as instances: `#id = TYPE(...)` or the complex form
 * `#id = (A(...) B(...))`. One linear pass records each instance's types and where its text lies;
 * parameters are parsed only for the few instances PMI needs (step-values.ts), so a 3 MB file
 * costs one scan of its characters, whatever its B-spline control nets hold. Comments and string
 * literals are skipped, so a ';' or '#' inside them is never taken for structure.
 */

export interface StepInstance {
  id: number;
  /** Upper-case entity names: one for a simple instance, each part's for a complex one. */
  types: string[];
  /** Text span of the instance's value: from just after '=' to just before ';'. */
  start: number;
  end: number;
}

export class StepInstances {
  private readonly byId = new Map<number, StepInstance>();
  private readonly byType = new Map<string, StepInstance[]>();

  constructor(readonly text: string) {
    for (const instance of scan(text)) {
      this.byId.set(instance.id, instance);
      for (const type of instance.types) {
        let list = this.byType.get(type);
        if (!list) this.byType.set(type, (list = []));
        list.push(instance);
      }
    }
  }

  get(id: number): StepInstance | undefined {
    return this.byId.get(id);
  }

  /** Instances of `type` (simple or as a part of a complex instance), in file order. */
  ofType(type: string): StepInstance[] {
    return this.byType.get(type) ?? [];
  }

  is(id: number, type: string): boolean {
    return this.byId.get(id)?.types.includes(type) ?? false;
  }

  get size(): number {
    return this.byId.size;
  }
}

const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const QUOTE = 0x27;
const SLASH = 0x2f;
const STAR = 0x2a;
const OPEN = 0x28;
const CLOSE = 0x29;

/** Characters that matter between instances: strings, comments and instance heads. */
const TOP_LEVEL = /['#/]/g;
/** Characters that matter inside an instance: strings, comments, nesting and its end. */
const STRUCTURE = /['()/;]/g;

// Both scans jump from one structural character to the next with a global regex (native search):
// a 3 MB file is mostly numbers in B-spline nets, which need no look at all.
function* scan(text: string): Generator<StepInstance> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    TOP_LEVEL.lastIndex = i;
    const match = TOP_LEVEL.exec(text);
    if (!match) return;
    i = match.index;
    const skipped = skipLiteral(text, i);
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    // An instance starts with '#digits' followed (after blanks) by '='; a '#' in a parameter list
    // is a reference and is reached only inside readInstance.
    const head = readHead(text, i + 1);
    if (!head) {
      i++;
      continue;
    }
    const instance = readInstance(text, head.id, head.next);
    if (!instance) return;
    yield instance;
    i = instance.end + 1;
  }
}

function readHead(text: string, from: number): { id: number; next: number } | undefined {
  let i = from;
  let id = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) id = id * 10 + (text.charCodeAt(i++) - 0x30);
  if (i === from) return undefined;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === EQUALS ? { id, next: i + 1 } : undefined;
}

/**
 * Reads the value after '=' up to its ';'. The entity names are the words just before each '('
 * that opens at depth 0 (a simple instance) or 1 (the parts of a complex one).
 */
function readInstance(text: string, id: number, from: number): StepInstance | undefined {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const typeDepth = text.charCodeAt(i) === OPEN ? 1 : 0;
  const types: string[] = [];
  let depth = 0;
  while (i < text.length) {
    STRUCTURE.lastIndex = i;
    const match = STRUCTURE.exec(text);
    if (!match) return undefined;
    i = match.index;
    const skipped = skipLiteral(text, i);
    if (skipped !== undefined) {
      i = skipped;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === SEMICOLON) {
      if (depth <= 0) return { id, types, start: from, end: i };
    } else if (c === OPEN) {
      if (depth === typeDepth) {
        const name = wordBefore(text, i, from);
        if (name) types.push(name);
      }
      depth++;
    } else if (c === CLOSE) depth--;
    i++;
  }
  return undefined;
}

/** The identifier that ends just before `at` (blanks allowed between), upper-cased. */
function wordBefore(text: string, at: number, floor: number): string | undefined {
  let end = at;
  while (end > floor && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > floor && isWordChar(text.charCodeAt(start - 1))) start--;
  return start < end && isWordStart(text.charCodeAt(start)) ? text.slice(start, end).toUpperCase() : undefined;
}

/**
 * At a quote or a slash: the index just past the string or comment that starts there (a lone '/'
 * is stepped over); undefined at any other character.
 */
function skipLiteral(text: string, at: number): number | undefined {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return skipString(text, at + 1);
  if (c === SLASH) return text.charCodeAt(at + 1) === STAR ? skipComment(text, at + 2) : at + 1;
  return undefined;
}

function skipString(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) return text.length;
    if (text.charCodeAt(q + 1) === QUOTE) {
      i = q + 2;
      continue;
    }
    return q + 1;
  }
}

function skipComment(text: string, from: number): number {
  const close = text.indexOf('*/', from);
  return close < 0 ? text.length : close + 2;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b;
}

function isWordStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
