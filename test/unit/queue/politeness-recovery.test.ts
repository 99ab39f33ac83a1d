/**
 * Politeness at its edges: a 429's Retry-After holds the source exactly that long (not the 1 s of an
 * ordinary backoff), a 408 (the server gave up waiting) counts against the source, and a success
 * starts the backoff over from its first step.
 */
import { describe, expect, it } from 'vitest';
import { Politeness } from '../../../utils/queue/politeness';
import type { FetchOutcome } from '../../../utils/sources/http';

/**
 * `random` picks the jitter: 0 leaves a Retry-After as it is (and a failure's backoff at nothing),
 * 1 gives the full backoff step.
 */
function setup(random: number, bucket = { capacity: 10, perMinute: 600 }, maxTokenWaitMs?: number) {
  let t = 1_000_000;
  const p = new Politeness({
    buckets: () => bucket,
    ...(maxTokenWaitMs === undefined ? {} : { maxTokenWaitMs }),
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

  it('counts a failure without a status (offline) or with a 200 (malformed answer), not a 400', async () => {
    const { p } = setup(1);
    await p.run('coingecko', async () => ({ ok: false, reason: 'offline', ms: 1 }) as FetchOutcome<number>);
    expect(p.blockedUntil('coingecko')).toBeGreaterThan(0);
    await p.run(
      'llamaApi',
      async () => ({ ok: false, status: 200, reason: 'malformed JSON', ms: 1 }) as FetchOutcome<number>,
    );
    expect(p.blockedUntil('llamaApi')).toBeGreaterThan(0);
    await p.run('stocks', fail(400));
    expect(p.blockedUntil('stocks')).toBe(0);
  });

  it('slows down after a 429 without Retry-After by at least the first step, where a 500 may retry at once', async () => {
    const { p, at } = setup(0);
    await p.run('coingecko', fail(429));
    expect(p.blockedUntil('coingecko')).toBe(at() + 1000);
    // Full jitter: a drawn 0 lets the next call go at once after a server error.
    await p.run('goplus', fail(500));
    expect(p.blockedUntil('goplus')).toBe(at());
  });

  it('backs off a first 429 without Retry-After by the first step, not a later one', async () => {
    const { p, at } = setup(1);
    await p.run('coingecko', fail(429));
    expect(p.blockedUntil('coingecko')).toBe(at() + 1000);
  });

  it('says an open breaker’s end as the time the source can next be asked', async () => {
    const { p, at } = setup(0);
    for (let i = 0; i < 5; i++) await p.run('stocks', fail(500));
    expect(p.breakerStatus('stocks')).toBe('open');
    expect(p.blockedUntil('stocks')).toBe(at() + 10_000);
  });

  it('records the outcomes of requests made after a reset', async () => {
    const { p, at } = setup(1);
    p.reset('coingecko');
    await p.run('coingecko', fail(500));
    expect(p.blockedUntil('coingecko')).toBe(at() + 1000);
  });

  it('waits up to 5 s for a token by default, and fails fast beyond, saying when', async () => {
    // One token every 5 s: the second call waits exactly the longest wait allowed.
    const five = setup(1, { capacity: 1, perMinute: 12 });
    expect((await five.p.run('coingecko', async () => ok)).ok).toBe(true);
    const before = five.at();
    expect((await five.p.run('coingecko', async () => ok)).ok).toBe(true);
    expect(five.at() - before).toBe(5000);
    // One every 10 s: no waiting, and no request.
    const ten = setup(1, { capacity: 1, perMinute: 6 });
    await ten.p.run('coingecko', async () => ok);
    let calls = 0;
    const refused = await ten.p.run('coingecko', async () => {
      calls++;
      return ok;
    });
    expect(!refused.ok && refused.reason).toBe('rate budget spent; next call in 10 s');
    expect(calls).toBe(0);
  });

  it('says "backing off until" without a cause when the stored state has none (an older version’s)', async () => {
    const { p, at } = setup(1);
    const until = at() + 60_000;
    p.restore({
      coingecko: {
        bucket: { tokens: 10, updatedAt: at() },
        breaker: { status: 'closed', failures: 0, openUntil: null, cooldownMs: 10_000, trialAt: null },
        backoffUntil: until,
        attempt: 1,
      },
    });
    const refused = await p.run('coingecko', async () => ok);
    expect(!refused.ok && refused.reason).toBe(`backing off until ${new Date(until).toISOString()}`);
  });
});
