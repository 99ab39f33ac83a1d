/**
 * DefiLlama's readers and the request helper at their edges: the most confident contract price,
 * governance venues, the last day of a fees chart and the 30-day window, handles and slugs from
 * /protocols, the coins URL's bounds; what a request sends and how it reads a declared length,
 * Retry-After and the answer's shape; which hosts are this machine.
 *
 * Answers: HAND-MADE in the documented shapes of DefiLlama's /prices/current (prices-current.json),
 * /summary/fees and /protocols (the fields their schemas read), said where; HTTP answers are local.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isLoopback, keyMayGo, refusedHost } from '../../../utils/sources/base-urls';
import { bestLlamaPrice, platformOf } from '../../../utils/sources/contract-facts';
import { fetchJson, fetchText, parseRetryAfter } from '../../../utils/sources/http';
import {
  chartLastDay,
  geckoToSlug,
  governanceIds,
  handlesFromProtocols,
  revenueCoverage,
} from '../../../utils/sources/llama-api';
import { LLAMA_PRICES_BATCH, llamaPricesUrl } from '../../../utils/sources/llama-coins';

const ADDR = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const DAY = 86_400_000;

describe('DefiLlama contract prices', () => {
  const price = (p: number, more: Record<string, unknown> = {}) => ({ price: p, decimals: 6, ...more });

  it('the most confident price for the address on any chain; a tie keeps the first', () => {
    const coins = {
      [`ethereum:${ADDR.toLowerCase()}`]: price(1, { confidence: 0.5 }),
      [`base:${ADDR}`]: price(0.99, { confidence: 0.9, symbol: 'USDC', timestamp: 1_700_000_000 }),
      [`bsc:${ADDR}`]: price(0.98, { confidence: 0.9 }),
    };
    expect(bestLlamaPrice({ coins }, ADDR)).toEqual({
      chain: 'base',
      usd: 0.99,
      symbol: 'USDC',
      timestamp: 1_700_000_000,
      confidence: 0.9,
    });
  });

  it('a price without confidence counts as none; a later confident one wins', () => {
    const coins = { [`ethereum:${ADDR}`]: price(1), [`base:${ADDR}`]: price(2, { confidence: 0.1 }) };
    expect(bestLlamaPrice({ coins }, ADDR)).toEqual({ chain: 'base', usd: 2, confidence: 0.1 });
    expect(bestLlamaPrice({ coins: { [`ethereum:${ADDR}`]: price(1) } }, ADDR)).toEqual({
      chain: 'ethereum',
      usd: 1,
    });
  });

  it('keys of other addresses, without a chain, or with a negative price are not it; zero is a price', () => {
    const coins = {
      [`ethereum:0x${'1'.repeat(40)}`]: price(5, { confidence: 1 }),
      [ADDR]: price(6, { confidence: 1 }),
      [`:${ADDR}`]: price(0, { confidence: 0.2 }),
      [`bsc:${ADDR}`]: price(-1, { confidence: 1 }),
    };
    expect(bestLlamaPrice({ coins }, ADDR)).toEqual({ chain: '', usd: 0, confidence: 0.2 });
    expect(bestLlamaPrice({ coins: {} }, ADDR)).toBeNull();
  });

  it('DefiLlama’s chain names become CoinGecko’s platforms; an unknown one stays as it is', () => {
    expect(platformOf('bsc')).toBe('binance-smart-chain');
    expect(platformOf('avax')).toBe('avalanche');
    expect(platformOf('sonic')).toBe('sonic');
  });

  it(`the coins URL takes 1 to ${LLAMA_PRICES_BATCH} coins`, () => {
    expect(() => llamaPricesUrl('https://coins.llama.fi', [])).toThrow(RangeError);
    const most = Array.from({ length: LLAMA_PRICES_BATCH }, (_, i) => `coingecko:c${i}`);
    expect(llamaPricesUrl('https://coins.llama.fi', most)).toContain('coingecko%3Ac99');
    expect(() => llamaPricesUrl('https://coins.llama.fi', [...most, 'coingecko:x'])).toThrow(
      new RangeError('1..100 coins'),
    );
  });
});

describe('DefiLlama fees and protocols', () => {
  it('governance venues: one given as text, or a list; trimmed, each once, none blank or over 200 long, ten at most', () => {
    expect(governanceIds({ governanceID: ' snapshot:a.eth ' })).toEqual(['snapshot:a.eth']);
    expect(governanceIds({ governanceID: null })).toEqual([]);
    const many = Array.from({ length: 12 }, (_, i) => `v${i}`);
    expect(
      governanceIds({ governanceID: ['a', ' a', '', '  ', 'x'.repeat(201), 'y'.repeat(200), ...many] }),
    ).toEqual(['a', 'y'.repeat(200), ...many.slice(0, 8)]);
  });

  it('the chart’s last day: the latest date with a value, at 00:00 UTC', () => {
    const t = (iso: string) => Date.parse(iso) / 1000;
    expect(
      chartLastDay([
        [t('2025-01-03T10:00:00Z'), 5],
        [t('2025-01-05T23:00:00Z'), null],
        [t('2025-01-01T00:00:00Z'), 1],
        [t('2025-01-04T12:00:00Z'), 2],
      ]),
    ).toBe(Date.parse('2025-01-04T00:00:00Z'));
    expect(chartLastDay([[t('2025-01-04T12:00:00Z'), null]])).toBeNull();
    expect(chartLastDay(undefined)).toBeNull();
  });

  it('the 30-day window: the 30 dates before today, today and nulls left out, a date’s points added', () => {
    const now = Date.parse('2025-02-01T12:00:00Z');
    const today = Date.parse('2025-02-01T00:00:00Z');
    const s = (ms: number) => ms / 1000;
    expect(
      revenueCoverage(
        [
          [s(today - 31 * DAY), 100],
          [s(today - 30 * DAY), 1],
          [s(today - 2 * DAY), 2],
          [s(today - 2 * DAY + 3_600_000), 3],
          [s(today - DAY), null],
          [s(today), 50],
        ],
        now,
      ),
    ).toEqual({ days: 2, sum: 6, from: today - 30 * DAY, to: today - 2 * DAY });
    expect(revenueCoverage([[s(today), 50]], now)).toBeNull();
  });

  it('handles: the first protocol listed for a handle, @ and spaces aside, letter case folded', () => {
    expect(
      handlesFromProtocols([
        { twitter: '@Uniswap ', gecko_id: 'uniswap' },
        { twitter: 'uniswap', gecko_id: 'uniswap-v4' },
        { twitter: 'a@b', gecko_id: 'ab' },
        { twitter: 'nogecko', gecko_id: null },
      ]),
    ).toEqual({ uniswap: 'cg:uniswap' });
  });

  it('slugs: the first protocol listed for a CoinGecko id; rows without either are skipped', () => {
    expect(
      geckoToSlug([
        { slug: 'aave-v3', gecko_id: 'aave' },
        { slug: 'aave-v2', gecko_id: 'aave' },
        { slug: null, gecko_id: 'x' },
        { slug: 'y', gecko_id: null },
      ]),
    ).toEqual({ aave: 'aave-v3' });
  });
});

describe('requests', () => {
  /** A fetch that answers `res` and keeps what it was sent. */
  const answering = (res: () => Response) => {
    const sent: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      sent.push(init);
      return res();
    }) as unknown as typeof globalThis.fetch;
    return { fetch, sent };
  };

  it('asks for JSON when it reads JSON, for text otherwise, and sends no cookie unless asked', async () => {
    const json = answering(() => new Response('{}'));
    await fetchJson('https://x.test/a', z.object({}), { fetch: json.fetch, headers: { 'x-k': 'v' } });
    expect(json.sent[0]).toMatchObject({
      headers: { accept: 'application/json', 'x-k': 'v' },
      credentials: 'omit',
    });
    const text = answering(() => new Response('abc'));
    expect(await fetchText('https://x.test/b', { fetch: text.fetch, credentials: 'include' })).toMatchObject({
      ok: true,
      data: 'abc',
    });
    expect(text.sent[0]).toMatchObject({ headers: { accept: 'text/plain, */*' }, credentials: 'include' });
  });

  it('an answer that declares more than the cap is refused unread; exactly the cap is read', async () => {
    const body = 'x'.repeat(10);
    const declared = (n: number) =>
      answering(() => new Response(body, { headers: { 'content-length': String(n) } }));
    expect(await fetchText('https://x.test', { fetch: declared(11).fetch, maxBytes: 10 })).toMatchObject({
      ok: false,
      status: 200,
      reason: 'answer too large (11 bytes)',
    });
    expect(await fetchText('https://x.test', { fetch: declared(10).fetch, maxBytes: 10 })).toMatchObject({
      ok: true,
      data: body,
    });
    // Undeclared, the body is counted as it comes: exactly the cap passes.
    const undeclared = answering(() => new Response(body));
    expect(await fetchText('https://x.test', { fetch: undeclared.fetch, maxBytes: 10 })).toMatchObject({
      ok: true,
    });
  });

  it('a character split across chunks is read whole; an answer without a body is empty', async () => {
    const euro = new TextEncoder().encode('€');
    const split = () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(euro.slice(0, 1));
            c.enqueue(euro.slice(1));
            c.close();
          },
        }),
      );
    expect(await fetchText('https://x.test', { fetch: answering(split).fetch })).toMatchObject({ data: '€' });
    expect(
      await fetchText('https://x.test', { fetch: answering(() => new Response(null)).fetch }),
    ).toMatchObject({
      ok: true,
      data: '',
    });
  });

  it('a failure says its Retry-After only when the server gave one', async () => {
    const plain = await fetchText('https://x.test', {
      fetch: answering(() => new Response('', { status: 503 })).fetch,
    });
    expect(plain).not.toHaveProperty('retryAfterMs');
    const told = await fetchText('https://x.test', {
      fetch: answering(() => new Response('', { status: 503, headers: { 'retry-after': '0' } })).fetch,
    });
    expect(told).toMatchObject({ reason: 'HTTP 503', retryAfterMs: 0 });
  });

  it('Retry-After: seconds (zero included), else a date; neither is none', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('7')).toBe(7_000);
    expect(parseRetryAfter('Infinity', 0)).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z'))).toBe(60_000);
  });

  it('a misshaped answer names where: the field’s path, or the root', async () => {
    const at = answering(() => new Response('{"a":{"b":1}}'));
    expect(
      await fetchJson('https://x.test', z.object({ a: z.object({ b: z.string() }) }), { fetch: at.fetch }),
    ).toMatchObject({
      reason: expect.stringMatching(/^unexpected answer shape \(a\.b: /),
    });
    const root = answering(() => new Response('[]'));
    expect(await fetchJson('https://x.test', z.object({}), { fetch: root.fetch })).toMatchObject({
      reason: expect.stringMatching(/^unexpected answer shape \(\(root\): /),
    });
  });
});

describe('this machine, and where a key may go', () => {
  it.each([
    ['http://127.0.0.1:8080', true],
    ['http://127.10.200.3', true],
    ['http://localhost:3000', true],
    ['http://[::1]:9', true],
    ['http://127.0.0.1.example.com', false],
    ['http://10.127.0.0.1', false],
    ['http://127.0.0.1a.example', false],
    ['http://a127.0.0.1', false],
    ['not a url', false],
  ])('%s is this machine: %s', (url, loopback) => {
    expect(isLoopback(url)).toBe(loopback);
  });

  it('a key goes over https or to this machine, never to what is not a URL', () => {
    expect(keyMayGo('https://api.example')).toBe(true);
    expect(keyMayGo('http://127.0.0.1:1')).toBe(true);
    expect(keyMayGo('http://api.example')).toBe(false);
    expect(keyMayGo('not a url')).toBe(false);
  });

  it('a host the browser cannot say it grants is refused; what is not a URL is said so', async () => {
    const throwing = async () => {
      throw new Error('permissions API gone');
    };
    expect(await refusedHost('stocks', 'https://quotes.example/x', throwing)).toMatch(/^no host permission/);
    expect(await refusedHost('stocks', 'nonsense', async () => true)).toBe('stocks: not a URL');
  });
});
