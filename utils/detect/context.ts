/**
 * Context confirmation of ambiguous names.
 *
 * Rule for ambiguous names (entries flagged `ambiguous`: Meta, Block, Render, Strategy, The Graph,
 * Near, Compound, Sonic, 苹果 …):
 *   1. Latin spellings must be capitalised as in the dictionary or written in capitals ("Meta",
 *      "META"), never lower case ("meta", "render", "near" are ordinary words and never match;
 *      enforced by name-matcher.ts);
 *   2. and a context signal must sit within CONTEXT_WINDOW characters before or after the name
 *      (CJK_CONTEXT_WINDOW for Chinese spellings), one of:
 *        a. one of the entry's `symbols`: a ticker match ("Render … $RENDER") or the symbol written
 *           in capitals as a plain word ("Meta (META)");
 *        b. a context word of the entry's domain: for companies shares, stock, Inc, earnings, NASDAQ …;
 *           for crypto token, network, protocol, chain, staking …; or one of the entry's own `context`
 *           words (Strategy: Saylor); in Chinese 股, 公司, 市值 … / 代币, 协议, 链 ….
 *   Without a signal the name is dropped: "Meta is hiring", "Block the exit", "Near the top".
 *
 * To stay linear however many ambiguous names a text holds ("Meta Meta Meta …"), the scanner records
 * every context word it passes as an event (ContextEvents), and confirmation sweeps names and events
 * together in document order: each name looks only at the events inside its window.
 */
import * as charclass from './charclass';
import { PhraseTable } from './phrases';
import type { Match, NameEntry } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { foldAscii, hashWord } = charclass;

export const CONTEXT_WINDOW = 60;
export const CJK_CONTEXT_WINDOW = 16;

export const COMPANY_WORDS: ReadonlySet<string> = new Set([
  'shares',
  'share',
  'stock',
  'stocks',
  'equity',
  'inc',
  'corp',
  'corporation',
  'earnings',
  'revenue',
  'revenues',
  'nasdaq',
  'nyse',
  'ceo',
  'cfo',
  'quarter',
  'quarterly',
  'guidance',
  'shareholders',
  'shareholder',
  'dividend',
  'dividends',
  'eps',
  'ipo',
  'platforms',
  'holdings',
  'company',
  'analysts',
  'premarket',
]);

/**
 * Words of market prose in the languages readers use (English, Italian, Spanish, French, German,
 * Portuguese): a listed ticker or company name beside one is about the stock ("NVDA and AMD both
 * rallied", "le azioni COIN sono salite"). Price moves count: that is what finance posts report.
 */
export const FINANCE_WORDS: ReadonlySet<string> = new Set(
  [
    'stock stocks shares share earnings premarket afterhours nasdaq nyse ticker dividend eps guidance',
    'rallied rally rallies rose rises surged surges soared soars jumped jumps climbed gained gains',
    'fell falls dropped drops plunged plunges slumped slumps tumbled tumbles sank sinks slid rebounded',
    'upgrade upgraded downgrade downgraded outperform underperform valuation buyback',
    'azioni azione titolo titoli borsa quotazione salite salito salgono rialzo ribasso crollo balzo trimestrale',
    'acciones accion bolsa subieron cayeron cotizacion',
    'actions bourse hausse baisse',
    'aktie aktien kurs boerse',
    'acoes bolsa',
  ]
    .join(' ')
    .split(' '),
);

/** Chinese words of market prose: stock, share price, rose, fell, earnings, holding. */
export const FINANCE_CJK: ReadonlySet<string> = new Set([
  '股价',
  '股價',
  '股票',
  '美股',
  '港股',
  '个股',
  '個股',
  '大涨',
  '大漲',
  '上涨',
  '上漲',
  '暴涨',
  '暴漲',
  '下跌',
  '大跌',
  '暴跌',
  '涨',
  '漲',
  '跌',
  '财报',
  '財報',
  '持有',
  '持仓',
  '持倉',
  '盘前',
  '盤前',
  '盘后',
  '盤後',
  '收盘',
  '收盤',
  '市值',
]);

export const CRYPTO_WORDS: ReadonlySet<string> = new Set([
  'token',
  'tokens',
  'coin',
  'coins',
  'crypto',
  'network',
  'protocol',
  'chain',
  'blockchain',
  'mainnet',
  'testnet',
  'staking',
  'validators',
  'validator',
  'defi',
  'airdrop',
  'tvl',
  'dapp',
  'dapps',
  'onchain',
  'wallet',
  'wallets',
  'layer',
  'dex',
  'governance',
  'ecosystem',
  'memecoin',
  'tokenomics',
]);

export const COMPANY_CJK: ReadonlySet<string> = new Set([
  '股',
  '公司',
  '市值',
  '财报',
  '財報',
  '营收',
  '營收',
  '手机',
  '手機',
  '发布会',
  '發表會',
]);

export const CRYPTO_CJK: ReadonlySet<string> = new Set([
  '代币',
  '代幣',
  '币',
  '幣',
  '链',
  '鏈',
  '协议',
  '協議',
  '质押',
  '質押',
  '空投',
  '网络',
  '網絡',
]);

/** The context vocabulary of one dictionary: domain words plus every ambiguous entry's own words. */
export class ContextVocabulary {
  /** Folded hash → the lower-case word, for ASCII context words. */
  readonly words = new Map<number, string>();
  /** Folded hash → an upper-case ticker of some ambiguous entry ("META" next to "Meta"), matched in capitals only. */
  readonly symbols = new Map<number, string>();
  readonly cjk: PhraseTable<string>;

  constructor(entries: readonly NameEntry[]) {
    const add = (w: string): void => {
      this.words.set(hashWord(w), w);
    };
    for (const w of COMPANY_WORDS) add(w);
    for (const w of FINANCE_WORDS) add(w);
    for (const w of CRYPTO_WORDS) add(w);
    for (const e of entries) for (const w of e.context ?? []) if (/^[a-z0-9]+$/.test(w)) add(w);
    for (const e of entries) {
      if (!e.ambiguous) continue;
      for (const sym of e.symbols ?? []) if (/^[A-Z0-9]{2,}$/.test(sym)) this.symbols.set(hashWord(sym), sym);
    }
    const cjk = [...new Set([...COMPANY_CJK, ...CRYPTO_CJK, ...FINANCE_CJK])].map((t) => ({
      text: t,
      payload: t,
    }));
    for (const e of entries)
      for (const w of e.context ?? []) if (w.charCodeAt(0) >= 0x2e80) cjk.push({ text: w, payload: w });
    this.cjk = new PhraseTable(cjk);
  }

  /**
   * The context word that the ASCII word run [start, end) with folded hash `hash` is, or null: a
   * domain or entry word in any case, or an entry's ticker written in capitals ("Meta (META)", a
   * signal even where META is no ticker match because it is neither curated nor after an amount).
   */
  wordAt(text: string, start: number, end: number, hash: number): string | null {
    const w = this.words.get(hash);
    if (w !== undefined && w.length === end - start) {
      let k = 0;
      while (k < w.length && foldAscii(text.charCodeAt(start + k)) === w.charCodeAt(k)) k++;
      if (k === w.length) return w;
    }
    const sym = this.symbols.get(hash);
    if (sym !== undefined && sym.length === end - start && text.startsWith(sym, start)) return sym;
    return null;
  }

  /** Folded hashes of every ASCII context word and ticker. */
  hashes(): number[] {
    return [...this.words.keys(), ...this.symbols.keys()];
  }
}

/** Context words met during one scan, in document order. */
export class ContextEvents {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly words: string[] = [];

  push(start: number, end: number, word: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.words.push(word);
  }
}

/**
 * Ambiguous name candidates of one scan, in document order, held in parallel arrays: a text full of
 * "Meta Meta Meta" must not cost a Match object per candidate that context then rejects.
 */
export class AmbiguousNames {
  /** start, end pairs; a typed buffer grown by doubling (cheaper than two growing JS arrays). */
  #spans = new Int32Array(64);
  readonly entries: NameEntry[] = [];

  get length(): number {
    return this.entries.length;
  }

  start(n: number): number {
    return this.#spans[2 * n] ?? 0;
  }

  end(n: number): number {
    return this.#spans[2 * n + 1] ?? 0;
  }

  push(start: number, end: number, entry: NameEntry): void {
    const k = 2 * this.entries.length;
    if (k + 2 > this.#spans.length) {
      const grown = new Int32Array(this.#spans.length * 2);
      grown.set(this.#spans);
      this.#spans = grown;
    }
    this.#spans[k] = start;
    this.#spans[k + 1] = end;
    this.entries.push(entry);
  }
}

function relevant(word: string, entry: NameEntry): boolean {
  if (entry.context?.includes(word) || entry.symbols?.includes(word)) return true;
  if (entry.domain === 'token') return false;
  if (entry.domain === 'crypto') return CRYPTO_WORDS.has(word) || CRYPTO_CJK.has(word);
  return isFinanceWord(word);
}

/** A word that tells a listed company or its ticker is meant. */
export function isFinanceWord(word: string): boolean {
  return COMPANY_WORDS.has(word) || COMPANY_CJK.has(word) || FINANCE_WORDS.has(word) || FINANCE_CJK.has(word);
}

const OPTION_OR_FUND =
  /^\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{2,4}\b|(?:Bull|Bear)\s+[1-9](?:\.\d)?X\b)/;

/** Signed percentages ("+5%", "-3.2%", "−1%"): a price move, finance context for a bare ticker. */
const SIGNED_PERCENT = /[+\-\u2212]\d+(?:[.,]\d+)?\s?%/;

/**
 * Bare listed-company tickers kept by context (the rule in bare.ts): next to CJK text, or within
 * CONTEXT_WINDOW characters of a finance word, a signed percentage, or another kept ticker. A
 * ticker that is an English word (`words`: "OPEN", "LOW", "KEY", "HOOD") is a shouted word far more
 * often: it needs a finance word right beside it with only spaces between ("Shares of OPEN rose",
 * "OPEN stock"; never "The market will OPEN higher after earnings", "Stocks are LOW"), a Chinese
 * finance word close by in CJK text ("HOOD的股价大涨"), a signed percentage, or the form of an option
 * or a fund. `cands` are [start, end) pairs in document
 * order; returns the indices kept.
 */
export function confirmedStocks(
  text: string,
  cands: readonly (readonly [number, number])[],
  events: ContextEvents,
  words: ReadonlySet<string> = new Set(),
): number[] {
  const keep: number[] = [];
  const wordlike = new Uint8Array(cands.length);
  let ev = 0;
  cands.forEach(([start, end], n) => {
    const isWord = words.has(text.slice(start, end));
    if (isWord) wordlike[n] = 1;
    // Next to CJK text only a ticker nobody writes for something else: three letters or more and
    // no English word ("下载APP", "他的CP", "OPEN一下" are not AppLovin, Canadian Pacific, Opendoor).
    let ok = !isWord && end - start >= 3 && nextToCjk(text, start, end);
    while (ev < events.starts.length && (events.ends[ev] ?? 0) <= start - CONTEXT_WINDOW) ev++;
    if (isWord) {
      ok = financeWordBeside(text, start, end);
      // beside CJK text, a Chinese finance word close by ("HOOD的股价大涨", "OPEN股价暴涨")
      for (let k = ev; !ok && k < events.starts.length; k++) {
        const s = events.starts[k] ?? 0;
        if (s >= end + CJK_CONTEXT_WINDOW) break;
        const w = events.words[k] ?? '';
        if (
          (events.ends[k] ?? 0) > start - CJK_CONTEXT_WINDOW &&
          w.charCodeAt(0) >= 0x2e80 &&
          isFinanceWord(w)
        )
          ok = nextToCjk(text, start, end);
      }
    }
    for (let k = ev; !ok && !isWord && k < events.starts.length; k++) {
      const s = events.starts[k] ?? 0;
      if (s >= end + CONTEXT_WINDOW) break;
      if (isFinanceWord(events.words[k] ?? '')) ok = true;
    }
    if (!ok) {
      const from = Math.max(0, start - CONTEXT_WINDOW);
      ok = SIGNED_PERCENT.test(text.slice(from, Math.min(text.length, end + CONTEXT_WINDOW)));
    }
    // An option contract ("AAPL Jun 2025 210.000 put") or a leveraged fund on the stock ("Direxion
    // Daily AAPL Bull 2X"): the way brokers and quote pages write a ticker.
    if (!ok) ok = OPTION_OR_FUND.test(text.slice(end, end + 24));
    if (ok) keep.push(n);
  });
  // A ticker in a list with a kept one shares its context ("NVDA, AMD and TSM rallied" keeps all
  // three): one pass each way over the candidates, in document order, so linear however many. An
  // English word stands on its own evidence.
  if (keep.length === 0 || keep.length === cands.length) return keep;
  const kept = new Uint8Array(cands.length);
  for (const n of keep) kept[n] = 1;
  const near = new Uint8Array(cands.length);
  let last = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < cands.length; n++) {
    const [s, e] = cands[n] ?? [0, 0];
    if (kept[n]) last = e;
    else if (!wordlike[n] && s - last <= CONTEXT_WINDOW) near[n] = 1;
  }
  last = Number.POSITIVE_INFINITY;
  for (let n = cands.length - 1; n >= 0; n--) {
    const [s, e] = cands[n] ?? [0, 0];
    if (kept[n]) last = s;
    else if (!wordlike[n] && last - e <= CONTEXT_WINDOW) near[n] = 1;
  }
  const out: number[] = [];
  for (let n = 0; n < cands.length; n++) if (kept[n] || near[n]) out.push(n);
  return out;
}

/** The ASCII letters of a word: lower-cased for the finance-word check. */
const LETTERS = /^[A-Za-z-]+$/;

/**
 * Whether a finance word (FINANCE_WORDS, COMPANY_WORDS) is the word right before or after
 * [start, end), with only spaces between; "of" is looked through ("Shares of OPEN", "OPEN rose",
 * "OPEN stock"; not "Stocks are LOW").
 */
function financeWordBeside(text: string, start: number, end: number): boolean {
  const wordAt = (from: number, to: number) => text.slice(from, to).toLowerCase();
  // left
  let k = start;
  for (let w = 0; w < 2; w++) {
    let e = k;
    while (e > 0 && text.charCodeAt(e - 1) === 0x20) e--;
    if (e === k) break;
    let s = e;
    while (s > 0 && LETTERS.test(text.charAt(s - 1))) s--;
    if (s === e) break;
    const word = wordAt(s, e);
    if (isFinanceWord(word)) return true;
    if (word !== 'of') break;
    k = s;
  }
  // right
  let s = end;
  while (s < text.length && text.charCodeAt(s) === 0x20) s++;
  if (s === end) return false;
  let e = s;
  while (e < text.length && LETTERS.test(text.charAt(e))) e++;
  return e > s && isFinanceWord(wordAt(s, e));
}

/** Whether the nearest non-space character before or after [start, end) is a CJK ideograph or kana. */
export function nextToCjk(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  return isCjkCode(text.charCodeAt(i)) || isCjkCode(text.charCodeAt(j));
}

function isCjkCode(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

function isCjkEntry(entry: NameEntry): boolean {
  return entry.text.charCodeAt(0) >= 0x2e80;
}

/**
 * Indices of the candidates that context confirms (rule 2 above). Candidates and `tickers` are in
 * document order; one sweep, so the cost is linear in candidates plus events (times the window size).
 */
export function confirmed(names: AmbiguousNames, tickers: readonly Match[], events: ContextEvents): number[] {
  const out: number[] = [];
  let ev = 0;
  let tk = 0;
  for (let n = 0; n < names.length; n++) {
    const start = names.start(n);
    const end = names.end(n);
    const entry = names.entries[n];
    if (!entry) continue;
    const w = isCjkEntry(entry) ? CJK_CONTEXT_WINDOW : CONTEXT_WINDOW;
    const from = start - w;
    const to = end + w;
    // Pointers only move forward: what ends before the widest window of this candidate ends before
    // every later candidate's window too.
    while (ev < events.starts.length && (events.ends[ev] ?? 0) <= start - CONTEXT_WINDOW) ev++;
    while (tk < tickers.length && (tickers[tk]?.end ?? 0) <= start - CONTEXT_WINDOW) tk++;
    let ok = false;
    const symbols = entry.symbols ?? [];
    for (let k = tk; !ok && symbols.length > 0 && k < tickers.length; k++) {
      const t = tickers[k];
      if (!t || t.start >= to) break;
      if (t.end > from && t.symbol !== undefined && symbols.includes(t.symbol)) ok = true;
    }
    for (let k = ev; !ok && k < events.starts.length; k++) {
      const s = events.starts[k] ?? 0;
      if (s >= to) break;
      const e = events.ends[k] ?? 0;
      if (e <= from || (s >= start && e <= end)) continue; // outside the window, or inside the name itself
      if (relevant(events.words[k] ?? '', entry)) ok = true;
    }
    if (ok) out.push(n);
  }
  return out;
}
