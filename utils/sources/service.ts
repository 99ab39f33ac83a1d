/**
 * The background's data service: refreshes from the sources (politely: coalesced, batched, rate
 * budgeted, backed off, circuit broken) into Dexie, and builds cards from Dexie alone.
 *
 * Failure rules, everywhere: a failed or misshaped answer is logged with its reason, the stored
 * data stays and is marked stale with that reason, and nothing is deleted. The next good answer
 * replaces it. Politeness state and refresh times live in Dexie `meta`, so a worker killed after
 * 30 s idle wakes up knowing its backoffs and open breakers.
 */
import type { z } from 'zod';
import type { TickerlensDb } from '../db';
import type {
  MarketPart,
  PricePeak,
  QuoteRecord,
  RequestLogRecord,
  RevenueRecord,
  SecurityRecord,
  TreasuryCoin,
  TreasuryRecord,
  UnlockRecord,
} from '../db/records';
import type { BackoffConfig } from '../queue/backoff';
import { InFlight, KeyBatcher } from '../queue/batcher';
import type { BreakerConfig } from '../queue/breaker';
import { Politeness, type PolitenessState } from '../queue/politeness';
import { planRefresh, type RefreshPlan } from '../queue/scheduler';
import { extent, thin } from '../series';
import type { Settings } from '../settings';
import type { SourceId } from '../source-ids';
import { type HostGranted, refusedHost } from './base-urls';
import { budgetFor, type CoingeckoTier } from './budgets';
import { buildCard, type Card, RECENT_UNLOCKS_MS } from './card';
import {
  COINS_LIST_MAX_BYTES,
  type CoinsListRow,
  coinDetailSchema,
  coinDetailUrl,
  coingeckoHeaders,
  coinsListSchema,
  coinsListUrl,
  isUsListing,
  MARKETS_BATCH,
  type MarketRow,
  marketsSchema,
  marketsUrl,
  parseCoinDetail,
  parseCompanySymbol,
  parseMarkets,
  RANK_PAGES,
  rankPageUrl,
  rankRowsSchema,
  TOKEN_PRICE_BATCH,
  TREASURY_COINS,
  tokenPriceSchema,
  tokenPriceUrl,
  treasurySchema,
  treasuryUrl,
} from './coingecko';
import {
  bestLlamaPrice,
  type ContractFacts,
  contractDetailSchema,
  contractDetailUrl,
  isContractAddress,
  llamaContractKeys,
  platformOf,
  securityFacts,
} from './contract-facts';
import {
  goplusChainId,
  parseTokenSecurity,
  type TokenSecurity,
  tokenSecuritySchema,
  tokenSecurityUrl,
} from './goplus';
import { type FetchJsonOptions, type FetchOutcome, fetchJson, fetchText, REQUEST_TIMEOUT_MS } from './http';
import {
  chartLastDay,
  type FeesSummary,
  feesSummarySchema,
  feesSummaryUrl,
  geckoToSlug,
  governanceIds,
  handlesFromProtocols,
  protocolsSchema,
  protocolsUrl,
  revenueTotals,
} from './llama-api';
import {
  LLAMA_PRICES_BATCH,
  llamaChainOf,
  llamaCoinKey,
  llamaPricesSchema,
  llamaPricesUrl,
} from './llama-coins';
import {
  emissionGeckoId,
  emissionsEnvelopeSchema,
  emissionsListSchema,
  emissionsListUrl,
  emissionsUrl,
  parseEmissionBody,
} from './llama-datasets';
import {
  CHART_FRESH_MS,
  type ChartPoint,
  type ChartRange,
  coinChartSchema,
  coinChartUrl,
  parseCoinChart,
  parseStockChart,
  sparklinePoints,
  stockChartUrl,
  yahooChartSchema,
} from './price-chart';
import { type Snapshot, snapshotRecords } from './snapshot';
import {
  chartSchema,
  chartUrl,
  cookiePrimerUrl,
  crumbUrl,
  isCrumb,
  parseChart,
  parseQuotes,
  QUOTE_BATCH,
  quoteSchema,
  quoteUrl,
} from './stocks';
import { unlockSchedule } from './unlock-schedule';

export interface DataServiceOptions {
  db: TickerlensDb;
  settings: () => Settings;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Per-request timeout; tests inject a short one. */
  timeoutMs?: number;
  /** How long quote requests wait to be batched with others (ms). */
  batchWindowMs?: number;
  maxTokenWaitMs?: number;
  breaker?: BreakerConfig;
  backoff?: BackoffConfig;
  /** The bundled snapshot (or another): seeded by `seedSnapshot()`, labelled by date on cards. */
  snapshot?: Snapshot;
  /** Receives the registry's refreshed lists (coin list with contracts, top-1,000 ranks). */
  onRegistryLists?: (lists: RegistryLists) => Promise<void>;
  /**
   * Whether the browser grants a host (base-urls.ts): a request to a host it does not, other than
   * this machine, never goes out. Without it (unit tests), every host is taken as granted.
   */
  hostGranted?: HostGranted;
}

export interface RegistryLists {
  coins: CoinsListRow[];
  /** CoinGecko id → market-cap rank, for the top 1,000. */
  ranks: Map<string, number>;
  /** CoinGecko id → market cap in US dollars, from the same pages. */
  caps: Map<string, number>;
  /** Lower-case X handle → `cg:` id, from DefiLlama's `/protocols` (`twitter` beside `gecko_id`). */
  handles?: Record<string, string>;
  fetchedAt: number;
}

export type QuoteStatus =
  | { ok: true; source: SourceId }
  | { ok: false; reason: string; servedStale: boolean };

export interface QuotesReport {
  results: Map<string, QuoteStatus>;
}

export type RefreshResult = { ok: true } | { ok: false; reason: string };

export type PriceChart =
  | { ok: true; points: ChartPoint[]; source: SourceId; fetchedAt: number }
  | { ok: false; reason: string };

export interface SecurityAnswer {
  data: TokenSecurity | null;
  source: 'goplus';
  fetchedAt: number | null;
  stale: boolean;
  error?: string;
}

const META = {
  politeness: 'politeness',
  protocolMap: 'llama:protocolMap',
  protocolHandles: 'llama:protocolHandles',
  emissionsList: 'llama:emissionsList',
  treasuriesAt: 'refresh:treasuries',
  registryAt: 'refresh:registry',
  /** `contract:<chain>:<address>`: the facts of an unlisted contract (contract-facts.ts). */
  contract: 'contract:',
} as const;

/** How long an unlisted contract's facts are served before they are asked again. */
const CONTRACT_TTL_MS = 10 * 60 * 1000;

/** The map of CoinGecko ids to DefiLlama slugs and the emissions list are kept this long. */
const LIST_TTL_MS = 24 * 3_600_000;
const SECURITY_TTL_MS = 6 * 3_600_000;
const SPARKLINE_POINTS = 84;
/** The most sections one stored schedule keeps. */
const MAX_UNLOCK_SECTIONS = 500;
/** After Yahoo refuses a crumb, market caps are not asked for again before this long. */
const CRUMB_RETRY_MS = 30 * 60_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function coingeckoTier(s: Settings): CoingeckoTier {
  const cg = s.sources.coingecko;
  if (!cg.apiKey) return 'keyless';
  return cg.baseUrl.includes('pro-api.coingecko.com') ? 'pro' : 'demo';
}

/** A coin's all-time high and how far below it the price is, as CoinGecko's row says. */
function coinPeak(row: MarketRow): PricePeak | null {
  if (!row.ath || row.ath_change_percentage == null) return null;
  const date = row.ath_date ? Date.parse(row.ath_date) : Number.NaN;
  return {
    usd: row.ath,
    changePct: row.ath_change_percentage,
    date: Number.isFinite(date) ? date : null,
    basis: 'ath',
  };
}

/** The revenue figure is as old as the older of its two charts. */
function chartsAsOf(days: Array<number | null>): number | null {
  return extent(days.filter((d): d is number => d !== null))?.min ?? null;
}

function markStale(
  q: QuoteRecord,
  reason: string,
  parts: Array<'price' | 'market' | 'sparkline'>,
): QuoteRecord {
  const next: QuoteRecord = { ...q };
  for (const p of parts) {
    const part = q[p];
    if (part) Object.assign(next, { [p]: { ...part, stale: true, error: reason } });
  }
  return next;
}

export function createDataService(options: DataServiceOptions) {
  const { db, settings } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const log: RequestLogRecord[] = [];
  let dirty = false;

  const politeness = new Politeness({
    buckets: (source) => {
      const b = budgetFor(source, coingeckoTier(settings()));
      return { capacity: b.burst, perMinute: b.perMinute };
    },
    now,
    sleep,
    ...(options.random ? { random: options.random } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    maxTokenWaitMs: options.maxTokenWaitMs ?? 5_000,
    onChange: () => {
      dirty = true;
    },
  });

  // Restore what the previous worker knew before the first request goes out.
  const ready = db
    .getMeta(META.politeness, (v) => (isRecord(v) ? (v as PolitenessState) : undefined))
    .then((s) => {
      if (s) politeness.restore(s);
    })
    .catch(() => undefined);

  /** Writes the request log and the politeness state; called at the end of every operation. */
  async function persist(): Promise<void> {
    const entries = log.splice(0);
    const writes: Promise<unknown>[] = [db.logRequests(entries)];
    if (dirty) {
      dirty = false;
      writes.push(db.setMeta(META.politeness, politeness.snapshot(), now()));
    }
    await Promise.all(writes);
  }

  function headersFor(source: SourceId): Record<string, string> {
    const s = settings();
    return source === 'coingecko'
      ? coingeckoHeaders(s.sources.coingecko.baseUrl, s.sources.coingecko.apiKey)
      : {};
  }

  async function request<S extends z.ZodType>(
    source: SourceId,
    url: string,
    schema: S,
    extra: { maxBytes?: number; credentials?: RequestCredentials } = {},
  ): Promise<FetchOutcome<z.output<S>>> {
    return logged(source, url, () => fetchJson(url, schema, fetchOptions(source, extra)));
  }

  /** A request whose answer is text (Yahoo's crumb), logged and paced like the others. */
  async function requestText(
    source: SourceId,
    url: string,
    extra: { maxBytes?: number; credentials?: RequestCredentials } = {},
  ): Promise<FetchOutcome<string>> {
    return logged(source, url, () => fetchText(url, fetchOptions(source, extra)));
  }

  function fetchOptions(
    source: SourceId,
    extra: { maxBytes?: number; credentials?: RequestCredentials },
  ): FetchJsonOptions {
    return {
      headers: headersFor(source),
      timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(extra.maxBytes ? { maxBytes: extra.maxBytes } : {}),
      ...(extra.credentials ? { credentials: extra.credentials } : {}),
    };
  }

  async function logged<T>(
    source: SourceId,
    url: string,
    call: () => Promise<FetchOutcome<T>>,
  ): Promise<FetchOutcome<T>> {
    await ready;
    const refused = options.hostGranted ? await refusedHost(source, url, options.hostGranted) : undefined;
    if (refused) return { ok: false, reason: refused, ms: 0 };
    let wentOut = false;
    const outcome = await politeness.run(source, () => {
      wentOut = true;
      return call();
    });
    if (wentOut) {
      const u = new URL(url);
      log.push({
        at: now(),
        source,
        path: u.pathname + u.search,
        ok: outcome.ok,
        status: outcome.status ?? null,
        ms: outcome.ms,
        ...(outcome.ok ? {} : { reason: outcome.reason }),
      });
    }
    return outcome;
  }

  const base = (id: SourceId) => settings().sources[id].baseUrl;

  // ── quotes: coins ─────────────────────────────────────────────────────────────────────────────

  function coinRecord(row: MarketRow, old: QuoteRecord | undefined, at: number): QuoteRecord | undefined {
    if (row.current_price === null) return undefined;
    const prov = { source: 'coingecko' as const, fetchedAt: at };
    const spark = (row.sparkline_in_7d?.price ?? []).filter((p): p is number => typeof p === 'number');
    // The row's own time: its price, supply and 7-day line are as of `last_updated`.
    const asOf = row.last_updated ? Date.parse(row.last_updated) : null;
    const rowAsOf = asOf !== null && Number.isFinite(asOf) ? asOf : null;
    return {
      assetId: `cg:${row.id}`,
      symbol: row.symbol.toUpperCase(),
      name: row.name,
      price: {
        ...prov,
        usd: row.current_price,
        change24hPct: row.price_change_percentage_24h_in_currency ?? row.price_change_percentage_24h ?? null,
        change7dPct: row.price_change_percentage_7d_in_currency ?? null,
        asOf: rowAsOf,
        high24h: row.high_24h ?? null,
        low24h: row.low_24h ?? null,
        peak: coinPeak(row),
      },
      market: {
        ...prov,
        asOf: rowAsOf,
        marketCapUsd: row.market_cap ?? null,
        // CoinGecko's FDV is price × total supply; price × max supply is said beside it.
        fdvUsd: row.fully_diluted_valuation ?? null,
        fdvMaxUsd: typeof row.max_supply === 'number' ? row.current_price * row.max_supply : null,
        volume24hUsd: row.total_volume ?? null,
        circulatingSupply: row.circulating_supply ?? null,
        totalSupply: row.total_supply ?? null,
        maxSupply: row.max_supply ?? null,
        rank: row.market_cap_rank ?? null,
      },
      ...(spark.length >= 2
        ? { sparkline: { ...prov, asOf: rowAsOf, points: thin(spark, SPARKLINE_POINTS), spanDays: 7 } }
        : old?.sparkline
          ? { sparkline: old.sparkline }
          : {}),
      fetchedAt: at,
    };
  }

  /** DefiLlama's price for coins CoinGecko did not answer for; supply and sparkline stay, marked stale. */
  async function llamaFallback(
    cgIds: string[],
    cgReason: string,
    results: Map<string, QuoteStatus>,
  ): Promise<void> {
    for (let i = 0; i < cgIds.length; i += LLAMA_PRICES_BATCH) {
      const chunk = cgIds.slice(i, i + LLAMA_PRICES_BATCH);
      const out = await request(
        'llamaCoins',
        llamaPricesUrl(base('llamaCoins'), chunk.map(llamaCoinKey.coingecko)),
        llamaPricesSchema,
      );
      const at = now();
      if (!out.ok) {
        const reason = `${cgReason}; DefiLlama: ${out.reason}`;
        const ids = chunk.map((id) => `cg:${id}`);
        const stored = await db.getQuotes(ids);
        await db.updateQuotes(ids, (old) =>
          old ? markStale(old, reason, ['price', 'market', 'sparkline']) : undefined,
        );
        for (const id of ids) results.set(id, { ok: false, reason, servedStale: stored.has(id) });
        continue;
      }
      const ids = chunk.map((id) => `cg:${id}`);
      const stored = await db.getQuotes(ids);
      await db.updateQuotes(ids, (old, assetId) => {
        const p = out.data.coins[llamaCoinKey.coingecko(assetId.slice(3))];
        if (!p) return old ? markStale(old, cgReason, ['price', 'market', 'sparkline']) : undefined;
        const price = {
          source: 'llamaCoins' as const,
          fetchedAt: at,
          usd: p.price,
          // DefiLlama's answer has no change figures; an old CoinGecko change next to a new price
          // would be wrong, so none is shown.
          change24hPct: null,
          change7dPct: null,
          asOf: p.timestamp ? p.timestamp * 1000 : null,
        };
        const seed: QuoteRecord = old ?? {
          assetId,
          symbol: (p.symbol ?? '').toUpperCase(),
          name: p.symbol ?? assetId,
          price,
          fetchedAt: at,
        };
        return { ...markStale(seed, cgReason, ['market', 'sparkline']), price, fetchedAt: at };
      });
      for (const id of ids) {
        const found = !!out.data.coins[llamaCoinKey.coingecko(id.slice(3))];
        results.set(
          id,
          found
            ? { ok: true, source: 'llamaCoins' }
            : { ok: false, reason: `${cgReason}; not priced by DefiLlama`, servedStale: stored.has(id) },
        );
      }
    }
  }

  async function loadCoins(cgIds: string[]): Promise<Map<string, QuoteStatus>> {
    const results = new Map<string, QuoteStatus>();
    const out = await request('coingecko', marketsUrl(base('coingecko'), cgIds), marketsSchema);
    if (!out.ok) {
      await llamaFallback(cgIds, `CoinGecko: ${out.reason}`, results);
      return results;
    }
    const { rows, rejected } = parseMarkets(out.data);
    if (rows.length === 0 && out.data.length > 0) {
      await llamaFallback(cgIds, `CoinGecko: unexpected answer shape (${rejected[0] ?? 'no rows'})`, results);
      return results;
    }
    const at = now();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ids = cgIds.map((id) => `cg:${id}`);
    await db.updateQuotes(ids, (old, assetId) => {
      const row = byId.get(assetId.slice(3));
      return row ? coinRecord(row, old, at) : undefined;
    });
    const missing: string[] = [];
    for (const id of cgIds) {
      const row = byId.get(id);
      if (row && row.current_price !== null) results.set(`cg:${id}`, { ok: true, source: 'coingecko' });
      else missing.push(id);
    }
    // CoinGecko answered but left these out (unknown id, or a row that did not parse): DefiLlama may know.
    if (missing.length) await llamaFallback(missing, 'CoinGecko: not in the answer', results);
    return results;
  }

  // ── quotes: stocks ────────────────────────────────────────────────────────────────────────────

  async function loadStock(symbol: string): Promise<QuoteStatus> {
    const assetId = `stock:${symbol}`;
    const out = await request('stocks', chartUrl(base('stocks'), symbol), chartSchema);
    const parsed = out.ok ? parseChart(out.data) : { ok: false as const, reason: out.reason };
    if (!parsed.ok || parsed.quote.currency !== 'USD') {
      const reason = `stocks: ${parsed.ok ? `price in ${parsed.quote.currency}, not USD` : parsed.reason}`;
      const n = await db.updateQuotes([assetId], (old) =>
        old ? markStale(old, reason, ['price', 'market', 'sparkline']) : undefined,
      );
      return { ok: false, reason, servedStale: n > 0 };
    }
    const q = parsed.quote;
    const at = now();
    const prov = { source: 'stocks' as const, fetchedAt: at };
    await db.updateQuotes([assetId], (old) => ({
      assetId,
      symbol: q.symbol,
      name: q.name,
      price: {
        ...prov,
        usd: q.price,
        change24hPct: q.change24hPct,
        change7dPct: null,
        previousClose: q.previousClose,
        asOf: q.asOf,
        high24h: q.dayHigh,
        low24h: q.dayLow,
        peak: q.yearHigh
          ? { usd: q.yearHigh, changePct: (q.price / q.yearHigh - 1) * 100, date: null, basis: '52w' }
          : null,
      },
      ...(old?.market ? { market: stockMarketAt(old.market, q.price, q.volume, at, q.asOf) } : {}),
      ...(q.closes.length >= 2
        ? {
            sparkline: {
              ...prov,
              asOf: q.lastCloseAt,
              points: thin(q.closes, SPARKLINE_POINTS),
              spanDays: 30,
            },
          }
        : old?.sparkline
          ? { sparkline: old.sparkline }
          : {}),
      fetchedAt: at,
    }));
    return { ok: true, source: 'stocks' };
  }

  // ── market caps: stocks ───────────────────────────────────────────────────────────────────────

  /**
   * A stock's market figures at a new price: the market cap from the share count last read (when
   * there is one), the session volume from the chart. Anything else stays as it was.
   */
  function stockMarketAt(
    market: MarketPart,
    price: number,
    volume: number | null,
    at: number,
    asOf: number | null,
  ): MarketPart {
    if (!market.shares || market.source !== 'stocks') return market;
    const { stale: _s, error: _e, ...rest } = market;
    return { ...rest, fetchedAt: at, asOf, marketCapUsd: price * market.shares, volume24hUsd: volume };
  }

  /** Share counts are read again after this long (they change with filings, not with prices). */
  const SHARES_TTL_MS = 24 * 3_600_000;

  /**
   * Reads the share counts behind stocks' market caps where they are missing or a day old: one
   * quote call for all of them (plus a crumb, once a worker's life). Stocks not priced yet are
   * left for after their price.
   */
  async function refreshStockMarkets(assetIds: readonly string[]): Promise<void> {
    const ids = assetIds.filter((a) => a.startsWith('stock:'));
    if (!ids.length || !marketCapsOn()) return;
    const stored = await db.getQuotes(ids);
    const due = ids
      .filter((id) => {
        const q = stored.get(id);
        return q && q.price.source === 'stocks' && now() - (q.market?.sharesAt ?? 0) >= SHARES_TTL_MS;
      })
      .map((id) => id.slice(6));
    if (!due.length) return;
    await stockMarketBatcher.load(due);
    // Like every operation: its requests in the log, a 429 or open breaker known to the next worker.
    await persist();
  }

  /** Yahoo's crumb for the quote endpoint, kept for the worker's life once given. */
  let crumb: string | undefined;
  /** After a refusal, no new ask before this time (a page of cards must not ask every time). */
  let crumbRetryAt = 0;
  let crumbRefusal = '';
  /** The base URL the crumb state is for: pointing the source elsewhere starts it over. */
  let crumbBase = '';

  /**
   * Yahoo's own hosts get Yahoo's cookies (the crumb is tied to them); a proxy the user points the
   * source at gets none.
   */
  function yahooCookies(): { credentials?: RequestCredentials } {
    return cookiePrimerUrl(base('stocks')) ? { credentials: 'include' } : {};
  }

  /**
   * Market caps go through Yahoo's cookies (the crumb is tied to them), so they are read only when
   * the user turned that on (settings, `sources.stocks.yahooCookies`); a proxy gets no cookie.
   */
  const marketCapsOn = (): boolean =>
    settings().sources.stocks.yahooCookies || !cookiePrimerUrl(base('stocks'));

  async function yahooCrumb(): Promise<{ ok: true; crumb: string } | { ok: false; reason: string }> {
    if (crumbBase !== base('stocks')) {
      crumbBase = base('stocks');
      crumb = undefined;
      crumbRetryAt = 0;
    }
    if (crumb) return { ok: true, crumb };
    if (now() < crumbRetryAt) return { ok: false, reason: crumbRefusal };
    const ask = () => requestText('stocks', crumbUrl(base('stocks')), { ...yahooCookies(), maxBytes: 4096 });
    let out = await ask();
    const primer = cookiePrimerUrl(crumbBase);
    // No crumb without Yahoo's session cookie: a visit to the page that sets it, then once more.
    if (primer && !(out.ok && isCrumb(out.data)) && (out.ok || out.status === 401 || out.status === 403)) {
      await requestText('stocks', primer, { ...yahooCookies(), maxBytes: 256 * 1024 });
      out = await ask();
    }
    if (out.ok && isCrumb(out.data)) {
      crumb = out.data.trim();
      return { ok: true, crumb };
    }
    crumbRetryAt = now() + CRUMB_RETRY_MS;
    crumbRefusal = `no Yahoo crumb for market caps (${out.ok ? 'not a crumb' : out.reason})`;
    return { ok: false, reason: crumbRefusal };
  }

  /**
   * Market caps of stocks already priced (the chart lacks them): one quote call per batch. A
   * failure marks the last market figures stale and leaves the price alone.
   */
  async function loadStockMarkets(symbols: readonly string[]): Promise<void> {
    const ids = symbols.map((s) => `stock:${s}`);
    const fail = (reason: string) =>
      db.updateQuotes(ids, (old) =>
        old?.market ? markStale(old, `stocks: ${reason}`, ['market']) : undefined,
      );
    const ask = (c: string) =>
      request('stocks', quoteUrl(base('stocks'), symbols, c), quoteSchema, yahooCookies());
    let given = await yahooCrumb();
    if (!given.ok) {
      await fail(given.reason);
      return;
    }
    let out = await ask(given.crumb);
    if (!out.ok && (out.status === 401 || out.status === 403)) {
      // The crumb expired with its cookie: one new crumb, one more try.
      crumb = undefined;
      given = await yahooCrumb();
      if (given.ok) out = await ask(given.crumb);
    }
    if (!out.ok) {
      await fail(`quote: ${out.reason}`);
      return;
    }
    const markets = parseQuotes(out.data);
    const at = now();
    await db.updateQuotes(ids, (old, id) => {
      if (!old) return undefined;
      const m = markets.get(id.slice(6));
      if (!m) return old.market ? markStale(old, 'stocks: not in the quote answer', ['market']) : undefined;
      return {
        ...old,
        market: {
          source: 'stocks',
          fetchedAt: at,
          asOf: m.asOf,
          marketCapUsd: m.marketCapUsd,
          fdvUsd: null,
          fdvMaxUsd: null,
          volume24hUsd: m.volumeUsd,
          circulatingSupply: null,
          totalSupply: null,
          maxSupply: null,
          rank: null,
          ...(m.impliedShares ? { shares: m.impliedShares } : {}),
          sharesAt: at,
        },
        fetchedAt: Math.max(old.fetchedAt, at),
      };
    });
  }

  const coinBatcher = new KeyBatcher<string, QuoteStatus>({
    loadMany: async (ids) => loadCoins(ids).then((m) => new Map([...m].map(([k, v]) => [k.slice(3), v]))),
    maxBatch: MARKETS_BATCH,
    windowMs: options.batchWindowMs ?? 20,
  });
  // The chart endpoint takes one symbol per call; the batcher still coalesces repeated asks.
  const stockBatcher = new KeyBatcher<string, QuoteStatus>({
    loadMany: async ([symbol]) => new Map(symbol ? [[symbol, await loadStock(symbol)]] : []),
    maxBatch: 1,
    windowMs: options.batchWindowMs ?? 20,
  });
  // Coalesces the market cap reads; what each read did is in Dexie, so the batcher resolves to nothing.
  const stockMarketBatcher = new KeyBatcher<string, never>({
    // Must not throw: a full database leaves the market caps as they were.
    loadMany: (symbols) =>
      loadStockMarkets(symbols).then(
        () => new Map<string, never>(),
        () => new Map<string, never>(),
      ),
    maxBatch: QUOTE_BATCH,
    windowMs: options.batchWindowMs ?? 20,
  });

  /**
   * Quote refreshes in flight, by asset id: a card asked for meanwhile (the page's prefetch is
   * going) waits for the one going instead of answering without its figures.
   */
  const quotesInFlight = new Map<string, Promise<unknown>>();

  async function refreshQuotes(assetIds: readonly string[]): Promise<QuotesReport> {
    const cg = assetIds.filter((a) => a.startsWith('cg:')).map((a) => a.slice(3));
    const stocks = assetIds.filter((a) => a.startsWith('stock:')).map((a) => a.slice(6).toUpperCase());
    const coinRun = cg.length ? coinBatcher.load(cg) : undefined;
    // One chart per symbol; the market cap follows each price (`stockMarketAt`).
    const stockRun = stocks.length ? stockBatcher.load(stocks) : undefined;
    track(
      cg.map((id) => `cg:${id}`),
      coinRun,
    );
    track(
      stocks.map((sym) => `stock:${sym}`),
      stockRun,
    );
    const [c, s] = await Promise.all([
      coinRun ?? new Map<string, QuoteStatus | undefined>(),
      stockRun ?? new Map<string, QuoteStatus | undefined>(),
    ]);
    const results = new Map<string, QuoteStatus>();
    const lost: QuoteStatus = { ok: false, reason: 'request lost', servedStale: true };
    for (const [id, st] of c) results.set(`cg:${id}`, st ?? lost);
    for (const [sym, st] of s) results.set(`stock:${sym}`, st ?? lost);
    for (const a of assetIds)
      if (!results.has(a))
        results.set(a, { ok: false, reason: 'not a quotable asset id', servedStale: false });
    await persist();
    return { results };
  }

  function track(ids: readonly string[], run: Promise<unknown> | undefined): void {
    if (!run) return;
    for (const id of ids) quotesInFlight.set(id, run);
    const forget = () => {
      for (const id of ids) if (quotesInFlight.get(id) === run) quotesInFlight.delete(id);
    };
    run.then(forget, forget);
  }

  // ── contract prices ───────────────────────────────────────────────────────────────────────────

  /**
   * Prices of contracts by CoinGecko platform id, stored as `ca:<platform>:<address>` quotes (an id
   * namespace of this module's own: the registry maps known contracts to `cg:` ids first).
   */
  async function refreshContractPrices(
    platform: string,
    addresses: readonly string[],
  ): Promise<QuotesReport> {
    const results = new Map<string, QuoteStatus>();
    const list = [...new Set(addresses.map((a) => a.toLowerCase()))];
    for (let i = 0; i < list.length; i += TOKEN_PRICE_BATCH) {
      const chunk = list.slice(i, i + TOKEN_PRICE_BATCH);
      const ids = chunk.map((a) => `ca:${platform}:${a}`);
      const cgOut = await request(
        'coingecko',
        tokenPriceUrl(base('coingecko'), platform, chunk),
        tokenPriceSchema,
      );
      const at = now();
      const prices = new Map<
        string,
        { usd: number; change: number | null; asOf: number | null; source: 'coingecko' | 'llamaCoins' }
      >();
      if (cgOut.ok) {
        for (const [addr, p] of Object.entries(cgOut.data)) {
          if (typeof p.usd === 'number') {
            prices.set(addr.toLowerCase(), {
              usd: p.usd,
              change: p.usd_24h_change ?? null,
              asOf: p.last_updated_at ? p.last_updated_at * 1000 : null,
              source: 'coingecko',
            });
          }
        }
      }
      const rest = chunk.filter((a) => !prices.has(a));
      let llamaReason = '';
      if (rest.length) {
        const chain = llamaChainOf(platform);
        const lOut = await request(
          'llamaCoins',
          llamaPricesUrl(
            base('llamaCoins'),
            rest.map((a) => llamaCoinKey.contract(chain, a)),
          ),
          llamaPricesSchema,
        );
        if (lOut.ok) {
          for (const [key, p] of Object.entries(lOut.data.coins)) {
            prices.set(key.slice(key.indexOf(':') + 1).toLowerCase(), {
              usd: p.price,
              change: null,
              asOf: p.timestamp ? p.timestamp * 1000 : null,
              source: 'llamaCoins',
            });
          }
        } else llamaReason = `; DefiLlama: ${lOut.reason}`;
      }
      const reason = `${cgOut.ok ? 'CoinGecko: no price' : `CoinGecko: ${cgOut.reason}`}${llamaReason}`;
      const stored = await db.getQuotes(ids);
      await db.updateQuotes(ids, (old, assetId) => {
        const p = prices.get(assetId.slice(assetId.lastIndexOf(':') + 1));
        if (!p) return old ? markStale(old, reason, ['price']) : undefined;
        return {
          assetId,
          symbol: old?.symbol ?? '',
          name: old?.name ?? '',
          price: {
            source: p.source,
            fetchedAt: at,
            usd: p.usd,
            change24hPct: p.change,
            change7dPct: null,
            asOf: p.asOf,
          },
          fetchedAt: at,
        };
      });
      for (const id of ids) {
        const p = prices.get(id.slice(id.lastIndexOf(':') + 1));
        results.set(
          id,
          p ? { ok: true, source: p.source } : { ok: false, reason, servedStale: stored.has(id) },
        );
      }
    }
    await persist();
    return { results };
  }

  // ── unlisted contracts: priced by contract ────────────────────────────────────────────────────

  const contractTasks = new InFlight<string, ContractFacts | null>();

  /**
   * Price, self-given name and scanner facts of a contract no list knows, from DefiLlama's coins by
   * `chain:address` (every common EVM chain in one call), CoinGecko's contract endpoint and GoPlus.
   * Cached for CONTRACT_TTL_MS; a failed source leaves its reason in `errors`, the rest still shows.
   */
  function contractFacts(chain: 'evm' | 'solana', address: string): Promise<ContractFacts | null> {
    if (!isContractAddress(chain, address)) return Promise.resolve(null);
    const key = `${META.contract}${chain}:${chain === 'evm' ? address.toLowerCase() : address}`;
    return contractTasks.run(key, async () => {
      const stored = await db.getMeta(key, (v) =>
        isRecord(v) && typeof v.fetchedAt === 'number' ? (v as unknown as ContractFacts) : undefined,
      );
      if (stored && now() - stored.fetchedAt < CONTRACT_TTL_MS) return stored;
      const errors: string[] = [];
      const facts: ContractFacts = { chain, address, fetchedAt: now(), errors };
      const llama = await request(
        'llamaCoins',
        llamaPricesUrl(base('llamaCoins'), llamaContractKeys(chain, address)),
        llamaPricesSchema,
      );
      const priced = llama.ok ? bestLlamaPrice(llama.data, address) : null;
      if (!llama.ok) errors.push(`DefiLlama: ${llama.reason}`);
      else if (!priced) errors.push('DefiLlama: no price for this contract');
      const platform = platformOf(priced?.chain ?? (chain === 'solana' ? 'solana' : 'ethereum'));
      if (priced) {
        facts.pricedOn = priced.chain;
        facts.price = {
          usd: priced.usd,
          source: 'llamaCoins',
          asOf: priced.timestamp ? priced.timestamp * 1000 : null,
        };
        if (priced.symbol) facts.calls = { symbol: priced.symbol };
      }
      const cg = await request(
        'coingecko',
        contractDetailUrl(base('coingecko'), platform, address),
        contractDetailSchema,
      );
      if (cg.ok) {
        facts.coingecko = { id: cg.data.id, name: cg.data.name, symbol: cg.data.symbol.toUpperCase() };
        const usd = cg.data.market_data?.current_price?.usd;
        if (!facts.price && typeof usd === 'number') {
          const at = Date.parse(cg.data.market_data?.last_updated ?? cg.data.last_updated ?? '');
          facts.price = { usd, source: 'coingecko', asOf: Number.isFinite(at) ? at : null };
          facts.pricedOn ??= platform;
        }
      } else errors.push(`CoinGecko: ${cg.reason}`);
      if (chain === 'evm') {
        const sec = await tokenSecurity(platform, address);
        if (sec.data) {
          facts.security = securityFacts(sec.data);
          const calls = { ...facts.calls };
          if (sec.data.name) calls.name = sec.data.name;
          if (sec.data.symbol) calls.symbol = sec.data.symbol;
          facts.calls = calls;
        } else if (sec.error) errors.push(sec.error);
      }
      await db.setMeta(key, facts, now());
      await persist();
      return facts;
    });
  }

  // ── DefiLlama lists: CoinGecko id → slug, emissions list ──────────────────────────────────────

  type Listed<T> = { value: T; fetchedAt: number };
  const parseListed =
    <T>(check: (v: unknown) => v is T) =>
    (v: unknown): Listed<T> | undefined =>
      isRecord(v) && typeof v.fetchedAt === 'number' && check(v.value)
        ? { value: v.value, fetchedAt: v.fetchedAt }
        : undefined;
  const isStringMap = (v: unknown): v is Record<string, string> =>
    isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
  const isStringArray = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string');

  const lists = new InFlight<string, unknown>();

  /** The CoinGecko id → DefiLlama slug map, refreshed daily; the last good one on failure. */
  async function protocolMap(force = false): Promise<Record<string, string> | undefined> {
    return lists.run(META.protocolMap, async () => {
      const stored = await db.getMeta(META.protocolMap, parseListed(isStringMap));
      if (stored && !force && now() - stored.fetchedAt < LIST_TTL_MS) return stored.value;
      const out = await request('llamaApi', protocolsUrl(base('llamaApi')), protocolsSchema);
      if (!out.ok) return stored?.value;
      const map = geckoToSlug(out.data);
      await db.setMeta(META.protocolMap, { value: map, fetchedAt: now() }, now());
      // The same answer names each protocol's X account: the registry's handle map (first run aside).
      await db.setMeta(
        META.protocolHandles,
        { value: handlesFromProtocols(out.data), fetchedAt: now() },
        now(),
      );
      return map;
    }) as Promise<Record<string, string> | undefined>;
  }

  async function emissionsList(): Promise<Set<string> | undefined> {
    const list = (await lists.run(META.emissionsList, async () => {
      const stored = await db.getMeta(META.emissionsList, parseListed(isStringArray));
      if (stored && now() - stored.fetchedAt < LIST_TTL_MS) return stored.value;
      const out = await request(
        'llamaDatasets',
        emissionsListUrl(base('llamaDatasets')),
        emissionsListSchema,
      );
      if (!out.ok) return stored?.value;
      await db.setMeta(META.emissionsList, { value: out.data, fetchedAt: now() }, now());
      return out.data;
    })) as string[] | undefined;
    return list ? new Set(list) : undefined;
  }

  /**
   * The daily refresh of what resolution knows: CoinGecko's full coin list with contracts, the top
   * 1,000 ranks, and DefiLlama's protocol map. The lists go to `onRegistryLists`, which merges them
   * into the registry (utils/registry/refresh.ts); a failed list leaves the registry as it was.
   */
  async function refreshRegistry(): Promise<RefreshResult> {
    const cg = base('coingecko');
    const [map, list, ...pages] = await Promise.all([
      protocolMap(true),
      request('coingecko', coinsListUrl(cg), coinsListSchema, { maxBytes: COINS_LIST_MAX_BYTES }),
      ...Array.from({ length: RANK_PAGES }, (_, i) =>
        request('coingecko', rankPageUrl(cg, i + 1), rankRowsSchema),
      ),
    ]);
    await db.setMeta(META.registryAt, now(), now());
    let reason: string | undefined;
    if (!list.ok) reason = `coin list: ${list.reason}`;
    const failedPage = pages.find((p) => !p.ok);
    if (failedPage && !failedPage.ok) reason ??= `ranks: ${failedPage.reason}`;
    if (list.ok && !failedPage && options.onRegistryLists) {
      const ranks = new Map<string, number>();
      const caps = new Map<string, number>();
      for (const p of pages) {
        if (!p.ok) continue;
        for (const row of p.data) {
          if (typeof row.market_cap_rank === 'number' && !ranks.has(row.id))
            ranks.set(row.id, row.market_cap_rank);
          if (typeof row.market_cap === 'number' && row.market_cap > 0 && !caps.has(row.id))
            caps.set(row.id, row.market_cap);
        }
      }
      const handles = await db.getMeta(META.protocolHandles, parseListed(isStringMap));
      await options.onRegistryLists({
        coins: list.data,
        ranks,
        caps,
        ...(handles ? { handles: handles.value } : {}),
        fetchedAt: now(),
      });
    }
    await persist();
    if (!map) reason ??= 'DefiLlama /protocols unavailable';
    return reason ? { ok: false, reason } : { ok: true };
  }

  // ── unlocks ───────────────────────────────────────────────────────────────────────────────────

  const unlockTasks = new InFlight<string, RefreshResult>();

  function refreshUnlocks(cgId: string): Promise<RefreshResult> {
    return unlockTasks.run(cgId, async () => {
      const result = await fetchUnlocks(cgId);
      if (!result.ok) await db.markUnlocksStale(cgId, result.reason);
      await persist();
      return result;
    });
  }

  async function fetchUnlocks(cgId: string): Promise<RefreshResult> {
    const [map, listed] = await Promise.all([protocolMap(), emissionsList()]);
    const candidates = [...new Set([map?.[cgId], cgId].filter((s): s is string => !!s))];
    const toTry = listed ? candidates.filter((c) => listed.has(c)) : candidates;
    if (listed && toTry.length === 0) {
      // A fact, not a failure: DefiLlama lists no schedule for this coin.
      await db.putUnlocks({
        cgId,
        slug: '',
        shape: 2,
        events: [],
        sections: [],
        asOf: null,
        allocation: null,
        totalSupply: null,
        sources: [],
        notes: [],
        source: 'llamaDatasets',
        fetchedAt: now(),
      });
      return { ok: true };
    }
    let lastReason = 'no emissions schedule found';
    for (const slug of toTry) {
      const out = await request(
        'llamaDatasets',
        emissionsUrl(base('llamaDatasets'), slug),
        emissionsEnvelopeSchema,
      );
      if (!out.ok) {
        lastReason = `DefiLlama emissions: ${out.reason}`;
        continue;
      }
      const parsed = parseEmissionBody(out.data.body);
      if (!parsed.ok) {
        lastReason = `DefiLlama emissions: ${parsed.reason}`;
        continue;
      }
      const geckoId = emissionGeckoId(parsed.body);
      if (geckoId && geckoId !== cgId) {
        lastReason = `DefiLlama emissions: ${slug} is the schedule of ${geckoId}`;
        continue;
      }
      const at = now();
      const body = parsed.body;
      const alloc = body.documentedData?.tokenAllocation;
      // A week of past cliffs stays, so "just unlocked" can still be shown.
      const schedule = unlockSchedule(body, at - RECENT_UNLOCKS_MS);
      const modified = out.data.lastModified ? Date.parse(out.data.lastModified) : Number.NaN;
      const record: UnlockRecord = {
        cgId,
        slug,
        shape: 2,
        // unlockSchedule keeps at most MAX_STORED_EVENTS events; sections are bounded here, whatever
        // the file names (a schedule has tens, a broken one any number).
        events: schedule.events,
        sections: schedule.sections.slice(0, MAX_UNLOCK_SECTIONS),
        asOf: Number.isFinite(modified) ? modified : null,
        allocation: alloc ? { current: alloc.current ?? {}, final: alloc.final ?? {} } : null,
        totalSupply: body.metadata?.total ?? null,
        sources: body.metadata?.sources ?? [],
        notes: body.metadata?.notes ?? [],
        source: 'llamaDatasets',
        fetchedAt: at,
      };
      await db.putUnlocks(record);
      return { ok: true };
    }
    return { ok: false, reason: lastReason };
  }

  // ── revenue ───────────────────────────────────────────────────────────────────────────────────

  const revenueTasks = new InFlight<string, RefreshResult>();

  function refreshRevenue(cgId: string): Promise<RefreshResult> {
    return revenueTasks.run(cgId, async () => {
      const result = await fetchRevenue(cgId);
      if (!result.ok) await db.markRevenueStale(cgId, result.reason);
      await persist();
      return result;
    });
  }

  /** The governance venues of a fees answer, else the last ones read (none read: not known). */
  function governanceOf(answer: FeesSummary | undefined, old: RevenueRecord | undefined) {
    const governance = answer ? governanceIds(answer) : old?.governance;
    return governance ? { governance } : {};
  }

  async function fetchRevenue(cgId: string): Promise<RefreshResult> {
    const map = await protocolMap();
    const mapped = map?.[cgId];
    // Without a mapping, DefiLlama slugs often equal CoinGecko ids; the answer's own gecko_id confirms it.
    const slug = mapped ?? cgId;
    const [rev, holders] = await Promise.all([
      request('llamaApi', feesSummaryUrl(base('llamaApi'), slug, 'dailyRevenue'), feesSummarySchema),
      request('llamaApi', feesSummaryUrl(base('llamaApi'), slug, 'dailyHoldersRevenue'), feesSummarySchema),
    ]);
    const notFound = (o: FetchOutcome<unknown>) => !o.ok && o.status === 404;
    const wrongCoin = (o: typeof rev) => !mapped && o.ok && !!o.data.gecko_id && o.data.gecko_id !== cgId;
    const at = now();
    if ((notFound(rev) && notFound(holders)) || wrongCoin(rev)) {
      await db.putRevenue({
        cgId,
        slug: '',
        name: '',
        revenue: null,
        holdersRevenue: null,
        source: 'llamaApi',
        fetchedAt: at,
      });
      return { ok: true };
    }
    if (!rev.ok && !notFound(rev) && !holders.ok && !notFound(holders)) {
      return { ok: false, reason: `DefiLlama fees: ${rev.reason}` };
    }
    const old = await db.getRevenue(cgId);
    const failed = [rev, holders].find((o) => !o.ok && !notFound(o));
    const record: RevenueRecord = {
      cgId,
      slug,
      name: (rev.ok ? rev.data.name : holders.ok ? holders.data.name : undefined) ?? old?.name ?? slug,
      revenue: rev.ok ? revenueTotals(rev.data, at) : notFound(rev) ? null : (old?.revenue ?? null),
      holdersRevenue: holders.ok
        ? revenueTotals(holders.data, at)
        : notFound(holders)
          ? null
          : (old?.holdersRevenue ?? null),
      ...governanceOf(rev.ok ? rev.data : holders.ok ? holders.data : undefined, old),
      // A series kept from the last answer keeps that answer's time.
      asOf: chartsAsOf(
        [rev, holders].map((o) =>
          o.ok ? chartLastDay(o.data.totalDataChart) : notFound(o) ? null : (old?.asOf ?? null),
        ),
      ),
      source: 'llamaApi',
      fetchedAt: at,
      ...(failed && !failed.ok ? { stale: true, error: `DefiLlama fees: ${failed.reason}` } : {}),
    };
    await db.putRevenue(record);
    return { ok: true };
  }

  // ── treasuries ────────────────────────────────────────────────────────────────────────────────

  const treasuryTask = new InFlight<string, RefreshResult>();

  function refreshTreasuries(): Promise<RefreshResult> {
    return treasuryTask.run('all', async () => {
      const reasons: string[] = [];
      for (const coin of TREASURY_COINS) {
        const out = await request('coingecko', treasuryUrl(base('coingecko'), coin), treasurySchema);
        if (!out.ok) {
          reasons.push(`${coin}: ${out.reason}`);
          await db.markTreasuriesStale(coin, `CoinGecko: ${out.reason}`);
          continue;
        }
        const at = now();
        const seen = new Set<string>();
        const records: TreasuryRecord[] = [];
        for (const c of out.data.companies) {
          const { ticker, exchange } = parseCompanySymbol(c.symbol);
          if (!ticker || seen.has(ticker)) continue;
          seen.add(ticker);
          records.push({
            coin: coin as TreasuryCoin,
            ticker,
            exchange,
            name: c.name,
            country: c.country ?? null,
            holdings: c.total_holdings,
            entryValueUsd: c.total_entry_value_usd ?? null,
            currentValueUsd: c.total_current_value_usd ?? null,
            pctOfSupply: c.percentage_of_total_supply ?? null,
            source: 'coingecko',
            fetchedAt: at,
          });
        }
        await db.replaceTreasuries(coin, records);
      }
      await db.setMeta(META.treasuriesAt, now(), now());
      await persist();
      return reasons.length
        ? { ok: false, reason: `CoinGecko treasuries: ${reasons.join('; ')}` }
        : { ok: true };
    });
  }

  // ── asset details (handles, categories, platforms) ────────────────────────────────────────────

  const detailTasks = new InFlight<string, RefreshResult>();

  /** `/coins/{id}`, asked lazily (a card opened for a coin whose handles we do not know). */
  function refreshAssetDetails(cgId: string): Promise<RefreshResult> {
    return detailTasks.run(cgId, async () => {
      const out = await request('coingecko', coinDetailUrl(base('coingecko'), cgId), coinDetailSchema);
      let result: RefreshResult;
      if (!out.ok) result = { ok: false, reason: `CoinGecko: ${out.reason}` };
      else if (out.data.id !== cgId)
        result = { ok: false, reason: `CoinGecko: answer is for ${out.data.id}, not ${cgId}` };
      else {
        const d = parseCoinDetail(out.data);
        await db.putRegistry([
          {
            assetId: `cg:${cgId}`,
            symbol: out.data.symbol.toUpperCase(),
            name: out.data.name,
            ...d,
            source: 'coingecko',
            fetchedAt: now(),
          },
        ]);
        result = { ok: true };
      }
      await persist();
      return result;
    });
  }

  // ── token security ────────────────────────────────────────────────────────────────────────────

  const securityTasks = new InFlight<string, SecurityAnswer>();

  function tokenSecurity(
    chain: string,
    address: string,
    opts: { force?: boolean } = {},
  ): Promise<SecurityAnswer> {
    const chainId = goplusChainId(chain);
    if (!chainId)
      return Promise.resolve({
        data: null,
        source: 'goplus',
        fetchedAt: null,
        stale: false,
        error: `chain ${chain} not supported by GoPlus`,
      });
    const key = `${chainId}:${address.toLowerCase()}`;
    return securityTasks.run(key, async () => {
      const stored = await db.getSecurity(key);
      if (stored && !opts.force && !stored.stale && now() - stored.fetchedAt < SECURITY_TTL_MS) {
        return { data: stored.data, source: 'goplus', fetchedAt: stored.fetchedAt, stale: false };
      }
      const out = await request(
        'goplus',
        tokenSecurityUrl(base('goplus'), chainId, address),
        tokenSecuritySchema,
      );
      const parsed = out.ok ? parseTokenSecurity(out.data, chainId, address) : out;
      let answer: SecurityAnswer;
      if (parsed.ok) {
        const record: SecurityRecord = { key, data: parsed.data, source: 'goplus', fetchedAt: now() };
        await db.putSecurity(record);
        answer = { data: parsed.data, source: 'goplus', fetchedAt: record.fetchedAt, stale: false };
      } else {
        const reason = `GoPlus: ${parsed.reason}`;
        if (stored) await db.markSecurityStale(key, reason);
        answer = {
          data: stored?.data ?? null,
          source: 'goplus',
          fetchedAt: stored?.fetchedAt ?? null,
          stale: !!stored,
          error: reason,
        };
      }
      await persist();
      return answer;
    });
  }

  // ── price charts, on demand ───────────────────────────────────────────────────────────────────

  const charts = new Map<string, PriceChart & { at: number }>();
  const chartTasks = new InFlight<string, PriceChart>();

  /**
   * One range of an asset's price line, for the card's chart: a coin's 7 days from its stored
   * sparkline when that is fresh, anything else fetched from its source within that source's
   * budget, and kept for `CHART_FRESH_MS`. A failure says why; nothing is stored.
   */
  async function priceChart(assetId: string, range: ChartRange): Promise<PriceChart> {
    const key = `${assetId}|${range}`;
    const kept = charts.get(key);
    if (kept && now() - kept.at < CHART_FRESH_MS[range]) return kept;
    return chartTasks.run(key, async () => {
      const stock = assetId.startsWith('stock:');
      if (!stock && range === '7d') {
        const spark = (await db.getQuote(assetId))?.sparkline;
        if (spark && spark.source !== 'snapshot' && now() - spark.fetchedAt < CHART_FRESH_MS['7d']) {
          const lastAt = spark.asOf ?? spark.fetchedAt;
          return {
            ok: true,
            points: sparklinePoints(spark.points, spark.spanDays, lastAt),
            source: spark.source,
            fetchedAt: spark.fetchedAt,
          };
        }
      }
      let result: PriceChart;
      if (stock) {
        const out = await request(
          'stocks',
          stockChartUrl(base('stocks'), assetId.slice(6), range),
          yahooChartSchema,
        );
        const parsed = out.ok ? parseStockChart(out.data) : out;
        result = parsed.ok
          ? { ok: true, points: parsed.points, source: 'stocks', fetchedAt: now() }
          : { ok: false, reason: `Yahoo: ${parsed.reason}` };
      } else if (assetId.startsWith('cg:')) {
        const out = await request(
          'coingecko',
          coinChartUrl(base('coingecko'), assetId.slice(3), range),
          coinChartSchema,
        );
        result = out.ok
          ? { ok: true, points: parseCoinChart(out.data), source: 'coingecko', fetchedAt: now() }
          : { ok: false, reason: `CoinGecko: ${out.reason}` };
      } else result = { ok: false, reason: 'no price chart for this asset' };
      await persist();
      if (result.ok) {
        if (charts.size >= 100) charts.clear();
        charts.set(key, { ...result, at: now() });
      }
      return result;
    });
  }

  // ── snapshot, cards, planning ─────────────────────────────────────────────────────────────────

  /** First run / offline: stores the bundled snapshot's quotes for assets that have none. */
  async function seedSnapshot(): Promise<number> {
    const snapshot = options.snapshot;
    if (!snapshot) return 0;
    const records = snapshotRecords(snapshot);
    return db.updateQuotes(
      records.map((r) => r.assetId),
      (old, id) => (old ? undefined : records.find((r) => r.assetId === id)),
    );
  }

  async function getCard(assetId: string): Promise<Card | null> {
    const isCoin = assetId.startsWith('cg:');
    const cgId = isCoin ? assetId.slice(3) : '';
    const ticker = assetId.startsWith('stock:') ? assetId.slice(6) : '';
    const [quote, registry, unlocks, revenue, treasuries] = await Promise.all([
      db.getQuote(assetId),
      db.getRegistry(assetId),
      isCoin ? db.getUnlocks(cgId) : undefined,
      isCoin ? db.getRevenue(cgId) : undefined,
      ticker ? db.treasuriesOf(ticker).then((rows) => rows.filter((t) => isUsListing(t.exchange))) : [],
    ]);
    const coinQuotes: Partial<Record<TreasuryCoin, QuoteRecord>> = {};
    if (treasuries.length) {
      const q = await db.getQuotes(TREASURY_COINS.map((c) => `cg:${c}`));
      for (const c of TREASURY_COINS) {
        const r = q.get(`cg:${c}`);
        if (r) coinQuotes[c] = r;
      }
    }
    return buildCard(now(), {
      assetId,
      ...(quote ? { quote } : {}),
      ...(registry ? { registry } : {}),
      ...(unlocks ? { unlocks } : {}),
      ...(revenue ? { revenue } : {}),
      treasuries,
      coinQuotes,
      ...(options.snapshot ? { snapshotDate: options.snapshot.asOf } : {}),
    });
  }

  /** The refresh plan for an alarm: what is due given what is on screen and tracked. */
  async function plan(onScreen: readonly string[], tracked: readonly string[]): Promise<RefreshPlan> {
    await ready;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const [quoteFetchedAt, unlocksFetchedAt, revenueFetchedAt, treasuriesAt, registryAt] = await Promise.all([
      db.quoteFetchTimes(),
      db.unlockFetchTimes(),
      db.revenueFetchTimes(),
      db.getMeta(META.treasuriesAt, num),
      db.getMeta(META.registryAt, num),
    ]);
    const blockedUntil: Partial<Record<SourceId, number>> = {};
    for (const s of ['coingecko', 'llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const) {
      const until = politeness.blockedUntil(s);
      if (until > 0) blockedUntil[s] = until;
    }
    return planRefresh(now(), {
      onScreen,
      tracked,
      quoteFetchedAt,
      unlocksFetchedAt,
      revenueFetchedAt,
      treasuriesFetchedAt: treasuriesAt ?? 0,
      registryFetchedAt: registryAt ?? 0,
      blockedUntil,
    });
  }

  /** Runs a plan; every part fails soft (stale data stays), so one broken source never blocks the rest. */
  async function runPlan(p: RefreshPlan): Promise<void> {
    await Promise.all([
      // Stocks' share counts (market caps) after their prices, once a day.
      p.quotes.length ? refreshQuotes(p.quotes).then(() => refreshStockMarkets(p.quotes)) : undefined,
      ...p.unlocks.map((id) => refreshUnlocks(id)),
      ...p.revenue.map((id) => refreshRevenue(id)),
      p.treasuries ? refreshTreasuries() : undefined,
      p.registry ? refreshRegistry() : undefined,
    ]);
  }

  return {
    refreshQuotes,
    refreshStockMarkets,
    /** The quote refresh in flight for an asset, if any. */
    quoteRefreshOf: (assetId: string): Promise<unknown> | undefined => quotesInFlight.get(assetId),
    refreshContractPrices,
    priceChart,
    refreshUnlocks,
    refreshRevenue,
    refreshTreasuries,
    refreshAssetDetails,
    refreshRegistry,
    tokenSecurity,
    contractFacts,
    seedSnapshot,
    getCard,
    plan,
    runPlan,
    /** Persistable politeness state (also written to Dexie `meta` after every operation). */
    politenessState: (): PolitenessState => politeness.snapshot(),
    blockedUntil: (s: SourceId) => politeness.blockedUntil(s),
    breakerStatus: (s: SourceId) => politeness.breakerStatus(s),
    /** After a source's base URL or key changed: its backoff and breaker start over. */
    resetSource: async (s: SourceId): Promise<void> => {
      await ready;
      politeness.reset(s);
      await persist();
    },
  };
}

export type DataService = ReturnType<typeof createDataService>;
