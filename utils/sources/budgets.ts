/**
 * How hard each data source may be asked: the one table of rate budgets, with where each number
 * comes from. We stay well under every published figure, because a browser extension shares its
 * IP (and, for keyless CoinGecko, its limit) with everything else the user runs.
 *
 * The token bucket of `utils/queue/token-bucket.ts` is sized from these rows: `perMinute` is the
 * steady refill, `burst` the bucket size (a card opening needs a few calls at once).
 */
import type { SourceId } from '../source-ids';

export interface RateBudget {
  /** Steady rate the bucket refills at. */
  perMinute: number;
  /** Bucket capacity: calls allowed at once after a quiet period. */
  burst: number;
  /** Why these numbers. */
  basis: string;
}

export type CoingeckoTier = 'keyless' | 'demo' | 'pro';

/**
 * CoinGecko, by tier (the tier follows the key in the settings: none, a demo key, a pro key on
 * pro-api.coingecko.com).
 * - keyless: docs.coingecko.com/docs/errors-and-rate-limits says keyless use is rate limited per IP,
 *   "shared across all users on the same IP"; the public plan was documented at about 30 calls/min
 *   and "varies with traffic". We take 20/min.
 * - demo: the pricing page lists 30 calls/min for the Demo plan (the newer errors page says 100/min);
 *   we take the lower figure, 30/min, and a 10,000 calls/month quota means we also refresh less.
 * - pro: the smallest paid plan (Basic) is 250 calls/min on the pricing page; we take 120/min so one
 *   key can be shared across a user's devices.
 */
export const COINGECKO_BUDGETS: Record<CoingeckoTier, RateBudget> = {
  keyless: { perMinute: 20, burst: 5, basis: 'keyless public API ≈ 30/min, varies with traffic' },
  demo: { perMinute: 30, burst: 8, basis: 'Demo plan: 30 calls/min (pricing page)' },
  pro: { perMinute: 120, burst: 20, basis: 'Basic plan 250 calls/min; half of it' },
};

/** Budgets of the other sources; CoinGecko's row is the keyless tier and is replaced per key. */
export const SOURCE_BUDGETS: Record<SourceId, RateBudget> = {
  coingecko: COINGECKO_BUDGETS.keyless,
  // DefiLlama's free API publishes no per-IP figure; its docs ask for fair use and about 300
  // requests/min per IP is what third-party summaries report. 60/min keeps us a small guest.
  llamaCoins: { perMinute: 60, burst: 10, basis: 'free API, fair use (≈ 300/min reported); 60/min' },
  llamaApi: { perMinute: 60, burst: 10, basis: 'free API, fair use (≈ 300/min reported); 60/min' },
  // The datasets host is a static bucket (R2) behind a CDN: generous, but each emissions file is
  // 0.1–2.5 MB, so we ask rarely (unlocks refresh every 12 h anyway).
  llamaDatasets: { perMinute: 30, burst: 5, basis: 'static files on a CDN; large bodies, so few calls' },
  // GoPlus: about 30 calls/min on the free tier (the figure the issue names; its error code 4029
  // "request limit reached" arrives inside a 200 answer). We take 20/min.
  goplus: { perMinute: 20, burst: 5, basis: 'free tier ≈ 30/min; 20/min' },
  // Yahoo's chart and quote endpoints are unofficial and undocumented: no published limit, throttles
  // with 429 and sometimes 999. Be conservative: 10 calls/min, shared by the charts (one symbol per
  // call) and the daily quote call for share counts (every stock due at once; a crumb per worker).
  stocks: { perMinute: 10, burst: 4, basis: 'unofficial endpoint, no published limit: conservative' },
};

export function budgetFor(source: SourceId, coingeckoTier: CoingeckoTier = 'keyless'): RateBudget {
  return source === 'coingecko' ? COINGECKO_BUDGETS[coingeckoTier] : SOURCE_BUDGETS[source];
}
