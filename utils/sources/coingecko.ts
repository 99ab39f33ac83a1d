/** CoinGecko: URL builders, auth header and response schemas. */
import { z } from 'zod';
import { keyMayGo } from './base-urls';

/**
 * CoinGecko documents two key headers: `x-cg-pro-api-key` for the paid API on
 * pro-api.coingecko.com, `x-cg-demo-api-key` for demo keys on the public API.
 */
export function coingeckoHeaders(baseUrl: string, apiKey: string): Record<string, string> {
  // Never in clear text over the network (base-urls.ts).
  if (!apiKey || !keyMayGo(baseUrl)) return {};
  // keyMayGo parsed it: a URL.
  const host = new URL(baseUrl).host;
  return host === 'pro-api.coingecko.com' ? { 'x-cg-pro-api-key': apiKey } : { 'x-cg-demo-api-key': apiKey };
}

export const pingUrl = (baseUrl: string) => `${baseUrl}/ping`;

/** `/ping` answers `{"gecko_says":"(V3) To the Moon!"}`. */
export const pingSchema = z.object({ gecko_says: z.string() });

// ── Shared number parsing ────────────────────────────────────────────────────────────────────────

/**
 * A number that may be missing or null. Some recorded answers (pycgapi) carry the string "null",
 * and CoinGecko sends numbers as numbers: accept both, never coerce other strings.
 */
export const nullableNumber = z.preprocess(
  (v) => (v === undefined || v === 'null' ? null : v),
  z.number().nullable(),
);

// ── /coins/markets ───────────────────────────────────────────────────────────────────────────────

/** CoinGecko's documented maximum of `per_page` (and so of ids per call). */
export const MARKETS_BATCH = 250;

/**
 * One call for up to 250 ids, in USD, with the 7-day sparkline and the 24 h / 7 d changes.
 * `precision=full` is left out: the default precision is what the card shows.
 */
export function marketsUrl(baseUrl: string, ids: readonly string[]): string {
  if (ids.length === 0 || ids.length > MARKETS_BATCH) throw new RangeError(`1..${MARKETS_BATCH} ids`);
  const q = new URLSearchParams({
    vs_currency: 'usd',
    ids: ids.join(','),
    order: 'market_cap_desc',
    per_page: String(MARKETS_BATCH),
    page: '1',
    sparkline: 'true',
    price_change_percentage: '24h,7d',
  });
  return `${baseUrl}/coins/markets?${q.toString().replace(/%2C/g, ',')}`;
}

export const marketRowSchema = z.object({
  id: z.string().min(1),
  symbol: z.string(),
  name: z.string(),
  current_price: nullableNumber,
  market_cap: nullableNumber.optional(),
  market_cap_rank: nullableNumber.optional(),
  fully_diluted_valuation: nullableNumber.optional(),
  total_volume: nullableNumber.optional(),
  high_24h: nullableNumber.optional(),
  low_24h: nullableNumber.optional(),
  ath: nullableNumber.optional(),
  ath_change_percentage: nullableNumber.optional(),
  ath_date: z.string().nullish(),
  price_change_percentage_24h: nullableNumber.optional(),
  price_change_percentage_24h_in_currency: nullableNumber.optional(),
  price_change_percentage_7d_in_currency: nullableNumber.optional(),
  circulating_supply: nullableNumber.optional(),
  total_supply: nullableNumber.optional(),
  max_supply: nullableNumber.optional(),
  last_updated: z.string().nullish(),
  sparkline_in_7d: z
    .object({ price: z.array(z.number().nullable()) })
    .nullish()
    .catch(null),
});
export type MarketRow = z.infer<typeof marketRowSchema>;

/**
 * The answer is an array; rows are checked one by one so a single odd row (a delisted coin with a
 * string where a number belongs) costs that row, not the whole batch. An answer that is not an
 * array is a shape error of the whole call.
 */
export const marketsSchema = z.array(z.unknown());

export interface ParsedMarkets {
  rows: MarketRow[];
  /** Ids (or positions) of rows that did not parse, with the first issue. */
  rejected: string[];
}

export function parseMarkets(raw: unknown[]): ParsedMarkets {
  const rows: MarketRow[] = [];
  const rejected: string[] = [];
  raw.forEach((item, i) => {
    const r = marketRowSchema.safeParse(item);
    if (r.success) rows.push(r.data);
    else {
      const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : `#${i}`;
      rejected.push(`${id}: ${r.error.issues[0]?.message ?? 'bad row'}`);
    }
  });
  return { rows, rejected };
}

// ── the registry's daily refresh: /coins/list?include_platform=true and the top 1,000 ranks ─────────

export function coinsListUrl(baseUrl: string): string {
  return `${baseUrl}/coins/list?include_platform=true`;
}

/** The full list is a few MB (17,000+ coins with their contracts): it gets a larger body cap. */
export const COINS_LIST_MAX_BYTES = 32 * 1024 * 1024;

/** Platform values are contract addresses; CoinGecko writes "" or null for a coin native to a chain. */
export const coinsListSchema = z.array(
  z.object({
    id: z.string().min(1),
    symbol: z.string(),
    name: z.string(),
    platforms: z.record(z.string(), z.string().nullable()).optional().catch(undefined),
  }),
);
export type CoinsListRow = z.infer<typeof coinsListSchema>[number];

/** Ranks come from the market-cap order: four pages of 250 give the top 1,000. */
export const RANK_PAGES = 4;

export function rankPageUrl(baseUrl: string, page: number): string {
  const q = new URLSearchParams({
    vs_currency: 'usd',
    order: 'market_cap_desc',
    per_page: String(MARKETS_BATCH),
    page: String(page),
  });
  return `${baseUrl}/coins/markets?${q}`;
}

export const rankRowsSchema = z.array(
  z
    .object({
      id: z.string().min(1),
      market_cap_rank: nullableNumber.optional(),
      market_cap: nullableNumber.optional(),
    })
    .passthrough(),
);

// ── /simple/token_price/{platform} ───────────────────────────────────────────────────────────────

/** Contract addresses per call: CoinGecko accepts a comma list; keep URLs short. */
export const TOKEN_PRICE_BATCH = 30;

export function tokenPriceUrl(baseUrl: string, platform: string, addresses: readonly string[]): string {
  const q = new URLSearchParams({
    contract_addresses: addresses.join(','),
    vs_currencies: 'usd',
    include_24hr_change: 'true',
    include_market_cap: 'true',
    include_last_updated_at: 'true',
  });
  return `${baseUrl}/simple/token_price/${encodeURIComponent(platform)}?${q.toString().replace(/%2C/g, ',')}`;
}

/** `{ "<address>": { usd, usd_24h_change, usd_market_cap, last_updated_at } }`; unknown addresses are absent. */
export const tokenPriceSchema = z.record(
  z.string(),
  z.object({
    usd: nullableNumber.optional(),
    usd_24h_change: nullableNumber.optional(),
    usd_market_cap: nullableNumber.optional(),
    last_updated_at: nullableNumber.optional(),
  }),
);

// ── /coins/{id} ──────────────────────────────────────────────────────────────────────────────────

/** Only the parts we use: no tickers, market data, community or developer data (the answer is ~40 KB less). */
export function coinDetailUrl(baseUrl: string, id: string): string {
  const q = new URLSearchParams({
    localization: 'false',
    tickers: 'false',
    market_data: 'false',
    community_data: 'false',
    developer_data: 'false',
    sparkline: 'false',
  });
  return `${baseUrl}/coins/${encodeURIComponent(id)}?${q}`;
}

export const coinDetailSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  categories: z.array(z.string().nullable()).nullish(),
  platforms: z.record(z.string(), z.string().nullable()).nullish(),
  /** The chain the token was issued on ("ethereum" for PEPE); null for a chain's own coin. */
  asset_platform_id: z.string().nullish(),
  links: z.object({ twitter_screen_name: z.string().nullish() }).nullish().catch(null),
});
export type CoinDetail = z.infer<typeof coinDetailSchema>;

export function parseCoinDetail(d: CoinDetail): {
  handles: string[];
  categories: string[];
  platforms: Record<string, string>;
  homePlatform?: string;
} {
  const handle = d.links?.twitter_screen_name?.trim().replace(/^@/, '');
  const platforms: Record<string, string> = {};
  // Native coins answer `{"": ""}`: no platform.
  for (const [k, v] of Object.entries(d.platforms ?? {})) if (k && v) platforms[k] = v;
  const home = d.asset_platform_id ?? undefined;
  return {
    handles: handle ? [handle] : [],
    categories: (d.categories ?? []).filter((c): c is string => !!c),
    platforms,
    ...(home && platforms[home] ? { homePlatform: home } : {}),
  };
}

// ── /companies/public_treasury/{coin} ────────────────────────────────────────────────────────────

export const TREASURY_COINS = ['bitcoin', 'ethereum'] as const;

export function treasuryUrl(baseUrl: string, coin: (typeof TREASURY_COINS)[number]): string {
  return `${baseUrl}/companies/public_treasury/${coin}`;
}

export const treasurySchema = z.object({
  total_holdings: nullableNumber.optional(),
  total_value_usd: nullableNumber.optional(),
  companies: z.array(
    z.object({
      name: z.string(),
      symbol: z.string(),
      country: z.string().nullish(),
      total_holdings: z.number(),
      total_entry_value_usd: nullableNumber.optional(),
      total_current_value_usd: nullableNumber.optional(),
      percentage_of_total_supply: nullableNumber.optional(),
    }),
  ),
});
export type TreasuryAnswer = z.infer<typeof treasurySchema>;

/**
 * Company symbols come as "NASDAQ:MSTR" (2024), "TSE: GLXY", or "MSTR.US" (today's format).
 * Returns the bare ticker and the exchange or country tag as given.
 */
export function parseCompanySymbol(symbol: string): { ticker: string; exchange: string } {
  const s = symbol.trim();
  const colon = s.indexOf(':');
  if (colon > 0)
    return {
      exchange: s.slice(0, colon).trim().toUpperCase(),
      ticker: s
        .slice(colon + 1)
        .trim()
        .toUpperCase(),
    };
  const dot = s.lastIndexOf('.');
  if (dot > 0 && /^[A-Z]{1,4}$/i.test(s.slice(dot + 1))) {
    return { ticker: s.slice(0, dot).toUpperCase(), exchange: s.slice(dot + 1).toUpperCase() };
  }
  return { ticker: s.toUpperCase(), exchange: '' };
}

/** Exchange tags that mean a US listing, so `stock:<TICKER>` refers to this company. */
const US_EXCHANGES = new Set([
  'NASDAQ',
  'NYSE',
  'NYSEAMERICAN',
  'NYSEARCA',
  'AMEX',
  'CBOE',
  'BATS',
  'OTC',
  'OTCMKTS',
  'US',
  '',
]);

export function isUsListing(exchange: string): boolean {
  return US_EXCHANGES.has(exchange.toUpperCase());
}
