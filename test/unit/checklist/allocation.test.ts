/** Who gets a token's supply, read from DefiLlama's categories and the schedule's section names. */
import { describe, expect, it } from 'vitest';
import { allocationFacts, sectionRole, shareOf } from '@/utils/checklist/allocation';

describe('sectionRole', () => {
  it.each([
    ['Investors', 'insiders', 'investors'],
    ['Seed Round', 'privateSale', 'investors'],
    ['Strategic Round', 'insiders', 'investors'],
    ['Series A', 'insiders', 'investors'],
    ['Private Sale', 'privateSale', 'investors'],
    ['Early Backers', 'insiders', 'investors'],
    ['Core Contributors', 'insiders', 'team'],
    ['Team and Advisors', 'insiders', 'team'],
    ['Hyper Foundation Budget', 'insiders', 'foundation'],
    ['Community Grants', 'noncirculating', 'foundation'],
    ['Ecosystem Fund', 'noncirculating', 'foundation'],
    ['Genesis Distribution', 'airdrop', 'airdrop'],
    ['Binance Launchpool', 'publicSale', 'publicSale'],
    ['Staking Rewards', 'staking', 'staking'],
    ['Community Rewards', 'farming', 'community'],
    // Words, not substrings: "Seedify" is no seed round, "Steam" no team.
    ['Seedify', 'Uncategorized', 'other'],
    ['Steam Pool', 'liquidity', 'other'],
    // A name that says nothing falls back to its category.
    ['Unlock 3', 'privateSale', 'investors'],
    ['Unlock 3', 'insiders', 'insiders'],
  ])('%s under %s is %s', (label, category, role) => {
    expect(sectionRole(label, category)).toBe(role);
  });
});

describe('allocationFacts', () => {
  it('finds investors filed under insiders, with their share when the sections give one', () => {
    const facts = allocationFacts({
      allocation: { current: {}, final: { insiders: 40, noncirculating: 60 } },
      sections: [
        { label: 'Investors', category: 'insiders', amount: 175e6, sharePct: 17.5 },
        { label: 'Team', category: 'insiders', amount: 225e6, sharePct: 22.5 },
        { label: 'DAO Treasury', category: 'noncirculating', amount: 600e6, sharePct: 60 },
      ],
    });
    expect(facts.roles.investors).toMatchObject({ pct: 17.5, labels: ['Investors'] });
    expect(facts.roles.team).toMatchObject({ pct: 22.5, labels: ['Team'] });
    expect(facts.roles.foundation).toMatchObject({ pct: 60, labels: ['DAO Treasury'] });
    expect(facts.roles.insiders).toBeUndefined();
    expect(shareOf(facts, ['team', 'insiders', 'investors'])).toEqual({
      pct: 40,
      upTo: null,
      labels: ['Team', 'Investors'],
    });
  });

  it('says investors are present without a figure when the sections give none', () => {
    const facts = allocationFacts({
      allocation: { current: {}, final: { insiders: 40, noncirculating: 60 } },
      sections: [
        { label: 'Investors', category: 'insiders', amount: null, sharePct: null },
        { label: 'Core Contributors', category: 'insiders', amount: null, sharePct: null },
      ],
    });
    expect(facts.roles.investors).toMatchObject({ pct: null, labels: ['Investors'] });
    expect(facts.roles.team).toMatchObject({ pct: null, labels: ['Core Contributors'] });
    expect(facts.roles.insiders).toMatchObject({ pct: 40, labels: [] });
    // Not how much, but no more than the insiders' whole share.
    expect(shareOf(facts, ['investors'])).toEqual({ pct: null, upTo: 40, labels: ['Investors'] });
    expect(shareOf(facts, ['team', 'insiders', 'investors'])?.upTo).toBe(40);
  });

  it('keeps a foundation budget apart from the team (Hyperliquid’s documented allocation)', () => {
    const facts = allocationFacts({
      allocation: {
        current: {},
        final: { insiders: 45.8, noncirculating: 0.5, publicSale: 0, airdrop: 47.7, farming: 6 },
      },
      sections: [
        { label: 'Core Contributors', category: 'insiders', amount: 238e6, sharePct: 23.8 },
        { label: 'Hyper Foundation Budget', category: 'insiders', amount: 60e6, sharePct: 6 },
      ],
    });
    expect(facts.roles.team?.pct).toBeCloseTo(23.8, 6);
    // The foundation's budget (6%) and the non-circulating reserve (0.5%).
    expect(facts.roles.foundation).toMatchObject({ labels: ['Hyper Foundation Budget'] });
    expect(facts.roles.foundation?.pct).toBeCloseTo(6.5, 6);
    // What the sections leave of the insiders' share is named by no section.
    expect(facts.roles.insiders?.pct).toBeCloseTo(16, 6);
    expect(facts.roles.investors).toBeUndefined();
    expect(facts.roles.airdrop?.pct).toBeCloseTo(47.7, 6);
    expect(facts.roles.publicSale).toBeUndefined();
  });

  it('gives an insiders category holding only a foundation’s budget to the foundation', () => {
    const facts = allocationFacts({
      allocation: { current: {}, final: { insiders: 6, airdrop: 94 } },
      sections: [{ label: 'Hyper Foundation Budget', category: 'insiders', amount: null, sharePct: null }],
    });
    expect(facts.roles.foundation).toMatchObject({ pct: 6, labels: ['Hyper Foundation Budget'] });
    expect(facts.roles.insiders).toBeUndefined();
    expect(shareOf(facts, ['team', 'insiders', 'investors'])).toBeUndefined();
  });

  it('keeps DefiLlama’s staking and Uncategorized under their own names, not folded into another', () => {
    const facts = allocationFacts({
      allocation: { current: {}, final: { staking: 30, Uncategorized: 10, privateSale: 15, airdrop: 45 } },
      sections: [],
    });
    expect(facts.roles.staking?.pct).toBeCloseTo(30, 6);
    expect(facts.roles.other?.pct).toBeCloseTo(10, 6);
    expect(facts.roles.investors?.pct).toBeCloseTo(15, 6);
  });

  it('reads shares against the allocation’s own total, and has no breakdown without one', () => {
    expect(
      allocationFacts({ allocation: { current: {}, final: { privateSale: 1, airdrop: 3 } }, sections: [] })
        .roles.investors?.pct,
    ).toBe(25);
    expect(allocationFacts({ allocation: null, sections: [] })).toEqual({
      roles: {},
      breakdown: false,
      categoryPct: {},
    });
  });
});
