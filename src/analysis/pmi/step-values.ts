/**
 * Parameters of one STEP instance (ISO 10303-21 encoding): numbers, strings, references,
 * enumerations, unset ($) and derived (*) values, lists, and typed values such as
 * LENGTH_MEASURE(20.). Parsing is bounded by the instance's own text.
 */
import type { StepInstance } from './step-instances.ts';

export type StepValue =
  number | string | null | { ref: number } | { enum: string } | { typed: string; value: StepValue } | { derived: true } | StepValue[];

/** Each part of the instance by entity name, with its parameters (a simple instance has one part). */
export type StepRecord = Map<string, StepValue[]>;

export function parseInstance(text: string, instance: StepInstance): StepRecord {
  const parser = new Parser(text, instance.start, instance.end);
  const record: StepRecord = new Map();
  parser.skipSpace();
  if (parser.peek() === '(') {
    parser.at++;
    for (;;) {
      parser.skipSpace();
      if (parser.peek() === ')' || parser.done()) break;
      const name = parser.word();
      if (!name) break;
      record.set(name, parser.list());
    }
  } else {
    const name = parser.word();
    if (name) record.set(name, parser.list());
  }
  return record;
}

/** PMI parameters nest three or four lists deep; a hostile instance nesting thousands is cut here, not by the stack. */
const MAX_NESTING = 32;

class Parser {
  private depth = 0;

  constructor(
    private readonly text: string,
    public at: number,
    private readonly end: number,
  ) {}

  done(): boolean {
    return this.at >= this.end;
  }

  peek(): string {
    return this.text[this.at] ?? '';
  }

  skipSpace(): void {
    while (this.at < this.end) {
      const c = this.text[this.at]!;
      if (c === '/' && this.text[this.at + 1] === '*') {
        const close = this.text.indexOf('*/', this.at + 2);
        this.at = close < 0 ? this.end : close + 2;
      } else if (c === ' ' || c === '\n' || c === '\r' || c === '\t') this.at++;
      else break;
    }
  }

  word(): string {
    this.skipSpace();
    const from = this.at;
    while (this.at < this.end && /[A-Za-z0-9_]/.test(this.text[this.at]!)) this.at++;
    return this.text.slice(from, this.at).toUpperCase();
  }

  /** A parenthesised list of values; the cursor must be on '(' (after blanks). */
  list(): StepValue[] {
    this.skipSpace();
    const values: StepValue[] = [];
    if (this.peek() !== '(') return values;
    this.at++;
    if (++this.depth > MAX_NESTING) {
      // Too deep to be PMI: the rest of the instance is skipped and reads as no values.
      this.at = this.end;
      return values;
    }
    try {
      return this.items(values);
    } finally {
      this.depth--;
    }
  }

  private items(values: StepValue[]): StepValue[] {
    for (;;) {
      this.skipSpace();
      if (this.done()) return values;
      if (this.peek() === ')') {
        this.at++;
        return values;
      }
      values.push(this.value());
      this.skipSpace();
      if (this.peek() === ',') this.at++;
    }
  }

  value(): StepValue {
    this.skipSpace();
    const c = this.peek();
    if (c === '(') return this.list();
    if (c === '$') return (this.at++, null);
    if (c === '*') return (this.at++, { derived: true });
    if (c === "'") return this.string();
    if (c === '#') {
      this.at++;
      const from = this.at;
      while (this.at < this.end && /[0-9]/.test(this.text[this.at]!)) this.at++;
      return { ref: Number(this.text.slice(from, this.at)) };
    }
    if (c === '.') {
      const close = this.text.indexOf('.', this.at + 1);
      const stop = close < 0 || close > this.end ? this.end : close;
      const name = this.text.slice(this.at + 1, stop).toUpperCase();
      this.at = stop + 1;
      return { enum: name };
    }
    if (/[A-Za-z_]/.test(c)) {
      const typed = this.word();
      const inner = this.list();
      return { typed, value: inner.length === 1 ? inner[0]! : inner };
    }
    const from = this.at;
    while (this.at < this.end && /[-+0-9.Ee]/.test(this.text[this.at]!)) this.at++;
    if (this.at === from) {
      this.at++; // an unexpected character: step over it so that parsing always ends
      return null;
    }
    return Number.parseFloat(this.text.slice(from, this.at));
  }

  string(): string {
    let out = '';
    let i = this.at + 1;
    for (;;) {
      const q = this.text.indexOf("'", i);
      if (q < 0 || q >= this.end) {
        out += this.text.slice(i, this.end);
        this.at = this.end;
        return out;
      }
      out += this.text.slice(i, q);
      if (this.text[q + 1] === "'") {
        out += "'";
        i = q + 2;
        continue;
      }
      this.at = q + 1;
      return out;
    }
  }
}

/** Accessors that tolerate whatever a file holds (a wrong kind reads as undefined). */
export function refOf(v: StepValue | undefined): number | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'ref' in v ? v.ref : undefined;
}

/** Every reference in `v`, through nested lists and typed values (SET_REPRESENTATION_ITEM((#1,#2))). */
export function refsOf(v: StepValue | undefined): number[] {
  if (Array.isArray(v)) return v.flatMap((x) => refsOf(x));
  if (v !== null && typeof v === 'object' && 'typed' in v) return refsOf(v.value);
  const one = refOf(v);
  return one === undefined ? [] : [one];
}

export function textOf(v: StepValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function enumOf(v: StepValue | undefined): string | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && 'enum' in v ? v.enum : undefined;
}

/** A number, possibly wrapped in a typed value (LENGTH_MEASURE(20.)); its type name when typed. */
export function numberOf(v: StepValue | undefined): { value: number; type?: string } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : undefined;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'typed' in v) {
    const inner = numberOf(v.value);
    return inner ? { value: inner.value, type: v.typed } : undefined;
  }
  return undefined;
}
