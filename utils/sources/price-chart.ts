/**
 * The card's price chart, fetched when the reader picks a range: CoinGecko's market chart for a coin
 * (`/coins/{id}/market_chart?vs_currency=usd&days=N`), Yahoo's chart for a stock (`range` and
 * `interval`). Either answer becomes time-stamped points, thinned to what a card can draw; the card
 * labels the line by the times of its first and last points, never by the range that was asked.
 */
import { z } from 'zod';
import { thin } from '../series';
import { CHART_MAX_POINTS, type ChartRange } from './chart-ranges';
import { chartFailure, chartSchema as yahooChartSchema } from './stocks';

export { CHART_MAX_POINTS, CHART_RANGES, type ChartRange } from './chart-ranges';

/** How long a fetched range is reused before it is asked again. */
export const CHART_FRESH_MS: Record<ChartRange, number> = {
  '1d': 5 * 60_000,
  '7d': 30 * 60_000,
  '30d': 60 * 60_000,
};

const COIN_DAYS: Record<ChartRange, number> = { '1d': 1, '7d': 7, '30d': 30 };

/** Yahoo's ranges nearest to ours: a week of trading is `5d`. */
const STOCK_RANGE: Record<ChartRange, { range: string; interval: string }> = {
  '1d': { range: '1d', interval: '5m' },
  '7d': { range: '5d', interval: '30m' },
  '30d': { range: '1mo', interval: '1d' },
};

export function coinChartUrl(baseUrl: string, cgId: string, range: ChartRange): string {
  return `${baseUrl}/coins/${encodeURIComponent(cgId)}/market_chart?vs_currency=usd&days=${COIN_DAYS[range]}`;
}

export function stockChartUrl(baseUrl: string, symbol: string, range: ChartRange): string {
  const r = STOCK_RANGE[range];
  return `${baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?range=${r.range}&interval=${r.interval}`;
}

/** `prices` is what the card reads; market caps and volumes are left unchecked and unused. */
export const coinChartSchema = z.object({
  prices: z.array(z.tuple([z.number(), z.number().nullable()])),
});

export { yahooChartSchema };

export type ChartPoint = readonly [time: number, usd: number];

/** Points with a finite positive price, oldest first, thinned to `max` (first and last kept). */
export function cleanPoints(points: ReadonlyArray<readonly [number, number | null]>, max = CHART_MAX_POINTS) {
  const ok: ChartPoint[] = [];
  for (const [t, v] of points)
    if (Number.isFinite(t) && typeof v === 'number' && Number.isFinite(v) && v > 0) ok.push([t, v]);
  ok.sort((a, b) => a[0] - b[0]);
  return thin(ok, max);
}

export function parseCoinChart(answer: z.infer<typeof coinChartSchema>): ChartPoint[] {
  return cleanPoints(answer.prices);
}

export function parseStockChart(
  answer: z.infer<typeof yahooChartSchema>,
): { ok: true; points: ChartPoint[] } | { ok: false; reason: string } {
  const r = answer.chart.result?.[0];
  if (!r) return { ok: false, reason: chartFailure(answer) };
  if ((r.meta.currency ?? 'USD') !== 'USD')
    return { ok: false, reason: `price in ${r.meta.currency}, not USD` };
  const closes = r.indicators?.quote?.[0]?.close ?? [];
  const times = r.timestamp ?? [];
  return { ok: true, points: cleanPoints(times.map((t, i) => [t * 1000, closes[i] ?? null] as const)) };
}

/**
 * The stored 7-day sparkline as time-stamped points: its prices are evenly spaced over `spanDays`,
 * the last at `asOf` (or when it was fetched).
 */
export function sparklinePoints(points: readonly number[], spanDays: number, lastAt: number): ChartPoint[] {
  if (points.length < 2) return [];
  const step = (spanDays * 86_400_000) / (points.length - 1);
  return cleanPoints(points.map((v, i) => [lastAt - (points.length - 1 - i) * step, v] as const));
}
