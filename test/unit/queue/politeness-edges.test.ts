/**
 * Politeness at two more edges. A spent rate budget, asked again: each refusal says how long is left
 * from the bucket as it stands then (and is kept for the next wake-up of the worker), and the call
 * goes once a token is there. A breaker restored in the middle of its trial: the source is askable.
 */
import { describe, expect, it } from 'vitest';
import { Politeness, type PolitenessState } from '../../../utils/queue/politeness';
import type { FetchOutcome } from '../../../utils/sources/http';

const ok: FetchOutcome<number> = { ok: true, data: 1, status: 200, ms: 1 };

function setup() {
  let t = 1_000_000;
  const saved: PolitenessState[] = [];
  // One token every 10 s and no waiting for one: a spent budget is refused, never slept on.
  const p = new Politeness({
    buckets: () => ({ capacity: 1, perMinute: 6 }),
    maxTokenWaitMs: 0,
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
    onChange: (s) => saved.push(s),
  });
  let calls = 0;
  const call = () =>
    p.run('coingecko', async () => {
      calls++;
      return ok;
    });
  return { p, call, saved, calls: () => calls, at: () => t, advance: (ms: number) => (t += ms) };
}

describe('a spent rate budget', () => {
  it('refuses again with what is left of the wait, and lets the call go when the token is there', async () => {
    const s = setup();
    expect((await s.call()).ok).toBe(true);
    const first = await s.call();
    expect(!first.ok && first.reason).toBe('rate budget spent; next call in 10 s');
    s.advance(4_000);
    const second = await s.call();
    expect(!second.ok && second.reason).toBe('rate budget spent; next call in 6 s');
    expect(s.calls()).toBe(1);
    s.advance(6_000);
    expect((await s.call()).ok).toBe(true);
    expect(s.calls()).toBe(2);
    // The source stays healthy throughout: refusals are no failures.
    expect(s.p.blockedUntil('coingecko')).toBe(0);
    expect(s.p.breakerStatus('coingecko')).toBe('closed');
  });

  it('keeps the refused bucket as it stood, so a worker woken later refuses the same way', async () => {
    const s = setup();
    await s.call();
    s.advance(3_000);
    await s.call();
    const kept = s.saved.at(-1)?.coingecko;
    expect(kept?.bucket).toEqual({ tokens: 0.3, updatedAt: s.at() });
    expect(kept?.backoffUntil).toBe(0);
    expect(kept?.attempt).toBe(0);
    // A new worker restores that state and is refused for the rest of the wait.
    const next = setup();
    next.advance(s.at() - next.at() + 2_000);
    next.p.restore(structuredClone(s.saved.at(-1) ?? {}));
    const refused = await next.call();
    expect(!refused.ok && refused.reason).toBe('rate budget spent; next call in 5 s');
    expect(next.calls()).toBe(0);
  });
});

describe('a breaker restored mid-trial', () => {
  it('says the source can be asked now, not when the breaker last opened', () => {
    // A worker killed while its half-open trial was out: the stored breaker still carries the
    // opening's end, long past.
    const s = setup();
    const now = s.at();
    s.p.restore({
      coingecko: {
        bucket: { tokens: 1, updatedAt: now },
        breaker: {
          status: 'half-open',
          failures: 5,
          openUntil: now - 60_000,
          cooldownMs: 10_000,
          trialAt: now - 50_000,
        },
        backoffUntil: 0,
        attempt: 0,
      },
    });
    expect(s.p.blockedUntil('coingecko')).toBe(0);
    expect(s.p.breakerStatus('coingecko')).toBe('half-open');
  });
});
