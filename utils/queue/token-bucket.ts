/**
 * A token bucket as plain data, so it can be persisted (an MV3 worker is killed after 30 s idle and
 * must not forget that it just spent its budget). Pure functions of (state, config, now).
 */
export interface BucketConfig {
  capacity: number;
  /** Tokens added per minute. */
  perMinute: number;
}

export interface BucketState {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  updatedAt: number;
}

export function fullBucket(cfg: BucketConfig, now: number): BucketState {
  return { tokens: cfg.capacity, updatedAt: now };
}

export function refill(state: BucketState, cfg: BucketConfig, now: number): BucketState {
  // A clock that went backwards (restored state from another device, a changed system clock) adds
  // nothing rather than removing tokens forever.
  const elapsed = Math.max(0, now - state.updatedAt);
  const tokens = Math.min(cfg.capacity, state.tokens + (elapsed * cfg.perMinute) / 60_000);
  return { tokens, updatedAt: now };
}

/** Takes one token, or says how long until one is there. */
export function take(
  state: BucketState,
  cfg: BucketConfig,
  now: number,
): { ok: true; state: BucketState } | { ok: false; state: BucketState; waitMs: number } {
  const s = refill(state, cfg, now);
  if (s.tokens >= 1) return { ok: true, state: { tokens: s.tokens - 1, updatedAt: now } };
  const waitMs = Math.ceil(((1 - s.tokens) * 60_000) / cfg.perMinute);
  return { ok: false, state: s, waitMs };
}
