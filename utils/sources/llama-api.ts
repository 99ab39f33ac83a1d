/**
 * DefiLlama main API (`api.llama.fi`): fees and revenue summaries per protocol, and `/protocols`
 * to find a protocol's slug from its CoinGecko id (`gecko_id`).
 */
import { z } from 'zod';
import type { RevenueCoverage, RevenueSeries } from '../db/records';
import { extent } from '../series';
import { nullableNumber } from './coingecko';

export type RevenueDataType = 'dailyRevenue' | 'dailyHoldersRevenue';

export function feesSummaryUrl(baseUrl: string, slug: string, dataType: RevenueDataType): string {
  return `${baseUrl}/summary/fees/${encodeURIComponent(slug)}?dataType=${dataType}`;
}

export function protocolsUrl(baseUrl: string): string {
  return `${baseUrl}/protocols`;
}

/** The spec documents many more fields; we read the totals, the chart and the identity. */
export const feesSummarySchema = z.object({
  name: z.string().optional(),
  slug: z.string().optional(),
  gecko_id: z.string().nullish(),
  total24h: nullableNumber.optional(),
  total7d: nullableNumber.optional(),
  total30d: nullableNumber.optional(),
  totalAllTime: nullableNumber.optional(),
  /** `[unix seconds, value]` per day, oldest first. */
  totalDataChart: z
    .array(z.tuple([z.number(), nullableNumber]))
    .nullish()
    .catch(null),
  /**
   * Where the protocol is governed ("snapshot:aave.eth", "compound:0x…"): documented as a string,
   * given as a list in DefiLlama's protocol data. Read as a list; anything else as none given.
   */
  governanceID: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .catch(null),
});
export type FeesSummary = z.infer<typeof feesSummarySchema>;

/** The governance venues an answer names, each once, at most ten (the checklist's `governance` box). */
export function governanceIds(s: FeesSummary): string[] {
  const ids = typeof s.governanceID === 'string' ? [s.governanceID] : (s.governanceID ?? []);
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id && id.length <= 200))].slice(0, 10);
}

const DAY_MS = 86_400_000;

/** The window of "the last 30 days": the 30 UTC dates before today (today's date is not over). */
export const REVENUE_WINDOW_DAYS = 30;

/**
 * What the daily chart covers of the last 30 days, summed by UTC date (two points on one date add
 * up; a null value is no data for that date). Null without a chart or without a day in the window.
 */
export function revenueCoverage(chart: FeesSummary['totalDataChart'], now: number): RevenueCoverage | null {
  if (!chart?.length) return null;
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const first = today - REVENUE_WINDOW_DAYS * DAY_MS;
  const byDay = new Map<number, number>();
  for (const [seconds, value] of chart) {
    const day = Math.floor((seconds * 1000) / DAY_MS) * DAY_MS;
    if (value === null || day < first || day >= today) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + value);
  }
  if (byDay.size === 0) return null;
  const days = extent(byDay.keys()) as { min: number; max: number };
  return {
    days: byDay.size,
    sum: [...byDay.values()].reduce((a, b) => a + b, 0),
    from: days.min,
    to: days.max,
  };
}

/** 00:00 UTC of the chart's last day with a value, ms; null without one. */
export function chartLastDay(chart: FeesSummary['totalDataChart']): number | null {
  let last: number | null = null;
  for (const [seconds, value] of chart ?? []) {
    if (value === null) continue;
    const day = Math.floor((seconds * 1000) / DAY_MS) * DAY_MS;
    if (last === null || day > last) last = day;
  }
  return last;
}

/**
 * Totals as given. The 30-day total is the answer's own, else the chart's sum over the window only
 * when the chart covers every one of its 30 days: a shorter chart is said as what it covers
 * (`covered`), never as 30 days.
 */
export function revenueTotals(s: FeesSummary, now: number): RevenueSeries {
  const covered = revenueCoverage(s.totalDataChart, now);
  const fromChart = covered && covered.days === REVENUE_WINDOW_DAYS ? covered.sum : null;
  return {
    total24h: s.total24h ?? null,
    total7d: s.total7d ?? null,
    total30d: s.total30d ?? fromChart,
    totalAllTime: s.totalAllTime ?? null,
    covered,
  };
}

/** Rows are checked loosely: thousands of protocols, we only need the slug and the CoinGecko id. */
export const protocolsSchema = z.array(
  z.object({
    name: z.string().optional(),
    slug: z.string().nullish().catch(null),
    gecko_id: z.string().nullish().catch(null),
    /** The project's X handle, without '@' (absent or null for many protocols). */
    twitter: z.string().nullish().catch(null),
  }),
);
export type ProtocolsAnswer = z.infer<typeof protocolsSchema>;

/** X handles: '@' aside, 1–15 letters, digits and underscores. */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/**
 * Lower-case X handle → `cg:<gecko_id>`, from the protocols that name both. The list is by TVL, so the
 * first protocol listed for a handle wins (a project's several protocols share one account).
 */
export function handlesFromProtocols(rows: ProtocolsAnswer): Record<string, string> {
  const map: Record<string, string> = {};
  for (const r of rows) {
    const handle = r.twitter?.replace(/^@/, '').trim();
    if (!handle || !HANDLE.test(handle) || !r.gecko_id) continue;
    const key = handle.toLowerCase();
    if (!(key in map)) map[key] = `cg:${r.gecko_id}`;
  }
  return map;
}

/** CoinGecko id → DefiLlama slug. The first protocol listed for an id wins (the list is by TVL). */
export function geckoToSlug(rows: ProtocolsAnswer): Record<string, string> {
  const map: Record<string, string> = {};
  for (const r of rows) {
    if (r.gecko_id && r.slug && !(r.gecko_id in map)) map[r.gecko_id] = r.slug;
  }
  return map;
}
