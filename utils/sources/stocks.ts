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
    /** Present with some ranges; with range=1mo only `chartPreviousClose` (a month ago) is sure. */
    previousClose: nullableNumber.optional(),
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
}

const DAY_MS = 86_400_000;

export function parseChart(
  answer: ChartAnswer,
): { ok: true; quote: StockQuote } | { ok: false; reason: string } {
  const r = answer.chart.result?.[0];
  if (!r) {
    const e = answer.chart.error;
    return {
      ok: false,
      reason: e ? `chart error: ${e.code ?? ''} ${e.description ?? ''}`.trim() : 'no chart result',
    };
  }
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
    },
  };
}
