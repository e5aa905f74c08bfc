/**
 * How deeply a JSON text nests, found by one pass over its bytes (strings skipped), stopping as
 * soon as it passes a bound. A result nests about ten levels; a client's thousands of levels
 * would only serve to overflow the stack of whatever walks the parsed value (the schema, the
 * comparison, JSON.stringify of a difference, the store), so it is refused before parsing.
 */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}
