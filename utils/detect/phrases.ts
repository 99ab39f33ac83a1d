/**
 * Literal phrase lookup for text written without spaces (Chinese names and claims). Phrases are
 * bucketed by their first code unit (startCodes gives the scanner its filter of possible first
 * units: detector.ts), and a lookup compares a handful of candidates, longest first. No regex, no
 * alternation: linear in the text.
 *
 * ASCII letters compare case-insensitively ("TGE即將來臨" matches "tge即將來臨"); everything else
 * compares exactly.
 */
import * as charclass from './charclass';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { foldAscii } = charclass;

export interface Phrase<T> {
  /** The phrase as written in the table. */
  readonly text: string;
  readonly payload: T;
}

export class PhraseTable<T> {
  readonly #buckets = new Map<number, Phrase<T>[]>();

  constructor(items: readonly Phrase<T>[]) {
    for (const item of items) {
      if (item.text.length === 0) continue;
      const first = foldAscii(item.text.charCodeAt(0));
      const bucket = this.#buckets.get(first);
      if (bucket) bucket.push(item);
      else this.#buckets.set(first, [item]);
    }
    for (const bucket of this.#buckets.values()) bucket.sort((a, b) => b.text.length - a.text.length);
  }

  /** Every code unit some phrase starts with (ASCII folded): a few dozen, cheaper to walk than 64K. */
  startCodes(): IterableIterator<number> {
    return this.#buckets.keys();
  }

  /** The longest phrase that occurs at `i`, or null. */
  longestAt(text: string, i: number): Phrase<T> | null {
    const bucket = this.#buckets.get(foldAscii(text.charCodeAt(i)));
    if (!bucket) return null;
    for (const p of bucket) {
      const len = p.text.length;
      if (i + len > text.length) continue;
      let k = 1;
      while (k < len && foldAscii(text.charCodeAt(i + k)) === foldAscii(p.text.charCodeAt(k))) k++;
      if (k === len) return p;
    }
    return null;
  }
}
