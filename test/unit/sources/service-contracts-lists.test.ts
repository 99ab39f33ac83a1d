/**
 * The data service at more edges: facts of an unlisted contract (which source said what, which
 * platform is asked, what is cached under which key), contract prices in batches, the daily lists
 * when what is stored is not what was written, and what an unlock record keeps of a file. Driven
 * through the scripted fetch (test/support/scripted-fetch.ts).
 *
 * Answers: the recorded CoinGecko contract detail (USDC) and top 250, the recorded GoPlus WETH
 * answer, DefiLlama's documented prices shape, the recorded Hyperliquid emissions file; HAND-MADE
 * copies of them with one field changed or removed, said where they are.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { TOKEN_PRICE_BATCH } from '../../../utils/sources/coingecko';
import type { RegistryLists } from '../../../utils/sources/service';
import { loadCoingeckoRecordings } from '../../support/api-server';
import { host, json, on, pathOf, scriptedFetch, scriptedService, status } from '../../support/scripted-fetch';
import { fixtureJson, fixtureText, testClock } from '../../support/sources-server';

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
let script: ReturnType<typeof scriptedFetch>;

beforeEach(() => {
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2025-02-09T18:00:00Z');
  script = scriptedFetch();
});

const service = (extra: Parameters<typeof scriptedService>[3] = {}) =>
  scriptedService(db, clock, script, extra);
const routes = () => script.routes;
const CG = host('coingecko');
const LLAMA = host('llamaCoins');
const asked = (h: string) => script.asked.filter((u) => u.startsWith(h)).map(decodeURIComponent);

/** DefiLlama's coins answer shape (its documented example, prices-current.json), for these keys. */
const llamaPrices = (coins: Record<string, { price: number; symbol?: string; timestamp?: number }>) => ({
  coins: Object.fromEntries(
    Object.entries(coins).map(([k, v]) => [k, { confidence: 0.99, decimals: 18, ...v }]),
  ),
});

describe('facts of an unlisted contract, more edges', () => {
  const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
  const MINT = 'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN';
  const detail = () => {
    const r = loadCoingeckoRecordings().find((x) => x.path === '/api/v3/coins/ethereum/contract/123');
    if (!r) throw new Error('no recorded contract detail');
    return JSON.parse(r.body) as Record<string, unknown> & { market_data: Record<string, unknown> };
  };
  const goplus = () =>
    fixtureJson('goplus', 'token_security_1_weth.json') as { result: Record<string, unknown> };

  it('an EVM address is one cache entry whatever its letter case', async () => {
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    const svc = service();
    const a = await svc.contractFacts('evm', USDC);
    const b = await svc.contractFacts('evm', USDC.toLowerCase());
    expect(asked(LLAMA)).toHaveLength(1);
    expect(b).toEqual(a);
  });

  it('not an address: nothing asked, no facts', async () => {
    expect(await service().contractFacts('evm', '0x1234')).toBeNull();
    expect(script.asked).toEqual([]);
  });

  it('each source that fails says why, once; the failed DefiLlama is not also "no price"', async () => {
    routes().push(on(LLAMA, /^\/prices\/current\//, () => status(500)));
    routes().push(on(CG, /\/contract\//, () => status(404)));
    routes().push(on(host('goplus'), /token_security/, () => status(502)));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.errors).toEqual(['DefiLlama: HTTP 500', 'CoinGecko: HTTP 404', 'GoPlus: HTTP 502']);
    expect(f?.price).toBeUndefined();
    expect(f?.calls).toBeUndefined();
    // Not priced: CoinGecko is asked on Ethereum.
    expect(asked(CG)).toEqual([`${CG}${pathOf('coingecko', `/coins/ethereum/contract/${USDC}`)}`]);
  });

  it('a Solana mint: CoinGecko asked on Solana, GoPlus not at all', async () => {
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    const f = await service().contractFacts('solana', MINT);
    expect(asked(CG)).toEqual([`${CG}${pathOf('coingecko', `/coins/solana/contract/${MINT}`)}`]);
    expect(asked(host('goplus'))).toEqual([]);
    expect(f?.errors).toEqual(['DefiLlama: no price for this contract', 'CoinGecko: HTTP 404']);
  });

  it('DefiLlama’s price without a symbol or time: no name claimed, no time made up', async () => {
    routes().push(on(LLAMA, /^\/prices\/current\//, json({ coins: { [`ethereum:${USDC}`]: { price: 1 } } })));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.price).toEqual({ usd: 1, source: 'llamaCoins', asOf: null });
    expect(f?.calls).toBeUndefined();
  });

  it('what the token calls itself, from GoPlus, over DefiLlama’s symbol; its scanner facts with it', async () => {
    const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    routes().push(
      on(
        LLAMA,
        /^\/prices\/current\//,
        json(llamaPrices({ [`ethereum:${weth}`]: { price: 2_600, symbol: 'weth' } })),
      ),
    );
    routes().push(on(host('goplus'), /token_security/, json(goplus())));
    const f = await service().contractFacts('evm', weth);
    expect(f?.calls).toEqual({ name: 'Wrapped Ether', symbol: 'WETH' });
    expect(f?.security).toBeDefined();
    expect(f?.errors).toEqual(['CoinGecko: HTTP 404']);
  });

  it('GoPlus without a name keeps DefiLlama’s symbol', async () => {
    const weth = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
    // HAND-MADE: the recorded GoPlus answer without `token_name` and `token_symbol`.
    const answer = goplus();
    const row = answer.result[weth] as Record<string, unknown>;
    delete row.token_name;
    delete row.token_symbol;
    routes().push(
      on(
        LLAMA,
        /^\/prices\/current\//,
        json(llamaPrices({ [`ethereum:${weth}`]: { price: 2_600, symbol: 'WETH' } })),
      ),
    );
    routes().push(on(host('goplus'), /token_security/, json(answer)));
    const f = await service().contractFacts('evm', weth);
    expect(f?.calls).toEqual({ symbol: 'WETH' });
  });

  it('CoinGecko’s price is dated by its market data, else by the document’s own time', async () => {
    // HAND-MADE: the recorded detail without `market_data.last_updated`, the document's set a day on.
    const d = detail();
    delete d.market_data.last_updated;
    d.last_updated = '2024-04-08T00:00:00.000Z';
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    routes().push(on(CG, /\/contract\//, json(d)));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.price).toEqual({
      usd: 1.003,
      source: 'coingecko',
      asOf: Date.parse('2024-04-08T00:00:00.000Z'),
    });
  });

  it('CoinGecko knowing the contract without a price, or without any time: no price, or no time', async () => {
    // HAND-MADE: the recorded detail without market data at all.
    const { market_data: _m, ...bare } = detail();
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    routes().push(on(CG, /\/contract\//, json(bare)));
    const svc = service();
    const f = await svc.contractFacts('evm', USDC);
    expect(f?.coingecko).toEqual({ id: 'usd-coin', name: 'USDC', symbol: 'USDC' });
    expect(f?.price).toBeUndefined();
    // HAND-MADE: a price with no time anywhere.
    script.clear();
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    routes().push(
      on(
        CG,
        /\/contract\//,
        json({ ...bare, last_updated: null, market_data: { current_price: { usd: 1 } } }),
      ),
    );
    clock.advance(10 * 60_000);
    expect((await svc.contractFacts('evm', USDC))?.price).toEqual({
      usd: 1,
      source: 'coingecko',
      asOf: null,
    });
  });

  it('market data without a current price is no price', async () => {
    // HAND-MADE: the recorded detail whose market data has only its time.
    const d = detail();
    d.market_data = { last_updated: '2024-04-07T16:35:22.339Z' };
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    routes().push(on(CG, /\/contract\//, json(d)));
    const f = await service().contractFacts('evm', USDC);
    expect(f?.coingecko?.id).toBe('usd-coin');
    expect(f?.price).toBeUndefined();
  });

  it('stored facts that are not facts (an older or broken entry) are asked again', async () => {
    routes().push(on(LLAMA, /^\/prices\/current\//, json(llamaPrices({}))));
    const key = `contract:evm:${USDC.toLowerCase()}`;
    const broken = [
      { chain: 'evm', fetchedAt: 'today' },
      // A time written as text is not a time, even when it reads as a fresh one.
      { chain: 'evm', address: USDC, fetchedAt: String(clock.now()), errors: [] },
      [clock.now()],
      null,
    ];
    for (const entry of broken) {
      await db.setMeta(key, entry, clock.now());
      const before = asked(LLAMA).length;
      const f = await service().contractFacts('evm', USDC);
      expect(asked(LLAMA)).toHaveLength(before + 1);
      expect(f?.fetchedAt).toBe(clock.now());
    }
  });
});

describe('contract prices in batches', () => {
  const addr = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;

  it(`${TOKEN_PRICE_BATCH} addresses are one CoinGecko call, one more is a second call with that one`, async () => {
    const priced = (url: URL) =>
      json(
        Object.fromEntries(
          (url.searchParams.get('contract_addresses') ?? '').split(',').map((a) => [a, { usd: 1 }]),
        ),
      );
    routes().push((url) => (url.host === CG ? priced(url) : undefined));
    const svc = service();
    const list = Array.from({ length: TOKEN_PRICE_BATCH }, (_, i) => addr(i + 1));
    await svc.refreshContractPrices('ethereum', list);
    expect(asked(CG)).toHaveLength(1);
    const { results } = await svc.refreshContractPrices('ethereum', [...list, addr(99)]);
    const calls = asked(CG).slice(1);
    expect(
      calls.map((u) => new URL(`https://${u}`).searchParams.get('contract_addresses')?.split(',').length),
    ).toEqual([TOKEN_PRICE_BATCH, 1]);
    expect(calls[1]).toContain(addr(99));
    expect(results.size).toBe(TOKEN_PRICE_BATCH + 1);
    expect([...results.values()].every((r) => r.ok)).toBe(true);
    expect(asked(LLAMA)).toEqual([]);
  });

  it('a new price keeps the name and symbol already known for the contract; a first one has none', async () => {
    const A = addr(1);
    routes().push(on(CG, pathOf('coingecko', '/simple/token_price/ethereum'), json({ [A]: { usd: 2 } })));
    const svc = service();
    await svc.refreshContractPrices('ethereum', [A]);
    expect(await db.getQuote(`ca:ethereum:${A}`)).toMatchObject({ symbol: '', name: '' });
    await db.updateQuotes([`ca:ethereum:${A}`], (q) =>
      q ? { ...q, symbol: 'TKN', name: 'Token' } : undefined,
    );
    clock.advance(60_000);
    await svc.refreshContractPrices('ethereum', [A]);
    expect(await db.getQuote(`ca:ethereum:${A}`)).toMatchObject({
      symbol: 'TKN',
      name: 'Token',
      fetchedAt: clock.now(),
      price: { usd: 2, fetchedAt: clock.now() },
    });
  });
});

describe('the daily lists when what is stored is not what was written', () => {
  const llamaApi = host('llamaApi');
  const datasets = host('llamaDatasets');
  const protocolAsks = () => asked(llamaApi).filter((u) => u === `${llamaApi}/protocols`).length;
  const listAsks = () => asked(datasets).filter((u) => u.endsWith('/emissionsProtocolsList')).length;

  beforeEach(() => {
    routes().push(on(llamaApi, '/protocols', json([])));
    routes().push(on(datasets, '/emissionsProtocolsList', json([])));
  });

  it.each([
    ['a list, not a map', (now: number) => ({ value: ['hyperliquid'], fetchedAt: now })],
    ['a map of numbers', (now: number) => ({ value: { hyperliquid: 1 }, fetchedAt: now })],
    ['without a time', () => ({ value: {} })],
    // A time written as text is not a time, even when it reads as a fresh one.
    ['with its time as text', (now: number) => ({ value: {}, fetchedAt: String(now) })],
    ['empty', () => null],
  ])('a stored slug map %s is asked again', async (_what, stored) => {
    await db.setMeta('llama:protocolMap', stored(clock.now()), clock.now());
    await service().refreshUnlocks('bitcoin');
    expect(protocolAsks()).toBe(1);
  });

  it.each([
    ['a map, not a list', { a: 'hyperliquid' }],
    ['a list of numbers', [1, 2]],
    ['a list with one number', ['hyperliquid', 2]],
  ])('a stored emissions list that is %s is asked again', async (_what, value) => {
    await db.setMeta('llama:emissionsList', { value, fetchedAt: clock.now() }, clock.now());
    await service().refreshUnlocks('bitcoin');
    expect(listAsks()).toBe(1);
  });

  it('the emissions list is kept for exactly a day', async () => {
    script.clear();
    routes().push(on(llamaApi, '/protocols', json([])));
    routes().push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    const svc = service();
    await svc.refreshUnlocks('bitcoin');
    clock.advance(24 * 3_600_000 - 1);
    await svc.refreshUnlocks('ethereum');
    expect(listAsks()).toBe(1);
    clock.advance(1);
    await svc.refreshUnlocks('solana');
    expect(listAsks()).toBe(2);
  });

  it('without a slug map ever read, a coin’s schedule is looked for under its own id', async () => {
    script.clear();
    routes().push(on(llamaApi, '/protocols', () => status(500)));
    routes().push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    routes().push(
      on(
        datasets,
        '/emissions/hyperliquid',
        json(JSON.parse(fixtureText('defillama', 'emission-hyperliquid.object.json'))),
      ),
    );
    expect(await service().refreshUnlocks('hyperliquid')).toEqual({ ok: true });
    expect(await db.getUnlocks('hyperliquid')).toMatchObject({ slug: 'hyperliquid' });
  });

  it('the full coin list may be larger than other answers (here 9 MB)', async () => {
    script.clear();
    routes().push(on(llamaApi, '/protocols', json([])));
    routes().push(on(CG, pathOf('coingecko', '/coins/markets'), json([])));
    // HAND-MADE: rows in the recorded list's shape, as many as make 9 MB.
    const coins = Array.from({ length: 60_000 }, (_, i) => ({
      id: `coin-${i}`,
      symbol: `c${i}`,
      name: `Coin ${i}`,
      platforms: { ethereum: `0x${i.toString(16).padStart(40, '0')}`, base: `0x${'b'.repeat(40)}` },
    }));
    const body = JSON.stringify(coins);
    expect(body.length).toBeGreaterThan(8 * 1024 * 1024);
    routes().push(on(CG, pathOf('coingecko', '/coins/list'), () => json(body)));
    let count = 0;
    const r = await service({
      onRegistryLists: async (l) => {
        count = l.coins.length;
      },
    }).refreshRegistry();
    expect(r).toEqual({ ok: true });
    expect(count).toBe(60_000);
  });

  it('the registry’s daily refresh asks for the slug map even when it is fresh, and rank pages 1 to 4', async () => {
    script.clear();
    routes().push(on(llamaApi, '/protocols', json([])));
    routes().push(on(CG, pathOf('coingecko', '/coins/list'), json([])));
    routes().push(on(CG, pathOf('coingecko', '/coins/markets'), json([])));
    let lists: RegistryLists | undefined;
    const svc = service({
      onRegistryLists: async (l) => {
        lists = l;
      },
    });
    await svc.refreshUnlocks('bitcoin');
    expect(protocolAsks()).toBe(1);
    expect(await svc.refreshRegistry()).toEqual({ ok: true });
    expect(protocolAsks()).toBe(2);
    const pages = asked(CG)
      .filter((u) => u.includes('/coins/markets'))
      .map((u) => new URL(`https://${u}`).searchParams.get('page'));
    expect(pages.sort()).toEqual(['1', '2', '3', '4']);
    expect(lists?.coins).toEqual([]);
  });
});

describe('what an unlock record keeps of a file', () => {
  const datasets = host('llamaDatasets');
  type EmissionFile = {
    body: { metadata?: Record<string, unknown>; documentedData?: Record<string, unknown> };
    lastModified?: string;
  };
  const file = () => JSON.parse(fixtureText('defillama', 'emission-hyperliquid.object.json')) as EmissionFile;

  function serve(f: EmissionFile) {
    routes().push(on(host('llamaApi'), '/protocols', json([])));
    routes().push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    routes().push(on(datasets, '/emissions/hyperliquid', json(f)));
  }

  it('a file without documented data or a total: no allocation, no total supply', async () => {
    // HAND-MADE: the recorded file without `documentedData` and `metadata.total`.
    const f = file();
    delete f.body.documentedData;
    delete f.body.metadata?.total;
    serve(f);
    await service().refreshUnlocks('hyperliquid');
    expect(await db.getUnlocks('hyperliquid')).toMatchObject({ allocation: null, totalSupply: null });
  });

  it('an allocation with only its current split has an empty final one', async () => {
    // HAND-MADE: the recorded file's allocation without `final`.
    const f = file();
    const current = { insiders: 23.8, publicSale: 76.2 };
    f.body.documentedData = { ...f.body.documentedData, tokenAllocation: { current } };
    serve(f);
    await service().refreshUnlocks('hyperliquid');
    expect((await db.getUnlocks('hyperliquid'))?.allocation).toEqual({ current, final: {} });
  });

  it('a file without metadata: no total, no sources, no notes', async () => {
    // HAND-MADE: the recorded file without `metadata`.
    const f = file();
    delete f.body.metadata;
    serve(f);
    await service().refreshUnlocks('hyperliquid');
    expect(await db.getUnlocks('hyperliquid')).toMatchObject({ totalSupply: null, sources: [], notes: [] });
  });

  it('a file naming thousands of sections keeps the first 500', async () => {
    // HAND-MADE: the recorded file's categories with 600 made-up section names.
    const f = file();
    const labels = Array.from({ length: 600 }, (_, i) => `Section ${i}`);
    f.body.metadata = { ...f.body.metadata, categories: { insiders: labels } };
    serve(f);
    await service().refreshUnlocks('hyperliquid');
    const sections = (await db.getUnlocks('hyperliquid'))?.sections ?? [];
    expect(sections).toHaveLength(500);
    expect(sections[0]).toMatchObject({ label: 'Section 0', category: 'insiders' });
  });

  it('a coin the list does not name is stored as having no schedule, with nothing else', async () => {
    routes().push(on(host('llamaApi'), '/protocols', json([])));
    routes().push(on(datasets, '/emissionsProtocolsList', json(['hyperliquid'])));
    await service().refreshUnlocks('bitcoin');
    expect(await db.getUnlocks('bitcoin')).toEqual({
      cgId: 'bitcoin',
      slug: '',
      shape: 2,
      events: [],
      sections: [],
      asOf: null,
      allocation: null,
      totalSupply: null,
      sources: [],
      notes: [],
      source: 'llamaDatasets',
      fetchedAt: clock.now(),
    });
  });
});
