/**
 * Politeness per data source: a token bucket sized from the source's budget, a backoff window after
 * 429s and failures, and a circuit breaker. All of it is plain data (`PolitenessState`) that the
 * caller persists (Dexie `meta` or `storage.local`) and restores when the worker wakes up again.
 *
 * `run()` wraps one request: it waits for a token when one comes soon, fails fast otherwise (the
 * caller serves cached data), and feeds the outcome back into backoff and breaker.
 */

import type { SourceId } from '../source-ids';
import type { FetchOutcome } from '../sources/http';
import { type BackoffConfig, backoffDelay, DEFAULT_BACKOFF, rateLimitDelay } from './backoff';
import {
  admit,
  type BreakerConfig,
  type BreakerState,
  closedBreaker,
  DEFAULT_BREAKER,
  onFailure,
  onSuccess,
} from './breaker';
import { type BucketConfig, type BucketState, fullBucket, take } from './token-bucket';

export interface SourcePoliteness {
  bucket: BucketState;
  breaker: BreakerState;
  /** No request before this time (ms): set by 429 Retry-After and failure backoff. */
  backoffUntil: number;
  /** Consecutive failures that drive the exponential backoff. */
  attempt: number;
  /** The reason of the last failure, repeated while requests are held back, so a card still says why. */
  lastFailure?: string;
}

export type PolitenessState = Partial<Record<SourceId, SourcePoliteness>>;

export interface PolitenessOptions {
  buckets: (source: SourceId) => BucketConfig;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  breaker?: BreakerConfig;
  backoff?: BackoffConfig;
  /** Longest wait for a token before giving up on this request (the worker must not idle long). */
  maxTokenWaitMs?: number;
  /** Called after every change, so the caller can persist. */
  onChange?: (state: PolitenessState) => void;
}

/** Outcomes that say nothing bad about the source: it answered, the thing asked for is not there. */
function isSourceHealthy(outcome: FetchOutcome<unknown>): boolean {
  if (outcome.ok) return true;
  const s = outcome.status;
  return s !== undefined && s >= 400 && s < 500 && s !== 429 && s !== 408;
}

export class Politeness {
  private state: PolitenessState = {};
  /**
   * Resets per source. A request out when its source is reset answered for the old endpoint: its
   * outcome must not set backoff or trip the breaker of the new one.
   */
  private readonly resets = new Map<SourceId, number>();
  private readonly breakerCfg: BreakerConfig;
  private readonly backoffCfg: BackoffConfig;
  private readonly random: () => number;

  constructor(private readonly options: PolitenessOptions) {
    this.breakerCfg = options.breaker ?? DEFAULT_BREAKER;
    this.backoffCfg = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
  }

  snapshot(): PolitenessState {
    return structuredClone(this.state);
  }

  restore(state: PolitenessState): void {
    this.state = structuredClone(state);
  }

  /** When the source can next be asked (0 when now): for the refresh planner. */
  blockedUntil(source: SourceId): number {
    const s = this.state[source];
    if (!s) return 0;
    const breakerUntil = s.breaker.status === 'open' ? (s.breaker.openUntil ?? 0) : 0;
    return Math.max(s.backoffUntil, breakerUntil);
  }

  /**
   * Forgets a source's backoff, breaker and budget: its endpoint or key changed, so what the old one
   * did says nothing about the new one.
   */
  reset(source: SourceId): void {
    this.resets.set(source, (this.resets.get(source) ?? 0) + 1);
    delete this.state[source];
    this.options.onChange?.(this.snapshot());
  }

  breakerStatus(source: SourceId): BreakerState['status'] {
    return this.state[source]?.breaker.status ?? 'closed';
  }

  private get(source: SourceId): SourcePoliteness {
    let s = this.state[source];
    if (!s) {
      s = {
        bucket: fullBucket(this.options.buckets(source), this.options.now()),
        breaker: closedBreaker(this.breakerCfg),
        backoffUntil: 0,
        attempt: 0,
      };
      this.state[source] = s;
    }
    return s;
  }

  private set(source: SourceId, s: SourcePoliteness): void {
    this.state[source] = s;
    this.options.onChange?.(this.snapshot());
  }

  /**
   * Runs one request under the source's rules. A request that may not go out comes back as a
   * failed outcome with the reason (and no network call was made).
   */
  async run<T>(source: SourceId, request: () => Promise<FetchOutcome<T>>): Promise<FetchOutcome<T>> {
    const maxWait = this.options.maxTokenWaitMs ?? 5_000;
    for (;;) {
      const now = this.options.now();
      const s = this.get(source);
      const after = s.lastFailure ? ` after ${s.lastFailure}` : '';
      if (now < s.backoffUntil) {
        return {
          ok: false,
          reason: `backing off${after} until ${new Date(s.backoffUntil).toISOString()}`,
          ms: 0,
        };
      }
      const admission = admit(s.breaker, this.breakerCfg, now);
      if (!admission.allow) {
        return {
          ok: false,
          reason: `circuit open${after} until ${new Date(admission.until).toISOString()}`,
          ms: 0,
        };
      }
      const token = take(s.bucket, this.options.buckets(source), now);
      if (!token.ok) {
        if (token.waitMs > maxWait) {
          this.set(source, { ...s, bucket: token.state });
          return {
            ok: false,
            reason: `rate budget spent; next call in ${Math.ceil(token.waitMs / 1000)} s`,
            ms: 0,
          };
        }
        await this.options.sleep(token.waitMs);
        continue;
      }
      this.set(source, { ...s, bucket: token.state, breaker: admission.state });
      break;
    }
    const epoch = this.resets.get(source) ?? 0;
    const outcome = await request();
    if ((this.resets.get(source) ?? 0) === epoch) this.record(source, outcome);
    return outcome;
  }

  private record(source: SourceId, outcome: FetchOutcome<unknown>): void {
    const now = this.options.now();
    const s = this.get(source);
    if (isSourceHealthy(outcome)) {
      const { lastFailure: _, ...rest } = s;
      this.set(source, {
        ...rest,
        breaker: onSuccess(s.breaker, this.breakerCfg),
        attempt: 0,
        backoffUntil: 0,
      });
      return;
    }
    const attempt = s.attempt + 1;
    const delay =
      !outcome.ok && outcome.status === 429
        ? rateLimitDelay(attempt - 1, outcome.retryAfterMs, this.backoffCfg, this.random)
        : backoffDelay(attempt - 1, this.backoffCfg, this.random);
    this.set(source, {
      ...s,
      attempt,
      backoffUntil: Math.max(s.backoffUntil, now + delay),
      breaker: onFailure(s.breaker, this.breakerCfg, now),
      ...(outcome.ok ? {} : { lastFailure: outcome.reason }),
    });
  }
}
