import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coingeckoHeaders, pingSchema } from '../../utils/sources/coingecko';
import { fetchJson, MAX_BODY_BYTES, parseRetryAfter } from '../../utils/sources/http';
import { ApiServer, loadCoingeckoRecordings } from '../support/api-server';

let api: ApiServer;

beforeAll(async () => {
  api = await new ApiServer()
    .mount('/cg', loadCoingeckoRecordings())
    .use((req, res, url) => {
      switch (url.pathname) {
        case '/429':
          res.writeHead(429, { 'retry-after': '7' }).end('{}');
          return true;
        case '/500':
          res.writeHead(500).end('oops');
          return true;
        case '/malformed':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"gecko_says": ');
          return true;
        case '/wrong-shape':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"gecko_says": 42}');
          return true;
        case '/huge':
          // Streamed with no content-length: the cap is enforced while reading.
          res.writeHead(200, { 'content-type': 'application/json' });
          for (let i = 0; i < 10; i++) res.write('x'.repeat(MAX_BODY_BYTES / 8));
          res.end();
          return true;
        case '/hang':
          req.on('close', () => res.destroy());
          return true;
      }
      return false;
    })
    .start();
});
afterAll(() => api.stop());

describe('fetchJson', () => {
  it('parses a recorded real answer with the caller’s schema', async () => {
    const out = await fetchJson(`${api.origin}/cg/api/v3/ping`, pingSchema);
    expect(out).toMatchObject({ ok: true, status: 200, data: { gecko_says: '(V3) To the Moon!' } });
  });

  it('reports 429 with Retry-After, HTTP errors, malformed JSON, wrong shapes, huge bodies, timeouts', async () => {
    expect(await fetchJson(`${api.origin}/429`, z.unknown())).toMatchObject({
      ok: false,
      status: 429,
      retryAfterMs: 7000,
      reason: 'rate limited (429)',
    });
    expect(await fetchJson(`${api.origin}/500`, z.unknown())).toMatchObject({ ok: false, status: 500 });
    expect(await fetchJson(`${api.origin}/malformed`, pingSchema)).toMatchObject({
      ok: false,
      reason: 'malformed JSON',
    });
    const wrong = await fetchJson(`${api.origin}/wrong-shape`, pingSchema);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toMatch(/unexpected answer shape \(gecko_says/);
    const huge = await fetchJson(`${api.origin}/huge`, z.unknown());
    expect(!huge.ok && huge.reason).toMatch(/too large/);
    const hang = await fetchJson(`${api.origin}/hang`, z.unknown(), { timeoutMs: 200 });
    expect(hang).toMatchObject({ ok: false, reason: 'timed out' });
    const refused = await fetchJson('http://127.0.0.1:9/none', z.unknown(), { timeoutMs: 2000 });
    expect(!refused.ok && refused.reason).toMatch(/network error|timed out/);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('CoinGecko key header', () => {
  it('sends a demo key on the public API and a pro key on pro-api', () => {
    expect(coingeckoHeaders('https://api.coingecko.com/api/v3', '')).toEqual({});
    expect(coingeckoHeaders('https://api.coingecko.com/api/v3', 'CG-demo')).toEqual({
      'x-cg-demo-api-key': 'CG-demo',
    });
    expect(coingeckoHeaders('https://pro-api.coingecko.com/api/v3', 'CG-pro')).toEqual({
      'x-cg-pro-api-key': 'CG-pro',
    });
  });
});
