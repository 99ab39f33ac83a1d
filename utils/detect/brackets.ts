/**
 * A symbol with its own evidence, without '$':
 *   - in brackets right after its asset's name: "Jupiter (JUP)", "Floki (FLOKI)", "Aster (ASTER)
 *     soared", "Ethena（ENA）" (full-width brackets), "jupiter (JUP)" (the name in any case). The name
 *     and the symbol agree when the words before the bracket are the name of an asset that uses the
 *     symbol, its legal and generic endings aside ("Palantir (PLTR)" for "Palantir Technologies
 *     Inc."). A bracketed word whose names do not agree is left to the other rules: "(AI)", "(CEO)".
 *   - the base of a trading pair: "JUP/USDT", "ENA/USDC" (the quote is part of the pair, not a
 *     mention of its own).
 */
import * as charclass from './charclass';

const { CLASS, UPPER, WORD } = charclass;

const OPEN = new Set([0x28, 0xff08]); // ( （
const CLOSE = new Set([0x29, 0xff09]); // ) ）
/** At most this many words before the bracket make a name ("Peanut the Squirrel (PNUT)"). */
const MAX_NAME_WORDS = 4;

/** Endings that prose and bracket notes leave out. */
const ENDINGS =
  /\b(inc|incorporated|corp|corporation|co|company|ltd|limited|plc|holdings?|group|class [a-c]|common stock|ordinary shares|technologies|platforms|protocol|network|finance|labs|token|coin|dao|the)\b/g;

export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(ENDINGS, ' ')
    .replace(/[^a-z0-9]/g, '');
}

/** Token characters of a name word: letters, digits, '.', '-', '\'' ("Pump.fun", "Coca-Cola"). */
function isNameChar(c: number): boolean {
  return ((CLASS[c] ?? 0) & WORD) !== 0 || c === 0x2e || c === 0x2d || c === 0x27;
}

export interface Agreement {
  asset: string;
  key: string;
  nameStart: number;
  nameEnd: number;
}

/** The asset whose name precedes the bracketed symbol `sym` at [i, j), or null. */
export function bracketAgreement(
  text: string,
  i: number,
  j: number,
  sym: string,
  namesOf: (symbol: string) => ReadonlyArray<{ name: string; asset: string }>,
): Agreement | null {
  if (i < 2 || !OPEN.has(text.charCodeAt(i - 1)) || !CLOSE.has(text.charCodeAt(j))) return null;
  const names = namesOf(sym);
  if (names.length === 0) return null;
  let k = i - 2;
  while (k >= 0 && text.charCodeAt(k) === 0x20) k--;
  const nameEnd = k + 1;
  if (nameEnd <= 0) return null;
  // Words before the bracket, nearest first, as [start, end) spans.
  const words: Array<[number, number]> = [];
  let e = nameEnd;
  while (words.length < MAX_NAME_WORDS && e > 0) {
    let s = e;
    while (s > 0 && isNameChar(text.charCodeAt(s - 1))) s--;
    if (s === e) break;
    words.push([s, e]);
    if (s === 0 || text.charCodeAt(s - 1) !== 0x20) break;
    e = s - 1;
  }
  let best: Agreement | null = null;
  for (let n = 1; n <= words.length; n++) {
    const start = words[n - 1]?.[0] ?? nameEnd;
    const phrase = text.slice(start, nameEnd);
    const key = nameKey(phrase);
    if (key.length < 2) continue;
    // A capitalised first word, unless the whole name is typed in lower case ("jupiter (JUP)").
    const c0 = text.charCodeAt(start);
    if (n > 1 && ((CLASS[c0] ?? 0) & UPPER) === 0) continue;
    for (const { name, asset } of names) {
      const full = nameKey(name);
      const first = nameKey(name.split(/\s+/)[0] ?? '');
      // (the first word differs from the whole only in a name of several words)
      if (key === full || (n === 1 && first.length >= 4 && key === first)) {
        best = { asset, key, nameStart: start, nameEnd };
        break;
      }
    }
  }
  return best;
}

/** Quote currencies of trading pairs. */
const QUOTES = new Set([
  'USDT',
  'USDC',
  'USD',
  'BUSD',
  'FDUSD',
  'USDE',
  'DAI',
  'BTC',
  'ETH',
  'SOL',
  'BNB',
  'EUR',
  'KRW',
  'TRY',
  'PERP',
]);

/** After a base symbol ending at `j`: the end of "/QUOTE" when a pair follows, else -1. */
export function pairEndAt(text: string, j: number): number {
  if (text.charCodeAt(j) !== 0x2f) return -1;
  let e = j + 1;
  while (e < text.length && ((CLASS[text.charCodeAt(e)] ?? 0) & UPPER) !== 0) e++;
  if (e < text.length && ((CLASS[text.charCodeAt(e)] ?? 0) & WORD) !== 0) return -1;
  return QUOTES.has(text.slice(j + 1, e)) ? e : -1;
}
