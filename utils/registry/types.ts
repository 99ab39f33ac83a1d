/**
 * Public types of the asset registry and of resolution (match → asset id).
 *
 * Asset ids are an automation contract, exact: `cg:<CoinGecko coin id>` for crypto, `stock:<US ticker>`
 * for listed equities and ETFs (SEC spelling of share classes: `stock:BRK-B`).
 */
import type { Match } from '../detect/types';

export type AssetKind = 'crypto' | 'equity';

export interface RegistryAsset {
  id: string;
  kind: AssetKind;
  /** Upper-case symbol or ticker ("BTC", "BRK-B"). */
  symbol: string;
  name: string;
  /** crypto: CoinGecko market-cap rank when the snapshot has one; equity: position in the SEC list (market value order). */
  rank?: number;
  /** equity: listing venue ("NASDAQ", "NYSE", "NYSE Arca" …); absent for OTC / SEC-only names. */
  exchange?: string;
  /** equity: the listing is an ETF or trust units. */
  etf?: boolean;
  /** crypto: market capitalisation in US dollars, where the rank snapshot gives one. */
  marketCap?: number;
  /** crypto: contract per CoinGecko platform id, where a source gave one ("ethereum" → "0xa0b8…"). */
  platforms?: Record<string, string>;
}

export interface UnknownAddress {
  /** 'evm' or 'solana': the detector tells the family, not the EVM chain. */
  chain: 'evm' | 'solana';
  address: string;
  /** etherscan for EVM, solscan for Solana. */
  explorer: string;
  /** Set when a token list knows the token but CoinGecko does not (Jupiter-validated mints). */
  symbol?: string;
  name?: string;
}

export interface Resolution {
  /** The asset, when the evidence points to one clearly. */
  asset?: string;
  /** When the evidence is close: the plausible assets, best first. Never set together with `asset`. */
  candidates?: string[];
  /**
   * With `asset` chosen on evidence over other assets with the symbol: those others, best first,
   * so the reader can switch ("Not this?").
   */
  others?: string[];
  /** Why, in a few words (shown in debug views and test failures). */
  reason: string;
  /** Address matches that map to no asset: reported, never guessed. */
  unknownAddress?: UnknownAddress;
}

export interface ResolveContext {
  /** The whole post or paragraph the match was found in; `match.start/end` index into it. */
  text: string;
  /** The other matches of the same post (addresses etc.). */
  matches?: readonly Match[];
}

/**
 * The registry as bundled (`utils/registry/data/registry.json`, built by `npm run registry`) or as
 * refreshed later. Rows are tuples to keep the file compact and quick to parse.
 */
export interface RegistryData {
  generated: string;
  sources: string[];
  /**
   * Every CoinGecko coin, column by column (index i of each array is one coin), sorted by id in
   * code-unit order; `symbol` upper-cased; `bySymbol` lists the row indices sorted by symbol, then id.
   * The sort orders are the index: lookups binary-search them (load.ts).
   */
  coins: { id: string[]; symbol: string[]; name: string[]; bySymbol: number[] };
  /** CoinGecko id → market-cap rank, for the coins the rank snapshot has. */
  coinRanks: Record<string, number>;
  /**
   * CoinGecko id → market cap in US dollars, for the ranked coins whose snapshot row gives one. Optional:
   * copies stored before it existed still load (the ≥10× leader rule then has nothing to go on).
   */
  coinCaps?: Record<string, number>;
  /**
   * Every US listing, column by column, sorted by ticker in code-unit order: ticker (SEC spelling),
   * name, exchange ('' when OTC / SEC only), SEC market-value position (0 when not in the SEC list).
   */
  equities: { ticker: string[]; name: string[]; exchange: string[]; rank: number[] };
  /** Tickers of ETFs and trust units. */
  etfs: string[];
  /** CoinGecko id → platform id → contract address or mint. */
  platforms: Record<string, Record<string, string>>;
  /** Jupiter-validated Solana tokens with no CoinGecko id, column by column. */
  solanaTokens: { mint: string[]; symbol: string[]; name: string[] };
  /** Lower-case X handle (no '@') → asset id. */
  handles: Record<string, string>;
  /** Upper-case symbol → asset id preferred when nothing else decides (curated, with reasons in curated/). */
  hints: Record<string, string>;
  /**
   * Asset ids of the curated leading projects and companies (the names dictionary's hints): counted as
   * mid-sized where the lists rank them low or not at all.
   */
  leading: string[];
  /** Tickers of listed companies holding crypto in treasury (CoinGecko public_treasury). */
  treasuries: string[];
}

/** Lookups over RegistryData, made by loadRegistry. Read-only. */
export interface Registry {
  generated: string;
  sources: readonly string[];
  /** The data the lookups read (for listings, debugging and the bench). */
  data: RegistryData;
  /** The asset with this id (`cg:…` or `stock:…`), or undefined. */
  asset(id: string): RegistryAsset | undefined;
  /** Every asset whose upper-case symbol or ticker is exactly `symbol`: coins first, then the listing. */
  withSymbol(symbol: string): readonly RegistryAsset[];
  /** Lower-case handle (no '@') → asset id. */
  byHandle: ReadonlyMap<string, string>;
  /** Lower-case EVM address or exact Solana mint → the assets and platforms it is the contract of. */
  byAddress: ReadonlyMap<string, readonly { id: string; platform: string }[]>;
  solanaTokens: ReadonlyMap<string, { symbol: string; name: string }>;
  hints: ReadonlyMap<string, string>;
  leading: ReadonlySet<string>;
  treasuries: ReadonlySet<string>;
}
