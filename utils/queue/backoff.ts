/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"):
 * the wait is uniform in [0, min(max, base·2^attempt)], so many clients that failed together do not
 * come back together. A server's Retry-After is a floor we always honour; jitter goes on top.
 */
export interface BackoffConfig {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffConfig = { baseMs: 1_000, maxMs: 5 * 60_000 };

export function backoffDelay(
  attempt: number,
  cfg: BackoffConfig,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(cfg.maxMs, cfg.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(random() * ceiling);
}

/** After a 429: at least Retry-After (when given), plus up to 10 % jitter; else the exponential wait. */
export function rateLimitDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  cfg: BackoffConfig,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.round(random() * retryAfterMs * 0.1);
  // No Retry-After: never less than the base, so a 429 always slows us down.
  return Math.max(cfg.baseMs, backoffDelay(attempt, cfg, random));
}
