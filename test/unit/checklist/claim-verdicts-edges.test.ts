/**
 * Claim verdicts along the branches the first mutation run found no test on: a token launch against
 * a listing (live, with or without volume, or only in the snapshot), buyback claims with no revenue
 * figure yet or none covered, taxes GoPlus could not read, liquidity locked at exactly 90%, and an
 * airdrop section without a share. Card data from ./card-data (the card's own shape).
 */
import { describe, expect, it, vi } from 'vitest';
import { card, NOW, price, revenue, series, supply, unlocks } from './card-data';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (key: string) => key } } }));

const { claimVerdict } = await import('@/utils/checklist/claim-verdicts');

const security = (over: Record<string, unknown> = {}) =>
  ({
    chainId: '1',
    address: '0xabc',
    name: 'Token',
    symbol: 'TKN',
    buyTax: 0,
    sellTax: 0,
    transferTax: null,
    flags: {},
    holderCount: 10,
    inDex: true,
    ownerRenounced: null,
    lp: null,
    ...over,
  }) as never;

describe('"token launch" claims', () => {
  it('are contradicted by a token that trades, with its volume, or at least by a live price', () => {
    const trades = claimVerdict('token-launch', undefined, card(price(1.2), supply({ volume24hUsd: 5e6 })));
    expect(trades).toMatchObject({ verdict: 'contradicts', reason: { key: 'reasonAlreadyTrades' } });
    expect(trades.reason.subs).toEqual(['$5.00M']);
    expect(trades.source).toBe('coingecko');
    const noVolume = claimVerdict('token-launch', undefined, card(price(1.2), supply({ volume24hUsd: 0 })));
    expect(noVolume).toMatchObject({ verdict: 'contradicts', reason: { key: 'reasonAlreadyPriced' } });
    const noSupply = claimVerdict('token-launch', undefined, card(price(1.2)));
    expect(noSupply).toMatchObject({ verdict: 'contradicts', reason: { key: 'reasonAlreadyPriced' } });
  });

  it('stay open with no listing, or a listing only in the bundled snapshot', () => {
    expect(claimVerdict('token-launch', undefined, card()).reason.key).toBe('reasonNoListing');
    const snap = claimVerdict('token-launch', undefined, card(price(1.2, 'snapshot')));
    expect(snap).toMatchObject({ verdict: 'unknown', reason: { key: 'reasonListingFromSnapshot' } });
  });
});

describe('buyback claims without the figures', () => {
  it('say whether the revenue was not asked for yet or could not be read', () => {
    expect(claimVerdict('buyback-burn', undefined, card()).reason.key).toBe('reasonNotFetchedRevenue');
    expect(claimVerdict('buyback-burn', undefined, card(), { tried: true }).reason.key).toBe(
      'reasonRevenueUnavailable',
    );
  });
  it('say none to holders when no day of the window is covered', () => {
    const none = claimVerdict(
      'buyback-burn',
      undefined,
      card(revenue(series(1), series(null, { days: 0, sum: 0 }))),
    );
    expect(none).toMatchObject({ verdict: 'unknown', reason: { key: 'reasonNoHoldersRevenue' } });
  });
});

describe('GoPlus claims at their edges', () => {
  it('leave "0% tax" open when a tax could not be read, with when GoPlus was asked', () => {
    const v = claimVerdict('zero-tax', undefined, card(), {
      security: security({ buyTax: null }),
      securityAt: NOW,
    });
    expect(v).toMatchObject({
      verdict: 'unknown',
      reason: { key: 'reasonTaxUnknown' },
      source: 'goplus',
      asOf: NOW,
    });
    expect(
      claimVerdict('zero-tax', undefined, card(), { security: security({ sellTax: null }) }).reason.key,
    ).toBe('reasonTaxUnknown');
  });
  it('contradict "0% tax" on a buy tax alone', () => {
    const v = claimVerdict('zero-tax', undefined, card(), { security: security({ buyTax: 0.03 }) });
    expect(v.verdict).toBe('contradicts');
    expect(v.reason.subs).toEqual(['3%', '0%']);
  });
  it('count liquidity locked from exactly 90%', () => {
    const at = (pct: number) =>
      claimVerdict('liquidity-locked', undefined, card(), {
        security: security({ lp: { lockedOrBurnedPct: pct, holders: [] } }),
      }).verdict;
    expect(at(90)).toBe('agrees');
    expect(at(89.9)).toBe('contradicts');
  });
});

describe('airdrop claims against a section without a share', () => {
  const section = unlocks({ insiders: 50, noncirculating: 50 }, [
    { label: 'Airdrop', category: 'airdrop', amount: null, sharePct: null },
  ] as never);
  it('agree with a bare "airdrop", and stay open on a claimed share', () => {
    expect(claimVerdict('airdrop', undefined, card(section)).reason.key).toBe('reasonAirdropSection');
    const v = claimVerdict('airdrop', 10, card(section));
    expect(v).toMatchObject({ verdict: 'unknown', reason: { key: 'reasonAirdropNoFigure' } });
    expect(v.reason.subs).toEqual(['“Airdrop”', '10%']);
  });
});
