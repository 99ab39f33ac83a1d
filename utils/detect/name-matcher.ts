/**
 * Matching the names dictionary against text.
 *
 * Latin entries are indexed by the folded hash of their first word (the leading [A-Za-z0-9_] run),
 * which the scanner already computes for every word; the scanner's hook filter (detector.ts) turns
 * away almost every word that starts no name before this index is consulted. Chinese entries go in a
 * PhraseTable keyed by first character.
 *
 * Ambiguous entries are matched here like any other and confirmed afterwards by context.ts.
 */
import * as charclass from './charclass';
import { PhraseTable } from './phrases';
import type { NameEntry } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, foldAscii, HASH_SEED, hashStep, LOWER, SPACE, UPPER, WORD } = charclass;

interface LatinEntry {
  entry: NameEntry;
  /** Lower-cased text. */
  folded: string;
}

function isCjkText(s: string): boolean {
  return s.length > 0 && s.charCodeAt(0) >= 0x2e80;
}

export class NameMatcher {
  readonly #latin = new Map<number, LatinEntry[]>();
  readonly cjk: PhraseTable<NameEntry>;

  constructor(entries: readonly NameEntry[]) {
    const cjk: { text: string; payload: NameEntry }[] = [];
    for (const entry of entries) {
      if (entry.text.length === 0) continue;
      if (isCjkText(entry.text)) {
        cjk.push({ text: entry.text, payload: entry });
        continue;
      }
      let h = HASH_SEED;
      for (let k = 0; k < entry.text.length; k++) {
        const c = entry.text.charCodeAt(k);
        if (((CLASS[c] ?? 0) & WORD) === 0) break;
        h = hashStep(h, c);
      }
      const list = this.#latin.get(h) ?? [];
      list.push({ entry, folded: entry.text.toLowerCase() });
      this.#latin.set(h, list);
    }
    for (const list of this.#latin.values()) list.sort((a, b) => b.folded.length - a.folded.length);
    this.cjk = new PhraseTable(cjk);
  }

  /** Folded hashes of the first words of all Latin entries. */
  latinHashes(): number[] {
    return [...this.#latin.keys()];
  }

  /** The entry of the last successful `matchLatin` (read right after it; saves an object per match). */
  lastEntry: NameEntry | null = null;

  /**
   * The end of the longest Latin entry that matches at word start `i` (the scanner's word run has
   * folded hash `hash`), honouring word boundaries and case rules, with the entry in `lastEntry`;
   * -1 when none matches.
   */
  matchLatin(text: string, i: number, hash: number): number {
    const list = this.#latin.get(hash);
    if (!list) return -1;
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      // "$Bitcoin" was a cashtag attempt, "@Tesla" a handle; a foreign letter glues a longer word
      if (p === 0x24 || p === 0x40 || p === 0xff20 || ((CLASS[p] ?? 0) & ALPHA) !== 0) return -1;
    }
    for (const le of list) {
      const end = matchLatinEntry(text, i, le);
      if (end >= 0) {
        this.lastEntry = le.entry;
        return end;
      }
    }
    return -1;
  }
}

/** End of the match of `le` at `i`, or -1. Spaces in the entry match any run of spaces in the text. */
function matchLatinEntry(text: string, i: number, le: LatinEntry): number {
  const { entry, folded } = le;
  const n = text.length;
  let p = i;
  let exact = true; // same capitalisation as the entry
  let caps = true; // every letter in capitals
  for (let k = 0; k < folded.length; k++) {
    const e = folded.charCodeAt(k);
    if (e === 0x20) {
      if (p >= n || ((CLASS[text.charCodeAt(p)] ?? 0) & SPACE) === 0 || text.charCodeAt(p) === 0x0a)
        return -1;
      while (p < n && ((CLASS[text.charCodeAt(p)] ?? 0) & SPACE) !== 0 && text.charCodeAt(p) !== 0x0a) p++;
      continue;
    }
    if (p >= n) return -1;
    const c = text.charCodeAt(p);
    if (foldAscii(c) !== e) return -1;
    const f = CLASS[c] ?? 0;
    if (c !== entry.text.charCodeAt(k)) exact = false;
    if (f & LOWER) caps = false;
    p++;
  }
  // Whole words only: not followed by a word character or a foreign letter ("Bitcoiner", "Metaverse"),
  // not by '@' (an e-mail), not by '.' + letter (a domain or file: "bitcoin.org", "JD.com" is the entry).
  if (p < n) {
    const c = text.charCodeAt(p);
    const f = CLASS[c] ?? 0;
    if (f & (WORD | ALPHA)) return -1;
    if (c === 0x40) return -1;
    if (c === 0x2e && ((CLASS[text.charCodeAt(p + 1)] ?? 0) & (UPPER | LOWER)) !== 0) return -1;
  }
  if ((entry.caseSensitive || entry.ambiguous) && !exact && !caps) return -1;
  return p;
}
