/**
 * Every launch claim against the data: each rule agreeing and contradicting, with its reason said
 * in English and in Simplified Chinese from the catalogues (figures in, no placeholder left, no key
 * shown raw), and the vocabulary the issue asked for: what the data shows, never an endorsement.
 */
import { describe, expect, it, vi } from 'vitest';
import { card, notListed, price, revenue, series, supply, unlocks } from './card-data';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser(ui));

const { claimVerdict, airdropMatches } = await import('@/utils/checklist/claim-verdicts');
const { reasonText } = await import('@/components/reason');

type Verdict = ReturnType<typeof claimVerdict>;

/** The reason in both languages: each must be a sentence, with the figures given. */
function said(v: Verdict): { en: string; zh: string } {
  const out = { en: '', zh: '' };
  for (const [locale, key] of [
    ['en', 'en'],
    ['zh_CN', 'zh'],
  ] as const) {
    ui.locale = locale;
    const text = reasonText(v.reason);
    expect(text, `${v.reason.key} in ${locale}`).not.toBe('');
    expect(text).not.toMatch(/\$\d(?![\d,.])|reason[A-Z]|who[A-Z]/);
    out[key] = text;
  }
  ui.locale = 'en';
  return out;
}

const investorsUnderInsiders = unlocks({ insiders: 40, noncirculating: 60 }, [
  { label: 'Investors', category: 'insiders', amount: 175e6, sharePct: 17.5 },
  { label: 'Core Contributors', category: 'insiders', amount: 225e6, sharePct: 22.5 },
]);
const communityOnly = unlocks({ airdrop: 70, farming: 30 });
const foundationOnly = unlocks({ insiders: 6, airdrop: 94 }, [
  { label: 'Hyper Foundation Budget', category: 'insiders', amount: 60e6, sharePct: 6 },
]);

describe('allocation claims', () => {
  it('"no VC" is contradicted by investors DefiLlama files under insiders, with their share and name', () => {
    const v = claimVerdict('no-vc', undefined, card(investorsUnderInsiders));
    expect(v).toMatchObject({ verdict: 'contradicts', source: 'llamaDatasets' });
    const { en, zh } = said(v);
    expect(en).toBe('DefiLlama’s schedule gives investors 17.5% of the supply (“Investors”).');
    expect(zh).toContain('17.5%');
    expect(zh).toContain('投资者');
  });

  it('"no VC" is contradicted by a private sale, and by an investor section without a figure', () => {
    expect(claimVerdict('no-vc', undefined, card(unlocks({ privateSale: 20, airdrop: 80 }))).verdict).toBe(
      'contradicts',
    );
    const named = claimVerdict(
      'no-vc',
      undefined,
      card(
        unlocks({ insiders: 40, airdrop: 60 }, [
          { label: 'Seed Round', category: 'insiders', amount: null, sharePct: null },
        ]),
      ),
    );
    expect(named.verdict).toBe('contradicts');
    // The insiders' category holds only that section (DefiLlama lists every section of a category).
    expect(said(named).en).toBe('DefiLlama’s schedule gives investors 40% of the supply (“Seed Round”).');
    const mixed = claimVerdict(
      'no-vc',
      undefined,
      card(
        unlocks({ insiders: 40, airdrop: 60 }, [
          { label: 'Seed Round', category: 'insiders', amount: null, sharePct: null },
          { label: 'Core Contributors', category: 'insiders', amount: null, sharePct: null },
        ]),
      ),
    );
    expect(said(mixed).en).toBe(
      'DefiLlama’s schedule gives investors up to 40% of the supply (“Seed Round”; the rest of that share is not broken down).',
    );
    // A section with no category share to bound it: only that it exists.
    const unbounded = claimVerdict(
      'no-vc',
      undefined,
      card(unlocks(null, [{ label: 'Seed Round', category: 'insiders', amount: null, sharePct: null }])),
    );
    expect(said(unbounded).en).toBe(
      'DefiLlama’s schedule has a section for investors (“Seed Round”), without its share.',
    );
  });

  it('"no VC" meets no conflict where the schedule lists no investors, and says only that', () => {
    const v = claimVerdict('no-vc', undefined, card(communityOnly));
    expect(v.verdict).toBe('agrees');
    expect(said(v).en).toBe('DefiLlama’s schedule lists no allocation to investors.');
  });

  it('an upcoming unlock to investors contradicts "no VC" even without an allocation', () => {
    const soon = unlocks({}, [], {
      allocation: null,
      next: [
        {
          kind: 'cliff',
          date: Date.parse('2027-01-01T00:00:00Z'),
          end: null,
          amount: 1e6,
          ratePerDay: null,
          shareOfCirculatingPct: 1,
          category: 'privateSale',
          label: 'Strategic Round',
          insider: true,
        },
      ],
    });
    const v = claimVerdict('no-vc', undefined, card(soon));
    // No breakdown at all: the schedule cannot say who gets what.
    expect(v.verdict).toBe('unknown');
    const withBreakdown = unlocks({ airdrop: 100 }, [], {
      next: soon.unlocks?.value.next ?? [],
    });
    const w = claimVerdict('no-vc', undefined, card(withBreakdown));
    expect(w.verdict).toBe('contradicts');
    expect(said(w).en).toBe('DefiLlama’s schedule has upcoming unlocks to investors (Strategic Round).');
  });

  it('"no presale" is contradicted by a public sale as well as by investors', () => {
    const v = claimVerdict('no-presale', undefined, card(unlocks({ publicSale: 10, airdrop: 90 })));
    expect(v.verdict).toBe('contradicts');
    expect(said(v).en).toContain('investors or a public sale 10%');
    expect(claimVerdict('no-presale', undefined, card(communityOnly)).verdict).toBe('agrees');
  });

  it('"no insiders", "community only" and "fair launch" read the team, insiders and investors, not a foundation', () => {
    for (const claim of ['no-insiders', 'community-only', 'fair-launch'] as const) {
      expect(claimVerdict(claim, undefined, card(investorsUnderInsiders)).verdict).toBe('contradicts');
      expect(claimVerdict(claim, undefined, card(communityOnly)).verdict).toBe('agrees');
      // A foundation's budget is not the team's or investors'.
      expect(claimVerdict(claim, undefined, card(foundationOnly)).verdict).toBe('agrees');
    }
    expect(said(claimVerdict('fair-launch', undefined, card(investorsUnderInsiders))).en).toBe(
      'DefiLlama’s schedule gives the team, insiders or investors 40% of the supply (“Core Contributors”, “Investors”).',
    );
  });

  it('is unknown, and says why, without a schedule, before it is read, or without a breakdown', () => {
    expect(said(claimVerdict('no-vc', undefined, null)).en).toBe(
      'DefiLlama’s unlock schedule has not been read yet.',
    );
    expect(said(claimVerdict('no-vc', undefined, null, { tried: true })).en).toBe(
      'DefiLlama’s unlock schedule could not be read; try again later.',
    );
    expect(claimVerdict('no-vc', undefined, card(notListed())).reason.key).toBe('reasonNoSchedule');
    expect(claimVerdict('no-vc', undefined, card(unlocks(null))).reason.key).toBe('reasonNoBreakdown');
  });
});

describe('airdrop claims', () => {
  it('agrees within a tenth of the claimed share (half a point at least), and says what it compared', () => {
    expect(airdropMatches(28, 27.5)).toBe(true);
    expect(airdropMatches(28, 30.8)).toBe(true);
    expect(airdropMatches(28, 31)).toBe(false);
    expect(airdropMatches(3, 3.4)).toBe(true);
    // The old ±3 points let "3% airdrop" agree with no airdrop at all.
    expect(airdropMatches(3, 0)).toBe(false);
    const agrees = claimVerdict('airdrop', 28, card(unlocks({ airdrop: 28.2, insiders: 71.8 })));
    expect(agrees.verdict).toBe('agrees');
    expect(said(agrees).en).toBe(
      'DefiLlama’s schedule gives airdrops 28.2%; the post says 28% (within a tenth of it, or half a point, counts as the same).',
    );
  });

  it('is contradicted by another share, or by no airdrop at all', () => {
    const other = claimVerdict('airdrop', 28, card(unlocks({ airdrop: 47.7, insiders: 52.3 })));
    expect(other.verdict).toBe('contradicts');
    expect(said(other).en).toBe('DefiLlama’s schedule gives airdrops 47.7%, not the 28% the post says.');
    expect(claimVerdict('airdrop', 3, card(unlocks({ insiders: 100 }))).verdict).toBe('contradicts');
    // Community rewards may fund an airdrop the schedule does not name: not a contradiction.
    const community = claimVerdict('airdrop', undefined, card(unlocks({ farming: 40, insiders: 60 })));
    expect(community.verdict).toBe('unknown');
    expect(said(community).en).toBe(
      'DefiLlama’s schedule lists no airdrop as such; its community rewards (40%) may fund one.',
    );
    expect(claimVerdict('airdrop', undefined, card(unlocks({ airdrop: 10, insiders: 90 }))).verdict).toBe(
      'agrees',
    );
  });
});

describe('buybacks and burns', () => {
  it('agree with value returned to holders over 30 days, and are contradicted by none', () => {
    const v = claimVerdict('buyback-burn', undefined, card(revenue(series(9e6), series(1_470_000))));
    expect(v).toMatchObject({ verdict: 'agrees', source: 'llamaApi' });
    expect(said(v).en).toBe('DefiLlama: $1.47M went back to holders (buybacks, burns) in the last 30 days.');
    expect(claimVerdict('buyback-burn', undefined, card(revenue(series(9e6), series(0)))).verdict).toBe(
      'contradicts',
    );
  });

  it('is unknown when the data covers only part of the 30 days, and says how much', () => {
    const v = claimVerdict(
      'buyback-burn',
      undefined,
      card(revenue(series(null, { days: 1, sum: 1_472_923 }), series(null, { days: 1, sum: 1_000_000 }))),
    );
    expect(v.verdict).toBe('unknown');
    expect(said(v).en).toBe('DefiLlama’s data covers only 1 of the last 30 days ($1.00M to holders).');
    expect(claimVerdict('buyback-burn', undefined, card(revenue(series(1), null))).verdict).toBe('unknown');
  });
});

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

describe('GoPlus claims', () => {
  it('"0% tax" agrees with no buy or sell tax and is contradicted by either', () => {
    expect(claimVerdict('zero-tax', undefined, card(), { security: security() })).toMatchObject({
      verdict: 'agrees',
      source: 'goplus',
    });
    const taxed = claimVerdict('zero-tax', undefined, card(), { security: security({ sellTax: 0.05 }) });
    expect(taxed.verdict).toBe('contradicts');
    expect(said(taxed).en).toBe('GoPlus: buy tax 0%, sell tax 5%.');
    expect(said(taxed).zh).toBe('GoPlus：买入税 0%，卖出税 5%。');
  });

  it('"LP burned" agrees with 90% or more of the LP locked or burned, and is contradicted below', () => {
    const locked = claimVerdict('liquidity-locked', undefined, card(), {
      security: security({ lp: { lockedOrBurnedPct: 99.6, holders: 3 } }),
    });
    expect(locked.verdict).toBe('agrees');
    expect(said(locked).en).toBe('GoPlus: 99.6% of the pool’s LP tokens are locked or burned.');
    const open = claimVerdict('liquidity-locked', undefined, card(), {
      security: security({ lp: { lockedOrBurnedPct: 12, holders: 40 } }),
    });
    expect(open.verdict).toBe('contradicts');
    expect(said(open).en).toBe('GoPlus: only 12% of the pool’s LP tokens are locked or burned.');
  });

  it('say what would decide them when GoPlus cannot be asked', () => {
    const v = claimVerdict('zero-tax', undefined, card(), {
      security: null,
      securityMissing: 'reasonNoContract',
    });
    expect(v.verdict).toBe('unknown');
    expect(said(v).en).toContain('GoPlus’s check of the contract (taxes, LP holders) would decide this');
    expect(claimVerdict('liquidity-locked', undefined, card(), { security: security() }).reason.key).toBe(
      'reasonNoLpData',
    );
  });
});

describe('token launch claims', () => {
  it('"TGE soon" is contradicted by a token that already trades', () => {
    const v = claimVerdict('token-launch', undefined, card(price(38), supply({ volume24hUsd: 2.1e8 })));
    expect(v.verdict).toBe('contradicts');
    expect(said(v).en).toBe('It already trades: $210.00M of volume in 24 hours.');
  });

  it('is unknown for a token no market lists (a snapshot price is no listing)', () => {
    expect(said(claimVerdict('token-launch', undefined, card())).en).toBe(
      'No market lists it yet: whether it already trades would decide this.',
    );
    const snap = card({ price: { ...price(1, 'snapshot').price, snapshotDate: '2025-02-09' } as never });
    const v = claimVerdict('token-launch', undefined, snap);
    expect(v.verdict).toBe('unknown');
    expect(said(v).en).toBe(
      'Only the built-in snapshot of 2025-02-09 lists it: whether it trades now would decide this.',
    );
  });
});
