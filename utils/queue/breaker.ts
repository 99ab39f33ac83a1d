/**
 * A circuit breaker per source, as plain data (persistable). Closed: requests pass. After
 * `threshold` consecutive failures it opens: requests fail fast, with no network call, until the
 * cool-down ends. Then one trial passes (half-open): success closes it, failure opens it again with
 * a doubled cool-down (capped), so a source that is down for hours is asked rarely.
 */
export interface BreakerConfig {
  threshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
  /** A half-open trial older than this is presumed lost (the worker was killed mid-request). */
  trialTimeoutMs: number;
}

export const DEFAULT_BREAKER: BreakerConfig = {
  threshold: 5,
  cooldownMs: 60_000,
  maxCooldownMs: 30 * 60_000,
  trialTimeoutMs: 30_000,
};

export interface BreakerState {
  status: 'closed' | 'open' | 'half-open';
  failures: number;
  /** While open: when the next trial may pass. */
  openUntil: number | null;
  /** The cool-down that opened it last (doubles on each failed trial). */
  cooldownMs: number;
  /** While half-open: when the trial started. */
  trialAt: number | null;
}

export function closedBreaker(cfg: BreakerConfig = DEFAULT_BREAKER): BreakerState {
  return { status: 'closed', failures: 0, openUntil: null, cooldownMs: cfg.cooldownMs, trialAt: null };
}

export type Admission =
  | { allow: true; state: BreakerState }
  | { allow: false; state: BreakerState; until: number };

export function admit(state: BreakerState, cfg: BreakerConfig, now: number): Admission {
  switch (state.status) {
    case 'closed':
      return { allow: true, state };
    case 'open': {
      const until = state.openUntil ?? now;
      if (now < until) return { allow: false, state, until };
      return { allow: true, state: { ...state, status: 'half-open', trialAt: now } };
    }
    case 'half-open': {
      const trialAt = state.trialAt ?? 0;
      if (now - trialAt < cfg.trialTimeoutMs)
        return { allow: false, state, until: trialAt + cfg.trialTimeoutMs };
      return { allow: true, state: { ...state, trialAt: now } };
    }
  }
}

export function onSuccess(_state: BreakerState, cfg: BreakerConfig): BreakerState {
  return closedBreaker(cfg);
}

export function onFailure(state: BreakerState, cfg: BreakerConfig, now: number): BreakerState {
  if (state.status === 'half-open') {
    const cooldownMs = Math.min(cfg.maxCooldownMs, state.cooldownMs * 2);
    return {
      status: 'open',
      failures: state.failures + 1,
      openUntil: now + cooldownMs,
      cooldownMs,
      trialAt: null,
    };
  }
  const failures = state.failures + 1;
  if (failures >= cfg.threshold) {
    return {
      status: 'open',
      failures,
      openUntil: now + state.cooldownMs,
      cooldownMs: state.cooldownMs,
      trialAt: null,
    };
  }
  return { ...state, failures };
}
