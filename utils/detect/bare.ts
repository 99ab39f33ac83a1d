/**
 * Bare symbols: tickers written without '$' ("BTC", "3.125 BTC", "500 TAO").
 *
 * Most upper-case words are not tickers (AI, CEO, ETF, US, SEC …) even though the symbol sets list
 * almost all of them, so a bare word counts only when
 *   - it is on the short curated list of major assets (DEFAULT_BARE_SYMBOLS unless the caller gives
 *     its own), or
 *   - it is a known symbol bound to an amount: a number right before it, separated by one space
 *     ("21,454 BTC", "1.2M PEPE", "500 TAO"), and the phrase is not an all-caps headline
 *     ("TOP 10 COINS TO BUY": a neighbouring all-caps word vetoes it);
 * and it is never on BARE_STOP_LIST (acronyms, fiat codes, units, shouted English words), which wins
 * over both. Three more kinds of evidence are weighed by the scanner (detector.ts), not here:
 *   - a listed company's ticker (DetectorData.stocks) next to CJK text or near finance words in
 *     any of the languages readers use, a signed percentage, an option contract or another kept
 *     ticker ("HOOD的股价大涨", "le azioni COIN sono salite", "NVDA and AMD both rallied"):
 *     context.ts, confirmedStocks;
 *   - a symbol in brackets after its asset's name, or the base of a trading pair ("Jupiter (JUP)",
 *     "JUP/USDT"): brackets.ts;
 *   - a known symbol whose asset the same text names ("Official Trump … also known as TRUMP"). Bare symbols must be written in capitals; the lower-case forms of a few unmistakable
 * majors ("btc", "eth", "usdt" …, LOWERCASE_BARE) are accepted too because crypto posts use them.
 * A '$' before the word makes it a cashtag instead (cashtags.ts), which always wins.
 */
import * as charclass from './charclass';
import type { Match } from './types';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { ALPHA, CLASS, DIGIT, hashWord, LOWER, SPACE, UPPER, WORD } = charclass;

/** Major assets that count without '$'. */
export const DEFAULT_BARE_SYMBOLS: ReadonlySet<string> = new Set([
  'BTC',
  'ETH',
  'SOL',
  'USDC',
  'USDT',
  'XRP',
  'BNB',
  'DOGE',
  'ADA',
  'TRX',
  'AVAX',
  'LTC',
  'BCH',
  'XLM',
  'XMR',
  'SHIB',
  'WBTC',
  'HBAR',
  'TAO',
]);

/** Lower-case spellings accepted for curated bare symbols: none of them is a word in any language we meet. */
export const LOWERCASE_BARE: ReadonlySet<string> = new Set([
  'btc',
  'eth',
  'usdc',
  'usdt',
  'xrp',
  'bnb',
  'trx',
  'avax',
  'ltc',
  'bch',
  'xlm',
  'xmr',
  'wbtc',
  'hbar',
]);

/** Folded hashes of LOWERCASE_BARE, so the scanner slices a lower-case word only on a likely hit. */
export const LOWERCASE_BARE_HASHES: ReadonlySet<number> = new Set([...LOWERCASE_BARE].map(hashWord));

/**
 * Never a bare ticker, whatever the symbol sets say (a '$' still makes any of them a cashtag).
 * Acronyms of finance, tech and crypto jargon, institutions, fiat currencies, units and times, and
 * English words people write in capitals. CoinGecko lists a token for most of these.
 */
export const BARE_STOP_LIST: ReadonlySet<string> = new Set(
  [
    // finance and markets
    'AI AGI ML LLM GPT CEO CFO CTO COO CMO VP IPO ICO IDO IEO ETF ETFS ETP ETN NAV AUM EPS PE GDP CPI PPI PCE',
    'FOMC FED ECB BOJ PBOC IMF SEC CFTC FINRA FDIC IRS DOJ FBI CIA NSA OTC KYC AML ROI APY APR',
    'YOY QOQ MOM YTD ATH ATL EOD EOW EOY DCA FUD FOMO HODL NFA DYOR IMO IMHO TLDR FYI AMA PSA ICYMI',
    'LOL LMAO OMG WTF GM GN GG WAGMI NGMI LFG RIP TBA TBD ASAP FAQ DM DMS PM AM',
    'BI ERC BRC SPL NFT NFTS DEX CEX DEFI CEFI TVL MEV RWA RWAS LP LPS PNL TX TXS TPS EVM SVM ZK ZKP VC VCS KOL KOLS',
    'L1 L2 L3 P2P DAO DAOS API APIS SDK UI UX OS IOS GPU GPUS CPU TPU CPUS ASIC RAM SSD HDD USB',
    'IT HR PR QA SAAS B2B B2C SME LLC INC CORP LTD PLC AG SA NV ESG',
    // places and institutions
    'US USA UK EU UN UAE HK SG JP CN KR IN NYC LA SF DC NY TX CA FL NASDAQ NYSE CME CBOE SP SPX',
    // fiat currencies
    'USD EUR GBP JPY CNY CNH RMB HKD KRW INR CAD AUD NZD CHF SGD TWD THB IDR PHP VND MYR BRL MXN ARS TRY RUB ZAR NGN',
    // units and time
    'KB MB GB TB PB KW MW GW KWH MWH GWH TWH HZ KHZ MHZ GHZ FPS MPH KPH KM KG LB LBS MM CM OZ',
    'MS SEC MIN MINS HR HRS UTC GMT EST EDT PST PDT CET CEST ET PT CT',
    'JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC MON TUE WED THU FRI SAT SUN',
    'Q1 Q2 Q3 Q4 H1 H2 FY',
    // English words people shout
    'A I AN AND ARE AS AT BE BUT BY DO FOR GO HE IF IS IT ME MY NO NOT OF OK ON OR SO TO UP WE YES YOU',
    'ALL ANY BIG BUY CAN DAY GET GOT HAS HOT HOW JUST LIKE LONG MORE MOST NEW NOW OLD ONE OUR OUT',
    'SELL HOLD SHORT SOME THAT THE THIS TOP TWO WHO WHY WIN WITH FROM HAVE WILL WOW YOUR BEST NEXT',
    'MOON PUMP DUMP SEND LOOK FREE LIVE REAL GOOD TIME HUGE STOP READ NEWS',
  ]
    .join(' ')
    .split(' '),
);

function isUpperWord(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  for (let k = start; k < end; k++) {
    if (((CLASS[text.charCodeAt(k)] ?? 0) & UPPER) === 0) return false;
  }
  return true;
}

/** Start of the ASCII word run that ends at `end` (exclusive); `end` itself when there is none. */
function wordBefore(text: string, end: number): number {
  let k = end;
  while (k > 0 && ((CLASS[text.charCodeAt(k - 1)] ?? 0) & WORD) !== 0) k--;
  return k;
}

/**
 * Start of the number that ends right before one space before `start` ("21,454 BTC", "1.2M PEPE"),
 * or -1. The number may carry a magnitude suffix (k, m, b) and thousands separators or decimals.
 */
function amountStart(text: string, start: number): number {
  let k = start - 1;
  if (k < 1 || ((CLASS[text.charCodeAt(k)] ?? 0) & SPACE) === 0 || text.charCodeAt(k) === 0x0a) return -1;
  k--; // last character of the number (or of its suffix)
  const suffix = text.charCodeAt(k) | 0x20;
  if (suffix === 0x6b || suffix === 0x6d || suffix === 0x62) k--; // k, m, b
  if (k < 0 || ((CLASS[text.charCodeAt(k)] ?? 0) & DIGIT) === 0) return -1;
  while (k > 0) {
    const c = text.charCodeAt(k - 1);
    if (((CLASS[c] ?? 0) & DIGIT) !== 0) k--;
    else if ((c === 0x2c || c === 0x2e) && k > 1 && ((CLASS[text.charCodeAt(k - 2)] ?? 0) & DIGIT) !== 0) k--;
    else break;
  }
  // The number must not be glued to a word ("v2 TOKEN", "L2 ETH").
  if (k > 0 && ((CLASS[text.charCodeAt(k - 1)] ?? 0) & (WORD | ALPHA)) !== 0) return -1;
  return k;
}

/** Whether an all-caps word sits right before the amount or right after the symbol (a shouted headline). */
function inShoutedPhrase(text: string, numberStart: number, end: number): boolean {
  // word before the amount
  let k = numberStart;
  if (k > 1 && text.charCodeAt(k - 1) === 0x20) {
    const ws = wordBefore(text, k - 1);
    if (isUpperWord(text, ws, k - 1)) return true;
  }
  // word after the symbol
  k = end;
  if (k < text.length && text.charCodeAt(k) === 0x20) {
    let e = k + 1;
    while (e < text.length && ((CLASS[text.charCodeAt(e)] ?? 0) & WORD) !== 0) e++;
    if (isUpperWord(text, k + 1, e)) return true;
  }
  return false;
}

export interface BareSets {
  bare: ReadonlySet<string>;
  symbols: ReadonlySet<string>;
}

/**
 * The bare ticker that is the ASCII word run `text.slice(start, end)`, or null. `andFlags` is the AND
 * of the run's character classes (so "all capitals" is one test).
 */
export function matchBare(
  text: string,
  start: number,
  end: number,
  andFlags: number,
  sets: BareSets,
): Match | null {
  const len = end - start;
  if (len < 2 || len > 10) return null;
  if (start > 0) {
    const p = text.charCodeAt(start - 1);
    // '$' made it a (failed) cashtag, '@' a handle, '.' a domain or file part ("x.ETH")
    if (p === 0x24 || p === 0x40 || p === 0x2e || p === 0xff20 || ((CLASS[p] ?? 0) & ALPHA) !== 0)
      return null;
  }
  if (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 0x40 || ((CLASS[c] ?? 0) & ALPHA) !== 0) return null;
    // "ETH.com", "BTC.txt": part of a domain or a file name
    if (c === 0x2e && ((CLASS[text.charCodeAt(end + 1)] ?? 0) & (UPPER | LOWER)) !== 0) return null;
  }
  if (andFlags & UPPER) {
    const sym = text.slice(start, end);
    if (BARE_STOP_LIST.has(sym)) return null;
    if (sets.bare.has(sym)) return bareMatch(sym, start, end, sym);
    if (!sets.symbols.has(sym)) return null;
    const numberStart = amountStart(text, start);
    if (numberStart < 0 || inShoutedPhrase(text, numberStart, end)) return null;
    return bareMatch(sym, start, end, sym);
  }
  if (len <= 4) {
    const word = text.slice(start, end);
    if (!LOWERCASE_BARE.has(word)) return null;
    const sym = word.toUpperCase();
    if (!sets.bare.has(sym)) return null;
    return bareMatch(word, start, end, sym);
  }
  return null;
}

function bareMatch(t: string, start: number, end: number, symbol: string): Match {
  return { kind: 'ticker', text: t, start, end, symbol, cashtag: false };
}
