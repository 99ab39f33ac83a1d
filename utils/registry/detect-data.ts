/**
 * What the detector carries: the symbol set built by `npm run registry`. The detector runs in the
 * background worker (entrypoints/background/detection.ts), beside the full registry.
 *
 * The set ships front-coded (it was most of the content script's data when the detector ran in the
 * page, and it still keeps the worker's bundle and start-up small): the symbols sorted,
 * each written as one lower-case letter telling how many leading characters it shares with the one
 * before ('a' none, 'b' one, ...) followed by the rest of it. Symbols are upper case, digits, '.'
 * and '-', so the letter also separates them: no delimiter, no quotes. ~35% of the JSON array.
 */
import { DEFAULT_NAMES } from '../detect/names';
import type { DetectorData, NameEntry } from '../detect/types';
import type { BuiltName } from './build/names';
// Only the data: the build then leaves the files' dates and source labels out of the bundle.
import { names as builtNames, givenNames } from './data/detect-names.json';
import { stocks, stockWords, symbols } from './data/detect-symbols.json';
import type { Registry } from './types';

export { decodeSymbols, encodeSymbols } from './symbol-codec';

import { decodeSymbols } from './symbol-codec';

/** A built name (utils/registry/build/names.ts) as a dictionary entry. */
function entryOf([text, asset, flag]: BuiltName): NameEntry {
  const key = asset.startsWith('cg:') ? asset.slice(3) : asset.slice(6).toLowerCase();
  const entry: NameEntry = { text, key, asset, lang: 'en' };
  if (flag === '=') entry.caseSensitive = true;
  if (flag === '?' || flag === '!') {
    entry.ambiguous = true;
    entry.caseSensitive = true;
    const symbol = asset.startsWith('stock:') ? asset.slice(6) : undefined;
    if (flag === '?') {
      entry.domain = 'company';
      if (symbol) entry.symbols = [symbol];
    } else {
      // a coin named with an English word ("Core", "Story"): its own ticker or a token word
      entry.domain = 'token';
      entry.context = ['token', 'tokens', 'coin', 'coins', 'memecoin', '代币', '代幣'];
    }
  }
  return entry;
}

let cached: DetectorData | undefined;

/** The curated dictionary, then the built names (the build already left out what curated names). */
export function detectorNames(): NameEntry[] {
  return [...DEFAULT_NAMES, ...(builtNames as BuiltName[]).map(entryOf)];
}

export function detectorData(): DetectorData {
  cached ??= {
    symbols: new Set(decodeSymbols(symbols)),
    stocks: new Set(decodeSymbols(stocks)),
    stockWords: new Set(decodeSymbols(stockWords)),
    names: detectorNames(),
    givenNames: new Set(decodeSymbols(givenNames)),
  };
  return cached;
}

/**
 * The detector's data with the registry's names for bracketed symbols ("Jupiter (JUP)"): ranked
 * coins first, then listed companies by market value, then the rest. `current` is read at each
 * lookup, so a refreshed registry is used as soon as the worker has it (none yet: no names).
 */
export function detectorDataWith(current: () => Registry | undefined): DetectorData {
  const ranked = (r?: number) => r ?? Number.POSITIVE_INFINITY;
  // Per registry, each symbol's list is built once: a page repeats the same few symbols.
  let memoOf: Registry | undefined;
  const memo = new Map<string, ReadonlyArray<{ name: string; asset: string }>>();
  let endingOf: Registry | undefined;
  let ending = new Map<string, Array<{ name: string; asset: string }>>();
  return {
    ...detectorData(),
    namesEndingIn: (symbol) => {
      const reg = current();
      if (reg !== endingOf) {
        endingOf = reg;
        ending = reg ? namesByLastWord(reg) : new Map();
      }
      return ending.get(symbol) ?? [];
    },
    symbolNames: (symbol) => {
      const reg = current();
      if (reg !== memoOf) {
        memoOf = reg;
        memo.clear();
      }
      let names = memo.get(symbol);
      if (!names) {
        names = [...(reg?.withSymbol(symbol) ?? [])]
          .sort((a, b) => ranked(a.rank) - ranked(b.rank))
          .map((a) => ({ name: a.name, asset: a.id }));
        if (memo.size > 5000) memo.clear();
        memo.set(symbol, names);
      }
      return names;
    },
  };
}

/** CoinGecko's notes after a name ("pTokens BTC [OLD]", "Huobi BTC (Wormhole)"). */
const NAME_NOTE = /\s*[[(][^\])]*[\])]$/;
/** A last word written as a symbol: capitals and digits. */
const SYMBOL_WORD = /\s([A-Z][A-Z0-9]{1,9})$/;

/**
 * The coins whose name (notes aside) has several words and ends with a word in capitals, by that
 * word: "Huobi BTC" under BTC. One pass over the coin list, once per registry.
 */
function namesByLastWord(reg: Registry): Map<string, Array<{ name: string; asset: string }>> {
  const out = new Map<string, Array<{ name: string; asset: string }>>();
  const { id, name } = reg.data.coins;
  for (let k = 0; k < id.length; k++) {
    const bare = (name[k] ?? '').replace(NAME_NOTE, '');
    const last = SYMBOL_WORD.exec(bare)?.[1];
    if (!last) continue;
    const list = out.get(last) ?? [];
    list.push({ name: bare, asset: `cg:${id[k]}` });
    out.set(last, list);
  }
  return out;
}
