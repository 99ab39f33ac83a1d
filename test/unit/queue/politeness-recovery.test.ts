/**
 * Politeness at its edges: a 429's Retry-After holds the source exactly that long (not the 1 s of an
 * ordinary backoff), a 408 (the server gave up waiting) counts against the source, and a success
 * starts the backoff over from its first step.
 */
import { describe, expect, it } from 'vitest';
import { Politeness } from '../../../utils/queue/politeness';
import type { FetchOutcome } from '../../../utils/sources/http';

/** `random` picks the jitter: 0 leaves a Retry-After as it is, 1 gives the full backoff step. */
function setup(random: number) {
  let t = 1_000_000;
  const p = new Politeness({
    buckets: () => ({ capacity: 10, perMinute: 600 }),
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    random: () => random,
    breaker: { threshold: 5, cooldownMs: 10_000, maxCooldownMs: 60_000, trialTimeoutMs: 30_000 },
    backoff: { baseMs: 1000, maxMs: 60_000 },
  });
  return { p, at: () => t, advance: (ms: number) => (t += ms) };
}
const ok: FetchOutcome<number> = { ok: true, data: 1, status: 200, ms: 1 };
const fail =
  (status: number, extra: Partial<FetchOutcome<number>> = {}) =>
  async () =>
    ({ ok: false, status, reason: `HTTP ${status}`, ms: 1, ...extra }) as FetchOutcome<number>;

describe('Politeness recovery', () => {
  it('holds a rate-limited source exactly as long as its Retry-After says', async () => {
    const { p, at, advance } = setup(0);
    const start = at();
    await p.run('goplus', fail(429, { retryAfterMs: 20_000 }));
    expect(p.blockedUntil('goplus')).toBe(start + 20_000);
    advance(19_999);
    let calls = 0;
    const counted = async () => {
      calls++;
      return ok;
    };
    expect((await p.run('goplus', counted)).ok).toBe(false);
    expect(calls).toBe(0);
    advance(1);
    expect((await p.run('goplus', counted)).ok).toBe(true);
    expect(calls).toBe(1);
  });

  it('counts a 408 (request timeout) against the source, unlike a 404', async () => {
    const { p, at } = setup(1);
    await p.run('llamaApi', fail(408));
    expect(p.blockedUntil('llamaApi')).toBe(at() + 1000);
    const refused = await p.run('llamaApi', async () => ok);
    expect(!refused.ok && refused.reason).toMatch(/^backing off after HTTP 408 until /);
    await p.run('stocks', fail(404));
    expect(p.blockedUntil('stocks')).toBe(0);
  });

  it('starts the backoff over after a success: the next failure waits the first step again', async () => {
    const { p, at, advance } = setup(1);
    await p.run('coingecko', fail(500));
    expect(p.blockedUntil('coingecko') - at()).toBe(1000);
    advance(1000);
    await p.run('coingecko', fail(500));
    expect(p.blockedUntil('coingecko') - at()).toBe(2000);
    advance(2000);
    await p.run('coingecko', async () => ok);
    expect(p.blockedUntil('coingecko')).toBe(0);
    await p.run('coingecko', fail(503));
    expect(p.blockedUntil('coingecko') - at()).toBe(1000);
  });
});
