/**
 * Stocks: Yahoo's v8 chart endpoint (`/v8/finance/chart/{symbol}?range=1mo&interval=1d`). It is
 * unofficial and undocumented, so everything but the price is optional and a failure is expected
 * from time to time: the card then shows the last good price, marked stale.
 */
import { z } from 'zod';
import { nullableNumber } from './coingecko';

/** One symbol per call: the chart endpoint has no batch form. */
export function chartUrl(baseUrl: string, symbol: string): string {
  return `${baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?range=1mo&interval=1d`;
}

const resultSchema = z.object({
  meta: z.object({
    symbol: z.string(),
    currency: z.string().nullish(),
    regularMarketPrice: z.number(),
    /** Unix seconds. */
    regularMarketTime: nullableNumber.optional(),
    /** Shares traded in the current (or last) regular session. */
    regularMarketVolume: nullableNumber.optional(),
    /** Present with some ranges; with range=1mo only `chartPreviousClose` (a month ago) is sure. */
    previousClose: nullableNumber.optional(),
    regularMarketDayHigh: nullableNumber.optional(),
    regularMarketDayLow: nullableNumber.optional(),
    fiftyTwoWeekHigh: nullableNumber.optional(),
    longName: z.string().nullish(),
    shortName: z.string().nullish(),
    instrumentType: z.string().nullish(),
  }),
  timestamp: z.array(z.number()).nullish(),
  indicators: z
    .object({ quote: z.array(z.object({ close: z.array(z.number().nullable()).nullish() })).nullish() })
    .nullish(),
});

export const chartSchema = z.object({
  chart: z.object({
    result: z.array(resultSchema).nullish(),
    error: z.object({ code: z.string().optional(), description: z.string().optional() }).nullish(),
  }),
});
export type ChartAnswer = z.infer<typeof chartSchema>;

export interface StockQuote {
  symbol: string;
  name: string;
  currency: string;
  price: number;
  previousClose: number | null;
  change24hPct: number | null;
  /** ms since epoch. */
  asOf: number | null;
  /** Daily closes over the last month, oldest first. */
  closes: number[];
  /** The time of the last of them, ms. */
  lastCloseAt: number | null;
  /** The session's traded volume in the quote currency (shares × price), when given. */
  volume: number | null;
  /** The session's high and low, and the 52-week high, when given. */
  dayHigh: number | null;
  dayLow: number | null;
  yearHigh: number | null;
}

const DAY_MS = 86_400_000;

/** Why a chart answer has no result: Yahoo's own error (`code`, `description`), else that it has none. */
export function chartFailure(answer: ChartAnswer): string {
  const e = answer.chart.error;
  return e ? ['chart error:', e.code, e.description].filter(Boolean).join(' ') : 'no chart result';
}

export function parseChart(
  answer: ChartAnswer,
): { ok: true; quote: StockQuote } | { ok: false; reason: string } {
  const r = answer.chart.result?.[0];
  if (!r) return { ok: false, reason: chartFailure(answer) };
  const m = r.meta;
  const asOf = m.regularMarketTime ? m.regularMarketTime * 1000 : null;
  const times = r.timestamp ?? [];
  const closesRaw = r.indicators?.quote?.[0]?.close ?? [];
  const series: Array<{ t: number; close: number }> = [];
  times.forEach((t, i) => {
    const c = closesRaw[i];
    if (typeof c === 'number') series.push({ t: t * 1000, close: c });
  });
  // Previous close: the answer's own field, else the last daily close before the current session,
  // but only when it is recent (a stale series must not turn into a made-up 24 h change).
  let previousClose = m.previousClose ?? null;
  if (previousClose === null && asOf !== null) {
    const sessionStart = asOf - (asOf % DAY_MS);
    const before = series.filter((p) => p.t < sessionStart);
    const last = before[before.length - 1];
    if (last && asOf - last.t < 5 * DAY_MS) previousClose = last.close;
  }
  const change24hPct = previousClose ? ((m.regularMarketPrice - previousClose) / previousClose) * 100 : null;
  return {
    ok: true,
    quote: {
      symbol: m.symbol.toUpperCase(),
      name: m.longName ?? m.shortName ?? m.symbol,
      currency: m.currency ?? 'USD',
      price: m.regularMarketPrice,
      previousClose,
      change24hPct,
      asOf,
      closes: series.map((p) => p.close),
      lastCloseAt: series[series.length - 1]?.t ?? null,
      volume: m.regularMarketVolume ? m.regularMarketVolume * m.regularMarketPrice : null,
      dayHigh: m.regularMarketDayHigh || null,
      dayLow: m.regularMarketDayLow || null,
      yearHigh: m.fiftyTwoWeekHigh || null,
    },
  };
}

/*
 * Market capitalisation: Yahoo's v7 quote endpoint (`/v7/finance/quote?symbols=A,B&crumb=…`), which
 * the chart lacks, read for the share count behind it (once a day; each price then gives the cap).
 * It answers only with a "crumb", a short token tied to Yahoo's session cookie: `/v1/test/getcrumb`
 * gives it as plain text once the cookie is set (a visit to fc.yahoo.com sets it). Without one the
 * quote answers 401, and the card says the market cap is unknown.
 */

/** At most this many symbols in one quote call. */
export const QUOTE_BATCH = 50;

export function crumbUrl(baseUrl: string): string {
  return `${baseUrl}/v1/test/getcrumb`;
}

/** The page whose visit sets the cookie the crumb belongs to (only for Yahoo's own hosts). */
export function cookiePrimerUrl(baseUrl: string): string | undefined {
  try {
    return /(^|\.)yahoo\.com$/.test(new URL(baseUrl).hostname) ? 'https://fc.yahoo.com/' : undefined;
  } catch {
    return undefined;
  }
}

/** A crumb is a short opaque token; an HTML page or an error document is not one. */
export function isCrumb(text: string): boolean {
  return /^[A-Za-z0-9./_-]{4,64}$/.test(text.trim());
}

export function quoteUrl(baseUrl: string, symbols: readonly string[], crumb: string): string {
  const list = symbols.map(encodeURIComponent).join(',');
  return `${baseUrl}/v7/finance/quote?symbols=${list}&crumb=${encodeURIComponent(crumb.trim())}`;
}

const quoteRowSchema = z.object({
  symbol: z.string(),
  currency: z.string().nullish(),
  quoteType: z.string().nullish(),
  marketCap: nullableNumber.optional(),
  sharesOutstanding: nullableNumber.optional(),
  regularMarketVolume: nullableNumber.optional(),
  regularMarketPrice: nullableNumber.optional(),
  /** Unix seconds. */
  regularMarketTime: nullableNumber.optional(),
});

export const quoteSchema = z.object({
  quoteResponse: z.object({
    // One odd row must not cost the others: rows are checked one by one in `parseQuotes`.
    result: z.array(z.unknown()).nullish(),
    error: z.unknown().nullish(),
  }),
});
export type QuoteAnswer = z.infer<typeof quoteSchema>;

export interface StockMarket {
  symbol: string;
  marketCapUsd: number | null;
  /**
   * Market cap ÷ price at the quote: the share count Yahoo's market cap stands for, every share
   * class included (its `sharesOutstanding` can be one class only). Price × this is the market
   * cap at any later price.
   */
  impliedShares: number | null;
  sharesOutstanding: number | null;
  /** Shares traded in the regular session, in USD at the session price. */
  volumeUsd: number | null;
  /** ms since epoch. */
  asOf: number | null;
}

/** Market figures by upper-case symbol; rows not in US dollars are left out (no currency guessing). */
export function parseQuotes(answer: QuoteAnswer): Map<string, StockMarket> {
  const out = new Map<string, StockMarket>();
  for (const raw of answer.quoteResponse.result ?? []) {
    const row = quoteRowSchema.safeParse(raw);
    if (!row.success || (row.data.currency ?? 'USD') !== 'USD') continue;
    const q = row.data;
    const positive = (v: number | null | undefined) => (typeof v === 'number' && v > 0 ? v : null);
    const volume = positive(q.regularMarketVolume);
    const price = positive(q.regularMarketPrice);
    const cap = positive(q.marketCap);
    out.set(q.symbol.toUpperCase(), {
      symbol: q.symbol.toUpperCase(),
      marketCapUsd: cap,
      impliedShares: cap !== null && price !== null ? cap / price : null,
      sharesOutstanding: positive(q.sharesOutstanding),
      volumeUsd: volume !== null && price !== null ? volume * price : null,
      asOf: q.regularMarketTime ? q.regularMarketTime * 1000 : null,
    });
  }
  return out;
}
