/**
 * Character classes for the scanners, as one 64K table of bit flags indexed by UTF-16 code unit.
 * Every hot loop classifies with a single typed-array load instead of regexes or range chains, which
 * keeps the scanners branch-light and free of backtracking.
 */

/** [A-Za-z0-9_]: the characters of an ASCII "word" run. */
export const WORD = 1;
export const DIGIT = 2;
export const UPPER = 4;
export const LOWER = 8;
export const HEX = 16;
/** The Bitcoin/Solana base58 alphabet: alphanumerics minus 0, O, I, l. */
export const BASE58 = 32;
/** Whitespace as twitter-text counts it (ASCII spaces, NBSP, Unicode spaces, ideographic space). */
export const SPACE = 64;
/**
 * Letters and marks of alphabetic scripts outside ASCII (Latin-1 letters, Latin Extended, Greek,
 * Cyrillic, …, fullwidth Latin). A Latin name or a cashtag glued to one of these is part of a longer
 * foreign word ("$TESTé", "Bitcoinção"), so it does not match.
 */
export const ALPHA = 128;
/** Scripts written without spaces: CJK ideographs, kana, hangul, bopomofo. */
export const CJK = 256;
/** Clause punctuation: where a negation stops reaching (ASCII and CJK/fullwidth). */
export const CLAUSE = 512;

function fill(table: Uint16Array, from: number, to: number, flag: number): void {
  for (let c = from; c <= to; c++) table[c] = (table[c] ?? 0) | flag;
}

/**
 * Sets a range that no earlier flag touched, with the native TypedArray fill: the big script ranges
 * (CJK, Hangul) are tens of thousands of entries, built on every page load.
 */
function fillFresh(table: Uint16Array, from: number, to: number, flag: number): void {
  table.fill(flag, from, to + 1);
}

function build(): Uint16Array {
  const t = new Uint16Array(65536);
  fill(t, 0x30, 0x39, WORD | DIGIT | HEX);
  fill(t, 0x41, 0x5a, WORD | UPPER);
  fill(t, 0x61, 0x7a, WORD | LOWER);
  fill(t, 0x41, 0x46, HEX);
  fill(t, 0x61, 0x66, HEX);
  t[0x5f] = WORD;
  const b58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  for (let k = 0; k < b58.length; k++) {
    const c = b58.charCodeAt(k);
    t[c] = (t[c] ?? 0) | BASE58;
  }
  // twitter-text's spaces.
  fill(t, 0x09, 0x0d, SPACE);
  for (const c of [0x20, 0x85, 0xa0, 0x1680, 0x180e, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000])
    fill(t, c, c, SPACE);
  fill(t, 0x2000, 0x200a, SPACE);
  // Alphabetic scripts (letters and combining marks) outside ASCII.
  fillFresh(t, 0xc0, 0x24f, ALPHA);
  t[0xd7] = 0; // ×
  t[0xf7] = 0; // ÷
  for (const c of [0xaa, 0xb5, 0xba]) t[c] = ALPHA;
  fillFresh(t, 0x250, 0x2af, ALPHA); // IPA
  fillFresh(t, 0x300, 0x36f, ALPHA); // combining diacritics
  fillFresh(t, 0x370, 0x3ff, ALPHA); // Greek
  fillFresh(t, 0x400, 0x52f, ALPHA); // Cyrillic
  fillFresh(t, 0x531, 0x58f, ALPHA); // Armenian
  fillFresh(t, 0x5d0, 0x5ea, ALPHA); // Hebrew letters
  fillFresh(t, 0x620, 0x64a, ALPHA); // Arabic letters
  fillFresh(t, 0x900, 0xdff, ALPHA); // Indic scripts
  fillFresh(t, 0xe01, 0xe4e, ALPHA); // Thai
  fillFresh(t, 0x10a0, 0x10ff, ALPHA); // Georgian
  fillFresh(t, 0x1e00, 0x1fff, ALPHA); // Latin Extended Additional, Greek Extended
  fillFresh(t, 0xff21, 0xff3a, ALPHA); // fullwidth A-Z
  fillFresh(t, 0xff41, 0xff5a, ALPHA); // fullwidth a-z
  fillFresh(t, 0xff10, 0xff19, ALPHA); // fullwidth digits glue to words the same way
  // Scripts without spaces.
  fillFresh(t, 0x3040, 0x30ff, CJK); // kana
  fillFresh(t, 0x3100, 0x312f, CJK); // bopomofo
  fillFresh(t, 0x31f0, 0x31ff, CJK);
  fillFresh(t, 0x3400, 0x4dbf, CJK); // CJK Ext A
  fillFresh(t, 0x4e00, 0x9fff, CJK); // CJK Unified
  fillFresh(t, 0xac00, 0xd7af, CJK); // Hangul syllables
  fillFresh(t, 0xf900, 0xfaff, CJK); // compatibility ideographs
  // Clause punctuation.
  for (const ch of '.,;:!?()[]{}\n\r|') fill(t, ch.charCodeAt(0), ch.charCodeAt(0), CLAUSE);
  for (const ch of '，。；：！？、（）【】「」『』《》〈〉…—')
    fill(t, ch.charCodeAt(0), ch.charCodeAt(0), CLAUSE);
  for (const ch of '．｜') fill(t, ch.charCodeAt(0), ch.charCodeAt(0), CLAUSE);
  return t;
}

/**
 * The flag table, indexed by `charCodeAt` (every index below 65536 exists; the `?? 0` at call sites
 * only satisfies noUncheckedIndexedAccess).
 */
export const CLASS: Uint16Array = build();

/**
 * Case-folded hash of an ASCII word run, one step at a time (FNV-1a over `c | 0x20`, which folds A-Z
 * onto a-z and leaves digits and '_' distinct; only word characters are ever hashed). Kept within
 * 30 bits so V8 stores it as a small integer. Every lookup keyed by it confirms the word itself.
 */
export const HASH_SEED = 0x811c9dc5 & 0x3fffffff;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c | 0x20), 0x01000193) & 0x3fffffff;
}

/** Folded hash of a whole ASCII string, equal to stepping `hashStep` over it. */
export function hashWord(word: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k++) h = hashStep(h, word.charCodeAt(k));
  return h;
}

/** Lower-cases one ASCII letter code; other codes pass through. */
export function foldAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}
