/**
 * The five boxes of the "no VC" checklist (contract §8), each filled only with evidence, failed
 * when the data says no, unknown otherwise, and the user's overrides on top; the score and the
 * warning. Evidence is checked in words (English and Chinese) where it carries figures.
 */
import { describe, expect, it, vi } from 'vitest';
import { card, notListed, profile, revenue, series, supply, unlocks } from './card-data';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { checklist, governanceVenue } = await import('@/utils/checklist/boxes');
const { reasonText } = await import('@/components/reason');

type Result = ReturnType<typeof checklist>;
const box = (r: Result, id: string) => {
  const b = r.boxes.find((x) => x.box === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const words = (r: Result, id: string, locale = 'en') => {
  ui.locale = locale;
  const out = box(r, id).evidence.map((e) => reasonText(e));
  ui.locale = 'en';
  for (const line of out) expect(line).not.toMatch(/^$|\$\d(?![\d,.])|box[A-Z]/);
  return out;
};

const hype = card(
  supply({}),
  unlocks(
    { insiders: 40, airdrop: 60 },
    [
      { label: 'Investors', category: 'insiders', amount: 175e6, sharePct: 17.5 },
      { label: 'Core Contributors', category: 'insiders', amount: 225e6, sharePct: 22.5 },
    ],
    {
      next30d: { amount: 9.9e6, sharePct: 2.97, insiderAmount: 9.9e6, insiderSharePct: 2.97 },
      next90d: { amount: 29.7e6, sharePct: 8.9, insiderAmount: 29.7e6, insiderSharePct: 8.9 },
    },
  ),
  revenue(series(90e6), series(80e6), { governance: ['snapshot:hyperliquid.eth'] }),
  profile(['Perpetuals']),
);

describe('the five boxes', () => {
  it('fills every box that has evidence, with figures, and scores them', () => {
    const r = checklist({
      assetId: 'cg:hyperliquid',
      card: hype,
      gasOf: 'HyperEVM',
      governance: ['snapshot:hyperliquid.eth'],
    });
    expect(r.boxes.map((b) => [b.box, b.verdict])).toEqual([
      ['revenue', 'pass'],
      ['sink', 'pass'],
      ['supply', 'pass'],
      ['liquidity', 'pass'],
      ['governance', 'pass'],
    ]);
    expect(r).toMatchObject({ score: 5, warning: false, loading: false });
    expect(words(r, 'revenue')).toEqual([
      'Revenue $90.00M in the last 30 days ($1.10B a year).',
      'FDV ÷ yearly revenue: 21×.',
      'Market cap ÷ yearly revenue: 7×.',
    ]);
    expect(box(r, 'revenue')).toMatchObject({ source: 'llamaApi' });
    expect(words(r, 'sink')).toEqual(['Pays the fees (gas) on HyperEVM.']);
    expect(box(r, 'sink').source).toBe('curated');
    expect(words(r, 'supply')).toEqual([
      'Maximum supply 1B; 33.3% of it circulates.',
      'Unlocks: 9.9M in 30 days (2.97% of circulating), 29.7M in 90 days (8.9%).',
      'Team, insiders and investors: 40% of the allocation.',
      'Investors: 17.5% (“Investors”).',
    ]);
    expect(words(r, 'supply', 'zh_CN')[0]).toBe('最大供应量 1B；其中 33.3% 在流通。');
    expect(words(r, 'liquidity')).toEqual([
      '$80.00M returned to holders (buybacks, burns) in 30 days: 12.6% of the market cap a year.',
    ]);
    expect(words(r, 'governance')).toEqual(['Governance: Snapshot hyperliquid.eth.']);
  });

  it('says plainly, first, when a "no VC" post meets a schedule that gives investors a share', () => {
    const r = checklist({ assetId: 'cg:hyperliquid', card: hype, claimsOnPage: ['airdrop', 'no-vc'] });
    // The claim's own verdict, as the popup's claims and the card give it.
    expect(words(r, 'supply').slice(0, 2)).toEqual([
      'A post here says “No VC”, and DefiLlama’s schedule contradicts it:',
      'DefiLlama’s schedule gives investors 17.5% of the supply (“Investors”).',
    ]);
    expect(words(r, 'supply', 'zh_CN')[0]).toBe('这里的帖子说“没有风投”，但 DefiLlama 的解锁计划与之矛盾：');
    // A claim the schedule does not contradict adds nothing.
    const fine = checklist({
      assetId: 'cg:x',
      card: card(supply({}), unlocks({ airdrop: 100 })),
      claimsOnPage: ['no-vc'],
    });
    expect(words(fine, 'supply')[0]).toBe('Maximum supply 1B; 33.3% of it circulates.');
  });

  it('fails a supply with no maximum, and revenue or holders’ value measured at zero', () => {
    const r = checklist({
      assetId: 'cg:x',
      card: card(supply({ max: null }), notListed(), revenue(series(0), series(0))),
    });
    expect(box(r, 'supply').verdict).toBe('fail');
    expect(words(r, 'supply')).toEqual(['No maximum supply.', 'DefiLlama lists no unlock schedule.']);
    expect(box(r, 'revenue').verdict).toBe('fail');
    expect(box(r, 'liquidity').verdict).toBe('fail');
    expect(r).toMatchObject({ score: 0, warning: true });
  });

  it('leaves a box unknown, saying why, when the data does not cover it', () => {
    const partial = checklist({
      assetId: 'cg:x',
      card: card(supply({}), notListed(), revenue(series(null, { days: 1, sum: 1_472_923 }), null)),
    });
    expect(box(partial, 'revenue').verdict).toBe('unknown');
    expect(words(partial, 'revenue')).toEqual([
      'DefiLlama’s data covers only 1 of the last 30 days ($1.47M).',
    ]);
    // A cap without a published schedule is not "transparent unlocks".
    expect(box(partial, 'supply').verdict).toBe('unknown');
    expect(box(partial, 'liquidity').verdict).toBe('unknown');
    expect(box(partial, 'sink').verdict).toBe('unknown');
    expect(words(partial, 'sink')).toEqual([
      'No evidence that users need the token (gas, staking, fees). Set it yourself if you know.',
    ]);
    expect(box(partial, 'governance').verdict).toBe('unknown');

    const nothing = checklist({ assetId: 'cg:x', card: null, loading: true });
    expect(nothing.boxes.every((b) => b.verdict === 'unknown')).toBe(true);
    expect(nothing).toMatchObject({ score: 0, warning: true, loading: true });
    expect(words(nothing, 'revenue')).toEqual(['Revenue data not read yet.']);
    const failed = checklist({ assetId: 'cg:x', card: null, tried: true });
    expect(words(failed, 'revenue')).toEqual([
      'DefiLlama’s revenue data could not be read; try again later.',
    ]);
  });

  it('takes the token sink from staking rewards, and never from a category (a guess)', () => {
    // CoinGecko files L2 tokens whose chains take fees in ETH under "Smart Contract Platform".
    const l1 = checklist({
      assetId: 'cg:arbitrum',
      card: card(profile(['Smart Contract Platform', 'Layer 2 (L2)'])),
    });
    expect(box(l1, 'sink').verdict).toBe('unknown');
    const staking = checklist({ assetId: 'cg:x', card: card(unlocks({ staking: 25, airdrop: 75 })) });
    expect(box(staking, 'sink').verdict).toBe('pass');
    expect(words(staking, 'sink')).toEqual([
      'The schedule sets aside 25% for staking rewards: holders stake it.',
    ]);
  });

  it('fails the liquidity plan when GoPlus says holders may not sell, and shows its tax and LP facts', () => {
    const r = checklist({
      assetId: 'cg:x',
      card: card(revenue(series(1), series(5))),
      security: {
        chainId: '1',
        address: '0xabc',
        name: null,
        symbol: null,
        buyTax: 0.01,
        sellTax: 0.3,
        transferTax: null,
        flags: { honeypot: true } as never,
        holderCount: null,
        inDex: true,
        ownerRenounced: false,
        lp: { lockedOrBurnedPct: 4, holders: 2 },
      },
      securityAt: Date.parse('2026-12-05T00:00:00Z'),
    });
    expect(box(r, 'liquidity')).toMatchObject({ verdict: 'fail', source: 'goplus' });
    expect(words(r, 'liquidity')).toEqual([
      'GoPlus flags it: holders may not be able to sell.',
      'GoPlus: buy tax 1%, sell tax 30%.',
      'GoPlus: 4% of the pool’s LP tokens locked or burned.',
    ]);
  });

  it('names governance venues in words', () => {
    expect(governanceVenue('snapshot:aave.eth')).toBe('Snapshot aave.eth');
    expect(governanceVenue('compound:0xc0Da02939E1441F497fd74F78cE7Decb17B66529')).toBe(
      'Governor (on-chain) 0xc0Da…6529',
    );
    expect(governanceVenue('tally:uniswap')).toBe('Tally uniswap');
    const none = checklist({ assetId: 'cg:x', card: card(revenue(series(1), null)), governance: [] });
    expect(words(none, 'governance')).toEqual(['DefiLlama names no governance venue.']);
  });
});

describe('overrides', () => {
  it('count as the verdict, keep what the data says, and change the score', () => {
    const r = checklist({
      assetId: 'cg:x',
      card: card(supply({ max: null })),
      overrides: {
        sink: { verdict: 'pass', reason: 'fees are paid in it', at: 1 },
        supply: { verdict: 'pass', reason: 'burns outpace issuance', at: 2 },
      },
    });
    expect(box(r, 'sink')).toMatchObject({
      verdict: 'pass',
      computed: 'unknown',
      override: { verdict: 'pass', reason: 'fees are paid in it', at: 1 },
    });
    expect(box(r, 'supply')).toMatchObject({ verdict: 'pass', computed: 'fail' });
    expect(r.score).toBe(2);
    const failed = checklist({
      assetId: 'cg:hyperliquid',
      card: hype,
      gasOf: 'HyperEVM',
      governance: ['snapshot:hyperliquid.eth'],
      overrides: { governance: { verdict: 'fail', reason: 'team holds the votes', at: 3 } },
    });
    expect(failed).toMatchObject({ score: 4, warning: true });
  });
});
