/**
 * The detection client: one request for the texts of a moment, one cache by text holding matches
 * and resolutions, resolutions dropped (matches kept) after a pin, failures asked again later.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Detected, DetectionClient } from '@/entrypoints/content/detection-client';
import type { Match } from '@/utils/detect';

const tao: Match = { kind: 'ticker', text: '$TAO', start: 0, end: 4, symbol: 'TAO', cashtag: true };
const claim: Match = { kind: 'claim', text: 'no VC', start: 5, end: 10, claim: 'no-vc' };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function detector(
  answer: (text: string) => Detected = () => ({ matches: [tao], resolutions: [{ asset: 'cg:bittensor' }] }),
) {
  const calls: string[][] = [];
  return {
    calls,
    detect: async (texts: string[]) => {
      calls.push(texts);
      return texts.map(answer);
    },
  };
}

describe('DetectionClient', () => {
  it('asks once for the texts of a moment and keeps matches with their resolutions', async () => {
    const { calls, detect } = detector();
    const client = new DetectionClient(detect);
    let answers = 0;
    client.onAnswer(() => answers++);
    client.ask(['$TAO one']);
    client.ask(['$TAO two', '$TAO one']);
    expect(client.asking).toBe(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([['$TAO one', '$TAO two']]);
    expect(client.matchesOf('$TAO one')).toEqual([tao]);
    expect(client.resolutionsOf('$TAO two')).toEqual([{ asset: 'cg:bittensor' }]);
    expect(answers).toBeGreaterThan(0);
    // Known now: asking again sends nothing.
    client.ask(['$TAO one']);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
  });

  it('sends at once when a hundred texts have gathered', async () => {
    const { calls, detect } = detector(() => ({ matches: [] }));
    const client = new DetectionClient(detect);
    client.ask(Array.from({ length: 100 }, (_, i) => `text ${i}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(100);
  });

  it('answers detectNow at once, from the cache where it can', async () => {
    const { calls, detect } = detector();
    const client = new DetectionClient(detect);
    client.ask(['$TAO one']);
    await vi.advanceTimersByTimeAsync(200);
    const now = client.detectNow(['$TAO one', '$TAO three']);
    await vi.advanceTimersByTimeAsync(0);
    await expect(now).resolves.toEqual([[tao], [tao]]);
    expect(calls).toEqual([['$TAO one'], ['$TAO three']]);
  });

  it('answers every text of a scan larger than the cache, the first ones too', async () => {
    const client = new DetectionClient(async (texts) =>
      texts.map((text) => ({ matches: [{ ...tao, text: text.slice(0, 4) }] })),
    );
    const texts = Array.from({ length: 1200 }, (_, i) => `$TAO post ${i}`);
    const now = client.detectNow(texts);
    await vi.advanceTimersByTimeAsync(0);
    const all = await now;
    expect(all).toHaveLength(1200);
    expect(all.every((m) => m.length === 1)).toBe(true);
  });

  it('after a pin resolves again with the matches it kept, without detecting again', async () => {
    const { calls, detect } = detector();
    const blocks: Array<Array<{ text: string; matches: readonly Match[] }>> = [];
    const client = new DetectionClient(detect, async (b) => {
      blocks.push(b);
      return b.map(() => [{ asset: 'cg:pinned-tao' }]);
    });
    let resolved = 0;
    client.onResolved(() => resolved++);
    client.ask(['$TAO one']);
    await vi.advanceTimersByTimeAsync(200);
    client.dropResolutions();
    expect(client.resolutionsOf('$TAO one')).toBeUndefined();
    expect(client.matchesOf('$TAO one')).toEqual([tao]);
    const again = client.resolve('$TAO one', [tao]);
    await vi.advanceTimersByTimeAsync(250);
    await expect(again).resolves.toEqual([{ asset: 'cg:pinned-tao' }]);
    expect(blocks).toEqual([[{ text: '$TAO one', matches: [tao] }]]);
    expect(client.resolutionsOf('$TAO one')).toEqual([{ asset: 'cg:pinned-tao' }]);
    expect(calls).toHaveLength(1);
    expect(resolved).toBe(1);
  });

  it('sends an urgent resolution without waiting for the gathering window', async () => {
    const client = new DetectionClient(detector().detect, async (b) =>
      b.map(() => [{ asset: 'cg:bittensor' }]),
    );
    const urgent = client.resolve('$TAO now', [tao], true);
    await vi.advanceTimersByTimeAsync(1);
    await expect(urgent).resolves.toEqual([{ asset: 'cg:bittensor' }]);
  });

  it('needs no message for claims alone, and answers what the detector knows when the background is away', async () => {
    const client = new DetectionClient(detector().detect, async () => {
      throw new Error('worker gone');
    });
    await expect(client.resolve('no VC', [claim])).resolves.toEqual([{}]);
    const named: Match = { kind: 'name', text: 'Bitcoin', start: 0, end: 7, asset: 'cg:bitcoin' };
    const offline = client.resolve('Bitcoin $TAO', [named, tao], true);
    await vi.advanceTimersByTimeAsync(1);
    await expect(offline).resolves.toEqual([{ asset: 'cg:bitcoin' }, {}]);
    // Not kept: the next request asks again.
    expect(client.resolutionsOf('Bitcoin $TAO')).toBeUndefined();
  });

  it('after a failed request, calls for a retry after a second, then two', async () => {
    let fail = true;
    const calls: string[][] = [];
    const client = new DetectionClient(async (texts) => {
      calls.push(texts);
      if (fail) throw new Error('worker restarting');
      return texts.map(() => ({ matches: [] }));
    });
    let answers = 0;
    let retries = 0;
    client.onAnswer(() => answers++);
    client.onRetry(() => {
      retries++;
      client.ask(['$TAO one']);
    });
    client.ask(['$TAO one']);
    await vi.advanceTimersByTimeAsync(200);
    expect(answers).toBe(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(retries).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(retries).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(retries).toBe(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(1 + 200);
    expect(retries).toBe(2);
    expect(calls).toHaveLength(3);
    expect(client.matchesOf('$TAO one')).toEqual([]);
    expect(answers).toBe(1);
  });
});
