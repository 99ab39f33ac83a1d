/**
 * Cashtags ("$TAO"), recognised with a '$'-first scan so that the cashtag-only path can skip through
 * text with `indexOf('$')` as fast as twitter-text's single regex.
 *
 * The base is twitter-text's 2012 rule: '$', then 1–6 ASCII letters, optionally '.' or '_' and 1–2
 * letters ($BRK.B style), not glued to a word on either side. Deliberate deviations, each tested
 * beside the conformance case it overrides (test/unit/detect/conformance.test.ts):
 *
 * 1. Crypto symbols that are longer than six letters or contain digits ($BITCOIN, $FARTCOIN, $1INCH)
 *    count when the caller's symbol set knows them.
 * 2. Prices are never cashtags: a body that starts with a digit and is a number with an optional
 *    magnitude or multiplier suffix ($61,000 $67k $1.5B $0.05 $100-a-month $21M $100x) is skipped even
 *    when the symbol set happens to list it ("21M" and "100X" are CoinGecko symbols).
 * 3. Before the '$' twitter-text accepts only the start of text or whitespace. We also accept
 *    opening brackets and quotes, the '/' of a trading pair, and any non-ASCII character that is not
 *    a letter of an alphabetic script: "Bittensor ($TAO)", "“$SOL”", "$ETH/$BTC", "买入$BTC", "🚀$PEPE".
 * 4. After the symbol twitter-text accepts only whitespace or its ASCII punctuation list. We accept
 *    any character but an ASCII letter or digit or a letter of an alphabetic script, so CJK text and
 *    emoji may follow directly: "$BTC突破10万", "$SOL🚀", and '"' (missing from twitter's list).
 * 5. `symbol` is upper-cased ("$symbol" → "SYMBOL"); `text` keeps the original spelling.
 */
import * as charclass from './charclass';
import type { Match } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, DIGIT, LOWER, SPACE, UPPER } = charclass;

/** Longest body we ever look up (symbol sets hold nothing longer; bounds the work per '$'). */
const MAX_SYMBOL_LENGTH = 20;

/** Whether the character before a '$' allows a cashtag (rule 3 above). */
function precedingOk(text: string, i: number): boolean {
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p < 0x80) {
    // whitespace, an opening bracket or quote, or the '/' of a pair ("$ETH/$BTC")
    return (
      p === 0x20 ||
      p === 0x2f ||
      (p >= 0x09 && p <= 0x0d) ||
      p === 0x28 ||
      p === 0x5b ||
      p === 0x7b ||
      p === 0x22 ||
      p === 0x27
    );
  }
  const f = CLASS[p] ?? 0;
  return (f & ALPHA) === 0 || (f & SPACE) !== 0;
}

/** Whether the character at `j` may follow a cashtag (rule 4 above): end of text, or not a letter/digit. */
export function followingOk(text: string, j: number): boolean {
  if (j >= text.length) return true;
  const f = CLASS[text.charCodeAt(j)] ?? 0;
  if (text.charCodeAt(j) < 0x80) return (f & (UPPER | LOWER | DIGIT)) === 0;
  return (f & ALPHA) === 0;
}

/** Lower-cased magnitude and multiplier suffixes that make "$<digits><suffix>" an amount of money. */
const PRICE_SUFFIXES: ReadonlySet<string> = new Set(['k', 'm', 'b', 't', 'bn', 'mm', 'mn', 'x', 'kk']);

/** Whether a body that starts with a digit is a price: all digits, or digits plus a suffix above. */
function isPriceBody(text: string, start: number, end: number): boolean {
  let k = start;
  while (k < end && ((CLASS[text.charCodeAt(k)] ?? 0) & DIGIT) !== 0) k++;
  if (k === end) return true;
  if (end - k > 2) return false;
  return PRICE_SUFFIXES.has(text.slice(k, end).toLowerCase());
}

/**
 * The cashtag starting at `i` (where `text[i]` is '$'), or null. `symbols` holds upper-case symbols.
 */
export function matchCashtagAt(text: string, i: number, symbols: ReadonlySet<string>): Match | null {
  if (!precedingOk(text, i)) return null;
  const start = i + 1;
  let j = start;
  let flags = 0;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c >= 0x80) break;
    const f = CLASS[c] ?? 0;
    if ((f & (UPPER | LOWER | DIGIT)) === 0) break;
    flags |= f;
    j++;
  }
  const len = j - start;
  if (len === 0 || len > MAX_SYMBOL_LENGTH) return null;
  if (!followingOk(text, j)) return null;
  const firstIsDigit = ((CLASS[text.charCodeAt(start)] ?? 0) & DIGIT) !== 0;
  if (firstIsDigit && isPriceBody(text, start, j)) return null;

  // twitter-text's rule: 1–6 letters, optional ./_ suffix of 1–2 letters.
  if ((flags & DIGIT) === 0 && len <= 6) {
    let end = j;
    const sep = text.charCodeAt(j);
    if (sep === 0x2e || sep === 0x5f) {
      let k = j + 1;
      while (k < n && k - j <= 3 && ((CLASS[text.charCodeAt(k)] ?? 0) & (UPPER | LOWER)) !== 0) k++;
      const letters = k - j - 1;
      if (letters >= 1 && letters <= 2 && followingOk(text, k)) end = k;
    }
    return cashtagMatch(text, i, end);
  }
  // Longer or digit-bearing symbols: only the ones the registry knows.
  const symbol = text.slice(start, j).toUpperCase();
  if (!symbols.has(symbol)) return null;
  return { kind: 'ticker', text: text.slice(i, j), start: i, end: j, symbol, cashtag: true };
}

function cashtagMatch(text: string, i: number, end: number): Match {
  const t = text.slice(i, end);
  return { kind: 'ticker', text: t, start: i, end, symbol: t.slice(1).toUpperCase(), cashtag: true };
}

/**
 * Cashtags only, in document order: the fast path for callers that need nothing else. Jumps from
 * '$' to '$' with `indexOf`, so text without cashtags costs one native scan.
 */
export function detectCashtags(text: string, symbols: ReadonlySet<string>): Match[] {
  const out: Match[] = [];
  let i = text.indexOf('$');
  while (i >= 0) {
    const m = matchCashtagAt(text, i, symbols);
    if (m) {
      out.push(m);
      i = text.indexOf('$', m.end);
    } else {
      i = text.indexOf('$', i + 1);
    }
  }
  return out;
}
