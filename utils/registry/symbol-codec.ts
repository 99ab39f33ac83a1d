/** Front-coding of the detector's symbol sets (the format is described in detect-data.ts). */
/** The marker letters: 'a' + shared prefix length. */
const MARK_BASE = 0x61;
const MAX_SHARED = 25;
const SYMBOL_CHARS = /^[A-Z0-9.-]+$/;

/** Front-codes symbols (any order, duplicates dropped) into the string `decodeSymbols` reads. */
export function encodeSymbols(symbols: Iterable<string>): string {
  const sorted = [...new Set(symbols)].sort();
  let out = '';
  let prev = '';
  for (const s of sorted) {
    if (!SYMBOL_CHARS.test(s))
      throw new Error(`symbol ${JSON.stringify(s)} has a character the encoding reserves`);
    let shared = 0;
    const most = Math.min(prev.length, s.length - 1, MAX_SHARED);
    while (shared < most && prev.charCodeAt(shared) === s.charCodeAt(shared)) shared++;
    out += String.fromCharCode(MARK_BASE + shared) + s.slice(shared);
    prev = s;
  }
  return out;
}

/** The symbols of an `encodeSymbols` string, in sorted order. */
export function decodeSymbols(encoded: string): string[] {
  const out: string[] = [];
  let prev = '';
  let i = 0;
  while (i < encoded.length) {
    const shared = encoded.charCodeAt(i) - MARK_BASE;
    let j = i + 1;
    while (j < encoded.length && encoded.charCodeAt(j) < MARK_BASE) j++;
    prev = prev.slice(0, shared) + encoded.slice(i + 1, j);
    out.push(prev);
    i = j;
  }
  return out;
}
