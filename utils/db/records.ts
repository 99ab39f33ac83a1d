/**
 * The shapes stored in IndexedDB. Every record that holds data from a source says where it came
 * from (`source`), when we got it (`fetchedAt`, ms since epoch) and, after a failed refresh, that
 * it is `stale` and why (`error`): a broken answer never replaces good data, it only marks it.
 *
 * Types only: the content script may import these without pulling in Dexie.
 */
import type { BoxId, BoxOverride, ChecklistSnapshot } from '../checklist/types';
import type { ClaimId } from '../detect/types';
import type { SourceId } from '../source-ids';

/** Where a figure came from: a live source, or the bundled dated snapshot (first run, offline). */
export type DataOrigin = SourceId | 'snapshot';

export interface Provenance {
  source: DataOrigin;
  fetchedAt: number;
  /** Set when the last refresh of this record failed; the data is the last good answer. */
  stale?: boolean;
  /** The reason of the last failed refresh, in plain words. */
  error?: string;
}

export interface PricePart extends Provenance {
  usd: number;
  change24hPct: number | null;
  change7dPct: number | null;
  /** Stocks: the previous regular-session close, when the answer carries it. */
  previousClose?: number | null;
  /** The source's own time of the price (ms), e.g. CoinGecko `last_updated`, Yahoo `regularMarketTime`. */
  asOf: number | null;
  /** The last 24 hours' (a stock: the session's) high and low, when the answer gives them. */
  high24h?: number | null;
  low24h?: number | null;
  /** The peak the price is measured against: a coin's all-time high, a stock's 52-week high. */
  peak?: PricePeak | null;
}

export interface PricePeak {
  usd: number;
  /** The price now against the peak, percent (≤ 0 but for a new high the answer has not caught). */
  changePct: number;
  /** When the peak was (ms), when the source says. */
  date: number | null;
  basis: 'ath' | '52w';
}

export interface MarketPart extends Provenance {
  marketCapUsd: number | null;
  fdvUsd: number | null;
  volume24hUsd: number | null;
  circulatingSupply: number | null;
  totalSupply: number | null;
  maxSupply: number | null;
  rank: number | null;
  /** Price × max supply (CoinGecko's `fdvUsd` is price × total supply); null without a max supply. */
  fdvMaxUsd?: number | null;
  /** The source's own time of these figures (CoinGecko `last_updated`, Yahoo's market time), ms. */
  asOf?: number | null;
  /**
   * Stocks: the share count behind the market cap (Yahoo's quote, every class) and when it was
   * read. Each new price gives the market cap again; the count is read again once a day.
   */
  shares?: number;
  sharesAt?: number;
}

export interface SparklinePart extends Provenance {
  /** Prices, oldest first, evenly spaced over `spanDays`. */
  points: number[];
  spanDays: number;
  /** The source's time of the last point, ms. */
  asOf?: number | null;
}

/** Table `quotes`, key `assetId` (`cg:<id>` or `stock:<TICKER>`). */
export interface QuoteRecord {
  assetId: string;
  symbol: string;
  name: string;
  price: PricePart;
  market?: MarketPart;
  sparkline?: SparklinePart;
  /** The newest `fetchedAt` of the parts: what the refresh planner looks at. */
  fetchedAt: number;
}

/**
 * A cliff: tokens released at one moment. `category` is DefiLlama's category name as given
 * ('insiders', 'privateSale', 'staking', 'Uncategorized'…), never folded into a list of ours.
 */
export interface UnlockCliff {
  kind: 'cliff';
  /** ms since epoch. */
  date: number;
  amount: number;
  category: string;
  /** The allocation's own name ("Core Contributors"), or the source's filled description. */
  label: string;
}

/** A linear stream: tokens released evenly from `start` until `end` (null: no end known). */
export interface UnlockStream {
  kind: 'stream';
  start: number;
  end: number | null;
  ratePerDay: number;
  category: string;
  label: string;
}

export type UnlockEvent = UnlockCliff | UnlockStream;

/** A named part of the schedule, with the tokens it holds by the schedule's end when known. */
export interface UnlockSection {
  label: string;
  category: string;
  amount: number | null;
}

/** Table `unlocks`, key `cgId`: one schedule per coin. */
export interface UnlockRecord extends Provenance {
  cgId: string;
  slug: string;
  /**
   * 2: `events` are cliffs and streams. Records written before hold `UnlockEventV1` rows, linear
   * rates read as amounts among them: `TickerlensDb.getUnlocks` keeps only their cliffs and marks
   * them due for a refresh.
   */
  shape?: 2;
  events: UnlockEvent[];
  sections?: UnlockSection[];
  /** The source's own time of the schedule (the file's `lastModified`), ms. */
  asOf?: number | null;
  /** Share of supply per category, percent: now and when the schedule ends. */
  allocation: { current: Record<string, number>; final: Record<string, number> } | null;
  totalSupply: number | null;
  sources: string[];
  notes: string[];
}

/** An unlock event as stored before shape 2 (one amount per date, linear rates added up). */
export interface UnlockEventV1 {
  date: number;
  amount: number;
  category: string;
  label: string;
  unlockType?: 'cliff' | 'linear';
}

/** What a daily chart covers of the last 30 days: days with data, their sum, first and last day. */
export interface RevenueCoverage {
  days: number;
  sum: number;
  /** 00:00 UTC of the first and the last day covered, ms. */
  from: number;
  to: number;
}

export interface RevenueSeries {
  total24h: number | null;
  total7d: number | null;
  /** The last 30 days: only when the source gives it or the chart covers those 30 days. */
  total30d: number | null;
  totalAllTime: number | null;
  /** What the daily chart covers of the 30 UTC days before today; null without a chart. */
  covered: RevenueCoverage | null;
}

/** Table `revenue`, key `cgId`. */
export interface RevenueRecord extends Provenance {
  cgId: string;
  slug: string;
  name: string;
  /** `dataType=dailyRevenue`: what the protocol keeps. */
  revenue: RevenueSeries | null;
  /** `dataType=dailyHoldersRevenue`: value returned to token holders (buybacks, burns, distributions). */
  holdersRevenue: RevenueSeries | null;
  /** The last day of the daily charts (the older of the two), 00:00 UTC ms: the source's own time. */
  asOf?: number | null;
  /** Governance venues DefiLlama names for the protocol (`governanceID`); absent when not read yet. */
  governance?: string[];
}

export type TreasuryCoin = 'bitcoin' | 'ethereum';

/** Table `treasuries`, key `[coin+ticker]`, index `ticker`. */
export interface TreasuryRecord extends Provenance {
  coin: TreasuryCoin;
  /** US-style ticker ("MSTR") parsed from "NASDAQ:MSTR" or "MSTR.US". */
  ticker: string;
  /** Exchange prefix or country suffix as given ("NASDAQ", "US", "TSE"). */
  exchange: string;
  name: string;
  country: string | null;
  holdings: number;
  entryValueUsd: number | null;
  currentValueUsd: number | null;
  pctOfSupply: number | null;
}

/** Table `registry`, key `assetId`: what we know about an asset besides its price. */
export interface RegistryRecord extends Provenance {
  assetId: string;
  symbol: string;
  name: string;
  /** X handles (without @) the asset is known by. */
  handles: string[];
  /** The same, lower case: the index resolution looks handles up by (set by the database). */
  handleKeys?: string[];
  categories: string[];
  /** CoinGecko platform id → contract address. */
  platforms: Record<string, string>;
  /** The platform the token was issued on (CoinGecko's `asset_platform_id`), when known. */
  homePlatform?: string;
}

/**
 * Table `notes`, auto-increment `id`, indexes `&uid`, `assetId`, `createdAt`, `updatedAt`, `*tags`.
 * `id` is this browser's row; `uid` is the note's identity everywhere else (exports, imports merge
 * by it), so a note imported into another browser is the same note, whatever row it lands in.
 */
export interface NoteRecord {
  id?: number;
  /** A random UUID given once, when the note is first stored. */
  uid: string;
  /** The asset noted; '' for a claim noted without an asset. */
  assetId: string;
  /** The asset's name and symbol when the note was saved (a name, never an id, to show). */
  assetName?: string;
  assetSymbol?: string;
  /** The user's own words (empty until they write some). */
  text: string;
  /** The user's tags, trimmed, without '#', unique, in the order given. */
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** What was on the page when the note was saved from a card. */
  capture?: NoteCapture;
}

export interface NoteCapture {
  /** The post or paragraph, as on the page (capped). */
  quote: string;
  url: string;
  /** The detection the card was opened on ("$TAO", "no VC"). */
  detected: string;
  claim?: ClaimId;
  /** The price shown at that moment, with its source and time; null when there was none. */
  priceUsd: number | null;
  priceSource?: string;
  priceAt?: number;
  /** The claims made in the post, with the verdict the data gave each at that moment. */
  claims?: NoteClaim[];
  /** The asset's checklist at that moment (utils/checklist). */
  checklist?: ChecklistSnapshot;
}

export interface NoteClaim {
  claim: ClaimId;
  /** The number of "N% airdrop". */
  value?: number;
  verdict: 'agrees' | 'contradicts' | 'unknown';
  /** The reason as then said, in the UI language of that moment. */
  reason?: string;
}

/**
 * Table `pins`, key `key`: "always read $X as Y". The key is the upper-case symbol (`DJT`) or the
 * lower-case `@handle`; resolution obeys a pin before any other evidence.
 */
export interface PinRecord {
  key: string;
  assetId: string;
  pinnedAt: number;
}

/** Table `checklist`, key `assetId`: the user's overrides of an asset's checklist boxes. */
export interface ChecklistRecord {
  assetId: string;
  overrides: Partial<Record<BoxId, BoxOverride>>;
  updatedAt: number;
}

/** Table `requestLog`, auto-increment `id`, index `at`. Capped, oldest dropped first. */
export interface RequestLogRecord {
  id?: number;
  at: number;
  source: SourceId;
  /** Path and query only: never the origin's key headers. */
  path: string;
  ok: boolean;
  status: number | null;
  ms: number;
  reason?: string;
}

/** Table `meta`, key `key`: small state that must survive the worker being killed. */
export interface MetaRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** Table `security`, key `key` (`<chainId>:<address>`): GoPlus answers, kept a few hours. */
export interface SecurityRecord extends Provenance {
  key: string;
  data: import('../sources/goplus').TokenSecurity;
}

/** The quote record of schema version 1 (flat, one provenance): kept for the v1 → v2 migration. */
export interface QuoteRecordV1 {
  assetId: string;
  symbol: string;
  name: string;
  priceUsd: number;
  change24hPct: number | null;
  marketCapUsd: number | null;
  circulatingSupply: number | null;
  fetchedAt: number;
  source: DataOrigin;
}
