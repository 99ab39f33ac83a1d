import { describe, expect, it } from 'vitest';
import { backoffDelay, rateLimitDelay } from '../../../utils/queue/backoff';
import { InFlight, KeyBatcher } from '../../../utils/queue/batcher';
import { admit, closedBreaker, DEFAULT_BREAKER, onFailure, onSuccess } from '../../../utils/queue/breaker';
import { Politeness } from '../../../utils/queue/politeness';
import { fullBucket, take } from '../../../utils/queue/token-bucket';
import type { FetchOutcome } from '../../../utils/sources/http';

describe('token bucket', () => {
  const cfg = { capacity: 3, perMinute: 30 };
  it('allows a burst, then one call per refill interval', () => {
    let s = fullBucket(cfg, 0);
    for (let i = 0; i < 3; i++) {
      const r = take(s, cfg, 0);
      expect(r.ok).toBe(true);
      s = r.state;
    }
    const denied = take(s, cfg, 0);
    expect(denied).toMatchObject({ ok: false, waitMs: 2000 });
    expect(take(denied.state, cfg, 2000).ok).toBe(true);
  });
  it('never exceeds its capacity and ignores a clock that went backwards', () => {
    const s = take(fullBucket(cfg, 10_000), cfg, 10_000).state;
    expect(take(s, cfg, 10_000_000).state.tokens).toBe(2);
    expect(take(s, cfg, 0).state.tokens).toBeCloseTo(1);
  });
});

describe('circuit breaker', () => {
  const cfg = { ...DEFAULT_BREAKER, threshold: 3, cooldownMs: 1000, maxCooldownMs: 4000 };
  it('opens after N consecutive failures, half-opens after the cool-down, closes on success', () => {
    let s = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) s = onFailure(s, cfg, 0);
    expect(s.status).toBe('open');
    expect(admit(s, cfg, 999)).toMatchObject({ allow: false, until: 1000 });
    const trial = admit(s, cfg, 1000);
    expect(trial).toMatchObject({ allow: true, state: { status: 'half-open' } });
    // Only one trial at a time.
    expect(admit(trial.state, cfg, 1001).allow).toBe(false);
    expect(onSuccess(trial.state, cfg).status).toBe('closed');
  });
  it('doubles the cool-down after a failed trial, up to the cap', () => {
    let s = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) s = onFailure(s, cfg, 0);
    let t = 0;
    for (const expected of [2000, 4000, 4000]) {
      t = s.openUntil ?? t;
      const trial = admit(s, cfg, t);
      s = onFailure(trial.state, cfg, t);
      expect(s.cooldownMs).toBe(expected);
      expect(s.openUntil).toBe(t + expected);
    }
  });
  it('lets a new trial through when the last one was lost with a killed worker', () => {
    const s = { ...closedBreaker(cfg), status: 'half-open' as const, trialAt: 0 };
    expect(admit(s, cfg, cfg.trialTimeoutMs).allow).toBe(true);
  });
});

describe('backoff', () => {
  const cfg = { baseMs: 1000, maxMs: 60_000 };
  it('grows exponentially with full jitter and a cap', () => {
    expect(backoffDelay(0, cfg, () => 1)).toBe(1000);
    expect(backoffDelay(3, cfg, () => 1)).toBe(8000);
    expect(backoffDelay(20, cfg, () => 1)).toBe(60_000);
    expect(backoffDelay(3, cfg, () => 0.5)).toBe(4000);
  });
  it('honours Retry-After as a floor', () => {
    expect(rateLimitDelay(0, 30_000, cfg, () => 0)).toBe(30_000);
    expect(rateLimitDelay(0, 30_000, cfg, () => 1)).toBe(33_000);
    expect(rateLimitDelay(0, undefined, cfg, () => 0)).toBe(1000);
  });
});

describe('batching and coalescing', () => {
  it('joins keys in flight and batches new keys asked within the window', async () => {
    const calls: string[][] = [];
    const b = new KeyBatcher<string, number>({
      loadMany: async (keys) => {
        calls.push(keys);
        await new Promise((r) => setTimeout(r, 5));
        return new Map(keys.map((k) => [k, k.length]));
      },
      maxBatch: 2,
      windowMs: 1,
    });
    const [a, c] = await Promise.all([b.load(['aa', 'bbb']), b.load(['bbb', 'c'])]);
    expect(calls).toEqual([['aa', 'bbb'], ['c']]);
    expect(a.get('bbb')).toBe(3);
    expect(c.get('bbb')).toBe(3);
    expect(c.get('c')).toBe(1);
    expect(b.loading).toBe(0);
  });
  it('resolves keys of a failed batch to undefined instead of throwing', async () => {
    const b = new KeyBatcher<string, number>({
      loadMany: async () => {
        throw new Error('boom');
      },
      maxBatch: 10,
      windowMs: 0,
    });
    expect((await b.load(['x'])).get('x')).toBeUndefined();
  });
  it('runs one task per key at a time', async () => {
    const f = new InFlight<string, number>();
    let runs = 0;
    const task = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    };
    const [x, y] = await Promise.all([f.run('k', task), f.run('k', task)]);
    expect([x, y, runs]).toEqual([1, 1, 1]);
    await f.run('k', task);
    expect(runs).toBe(2);
  });
});

describe('Politeness', () => {
  function setup(start = 1_000_000) {
    let t = start;
    const p = new Politeness({
      buckets: () => ({ capacity: 2, perMinute: 60 }),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
      random: () => 0.5,
      breaker: { threshold: 3, cooldownMs: 10_000, maxCooldownMs: 60_000, trialTimeoutMs: 30_000 },
      backoff: { baseMs: 1000, maxMs: 60_000 },
      maxTokenWaitMs: 1500,
    });
    return { p, advance: (ms: number) => (t += ms), now: () => t };
  }
  const ok: FetchOutcome<number> = { ok: true, data: 1, status: 200, ms: 1 };
  const fail500: FetchOutcome<number> = { ok: false, status: 500, reason: 'HTTP 500', ms: 1 };

  it('waits briefly for a token, and fails fast without a request when the wait would be long', async () => {
    const { p, now } = setup();
    let calls = 0;
    const req = async () => {
      calls++;
      return ok;
    };
    const start = now();
    await p.run('coingecko', req);
    await p.run('coingecko', req);
    expect(now()).toBe(start);
    await p.run('coingecko', req); // third: one second of refill, within the 1.5 s wait
    expect(now() - start).toBe(1000);
    expect(calls).toBe(3);
  });

  it('honours Retry-After on 429 and keeps backing off without calling the source', async () => {
    const { p, advance } = setup();
    let calls = 0;
    const out = await p.run('goplus', async () => {
      calls++;
      return {
        ok: false,
        status: 429,
        retryAfterMs: 20_000,
        reason: 'rate limited (429)',
        ms: 1,
      } as FetchOutcome<number>;
    });
    expect(out.ok).toBe(false);
    const blocked = await p.run('goplus', async () => {
      calls++;
      return ok;
    });
    expect(!blocked.ok && blocked.reason).toMatch(/backing off after rate limited \(429\) until/);
    expect(calls).toBe(1);
    advance(21_000); // 20 s + 5 % jitter (random 0.5 → 1 s)
    expect((await p.run('goplus', async () => ok)).ok).toBe(true);
  });

  it('opens the breaker after repeated failures, persists it, and recovers through a half-open trial', async () => {
    const { p, advance, now } = setup();
    for (let i = 0; i < 3; i++) {
      advance(70_000); // past any backoff
      await p.run('stocks', async () => fail500);
    }
    expect(p.breakerStatus('stocks')).toBe('open');
    // A new worker (same wall clock) restores the state and still refuses until the cool-down ends.
    const state = p.snapshot();
    const { p: p2, advance: advance2 } = setup(now());
    p2.restore(JSON.parse(JSON.stringify(state)));
    expect(p2.breakerStatus('stocks')).toBe('open');
    const refused = await p2.run('stocks', async () => ok);
    expect(!refused.ok && refused.reason).toMatch(/backing off|circuit open/);
    advance2(10_000);
    expect((await p2.run('stocks', async () => ok)).ok).toBe(true);
    expect(p2.breakerStatus('stocks')).toBe('closed');
    expect(p2.blockedUntil('stocks')).toBe(0);
  });

  it('starts a source over when its endpoint changes (reset), leaving the others alone', async () => {
    const { p, advance } = setup();
    for (let i = 0; i < 3; i++) {
      advance(70_000);
      await p.run('stocks', async () => fail500);
      await p.run('goplus', async () => fail500);
    }
    expect(p.breakerStatus('stocks')).toBe('open');
    p.reset('stocks');
    expect(p.breakerStatus('stocks')).toBe('closed');
    expect(p.blockedUntil('stocks')).toBe(0);
    expect((await p.run('stocks', async () => ok)).ok).toBe(true);
    expect(p.breakerStatus('goplus')).toBe('open');
  });

  it('does not let a request that was out during a reset count against the new endpoint', async () => {
    const { p } = setup();
    let answer: (o: FetchOutcome<number>) => void = () => undefined;
    const pending = p.run('coingecko', () => new Promise<FetchOutcome<number>>((r) => (answer = r)));
    await Promise.resolve();
    p.reset('coingecko');
    answer(fail500);
    // The old endpoint's failure still reaches its caller, but leaves the new one unblocked.
    expect((await pending).ok).toBe(false);
    expect(p.blockedUntil('coingecko')).toBe(0);
    expect(p.breakerStatus('coingecko')).toBe('closed');
    expect((await p.run('coingecko', async () => ok)).ok).toBe(true);
  });

  it('does not count a 404 (the thing asked for is missing) against the source', async () => {
    const { p } = setup();
    for (let i = 0; i < 5; i++)
      await p.run(
        'llamaApi',
        async () => ({ ok: false, status: 404, reason: 'HTTP 404', ms: 1 }) as FetchOutcome<number>,
      );
    expect(p.breakerStatus('llamaApi')).toBe('closed');
    expect(p.blockedUntil('llamaApi')).toBe(0);
  });
});
