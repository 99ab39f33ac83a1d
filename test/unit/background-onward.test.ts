/**
 * What the card offers beyond figures, in the worker: the way onward (background/card-onward.ts:
 * the token's contracts, home chain first, its DefiLlama pages, a stock's exchange, GoPlus's
 * warnings and when GoPlus is to be asked), the facts of an address no list knows
 * (background/contracts.ts: a mistyped EVM address is never priced, a token using a listed asset's
 * name is said not to be it) and the pins a content script may set (background/pin-rules.ts). The
 * registry is the bundled one, the database Dexie on an in-memory IndexedDB, the data service a
 * stand-in recording what it was asked.
 *
 * HAND-MADE records (registry details, unlocks and revenue slugs, GoPlus answers) in the shapes of
 * utils/db/records.ts. USDC's contract addresses are its real ones; 0x1111… stands for a new token.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TickerlensDb } from '../../utils/db';
import type { SecurityRecord } from '../../utils/db/records';
import type { ContractFacts } from '../../utils/sources/contract-facts';
import type { TokenSecurity } from '../../utils/sources/goplus';

const world = vi.hoisted(() => ({
  db: undefined as unknown,
  asked: [] as unknown[][],
  facts: null as unknown,
}));

vi.mock('../../entrypoints/background/runtime', async () => {
  const { bundledRegistry } = await import('../../utils/registry');
  const reg = bundledRegistry();
  return {
    database: () => world.db,
    currentRegistry: async () => reg,
    dataService: async () => ({
      tokenSecurity: async (platform: string, address: string) => {
        world.asked.push(['tokenSecurity', platform, address]);
        return null;
      },
      contractFacts: async (chain: string, address: string) => {
        world.asked.push(['contractFacts', chain, address]);
        return world.facts;
      },
    }),
  };
});

const { onwardFor } = await import('../../entrypoints/background/card-onward');
const { contractFactsFor } = await import('../../entrypoints/background/contracts');
const { checkPin, pinTargets } = await import('../../entrypoints/background/pin-rules');
const { bundledRegistry } = await import('../../utils/registry');

const db = () => world.db as TickerlensDb;
const T = Date.UTC(2026, 11, 5);
const USDC_ETH = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const USDC_BASE = '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913';
const HOME_TOKEN = '0x1111111111111111111111111111111111111111';

const security = (over: Partial<TokenSecurity> = {}): TokenSecurity => ({
  chainId: '8453',
  address: HOME_TOKEN,
  name: 'Brand New',
  symbol: 'BNEW',
  buyTax: 0,
  sellTax: 0.1,
  transferTax: null,
  flags: {
    honeypot: true,
    cannotBuy: false,
    cannotSellAll: false,
    openSource: true,
    proxy: false,
    mintable: false,
    hiddenOwner: false,
    canTakeBackOwnership: false,
    ownerCanChangeBalance: false,
    transferPausable: false,
    taxModifiable: false,
    blacklist: false,
  },
  holderCount: 120,
  inDex: true,
  ownerRenounced: null,
  lp: null,
  ...over,
});

beforeEach(() => {
  world.db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  world.asked = [];
  world.facts = null;
});

/** A coin the bundled registry does not know, with its details as CoinGecko gave them (stored). */
async function newCoin(platforms: Record<string, string>, homePlatform?: string) {
  await db().putRegistry([
    {
      assetId: 'cg:brand-new',
      symbol: 'BNEW',
      name: 'Brand New',
      handles: [],
      categories: [],
      platforms,
      ...(homePlatform ? { homePlatform } : {}),
      source: 'coingecko',
      fetchedAt: T,
    },
  ]);
}

describe('the card’s way onward', () => {
  it('for a stock is its exchange, and no contracts', async () => {
    expect(await onwardFor('stock:MSTR')).toEqual({ onward: { contracts: [], exchange: 'NASDAQ' } });
    expect(await onwardFor('stock:NOT-LISTED-HERE')).toEqual({ onward: { contracts: [] } });
    expect(world.asked).toEqual([]);
  });

  it('for an address no list knows is nothing', async () => {
    expect(await onwardFor(`evm:${USDC_ETH}`)).toEqual({ onward: { contracts: [] } });
  });

  it('for a coin without contracts is nothing, and GoPlus is not asked', async () => {
    const { onward, askSecurity } = await onwardFor('cg:bitcoin');
    expect(onward).toEqual({ contracts: [] });
    expect(askSecurity).toBeUndefined();
  });

  it('lists a token’s contracts by chain name, the chain it was issued on first, and its DefiLlama pages', async () => {
    await newCoin({ solana: 'BNEWso1ana', base: HOME_TOKEN, ethereum: USDC_ETH }, 'base');
    await db().putRevenue({
      cgId: 'brand-new',
      slug: 'brand-new-dex',
      name: 'Brand New DEX',
      revenue: null,
      holdersRevenue: null,
      source: 'llamaApi',
      fetchedAt: T,
    });
    await db().putUnlocks({
      cgId: 'brand-new',
      slug: 'brand-new-unlocks',
      events: [],
      allocation: null,
      totalSupply: null,
      sources: [],
      notes: [],
      source: 'llamaApi',
      fetchedAt: T,
    });
    const { onward } = await onwardFor('cg:brand-new');
    expect(onward.contracts).toEqual([
      { platform: 'base', chain: 'Base', address: HOME_TOKEN },
      { platform: 'solana', chain: 'Solana', address: 'BNEWso1ana' },
      { platform: 'ethereum', chain: 'Ethereum', address: USDC_ETH },
    ]);
    expect(onward.llamaProtocol).toBe('brand-new-dex');
    expect(onward.llamaUnlocks).toBe('brand-new-unlocks');
  });

  it('leaves out a platform without an address (CoinGecko lists a chain’s own coin so)', async () => {
    await newCoin({ '': '', polkadot: '', base: HOME_TOKEN });
    expect((await onwardFor('cg:brand-new')).onward.contracts).toEqual([
      { platform: 'base', chain: 'Base', address: HOME_TOKEN },
    ]);
  });

  it('puts Ethereum first when the home chain it is told has no contract listed', async () => {
    await newCoin({ solana: 'BNEWso1ana', ethereum: USDC_ETH }, 'base');
    expect((await onwardFor('cg:brand-new')).onward.contracts.map((c) => c.platform)).toEqual([
      'ethereum',
      'solana',
    ]);
  });

  it('lists at most 60 contracts, the home chain’s first even when it comes last', async () => {
    const platforms = Object.fromEntries(
      Array.from({ length: 70 }, (_, i) => [`chain-${i}`, `0x${String(i).padStart(40, '0')}`]),
    );
    await newCoin(platforms, 'chain-69');
    const { contracts } = (await onwardFor('cg:brand-new')).onward;
    expect(contracts).toHaveLength(60);
    expect(contracts.map((c) => c.platform)).toEqual([
      'chain-69',
      ...Array.from({ length: 59 }, (_, i) => `chain-${i}`),
    ]);
    // A chain the registry has no name for is called by CoinGecko's platform id.
    expect(contracts[0]?.chain).toBe('chain-69');
  });

  it('adds the stored contracts to the registry’s', async () => {
    const usdc = bundledRegistry().asset('cg:usd-coin');
    const { onward } = await onwardFor('cg:usd-coin');
    expect(onward.contracts).toHaveLength(Object.keys(usdc?.platforms ?? {}).length);
    // Without a home chain known, Ethereum's contract is the likeliest original.
    expect(onward.contracts[0]).toEqual({
      platform: 'ethereum',
      chain: 'Ethereum',
      address: usdc?.platforms?.ethereum,
    });
  });

  it('asks GoPlus about the first contract it covers when nothing is stored, and says nothing yet', async () => {
    await newCoin({ solana: 'BNEWso1ana', base: HOME_TOKEN }, 'solana');
    const { onward, askSecurity } = await onwardFor('cg:brand-new');
    expect(onward).not.toHaveProperty('token');
    expect(world.asked).toEqual([]);
    await askSecurity?.();
    // Solana is not GoPlus's: the Base contract is asked, as stored.
    expect(world.asked).toEqual([['tokenSecurity', 'base', HOME_TOKEN]]);
  });

  it('says GoPlus’s warnings as stored, worst first, and asks nothing while they are fresh', async () => {
    await newCoin({ base: HOME_TOKEN.toUpperCase().replace('0X', '0x') }, 'base');
    const stored: SecurityRecord = {
      key: `8453:${HOME_TOKEN}`,
      data: security(),
      source: 'goplus',
      fetchedAt: T,
    };
    await db().putSecurity(stored);
    const { onward, askSecurity } = await onwardFor('cg:brand-new');
    expect(onward.token).toEqual({
      chain: 'Base',
      flags: [{ flag: 'honeypot' }, { flag: 'sellTax', pct: 10 }],
      fetchedAt: T,
    });
    expect(askSecurity).toBeUndefined();
  });

  it('keeps saying stale warnings while GoPlus is asked again', async () => {
    await newCoin({ base: HOME_TOKEN }, 'base');
    await db().putSecurity({
      key: `8453:${HOME_TOKEN}`,
      data: security(),
      source: 'goplus',
      fetchedAt: T,
      stale: true,
    });
    const { onward, askSecurity } = await onwardFor('cg:brand-new');
    expect(onward.token?.flags[0]).toEqual({ flag: 'honeypot' });
    await askSecurity?.();
    expect(world.asked).toEqual([['tokenSecurity', 'base', HOME_TOKEN]]);
  });

  it('takes the registry it is given, not the worker’s', async () => {
    const reg = bundledRegistry();
    const lookups: string[] = [];
    const spy = new Proxy(reg, {
      get: (target, key) =>
        key === 'asset'
          ? (id: string) => {
              lookups.push(id);
              return target.asset(id);
            }
          : Reflect.get(target, key),
    });
    expect(await onwardFor('stock:MSTR', spy)).toEqual({ onward: { contracts: [], exchange: 'NASDAQ' } });
    expect(lookups).toEqual(['stock:MSTR']);
  });
});

describe('an address no list knows', () => {
  const facts: ContractFacts = {
    chain: 'evm',
    address: USDC_ETH,
    calls: { name: 'Bitcoin', symbol: 'BTC' },
    price: { usd: 0.0001, source: 'llamaCoins', asOf: null },
    fetchedAt: T,
    errors: [],
  };

  it('is never priced when its EIP-55 checksum fails: a typo or a tampered address', async () => {
    const mistyped = USDC_ETH.replace('A0b8', 'a0B8');
    await expect(contractFactsFor('evm', mistyped)).resolves.toBeNull();
    expect(world.asked).toEqual([]);
  });

  it('is priced when its checksum holds, or written in one case, or a Solana mint', async () => {
    await contractFactsFor('evm', USDC_ETH);
    await contractFactsFor('evm', USDC_BASE);
    await contractFactsFor('solana', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
    expect(world.asked).toEqual([
      ['contractFacts', 'evm', USDC_ETH],
      ['contractFacts', 'evm', USDC_BASE],
      ['contractFacts', 'solana', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'],
    ]);
  });

  it('is said not to be the listed asset whose name it gives itself', async () => {
    world.facts = facts;
    await expect(contractFactsFor('evm', USDC_ETH)).resolves.toEqual({
      ...facts,
      imitates: { name: 'Bitcoin', symbol: 'BTC' },
    });
  });

  it('has no facts when the sources know nothing of it', async () => {
    world.facts = null;
    await expect(
      contractFactsFor('solana', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'),
    ).resolves.toBeNull();
  });
});

describe('a pin from a content script', () => {
  it('reads an address in any letter case, and a handle learnt from the sources', async () => {
    const reg = bundledRegistry();
    const usdc = [...(reg.byAddress.get(USDC_ETH.toLowerCase()) ?? [])].map((a) => a.id);
    expect(usdc).toContain('cg:usd-coin');
    expect([...pinTargets(reg, USDC_ETH)]).toEqual(usdc);
    expect(pinTargets(reg, '@nobody-has-this-handle').size).toBe(0);
    // Lower-case symbols are read as upper-case ones.
    expect(pinTargets(reg, 'btc').has('cg:bitcoin')).toBe(true);

    await db().putRegistry([
      {
        assetId: 'cg:brand-new',
        symbol: 'BNEW',
        name: 'Brand New',
        handles: ['brandnew_fi'],
        handleKeys: ['brandnew_fi'],
        categories: [],
        platforms: {},
        source: 'coingecko',
        fetchedAt: T,
      },
    ]);
    await expect(checkPin('@brandnew_fi', 'cg:brand-new')).resolves.toBeUndefined();
    // Only a key starting with @ is a handle: a symbol key spelt like one is not read as it.
    await expect(checkPin('xbrandnew_fi', 'cg:brand-new')).rejects.toThrow(
      'cg:brand-new is not one of the assets xbrandnew_fi can read as',
    );
    await expect(checkPin('@brandnew_fi', 'cg:bitcoin')).rejects.toThrow(
      'cg:bitcoin is not one of the assets @brandnew_fi can read as',
    );
  });
});
