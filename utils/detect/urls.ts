/**
 * URL spans. Inside a URL only contract addresses are looked for ("etherscan.io/address/0x…" and
 * "solscan.io/token/<mint>" are worth reporting); names, tickers, handles and claims inside a URL are
 * parts of a path or a domain ("https://x.com/Tesla", "?q=no+vc"), not mentions.
 *
 * A URL starts at a word "http" or "https" followed by "://", or "www" followed by "."; it runs
 * until whitespace, a CJK character, a quote or angle bracket, or a non-ASCII character that is not
 * a letter (IRIs may contain accented letters).
 */
import * as charclass from './charclass';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CJK, CLASS, SPACE } = charclass;

function lowerIs(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** If the word run `text.slice(start, end)` opens a URL, the URL's end; otherwise -1. */
export function urlEndAt(text: string, start: number, end: number): number {
  const isScheme =
    (lowerIs(text, start, end, 'http') || lowerIs(text, start, end, 'https')) &&
    text.charCodeAt(end) === 0x3a &&
    text.charCodeAt(end + 1) === 0x2f &&
    text.charCodeAt(end + 2) === 0x2f;
  const isWww = lowerIs(text, start, end, 'www') && text.charCodeAt(end) === 0x2e;
  if (!isScheme && !isWww) return -1;
  let k = end;
  const n = text.length;
  while (k < n) {
    const c = text.charCodeAt(k);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0x7f)
        break;
    } else {
      const f = CLASS[c] ?? 0;
      if (f & (SPACE | CJK) || (f & ALPHA) === 0) break;
    }
    k++;
  }
  return k;
}
