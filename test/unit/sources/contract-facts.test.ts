/**
 * Unlisted contracts priced by contract (issue 28): DefiLlama's coins by `chain:address` (its
 * documented example answer, cDAI on Ethereum), GoPlus's recorded WETH answer, CoinGecko's contract
 * endpoint (not recorded for these addresses: it answers 404, as CoinGecko does for a contract it
 * does not list), all served by the local sources server. And the rule that a contract never
 * inherits a listed asset's name.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TickerlensDb } from '../../../utils/db';
import { bundledRegistry } from '../../../utils/registry/bundled';
import { withImitation } from '../../../utils/registry/imitation';
import { type ContractFacts, llamaContractKeys } from '../../../utils/sources/contract-facts';
import { createDataService } from '../../../utils/sources/service';
import { type SourcesServer, startSourcesServer, testClock } from '../../support/sources-server';

let server: SourcesServer;
beforeAll(async () => {
  server = await startSourcesServer();
});
afterAll(() => server.stop());

let db: TickerlensDb;
let clock: ReturnType<typeof testClock>;
beforeEach(() => {
  server.clearLog();
  for (const s of ['coingecko', 'llamaCoins', 'llamaApi', 'llamaDatasets', 'goplus', 'stocks'] as const)
    server.fault(s, null);
  db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = testClock('2024-11-01T00:00:00Z');
});

const service = () =>
  createDataService({
    db,
    settings: () => server.settings,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    timeoutMs: 10_000,
    batchWindowMs: 5,
  });

const CDAI = '0xdF574c24545E5FfEcb9a659c229253D4111d87e1';
const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';

describe('contract facts', () => {
  it('asks DefiLlama for every common EVM chain in one call and keeps the priced one', async () => {
    const f = await service().contractFacts('evm', CDAI);
    expect(server.requests('llamaCoins')).toHaveLength(1);
    expect(decodeURIComponent(server.requests('llamaCoins')[0] ?? '')).toContain(
      llamaContractKeys('evm', CDAI).join(','),
    );
    expect(f?.price).toEqual({ usd: 0.022053735051098835, source: 'llamaCoins', asOf: 990 });
    expect(f?.pricedOn).toBe('ethereum');
    expect(f?.calls).toEqual({ symbol: 'cDAI' });
    expect(f?.coingecko).toBeUndefined();
    expect(f?.errors.some((e) => e.startsWith('CoinGecko:'))).toBe(true);
    expect(f?.errors).toContain('GoPlus: contract not known to GoPlus');
  });

  it('serves the stored facts for ten minutes, then asks again', async () => {
    const svc = service();
    await svc.contractFacts('evm', CDAI);
    server.clearLog();
    clock.advance(5 * 60_000);
    await svc.contractFacts('evm', CDAI.toLowerCase());
    expect(server.requests('llamaCoins')).toHaveLength(0);
    clock.advance(6 * 60_000);
    await svc.contractFacts('evm', CDAI);
    expect(server.requests('llamaCoins')).toHaveLength(1);
  });

  it('GoPlus says what the token calls itself and what the scanner sees', async () => {
    const f = await service().contractFacts('evm', WETH);
    expect(f?.price).toBeUndefined();
    expect(f?.calls).toEqual({ name: 'Wrapped Ether', symbol: 'WETH' });
    expect(f?.security).toMatchObject({
      buyTax: 0,
      sellTax: 0,
      holders: 3679802,
      honeypot: false,
      openSource: true,
    });
  });

  it('a source down is a reason, not a blank card', async () => {
    server.fault('llamaCoins', 'rate-limit');
    const f = await service().contractFacts('evm', WETH);
    expect(f?.errors.some((e) => /^DefiLlama: .*429/.test(e))).toBe(true);
    expect(f?.security?.holders).toBe(3679802);
  });

  it('Solana mints go to DefiLlama as solana:<mint>; nothing else is asked of GoPlus', async () => {
    const mint = 'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN';
    await service().contractFacts('solana', mint);
    expect(decodeURIComponent(server.requests('llamaCoins')[0] ?? '')).toContain(`solana:${mint}`);
    expect(server.requests('goplus')).toHaveLength(0);
  });

  it('anything but an address is refused before any request', async () => {
    expect(await service().contractFacts('evm', '0x1234')).toBeNull();
    expect(await service().contractFacts('solana', 'not a mint!')).toBeNull();
    expect(server.api.log).toHaveLength(0);
  });
});

describe('a contract never inherits a famous name', () => {
  const reg = bundledRegistry();
  const base: ContractFacts = { chain: 'solana', address: 'x', fetchedAt: 0, errors: [] };

  it('a token calling itself Bitcoin on Solana is said not to be Bitcoin', () => {
    expect(withImitation(reg, { ...base, calls: { name: 'Bitcoin', symbol: 'BTC' } }).imitates).toEqual({
      name: 'Bitcoin',
      symbol: 'BTC',
    });
    expect(withImitation(reg, { ...base, calls: { symbol: 'SOL' } }).imitates?.symbol).toBe('SOL');
  });

  it('CoinGecko’s coin by contract is the token itself; unknown names imitate nothing', () => {
    const weth = {
      ...base,
      calls: { name: 'Wrapped Ether', symbol: 'WETH' },
      coingecko: { id: 'weth', name: 'WETH', symbol: 'WETH' },
    };
    expect(withImitation(reg, weth).imitates).toBeUndefined();
    expect(
      withImitation(reg, { ...base, calls: { name: 'Zorbo the Frog', symbol: 'ZORBOFROG' } }).imitates,
    ).toBeUndefined();
  });
});
