/**
 * The data service's daily lists and fallbacks at their edges: the CoinGecko id → DefiLlama slug
 * map kept for a day and used to find a coin's schedule, an emissions file without sources or
 * notes, DefiLlama's price for exactly one batch of coins, an empty CoinGecko answer, and a stored
 * 7-day line marked stale with the price it stands beside. Driven through the scripted fetch.
 *
 * Answers: the recorded CoinGecko top 250 and Hyperliquid emissions file, DefiLlama's documented
 * prices shape; HAND-MADE: /protocols rows (the fields protocolsSchema reads) and copies of the
 * recordings with a field removed, said where they are.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { LLAMA_PRICES_BATCH } from '../../../utils/sources/llama-coins';
import { host, json, on, pathOf, scriptedFetch, scriptedService, status } from '../../support/scripted-fetch';
import { fixtureText, testClock, top250 } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2024-11-01T00:00:00Z');
  script = scriptedFetch();
});

const service = () => scriptedService(db, clock, script);

const datasets = host('llamaDatasets');
const llamaApi = host('llamaApi');
const emission = () =>
  JSON.parse(fixtureText('defillama', 'emission-hyperliquid.object.json')) as {
    body: { metadata: Record<string, unknown> };
  };
const protocolAsks = () => script.asked.filter((u) => u === `${llamaApi}/protocols`).length;

describe('the slug map', () => {
  it('finds a coin’s schedule under the slug DefiLlama maps it to, and keeps the map for a day', async () => {
    // HAND-MADE: a coin whose CoinGecko id is not DefiLlama's slug. The file's own gecko_id is removed
    // so it does not name another coin.
    const file = emission();
    delete file.body.metadata.gecko_id;
    script.routes.push(
      on(llamaApi, '/protocols', json([{ slug: 'hyperliquid', gecko_id: 'hype-token', twitter: null }])),
    );
    script.routes.push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    script.routes.push(on(datasets, '/emissions/hyperliquid', json(file)));
    const svc = service();
    expect(await svc.refreshUnlocks('hype-token')).toEqual({ ok: true });
    expect(await db.getUnlocks('hype-token')).toMatchObject({ slug: 'hyperliquid' });
    expect(protocolAsks()).toBe(1);

    clock.advance(24 * 3_600_000 - 1);
    expect(await svc.refreshUnlocks('hype-token')).toEqual({ ok: true });
    expect(protocolAsks()).toBe(1);
    clock.advance(1);
    expect(await svc.refreshUnlocks('hype-token')).toEqual({ ok: true });
    expect(protocolAsks()).toBe(2);
  });

  it('a map that cannot be read again is the last good one', async () => {
    script.routes.push(
      on(llamaApi, '/protocols', json([{ slug: 'hyperliquid', gecko_id: 'hype-token', twitter: null }])),
    );
    script.routes.push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    const file = emission();
    delete file.body.metadata.gecko_id;
    script.routes.push(on(datasets, '/emissions/hyperliquid', json(file)));
    const svc = service();
    await svc.refreshUnlocks('hype-token');
    script.routes.unshift(on(llamaApi, '/protocols', () => status(500)));
    clock.advance(25 * 3_600_000);
    expect(await svc.refreshUnlocks('hype-token')).toEqual({ ok: true });
    expect(protocolAsks()).toBe(2);
  });

  it('a file without sources or notes is stored with none', async () => {
    // HAND-MADE: the recorded file without `sources` and `notes`.
    const file = emission();
    delete file.body.metadata.sources;
    delete file.body.metadata.notes;
    script.routes.push(on(llamaApi, '/protocols', json([])));
    script.routes.push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    script.routes.push(on(datasets, '/emissions/hyperliquid', json(file)));
    await service().refreshUnlocks('hyperliquid');
    expect(await db.getUnlocks('hyperliquid')).toMatchObject({ sources: [], notes: [] });
  });
});

describe('DefiLlama’s price, more edges', () => {
  const cg = host('coingecko');
  const markets = pathOf('coingecko', '/coins/markets');
  const llamaAsks = () => script.asked.filter((u) => u.startsWith(host('llamaCoins')));

  it(`exactly ${LLAMA_PRICES_BATCH} coins left out: one call`, async () => {
    script.routes.push(on(cg, markets, json([])));
    script.routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const ids = top250()
      .slice(0, LLAMA_PRICES_BATCH)
      .map((r) => `cg:${r.id}`);
    const { results } = await service().refreshQuotes(ids);
    expect(llamaAsks()).toHaveLength(1);
    expect(results.size).toBe(LLAMA_PRICES_BATCH);
  });

  it('an empty CoinGecko answer is "not in the answer", not a misshaped one', async () => {
    script.routes.push(on(cg, markets, json([])));
    script.routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    const { results } = await service().refreshQuotes(['cg:bitcoin']);
    expect(results.get('cg:bitcoin')).toEqual({
      ok: false,
      reason: 'CoinGecko: not in the answer; not priced by DefiLlama',
      servedStale: false,
    });
  });

  it('a coin DefiLlama prices without a symbol is named by its id', async () => {
    script.routes.push(on(cg, markets, () => status(500)));
    script.routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json({ coins: { 'coingecko:bitcoin': { price: 5, confidence: 0.9 } } }),
      ),
    );
    await service().refreshQuotes(['cg:bitcoin']);
    expect(await db.getQuote('cg:bitcoin')).toMatchObject({ symbol: '', name: 'cg:bitcoin' });
  });

  it('the stored 7-day line is marked stale with the price, whichever way the price fails', async () => {
    // HAND-MADE: the recorded bitcoin row with a short 7-day line.
    const row = { ...(top250()[0] as Record<string, unknown>), sparkline_in_7d: { price: [1, 2, 3] } };
    script.routes.push(on(cg, markets, json([row])));
    const svc = service();
    await svc.refreshQuotes(['cg:bitcoin']);

    script.clear();
    script.routes.push(on(cg, markets, () => status(500)));
    script.routes.push(on(host('llamaCoins'), /^\/prices\/current\//, () => status(500)));
    await svc.refreshQuotes(['cg:bitcoin']);
    expect((await db.getQuote('cg:bitcoin'))?.sparkline).toMatchObject({
      stale: true,
      error: 'CoinGecko: HTTP 500; DefiLlama: HTTP 500',
    });

    script.clear();
    script.routes.push(on(cg, markets, () => status(500)));
    script.routes.push(on(host('llamaCoins'), /^\/prices\/current\//, json({ coins: {} })));
    await svc.refreshQuotes(['cg:bitcoin']);
    expect((await db.getQuote('cg:bitcoin'))?.sparkline).toMatchObject({
      stale: true,
      error: 'CoinGecko: HTTP 500',
    });

    script.clear();
    script.routes.push(on(cg, markets, () => status(502)));
    script.routes.push(
      on(
        host('llamaCoins'),
        /^\/prices\/current\//,
        json({ coins: { 'coingecko:bitcoin': { price: 5, confidence: 0.9 } } }),
      ),
    );
    await svc.refreshQuotes(['cg:bitcoin']);
    const q = await db.getQuote('cg:bitcoin');
    expect(q?.sparkline).toMatchObject({ stale: true, error: 'CoinGecko: HTTP 502' });
    expect(q?.price).toMatchObject({ usd: 5, source: 'llamaCoins' });
  });
});
