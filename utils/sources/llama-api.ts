/**
 * DefiLlama main API (`api.llama.fi`): fees and revenue summaries per protocol, and `/protocols`
 * to find a protocol's slug from its CoinGecko id (`gecko_id`).
 */
import { z } from 'zod';
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
});
export type FeesSummary = z.infer<typeof feesSummarySchema>;

export interface RevenueTotals {
  total24h: number | null;
  total7d: number | null;
  total30d: number | null;
  totalAllTime: number | null;
}

/** Totals as given; the 30-day total is summed from the daily chart when the answer has none. */
export function revenueTotals(s: FeesSummary): RevenueTotals {
  let total30d = s.total30d ?? null;
  if (total30d === null && s.totalDataChart && s.totalDataChart.length > 0) {
    total30d = s.totalDataChart.slice(-30).reduce((sum, [, v]) => sum + (v ?? 0), 0);
  }
  return {
    total24h: s.total24h ?? null,
    total7d: s.total7d ?? null,
    total30d,
    totalAllTime: s.totalAllTime ?? null,
  };
}

/** Rows are checked loosely: thousands of protocols, we only need the slug and the CoinGecko id. */
export const protocolsSchema = z.array(
  z.object({
    name: z.string().optional(),
    slug: z.string().nullish().catch(null),
    gecko_id: z.string().nullish().catch(null),
  }),
);
export type ProtocolsAnswer = z.infer<typeof protocolsSchema>;

/** CoinGecko id → DefiLlama slug. The first protocol listed for an id wins (the list is by TVL). */
export function geckoToSlug(rows: ProtocolsAnswer): Record<string, string> {
  const map: Record<string, string> = {};
  for (const r of rows) {
    if (r.gecko_id && r.slug && !(r.gecko_id in map)) map[r.gecko_id] = r.slug;
  }
  return map;
}
