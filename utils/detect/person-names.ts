/**
 * Companies named after a famous person, written alone ("Tesla"): entries flagged `personName`.
 *
 * "Tesla Understood Something We've Forgotten", "Tesla's Tower and the Great Pyramid": the surname on
 * its own names the inventor as often as the carmaker, and no given name is there to tell (that case,
 * "Nikola Tesla", is the person rule in detector.ts). Such a name counts as the company only where the
 * text shows a company or a market anywhere in it (one sense per text):
 *   - a word of market or company prose (context.ts's finance and company words: "sales", "shares",
 *     "Inc"), another listed company named, or one of the entry's own words (its products and
 *     people: "Model Y", "Cybertruck", "Elon");
 *   - a word of trading ("buy", "sell", "bullish": TRADE_WORDS, which names.ts adds to these entries'
 *     own words so the scan records them);
 *   - a price or a percentage ("$250", "-5%");
 *   - anything else found in the text: a ticker, a cashtag, another asset's name, a handle, an
 *     address ("Tesla bought bitcoin");
 *   - "at Tesla", which is said of a workplace ("while I was at Tesla");
 *   - or CJK text beside the mention: Chinese and Japanese write the inventor 特斯拉 / テスラ, so the
 *     Latin spelling in their prose is the brand ("据报道 Tesla 今天").
 * Otherwise every mention of that name is dropped.
 */

import type { ContextEvents } from './context';
import * as context from './context';
import type { Match, NameEntry } from './types';

const { isFinanceWord, nextToCjk } = context;

/** Words of trading that are no company or finance word of context.ts (too common beside a bare ticker). */
export const TRADE_WORDS: readonly string[] = [
  'buy',
  'sell',
  'bullish',
  'bearish',
  'investors',
  'trading',
  'price',
  'market',
];

/** A price or a percentage: a text about a market. */
const MARKET_FIGURE = /\d\s?%|[$€£]\s?\d/;

/** "at " as a word right before a mention, not "at Tesla's …" (which is as often the person's). */
function atWorkplace(text: string, m: Match): boolean {
  if (m.start < 3 || text.slice(m.start - 3, m.start).toLowerCase() !== 'at ') return false;
  const before = text.charCodeAt(m.start - 4);
  if (m.start > 3 && ((before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a))) return false;
  const after = text.charAt(m.end);
  return !((after === "'" || after === '\u2019') && /[sS]/.test(text.charAt(m.end + 1)));
}

/**
 * `matches` without the mentions of the keys in `entries` (personName entries met in this text)
 * that nothing in the text confirms. `events` are the context words the scan met.
 */
export function unlessShown(
  text: string,
  matches: readonly Match[],
  entries: ReadonlyMap<string, NameEntry>,
  events: ContextEvents,
): Match[] {
  const marketText = MARKET_FIGURE.test(text);
  const dropped = new Set<string>();
  for (const [key, entry] of entries) {
    if (marketText) break;
    const own = (m: Match) => m.kind === 'name' && m.nameKey === key;
    const mentions = new Set<number>();
    for (const m of matches) if (own(m)) mentions.add(m.start);
    let shown = matches.some((m) =>
      own(m) ? atWorkplace(text, m) || nextToCjk(text, m.start, m.end) : m.kind !== 'claim',
    );
    for (let k = 0; !shown && k < events.words.length; k++) {
      const word = events.words[k] ?? '';
      // A mention's own "a listed company is named here" event shows nothing about itself.
      if (word === 'company' && mentions.has(events.starts[k] ?? -1)) continue;
      shown = isFinanceWord(word) || (entry.context?.includes(word) ?? false);
    }
    if (!shown) dropped.add(key);
  }
  if (dropped.size === 0) return matches as Match[];
  return matches.filter((m) => !(m.kind === 'name' && m.nameKey !== undefined && dropped.has(m.nameKey)));
}
