/**
 * The worker's checklist and claim verdicts (background/checklist.ts) over stand-ins for the
 * database, the data service, the registry and the card reads: which token facts it asks GoPlus
 * for and under which key, what the first answer says while they are missing, the user's box
 * verdicts kept and cleared, and each asset's figures read once for all its claims.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistRecord } from '../../utils/db/records';
import type { TokenSecurity } from '../../utils/sources/goplus';

// Messages read as their key in brackets: reasonText() reads a key answered as itself as unknown.
vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => `[${key}]` } } }));

const ADDRESS = '0xAbCdEf0000000000000000000000000000001234';

const world = vi.hoisted(() => ({
  platforms: new Map<string, Record<string, string>>(),
  checklists: new Map<string, ChecklistRecord>(),
  securityKeys: [] as string[],
  stored: new Map<string, { data: unknown; fetchedAt: number }>(),
  asked: [] as string[],
  securityAnswer: { data: null } as { data: unknown; fetchedAt?: number },
  cardReads: [] as string[],
  refreshing: false,
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  currentRegistry: async () => ({
    asset: (id: string) => (world.platforms.has(id) ? { id, platforms: world.platforms.get(id) } : undefined),
  }),
  database: () => ({
    getSecurity: async (key: string) => {
      world.securityKeys.push(key);
      return world.stored.get(key);
    },
    getChecklist: async (id: string) => world.checklists.get(id),
    putChecklist: async (r: ChecklistRecord) => {
      world.checklists.set(r.assetId, r);
    },
  }),
  dataService: async () => ({
    tokenSecurity: async (chain: string, address: string) => {
      world.asked.push(`${chain} ${address}`);
      return world.securityAnswer;
    },
  }),
}));

vi.mock('../../entrypoints/background/cards', () => ({
  cachedCard: async (asset: string) => {
    world.cardReads.push(`cached ${asset}`);
    return { card: null, missing: world.refreshing };
  },
  cardFor: async (asset: string, wait: boolean) => {
    world.cardReads.push(`card ${asset} ${wait}`);
    return { card: null, refreshing: false };
  },
}));

const { checklistFor, checklistSnapshot, claimVerdictsFor, overrideBox } = await import(
  '../../entrypoints/background/checklist'
);

beforeEach(() => {
  world.platforms = new Map<string, Record<string, string>>([
    ['cg:native', {}],
    ['cg:sol-token', { solana: 'So1anaMint111111111111111111111111111111112' }],
    ['cg:erc20', { solana: '', ethereum: ADDRESS }],
  ]);
  world.checklists = new Map();
  world.securityKeys = [];
  world.stored = new Map();
  world.asked = [];
  world.securityAnswer = { data: null };
  world.cardReads = [];
  world.refreshing = false;
});

/** GoPlus's facts for the token, as utils/sources/goplus.ts reads them (hand-made, that shape). */
const facts = (buyTax: number, sellTax: number): TokenSecurity => ({
  chainId: '1',
  address: ADDRESS.toLowerCase(),
  name: 'Token',
  symbol: 'TKN',
  buyTax,
  sellTax,
  transferTax: 0,
  flags: {
    honeypot: false,
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
  holderCount: 1000,
  inDex: true,
  ownerRenounced: true,
  lp: null,
});

const zeroTax = async (asset: string, wait = false) =>
  (await claimVerdictsFor({ items: [{ asset, claim: 'zero-tax' }], wait })).verdicts[0];

describe('token facts for the claims that need them', () => {
  it('says why there is nothing to check: no contract, or no chain GoPlus covers', async () => {
    expect(await zeroTax('cg:native')).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonNoContract' },
    });
    expect(await zeroTax('cg:sol-token')).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonChainNotCovered' },
    });
    expect(world.securityKeys).toEqual([]);
    expect(world.asked).toEqual([]);
  });

  it('first answers from the cache, by GoPlus chain id and the address in lower case', async () => {
    expect(await zeroTax('cg:erc20')).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonSecurityNotFetched' },
    });
    expect(world.securityKeys).toEqual([`1:${ADDRESS.toLowerCase()}`]);
    expect(world.asked).toEqual([]);
  });

  it('with wait, asks GoPlus for the covered chain’s contract, and says so when that fails', async () => {
    expect(await zeroTax('cg:erc20', true)).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonSecurityFailed' },
    });
    expect(world.asked).toEqual([`ethereum ${ADDRESS}`]);
    expect(world.securityKeys).toEqual([]);
  });

  it('reads stored or fetched facts, with GoPlus as the source and the fetch time as their age', async () => {
    world.stored.set(`1:${ADDRESS.toLowerCase()}`, { data: facts(0, 0), fetchedAt: 1_700 });
    expect(await zeroTax('cg:erc20')).toStrictEqual({
      asset: 'cg:erc20',
      claim: 'zero-tax',
      verdict: 'agrees',
      reason: { key: 'reasonTaxNone', subs: [] },
      source: 'goplus',
      asOf: 1_700,
    });
    expect((await checklistFor('cg:erc20', false)).loading).toBe(false);
    world.securityAnswer = { data: facts(0.05, 0), fetchedAt: 2_500 };
    expect(await zeroTax('cg:erc20', true)).toMatchObject({
      verdict: 'contradicts',
      source: 'goplus',
      asOf: 2_500,
    });
  });

  it('an asset the registry does not know has no contract to check', async () => {
    expect(await zeroTax('cg:unknown')).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonNoContract' },
    });
  });

  it('a claim that reads no token facts asks for none', async () => {
    await claimVerdictsFor({ items: [{ asset: 'cg:erc20', claim: 'no-vc' }], wait: true });
    expect(world.securityKeys).toEqual([]);
    expect(world.asked).toEqual([]);
  });
});

describe('claim verdicts', () => {
  it('reads each asset once for all its claims, and echoes a claim’s figure only when it has one', async () => {
    const reply = await claimVerdictsFor({
      items: [
        { asset: 'cg:erc20', claim: 'airdrop', value: 28 },
        { asset: 'cg:erc20', claim: 'no-vc' },
        { asset: 'cg:native', claim: 'no-vc' },
      ],
    });
    expect(world.cardReads).toEqual(['cached cg:erc20', 'cached cg:native']);
    expect(reply.verdicts.map((v) => [v.asset, v.claim, 'value' in v ? v.value : 'none'])).toStrictEqual([
      ['cg:erc20', 'airdrop', 28],
      ['cg:erc20', 'no-vc', 'none'],
      ['cg:native', 'no-vc', 'none'],
    ]);
  });

  it('with wait, the cards are read after their refreshes', async () => {
    await claimVerdictsFor({ items: [{ asset: 'cg:erc20', claim: 'no-vc' }], wait: true });
    expect(world.cardReads).toEqual(['card cg:erc20 true']);
  });
});

describe('the checklist', () => {
  it('is loading while the card refreshes or the token facts are not fetched yet', async () => {
    expect((await checklistFor('cg:native', false)).loading).toBe(false);
    expect((await checklistFor('cg:erc20', false)).loading).toBe(true);
    world.refreshing = true;
    expect((await checklistFor('cg:native', false)).loading).toBe(true);
    expect((await checklistFor('cg:native', true)).loading).toBe(false);
    expect(world.cardReads.at(-1)).toBe('card cg:native true');
    // Asked with wait, GoPlus has answered or failed: nothing is left loading.
    world.refreshing = false;
    expect((await checklistFor('cg:erc20', true)).loading).toBe(false);
    world.securityAnswer = { data: facts(0, 0), fetchedAt: 3_000 };
    expect((await checklistFor('cg:erc20', true)).loading).toBe(false);
  });

  it('keeps the user’s verdict on a box, trimmed and dated, and clears it on request', async () => {
    const before = Date.now();
    let result = await overrideBox({
      asset: 'cg:erc20',
      box: 'revenue',
      verdict: 'pass',
      reason: '  fees go to stakers  ',
    });
    const stored = world.checklists.get('cg:erc20');
    expect(stored?.overrides.revenue).toMatchObject({ verdict: 'pass', reason: 'fees go to stakers' });
    expect(stored?.overrides.revenue?.at).toBeGreaterThanOrEqual(before);
    expect(result.boxes.find((b) => b.box === 'revenue')?.override).toMatchObject({ verdict: 'pass' });

    await overrideBox({ asset: 'cg:erc20', box: 'sink', verdict: 'fail', reason: 'none' });
    result = await overrideBox({ asset: 'cg:erc20', box: 'revenue', verdict: null, reason: '' });
    expect(Object.keys(world.checklists.get('cg:erc20')?.overrides ?? {})).toEqual(['sink']);
    expect(result.boxes.find((b) => b.box === 'revenue')?.override).toBeUndefined();
  });

  it('a snapshot for a note keeps each box, its evidence as words and the user’s verdict', async () => {
    world.stored.set(`1:${ADDRESS.toLowerCase()}`, { data: facts(0, 0), fetchedAt: 1_700 });
    await overrideBox({ asset: 'cg:erc20', box: 'governance', verdict: 'fail', reason: 'multisig' });
    const snap = await checklistSnapshot('cg:erc20', ['no-vc']);
    expect(snap.assetId).toBe('cg:erc20');
    expect(snap.boxes).toHaveLength(5);
    expect(snap.boxes.find((b) => b.box === 'governance')?.override).toEqual({
      verdict: 'fail',
      reason: 'multisig',
    });
    // The evidence is the boxes' reasons in words: here GoPlus's taxes for the liquidity box.
    expect(snap.boxes.find((b) => b.box === 'liquidity')?.evidence).toContain('[boxLiquidityTaxes]');
    for (const b of snap.boxes) if (b.evidence !== undefined) expect(b.evidence).toMatch(/\S/);
    expect(snap.score).toBe(snap.boxes.filter((b) => b.verdict === 'pass').length);
  });
});
