/**
 * The detector: one left-to-right pass over the text with charCodeAt, dispatching on the class of
 * each character. ASCII word runs are read once (their folded hash, and the OR and AND of their
 * character classes, come out of the same loop) and then classified with O(1) lookups; '$' and '@'
 * start cashtags and handles; CJK characters start Chinese names and claims. Nothing backtracks
 * over the text, so the cost is linear in its length whatever it contains.
 *
 * Precedence (matches never overlap; at a given position the first kind that matches wins, and the
 * scan resumes after it):
 *   1. URLs: inside "https://…" / "www.…" only addresses are reported (urls.ts).
 *   2. Addresses: an EVM or Solana address is one whole word run, so no name, ticker or claim can be
 *      found inside it.
 *   3. Cashtags and handles own their '$' / '@' and the word after it: "$TAO" is a ticker, never the
 *      bare "TAO"; "@bittensor_" is a handle, never the name Bittensor.
 *   4. Claims before bare symbols and names, longest phrase first ("TGE即將來臨" over "TGE", "LP已销毁"
 *      over "销毁").
 *   5. Bare symbols before names ("NEAR" after an amount is a ticker; "Near" needs context), and
 *      symbols with their own evidence: in brackets after their asset's name ("Jupiter (JUP)",
 *      "Ethena（ENA）", brackets.ts) or as the base of a trading pair ("JUP/USDT").
 *   6. Names, longest entry first ("Bitcoin Cash" over "Bitcoin", "比特币现金" over "比特币").
 *   7. Listed-company tickers in capitals ("NVDA", "HOOD"), when no name matched there.
 * Ambiguous names are then kept only when confirmed by context, bare listed tickers only with
 * finance context or next to CJK text (context.ts), and companies named after a person ("Tesla")
 * only where the text shows a company or a market (person-names.ts).
 */
import * as addresses from './addresses';
import type { BareSets } from './bare';
import * as bare from './bare';
import { bracketAgreement, pairEndAt } from './brackets';
import * as cashtags from './cashtags';
import * as charclass from './charclass';
import type { ClaimHit } from './claims';
import * as claims from './claims';
import * as context from './context';
import { AmbiguousNames, ContextEvents, ContextVocabulary } from './context';
import * as handles from './handles';
import { NameMatcher } from './name-matcher';
import * as names from './names';
import * as personNames from './person-names';
import type { Detector, DetectorData, Match, NameEntry } from './types';
import * as urls from './urls';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { isEvmAddressRun, isSolanaAddressRun, isValidEip55 } = addresses;
const { BARE_STOP_LIST, DEFAULT_BARE_SYMBOLS, LOWERCASE_BARE_HASHES, matchBare } = bare;
const { matchCashtagAt } = cashtags;
const { ALPHA, CJK, CLASS, DIGIT, HASH_SEED, hashStep, LOWER, SPACE, UPPER, WORD } = charclass;
const {
  CLAIM_WORD_HASHES,
  claimMatch,
  matchEnglishClaimAt,
  matchNumberClaimAt,
  matchZhClaimAt,
  ZH_ASCII_OPENER_HASHES,
  zhClaimStartCodes,
} = claims;
const { confirmed, confirmedStocks } = context;
const { matchHandleAt } = handles;
const { DEFAULT_NAMES } = names;
const { unlessShown } = personNames;
const { urlEndAt } = urls;

/** Bits of the per-word hook filter. */
const HOOK_CLAIM = 1;
const HOOK_NAME = 2;
const HOOK_LOWER_BARE = 4;
const HOOK_ZH_OPENER = 8;
const HOOK_CONTEXT = 16;
const HOOK_MASK = 0xffff;

/** Bits of the per-code-unit filter for non-ASCII text. */
const CJK_CLAIM = 1;
const CJK_NAME = 2;
const CJK_CONTEXT = 4;

class Scanner implements Detector {
  readonly #symbols: ReadonlySet<string>;
  readonly #bareSets: BareSets;
  readonly #names: NameMatcher;
  readonly #context: ContextVocabulary;
  readonly #stocks: ReadonlySet<string>;
  readonly #stockWords: ReadonlySet<string>;
  readonly #symbolNames: DetectorData['symbolNames'];
  readonly #givenNames: ReadonlySet<string>;
  readonly #namesEndingIn: DetectorData['namesEndingIn'];
  /**
   * A 64K-entry filter over the low 16 bits of a word's folded hash, saying which lookups could
   * possibly hit (claim patterns, Latin names, lower-case bare symbols). Almost every word of prose
   * hooks nothing, and a typed-array load rules it out without touching a Map.
   */
  readonly #hooks = new Uint8Array(HOOK_MASK + 1);
  /**
   * For every non-ASCII code unit, which phrase tables may start there (Chinese claims, names,
   * context words): one load per CJK character instead of three table probes.
   */
  readonly #cjkStarts = new Uint8Array(65536);

  constructor(data: DetectorData) {
    this.#symbols = data.symbols;
    this.#bareSets = { bare: data.bareSymbols ?? DEFAULT_BARE_SYMBOLS, symbols: data.symbols };
    this.#stocks = data.stocks ?? new Set();
    this.#stockWords = data.stockWords ?? new Set();
    this.#symbolNames = data.symbolNames;
    this.#givenNames = data.givenNames ?? new Set();
    this.#namesEndingIn = data.namesEndingIn;
    const entries = data.names ?? DEFAULT_NAMES;
    this.#names = new NameMatcher(entries);
    this.#context = new ContextVocabulary(entries);
    const mark = (hash: number, bit: number): void => {
      const k = hash & HOOK_MASK;
      this.#hooks[k] = (this.#hooks[k] ?? 0) | bit;
    };
    for (const h of CLAIM_WORD_HASHES) mark(h, HOOK_CLAIM);
    for (const h of this.#names.latinHashes()) mark(h, HOOK_NAME);
    for (const h of LOWERCASE_BARE_HASHES) mark(h, HOOK_LOWER_BARE);
    for (const h of ZH_ASCII_OPENER_HASHES) mark(h, HOOK_ZH_OPENER);
    for (const h of this.#context.hashes()) mark(h, HOOK_CONTEXT);
    // From the tables' own first code units (a few hundred), not a sweep of all 64K: this runs on
    // every page load, before the first post can be read.
    const markCjk = (codes: Iterable<number>, bit: number): void => {
      for (const c of codes) if (c >= 0x80) this.#cjkStarts[c] = (this.#cjkStarts[c] ?? 0) | bit;
    };
    markCjk(zhClaimStartCodes(), CJK_CLAIM);
    markCjk(this.#names.cjk.startCodes(), CJK_NAME);
    markCjk(this.#context.cjk.startCodes(), CJK_CONTEXT);
  }

  detect(text: string): Match[] {
    const found = this.#detect(text);
    // Rare (text that holds a bidi override): one regex test for every other text.
    return BIDI_OVERRIDE.test(text) ? outsideOverrides(text, found) : found;
  }

  #detect(text: string): Match[] {
    const out: Match[] = [];
    const ambiguous = new AmbiguousNames();
    const events = new ContextEvents();
    const pending: Pending = {
      stocks: [],
      symbols: [],
      forced: new Set(),
      persons: new Set(),
      personNamed: new Map(),
    };
    const n = text.length;
    let floor = 0; // end of the last match or skipped (negated) claim
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const f = CLASS[c] ?? 0;
      if (f & WORD) {
        // Read the whole ASCII word run once.
        let j = i;
        let h = HASH_SEED;
        let or = 0;
        let and = 0xffff;
        while (j < n) {
          const cc = text.charCodeAt(j);
          const ff = CLASS[cc] ?? 0;
          if ((ff & WORD) === 0) break;
          or |= ff;
          and &= ff;
          h = hashStep(h, cc);
          j++;
        }
        const end = this.#word(text, i, j, h, or, and, floor, out, ambiguous, events, pending);
        if (end > i) {
          floor = end;
          i = end;
        } else {
          i = j;
        }
        continue;
      }
      if (c === 0x24) {
        // '$' right after '$' never opens a cashtag ("$$NG"): skip the call on runs of dollars
        const m = i > 0 && text.charCodeAt(i - 1) === 0x24 ? null : matchCashtagAt(text, i, this.#symbols);
        if (m) {
          out.push(m);
          i = floor = m.end;
          continue;
        }
      } else if (c === 0x40 || c === 0xff20) {
        const m = matchHandleAt(text, i);
        if (m) {
          out.push(m);
          i = floor = m.end;
          continue;
        }
      } else if (c >= 0x80) {
        const starts = this.#cjkStarts[c] ?? 0;
        if (starts !== 0) {
          if (starts & CJK_CONTEXT) {
            const w = this.#context.cjk.longestAt(text, i);
            if (w) events.push(i, i + w.text.length, w.payload);
          }
          const end =
            starts & (CJK_CLAIM | CJK_NAME)
              ? this.#cjk(text, i, floor, out, ambiguous, starts, events, pending)
              : -1;
          if (end > i) {
            i = floor = end;
            continue;
          }
        }
      }
      i++;
    }
    const extra: Match[] = [];
    if (pending.persons.size > 0) oneSensePerText(text, out, extra, pending.persons, events);
    if (pending.stocks.length > 0) {
      const kept = new Set(confirmedStocks(text, pending.stocks, events, this.#stockWords));
      pending.stocks.forEach(([s, e], n) => {
        const sym = text.slice(s, e);
        if (kept.has(n)) extra.push(bareTicker(sym, s, e, { listed: true }));
        else if (this.#symbols.has(sym)) pending.symbols.push([s, e]);
      });
    }
    if (ambiguous.length > 0) {
      const tickers = out.filter((m) => m.kind === 'ticker');
      const keep = new Set([...confirmed(ambiguous, tickers, events), ...pending.forced]);
      // in any order: mergeSorted puts them in document order
      for (const n of keep) {
        const entry = ambiguous.entries[n];
        if (entry) extra.push(nameMatch(text, ambiguous.start(n), ambiguous.end(n), entry));
      }
    }
    if (pending.symbols.length > 0 && this.#symbolNames) {
      // "The Official Trump token, also known as TRUMP": the text names the asset that uses the symbol.
      const named = new Set<string>();
      for (const m of out) if (m.kind === 'name' && m.asset) named.add(m.asset);
      for (const m of extra) if (m.kind === 'name' && m.asset) named.add(m.asset);
      for (const [s, e] of pending.symbols) {
        if (named.size === 0) break;
        const sym = text.slice(s, e);
        const agreed = this.#symbolNames(sym).find((x) => named.has(x.asset));
        if (agreed) extra.push(bareTicker(sym, s, e, { asset: agreed.asset }));
      }
    }
    const all = extra.length === 0 ? out : mergeSorted(out, extra);
    // "Nikola Tesla" in this text already decided its Tesla mentions (oneSensePerText).
    for (const key of pending.persons) pending.personNamed.delete(key);
    return pending.personNamed.size === 0 ? all : unlessShown(text, all, pending.personNamed, events);
  }

  /** Classifies the word run [i, j). Returns the end of what it consumed, or -1. */
  #word(
    text: string,
    i: number,
    j: number,
    hash: number,
    or: number,
    and: number,
    floor: number,
    out: Match[],
    ambiguous: AmbiguousNames,
    events: ContextEvents,
    pending: Pending,
  ): number {
    const len = j - i;
    const c0 = text.charCodeAt(i);
    const hook = this.#hooks[hash & HOOK_MASK] ?? 0;
    if (hook & HOOK_CONTEXT) {
      // recorded whatever the word turns out to be ("token" in "token launch" still counts)
      const w = this.#context.wordAt(text, i, j, hash);
      if (w !== null) events.push(i, j, w);
    }

    if (len >= 3 && len <= 5 && ((c0 | 0x20) === 0x68 || (c0 | 0x20) === 0x77)) {
      const url = urlEndAt(text, i, j); // "http", "https", "www"
      if (url >= 0) {
        this.#addressesIn(text, j, url, out);
        return url;
      }
    }
    if (len === 42 && c0 === 0x30 && isEvmAddressRun(text, i, j)) {
      const t = text.slice(i, j);
      out.push({ kind: 'address', text: t, start: i, end: j, chain: 'evm', valid: isValidEip55(text, i) });
      return j;
    }
    if (len >= 32 && len <= 44 && isSolanaAddressRun(text, i, j, or, and)) {
      out.push({ kind: 'address', text: text.slice(i, j), start: i, end: j, chain: 'solana', valid: true });
      return j;
    }

    // Claims: English patterns by first word or number, and Chinese phrases that open with ASCII.
    let claim: ClaimHit | null = null;
    if (hook & HOOK_CLAIM) {
      claim = matchEnglishClaimAt(text, i, hash, floor);
    } else if (((CLASS[c0] ?? 0) & DIGIT) !== 0 && isNumberStart(text, i)) {
      claim = matchNumberClaimAt(text, i, floor);
    }
    if (hook & HOOK_ZH_OPENER) {
      const zh = matchZhClaimAt(text, i, floor);
      if (zh && (!claim || zh.end > claim.end)) claim = zh;
    }
    if (claim) {
      if (!claim.negated) out.push(claimMatch(text, claim));
      return claim.end;
    }

    if (
      (and & UPPER && len >= 2) ||
      (hook & HOOK_LOWER_BARE && and & LOWER && LOWERCASE_BARE_HASHES.has(hash))
    ) {
      const m = matchBare(text, i, j, and, this.#bareSets);
      if (m) {
        if (!(and & UPPER && this.#inPairName(text, i, j, floor, out))) out.push(m);
        return j;
      }
    }
    if (and & UPPER && len >= 2 && len <= 10) {
      const end = this.#evidenced(text, i, j, floor, out, ambiguous, pending);
      if (end > i) return end;
    }

    if (hook & HOOK_NAME) {
      const end = this.#names.matchLatin(text, i, hash);
      const entry = this.#names.lastEntry;
      if (end > i && entry?.asset?.startsWith('cg:') && inCompanyName(text, end)) return end;
      // "Nikola Tesla": the surname of a person, not the company
      // (ambiguous names wait for company context instead: "John Deere shares")
      if (
        end > i &&
        entry?.asset?.startsWith('stock:') &&
        !entry.ambiguous &&
        this.#afterGivenName(text, i)
      ) {
        pending.persons.add(entry.key);
        return end;
      }
      if (end > i && entry) {
        if (entry.ambiguous) ambiguous.push(i, end, entry);
        else {
          const t = entry.asset?.startsWith('stock:') ? text.slice(i, end) : '';
          // "NVDA and AMD both rallied": a company whose name is its own ticker, written as the
          // ticker ("AMD", "IBM", "ASML"), is read as the ticker.
          if (t && entry.asset === `stock:${t}`)
            out.push({ kind: 'ticker', text: t, start: i, end, symbol: t, cashtag: false, listed: true });
          else out.push(nameMatch(text, i, end, entry));
          if (entry.personName) pending.personNamed.set(entry.key, entry);
          // "Tesla and Apple reported": a listed company named nearby is company context
          if (t) events.push(i, end, 'company');
        }
        return end;
      }
    }
    if (and & UPPER && len >= 2 && len <= 10 && standsAlone(text, i, j)) {
      const sym = text.slice(i, j);
      if (len <= 5 && this.#stocks.has(sym)) {
        pending.stocks.push([i, j]);
        return j;
      }
      if (this.#symbolNames && this.#symbols.has(sym)) pending.symbols.push([i, j]);
    }
    return -1;
  }

  /**
   * An upper-case word with evidence of its own: the symbol in brackets after its asset's name, or
   * the base of a trading pair. Returns the end of what it consumed, or -1.
   */
  #evidenced(
    text: string,
    i: number,
    j: number,
    floor: number,
    out: Match[],
    ambiguous: AmbiguousNames,
    pending: Pending,
  ): number {
    const sym = text.slice(i, j);
    if (this.#symbolNames) {
      const agreed = bracketAgreement(text, i, j, sym, this.#symbolNames);
      if (agreed) {
        const last = ambiguous.length - 1;
        if (last >= 0 && ambiguous.start(last) >= agreed.nameStart && ambiguous.end(last) <= agreed.nameEnd) {
          pending.forced.add(last); // "Jupiter (JUP)": the bracket confirms the ambiguous name
        } else if (agreed.nameStart >= floor && (out.at(-1)?.end ?? 0) <= agreed.nameStart) {
          out.push({
            kind: 'name',
            text: text.slice(agreed.nameStart, agreed.nameEnd),
            start: agreed.nameStart,
            end: agreed.nameEnd,
            nameKey: agreed.key,
            asset: agreed.asset,
          });
        }
        out.push({
          kind: 'ticker',
          text: sym,
          start: i,
          end: j,
          symbol: sym,
          cashtag: false,
          asset: agreed.asset,
        });
        return j;
      }
    }
    if (this.#symbols.has(sym)) {
      const end = pairEndAt(text, j);
      if (end > j) {
        out.push({ kind: 'ticker', text: sym, start: i, end: j, symbol: sym, cashtag: false });
        return end;
      }
    }
    return -1;
  }

  /** Whether a capitalised given name and one space come right before `i` ("Nikola Tesla"). */
  #afterGivenName(text: string, i: number): boolean {
    if (i < 4 || ((CLASS[text.charCodeAt(i - 1)] ?? 0) & SPACE) === 0 || this.#givenNames.size === 0)
      return false;
    let s = i - 1;
    while (s > 0 && ((CLASS[text.charCodeAt(s - 1)] ?? 0) & (UPPER | LOWER)) !== 0) s--;
    if (s === i - 1 || ((CLASS[text.charCodeAt(s)] ?? 0) & UPPER) === 0) return false;
    // a letter of another script or a digit glued before it: not a word of its own
    if (s > 0 && ((CLASS[text.charCodeAt(s - 1)] ?? 0) & (WORD | ALPHA)) !== 0) return false;
    return this.#givenNames.has(text.slice(s, i - 1).toUpperCase());
  }

  /**
   * A bare symbol in the name of a pair of another asset: "Huobi BTC USD", "pTokens BTC USD" (Yahoo's
   * names of the HBTC-USD and PBTC-USD pairs). The words before the symbol and the symbol are that
   * asset's name, and a quote currency ends the text or the line, so the symbol is no mention of its
   * own: the name is reported instead when nothing else claimed its words. Returns whether the
   * symbol at [i, j) was such a part.
   */
  #inPairName(text: string, i: number, j: number, floor: number, out: Match[]): boolean {
    if (!this.#namesEndingIn || i < 2 || text.charCodeAt(i - 1) !== 0x20 || text.charCodeAt(j) !== 0x20)
      return false;
    let q = j + 1;
    while (q < text.length && ((CLASS[text.charCodeAt(q)] ?? 0) & UPPER) !== 0) q++;
    if (!PAIR_QUOTES.has(text.slice(j + 1, q))) return false;
    const after = q < text.length ? text.charCodeAt(q) : 0x0a;
    if (after !== 0x0a && after !== 0x0d && after !== 0x29 && after !== 0x2c) return false;
    const names = this.#namesEndingIn(text.slice(i, j));
    if (names.length === 0) return false;
    let best: { name: string; asset: string } | undefined;
    let bestStart = -1;
    let e = i - 1;
    for (let words = 0; words < MAX_PAIR_NAME_WORDS && e > 0; words++) {
      let s = e;
      while (s > 0 && isNameChar(text.charCodeAt(s - 1))) s--;
      if (s === e) break;
      const phrase = text.slice(s, j);
      const hit = names.find((x) => x.name === phrase);
      if (hit) {
        best = hit;
        bestStart = s;
      }
      if (s === 0 || text.charCodeAt(s - 1) !== 0x20) break;
      e = s - 1;
    }
    if (!best) return false;
    if (bestStart >= floor && (out.at(-1)?.end ?? 0) <= bestStart)
      out.push({
        kind: 'name',
        text: text.slice(bestStart, j),
        start: bestStart,
        end: j,
        nameKey: best.asset.slice(3),
        asset: best.asset,
      });
    return true;
  }

  /** Chinese claims and names at a non-ASCII position. Returns the end of what it consumed, or -1. */
  #cjk(
    text: string,
    i: number,
    floor: number,
    out: Match[],
    ambiguous: AmbiguousNames,
    starts: number,
    events: ContextEvents,
    pending: Pending,
  ): number {
    const claim = starts & CJK_CLAIM ? matchZhClaimAt(text, i, floor) : null;
    const name = starts & CJK_NAME ? this.#names.cjk.longestAt(text, i) : null;
    if (claim && (!name || claim.end - claim.start >= name.text.length)) {
      if (!claim.negated) out.push(claimMatch(text, claim));
      return claim.end;
    }
    if (name) {
      const end = i + name.text.length;
      // "尼古拉·特斯拉": a transliterated full name, so the company's name is a person's surname
      if (name.payload.asset?.startsWith('stock:') && !name.payload.ambiguous && afterNameDot(text, i)) {
        pending.persons.add(name.payload.key);
        return end;
      }
      if (name.payload.ambiguous) ambiguous.push(i, end, name.payload);
      else {
        out.push(nameMatch(text, i, end, name.payload));
        if (name.payload.asset?.startsWith('stock:')) events.push(i, end, 'company');
      }
      return end;
    }
    return -1;
  }

  /** Addresses inside a URL span [from, to): each word run is checked on its own. */
  #addressesIn(text: string, from: number, to: number, out: Match[]): void {
    let k = from;
    while (k < to) {
      const f = CLASS[text.charCodeAt(k)] ?? 0;
      if ((f & WORD) === 0) {
        k++;
        continue;
      }
      let e = k;
      let or = 0;
      let and = 0xffff;
      while (e < to) {
        const ff = CLASS[text.charCodeAt(e)] ?? 0;
        if ((ff & WORD) === 0) break;
        or |= ff;
        and &= ff;
        e++;
      }
      const len = e - k;
      if (len === 42 && isEvmAddressRun(text, k, e)) {
        out.push({
          kind: 'address',
          text: text.slice(k, e),
          start: k,
          end: e,
          chain: 'evm',
          valid: isValidEip55(text, k),
        });
      } else if (len >= 32 && len <= 44 && isSolanaAddressRun(text, k, e, or, and)) {
        out.push({ kind: 'address', text: text.slice(k, e), start: k, end: e, chain: 'solana', valid: true });
      }
      k = e;
    }
  }
}

/** Quote currencies that end a pair's name ("Huobi BTC USD"). */
const PAIR_QUOTES: ReadonlySet<string> = new Set(['USD', 'USDT', 'USDC', 'EUR', 'GBP', 'JPY', 'KRW']);
/** At most this many words of another asset's name before the symbol ("Coinbase Wrapped BTC"). */
const MAX_PAIR_NAME_WORDS = 4;

/** Characters of a name word: ASCII letters and digits, '.', '-', '\'' ("Ether.fi", "Morpho-Aave"). */
function isNameChar(c: number): boolean {
  return ((CLASS[c] ?? 0) & WORD) !== 0 || c === 0x2e || c === 0x2d || c === 0x27;
}

/** Middle dots that join a transliterated given name and surname (尼古拉·特斯拉, ニコラ・テスラ). */
const NAME_DOTS: ReadonlySet<number> = new Set([0xb7, 0x2027, 0x2022, 0x30fb, 0xff65]);

/** Whether a middle dot, after CJK or kana, comes right before `i`: the end of a full name. */
function afterNameDot(text: string, i: number): boolean {
  return (
    i >= 2 && NAME_DOTS.has(text.charCodeAt(i - 1)) && ((CLASS[text.charCodeAt(i - 2)] ?? 0) & CJK) !== 0
  );
}

/** Up to three capitalised words, then a company's legal ending. */
const LEGAL_SUFFIX =
  /^(?:\s+[A-Z][\w&-]*){0,3}?\s+(?:AG|Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|LLC|plc|PLC|GmbH|S\.A\.|N\.V\.)(?![\w])/;

/**
 * Whether the coin name ending at `end` is part of a company's name: followed within three
 * capitalised words by a legal ending ("Advanced Bitcoin Technologies AG", "Bitcoin Depot Inc."):
 * the company, not the coin.
 */
function inCompanyName(text: string, end: number): boolean {
  return LEGAL_SUFFIX.test(text.slice(end, end + 60));
}

/**
 * Whether the upper-case word [i, j) stands alone as a possible bare ticker: not an acronym of the
 * stop list, and not glued to '$', '@', '.', '/' or a letter ("x.ETH", "JUP/USDT"'s quote, "ABCé").
 * A '.' after it glues only when a word goes on after it ("NVDA.X"): "shares of NVDA." ends a sentence.
 */
function standsAlone(text: string, i: number, j: number): boolean {
  const glued = (c: number) =>
    c === 0x24 || c === 0x40 || c === 0x2e || c === 0x2f || c === 0xff20 || ((CLASS[c] ?? 0) & ALPHA) !== 0;
  if (i > 0 && glued(text.charCodeAt(i - 1))) return false;
  if (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x2e ? ((CLASS[text.charCodeAt(j + 1)] ?? 0) & (WORD | ALPHA)) !== 0 : glued(c)) return false;
  }
  return !BARE_STOP_LIST.has(text.slice(i, j));
}

/** A digit at `i` starts a number unless it continues one ("3.125": the "125" is not a new number). */
function isNumberStart(text: string, i: number): boolean {
  if (i < 2) return true;
  const p = text.charCodeAt(i - 1);
  return !((p === 0x2e || p === 0x2c) && ((CLASS[text.charCodeAt(i - 2)] ?? 0) & DIGIT) !== 0);
}

/** What a scan keeps for after its pass: bare listed tickers awaiting context, names a bracket confirmed. */
interface Pending {
  stocks: Array<[number, number]>;
  /** Upper-case known symbols nothing else matched: tickers if their asset is named in the text too. */
  symbols: Array<[number, number]>;
  forced: Set<number>;
  /** Keys of company names read as a person's surname in this text ("Nikola Tesla"). */
  persons: Set<string>;
  /** Companies named after a person met in this text ("Tesla"), by key: see person-names.ts. */
  personNamed: Map<string, NameEntry>;
}

/**
 * One sense per text: where a company's name was the surname of a person's full name ("Nikola Tesla
 * … Tesla's coil", 尼古拉·特斯拉 … 特斯拉), its other mentions in the same text are the person too,
 * unless company context confirms them as for an ambiguous name ("… Tesla shares"). Moves the
 * confirmed ones to `extra` and takes the rest out of `out`.
 */
function oneSensePerText(
  text: string,
  out: Match[],
  extra: Match[],
  persons: ReadonlySet<string>,
  events: ContextEvents,
): void {
  const doubtful = new AmbiguousNames();
  const rest: Match[] = [];
  for (const m of out) {
    if (
      m.kind === 'name' &&
      m.nameKey !== undefined &&
      persons.has(m.nameKey) &&
      m.asset?.startsWith('stock:')
    )
      doubtful.push(m.start, m.end, {
        text: m.text,
        key: m.nameKey,
        lang: m.text.charCodeAt(0) >= 0x2e80 ? 'zh' : 'en',
        asset: m.asset,
        ambiguous: true,
        caseSensitive: true,
        domain: 'company',
      });
    else rest.push(m);
  }
  if (doubtful.length === 0) return;
  // The doubtful names' own "a listed company is named here" events confirm nothing.
  const spans = new Set<number>();
  for (let n = 0; n < doubtful.length; n++) spans.add(doubtful.start(n));
  const kept = new ContextEvents();
  events.starts.forEach((s, k) => {
    if (!(spans.has(s) && events.words[k] === 'company'))
      kept.push(s, events.ends[k] ?? s, events.words[k] ?? '');
  });
  const tickers = rest.filter((m) => m.kind === 'ticker');
  for (const n of confirmed(doubtful, tickers, kept)) {
    const entry = doubtful.entries[n];
    if (entry) extra.push(nameMatch(text, doubtful.start(n), doubtful.end(n), entry));
  }
  out.length = 0;
  for (const m of rest) out.push(m);
}

/** Merges the matches kept after the pass (`extra`, any order) into `out`, keeping document order. */
function mergeSorted(out: Match[], extra: Match[]): Match[] {
  extra.sort((a, b) => a.start - b.start);
  const merged: Match[] = [];
  let k = 0;
  for (const x of extra) {
    for (let m = out[k]; m !== undefined && m.start < x.start; m = out[++k]) merged.push(m);
    merged.push(x);
  }
  for (let m = out[k]; m !== undefined; m = out[++k]) merged.push(m);
  return merged;
}

/** A name match; built as one literal per shape so every match object has a stable hidden class. */
function nameMatch(text: string, start: number, end: number, entry: NameEntry): Match {
  const t = text.slice(start, end);
  return entry.asset
    ? { kind: 'name', text: t, start, end, nameKey: entry.key, asset: entry.asset }
    : { kind: 'name', text: t, start, end, nameKey: entry.key };
}

/** A left-to-right or right-to-left override (LRO, RLO). */
const BIDI_OVERRIDE = /[\u202d\u202e]/;

/**
 * The matches that no bidi override reaches. Inside an override the characters are shown in the
 * order it forces, not the order they are stored in: "\u202e$SOL\u202c" shows "LOS$". Hostile text
 * uses that to show one thing and be read as another, so nothing in an override is detected. An
 * override lasts until its PDF, the end of the isolate it is in, or the end of the paragraph;
 * embeddings and isolates keep the stack balanced but do not reorder a word's letters.
 */
function outsideOverrides(text: string, matches: Match[]): Match[] {
  const spans: Array<[number, number]> = [];
  /** Open embeddings, overrides and isolates: whether each is an override, and whether an isolate. */
  const stack: Array<{ override: boolean; isolate: boolean }> = [];
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c >= 0x202a && c <= 0x202e && c !== 0x202c) stack.push({ override: c >= 0x202d, isolate: false });
    else if (c >= 0x2066 && c <= 0x2068) stack.push({ override: false, isolate: true });
    else if (c === 0x202c) {
      if (stack.length && !stack[stack.length - 1]?.isolate) stack.pop();
    } else if (c === 0x2069) {
      const open = stack.findLastIndex((e) => e.isolate);
      if (open >= 0) stack.length = open;
    } else if (c === 0x0a || c === 0x0d || c === 0x2029) stack.length = 0;
    else continue;
    const over = stack.some((e) => e.override);
    if (over && from < 0) from = i;
    else if (!over && from >= 0) {
      spans.push([from, i]);
      from = -1;
    }
  }
  return matches.filter((m) => !spans.some(([a, b]) => m.start < b && m.end > a));
}

/**
 * Builds a detector over the given symbol sets and dictionary. Building indexes the dictionary once
 * (well under a millisecond); `detect` may then be called any number of times and keeps no state
 * between calls.
 */
export function createDetector(data: DetectorData): Detector {
  return new Scanner(data);
}

/** A ticker written without `$`, kept on evidence: a listed company's context, or the asset the text names. */
function bareTicker(
  symbol: string,
  start: number,
  end: number,
  evidence: Pick<Match, 'listed' | 'asset'>,
): Match {
  return { kind: 'ticker', text: symbol, start, end, symbol, cashtag: false, ...evidence };
}
