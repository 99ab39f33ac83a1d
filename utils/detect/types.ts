/**
 * Public types of the detection engine. The engine is pure: text in, matches out. It knows nothing
 * of the DOM, the registry or the extension; callers hand it the symbol sets it should trust.
 */

export type MatchKind = 'ticker' | 'name' | 'handle' | 'address' | 'claim';

/**
 * Launch-claim ids. These exact strings are part of an automation contract: never rename one.
 */
export type ClaimId =
  | 'no-vc'
  | 'no-insiders'
  | 'community-only'
  | 'fair-launch'
  | 'no-presale'
  | 'airdrop'
  | 'zero-tax'
  | 'token-launch'
  | 'buyback-burn'
  | 'liquidity-locked';

export const CLAIM_IDS = [
  'no-vc',
  'no-insiders',
  'community-only',
  'fair-launch',
  'no-presale',
  'airdrop',
  'zero-tax',
  'token-launch',
  'buyback-burn',
  'liquidity-locked',
] as const satisfies readonly ClaimId[];

export interface Match {
  kind: MatchKind;
  /** Exactly `text.slice(start, end)` of the scanned text: "$TAO", "比特幣", "@bittensor_", "0x5aAe…", "no VC". */
  text: string;
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset one past the last code unit (end exclusive). */
  end: number;
  /** ticker: upper-cased symbol without '$' ("BTC", "TEST.T"). */
  symbol?: string;
  /** ticker: whether the text carried a '$' (a cashtag) or was a bare symbol ("3.125 BTC"). */
  cashtag?: boolean;
  /** ticker: a bare listed-company ticker found by finance context ("HOOD的股价", "NVDA and AMD rallied"): an equity. */
  listed?: boolean;
  /** name: the dictionary entry's key ("bitcoin", "nvidia"). */
  nameKey?: string;
  /**
   * name: curated asset id hint when the dictionary has one ("cg:bitcoin", "stock:NVDA"); ticker: the
   * asset whose name is written right before the bracketed symbol ("Jupiter (JUP)").
   */
  asset?: string;
  /** handle: the handle without '@'. */
  handle?: string;
  /** address: which family of chain the address belongs to. */
  chain?: 'evm' | 'solana';
  /**
   * address: false for an EVM address in mixed case whose EIP-55 checksum is wrong (a typo or a
   * tampered address: report it, never resolve it as an asset). True otherwise.
   */
  valid?: boolean;
  /** claim: which launch claim. */
  claim?: ClaimId;
  /** claim: the number in the claim when there is one (28 for "28% airdrop", 0 for "0% tax"). */
  value?: number;
}

/** Which language a dictionary entry is written in. `zh` is a form shared by both Chinese scripts. */
export type NameLang = 'en' | 'zh' | 'zh-Hans' | 'zh-Hant' | 'ja' | 'ko';

/** The kind of thing an entry names; selects the context words an ambiguous entry needs. */
export type NameDomain = 'crypto' | 'company' | 'token';

export interface NameEntry {
  /** The name as written: "Bitcoin", "比特幣", "Meta Platforms". A single space matches any run of spaces. */
  text: string;
  /** Stable key shared by all spellings of one thing ("bitcoin" for Bitcoin, 比特币 and 比特幣). */
  key: string;
  /** Curated asset id hint: `cg:<coingecko id>` or `stock:<US ticker>`. */
  asset?: string;
  lang: NameLang;
  /**
   * The name is also a common word ("Meta", "Render", "Near", 苹果): it matches only when written
   * capitalised AND a context signal is nearby (see the rule in context.ts).
   */
  ambiguous?: boolean;
  /**
   * Latin names only: match the capitalisation as written (or ALL CAPS), never lower case, because
   * the lower-case form is an ordinary word ("tesla" the unit, "ripple", "micron").
   */
  caseSensitive?: boolean;
  /**
   * Ambiguous entries: which context-word set confirms them. Defaults to 'crypto' for cg: assets, else
   * 'company'; 'token' takes only the entry's own symbols and context words (a coin named "Core").
   */
  domain?: NameDomain;
  /** Ambiguous entries: tickers whose presence nearby confirms the name ("Render" … "$RENDER"). */
  symbols?: readonly string[];
  /**
   * A company named after a famous person ("Tesla"): written alone, it counts only where the text
   * shows a company or a market (person-names.ts). Implies caseSensitive.
   */
  personName?: boolean;
  /**
   * Ambiguous and personName entries: extra words (lower case) that confirm this particular entry
   * ("saylor" for Strategy, "cybertruck" for Tesla).
   */
  context?: readonly string[];
}

export interface DetectorData {
  /**
   * Upper-case symbols the registry knows (crypto + equities). Cashtags longer than 6 letters or with
   * digits ($BITCOIN, $FARTCOIN, $1INCH) count only when listed here; a bare symbol bound to an amount
   * ("500 TAO") counts only when listed here.
   */
  symbols: ReadonlySet<string>;
  /** Short curated list of major assets that count even without '$'. Defaults to DEFAULT_BARE_SYMBOLS. */
  bareSymbols?: ReadonlySet<string>;
  /** Names dictionary; defaults to the built-in DEFAULT_NAMES. */
  names?: readonly NameEntry[];
  /**
   * Tickers of listed companies that count bare, in capitals, with finance context nearby or next to
   * CJK text ("HOOD的股价大涨", "le azioni COIN sono salite"). Empty when absent.
   */
  stocks?: ReadonlySet<string>;
  /** Those of `stocks` that are English words ("OPEN", "KEY", "APP"): CJK text beside them is no evidence. */
  stockWords?: ReadonlySet<string>;
  /**
   * The names of the assets that use a symbol, for "Name (SYM)": a name and its bracketed symbol that
   * agree are evidence enough for a bare symbol. Absent: brackets are not read.
   */
  symbolNames?: (symbol: string) => ReadonlyArray<{ name: string; asset: string }>;
  /**
   * Upper-case English given names ("NIKOLA", "WALT"): a company's name right after one is the
   * surname of a person ("Nikola Tesla"), not the company. Absent: no person rule.
   */
  givenNames?: ReadonlySet<string>;
  /**
   * The names of assets whose name ends with a symbol ("Huobi BTC", "pTokens BTC"), by that symbol:
   * in a pair's name ("Huobi BTC USD") the symbol belongs to the other asset's name. Absent: not read.
   */
  namesEndingIn?: (symbol: string) => ReadonlyArray<{ name: string; asset: string }>;
}

export interface Detector {
  /** All matches in document order, non-overlapping. Never throws; linear in `text.length`. */
  detect(text: string): Match[];
}
