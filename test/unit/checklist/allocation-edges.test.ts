/**
 * Who gets a token's supply, at the edges: every spelling the section-name rules accept (singular
 * and plural, with and without a hyphen, any letter case) and the words they must not take, DefiLlama's
 * categories in any case, and the 0.05-point threshold below which a share is rounding, not a role.
 * Hand-made schedules in the shape of DefiLlama's emissions (categories, sections with sharePct).
 */
import { describe, expect, it } from 'vitest';
import {
  type AllocationInput,
  allocationFacts,
  categoryRole,
  sectionRole,
  shareOf,
} from '@/utils/checklist/allocation';

describe('section names', () => {
  it.each([
    [
      'investors',
      [
        'Investor',
        'INVESTORS',
        'Backer',
        'Backers',
        'Seed',
        'Preseed',
        'Pre-Seed',
        'Strategic',
        'Strategic Round',
        'Strategic Sale',
        'Strategic Investor',
        'Strategy Partners',
        'Strategic Partner',
        'Private',
        'Private Sale',
        'Private Round',
        'Private Placement',
        'Series A',
        'series e',
        'Angel',
        'Angels',
        'VC',
        'VCs',
        'Venture',
        'Fundraise',
        'Fundraising',
        'Presale',
        'Pre-Sale',
        'KOL Round',
      ],
    ],
    [
      'team',
      [
        'Team',
        'TEAM',
        'Core Contributor',
        'Contributors',
        'Founder',
        'Founders',
        'Founding members',
        'Advisor',
        'Advisers',
        'Employee',
        'Employees',
        'Developer',
        'Developers',
        'Dev Fund',
        'Labs',
        'Company',
      ],
    ],
    [
      'foundation',
      [
        'Foundation',
        'Treasury',
        'Reserve',
        'Reserves',
        'DAO',
        'Grant',
        'Grants',
        'Ecosystem',
        'Protocol Development',
      ],
    ],
    ['publicSale', ['Public Sale', 'ICO', 'IDO', 'IEO', 'Launchpad', 'Launchpool']],
    ['airdrop', ['Airdrop', 'Airdrops', 'Genesis Distribution', 'Retroactive']],
    ['staking', ['Staking']],
    ['community', ['Community', 'Farming', 'Reward', 'Incentive', 'Incentives', 'Liquidity Mining']],
  ] as const)('%s: every spelling', (role, labels) => {
    for (const label of labels) expect(sectionRole(label, 'Uncategorized'), label).toBe(role);
  });

  it('takes words whole, at the start, the middle or the end of a name', () => {
    for (const label of [
      'Seeds of doubt',
      'Series F',
      'Privateer',
      'Teamwork',
      'Foundational',
      'Icon',
      'Idols',
      'Daos',
      'Restaking',
      'Rewarding',
      'Grantee',
      'Labsters',
      'Airdropped',
      'Angelic',
    ]) {
      expect(sectionRole(label, 'Uncategorized'), label).toBe('other');
    }
    expect(sectionRole('Round for investors', 'x')).toBe('investors');
    expect(sectionRole('The team', 'x')).toBe('team');
    expect(sectionRole('Our DAO', 'x')).toBe('foundation');
    expect(sectionRole('Binance IEO', 'x')).toBe('publicSale');
    expect(sectionRole('Season 1 airdrop', 'x')).toBe('airdrop');
    expect(sectionRole('Liquid staking', 'x')).toBe('staking');
    expect(sectionRole('Farming rewards', 'x')).toBe('community');
  });

  it('tries investors before the team, the team before the foundation, and so on', () => {
    expect(sectionRole('Team and Investors', 'x')).toBe('investors');
    expect(sectionRole('Foundation Team', 'x')).toBe('team');
    expect(sectionRole('Ecosystem Airdrop', 'x')).toBe('foundation');
    expect(sectionRole('Staking Rewards', 'x')).toBe('staking');
    expect(sectionRole('Public Sale Airdrop', 'x')).toBe('publicSale');
  });
});

describe('DefiLlama categories', () => {
  it('reads them in any letter case, and anything else as other', () => {
    expect(categoryRole('privateSale')).toBe('investors');
    expect(categoryRole('PRIVATESALE')).toBe('investors');
    expect(categoryRole('Insiders')).toBe('insiders');
    expect(categoryRole('publicSale')).toBe('publicSale');
    expect(categoryRole('Airdrop')).toBe('airdrop');
    expect(categoryRole('farming')).toBe('community');
    expect(categoryRole('staking')).toBe('staking');
    expect(categoryRole('noncirculating')).toBe('foundation');
    expect(categoryRole('liquidity')).toBe('other');
    expect(categoryRole('Uncategorized')).toBe('other');
    expect(categoryRole('toString')).toBe('other');
  });
});

const facts = (final: Record<string, number> | null, sections: AllocationInput['sections'] = []) =>
  allocationFacts({ allocation: final ? { current: {}, final } : null, sections });
const section = (label: string, category: string, sharePct: number | null) => ({
  label,
  category,
  amount: null,
  sharePct,
});

describe('allocationFacts at its edges', () => {
  it('matches categories and sections without case, and counts a negative share as none', () => {
    const f = facts({ PrivateSale: 30, airdrop: -10, Farming: 70 }, [section('Seed', 'privatesale', null)]);
    expect(f.categoryPct).toEqual({ privatesale: 30, airdrop: 0, farming: 70 });
    expect(f.roles.investors).toEqual({ pct: 30, labels: ['Seed'], categories: ['privatesale'] });
    expect(f.roles.airdrop).toBeUndefined();
    expect(f.roles.community?.pct).toBe(70);
  });

  it('has a breakdown with sections alone, and none with neither shares nor sections', () => {
    expect(facts({ airdrop: 0 }).breakdown).toBe(false);
    expect(facts(null, [section('Team', 'insiders', null)])).toEqual({
      roles: { team: { pct: null, labels: ['Team'], categories: ['insiders'] } },
      breakdown: true,
      categoryPct: {},
    });
  });

  it('gives what the sections leave of a category to its own role only beyond 0.05 points', () => {
    const left = (given: number) =>
      facts({ insiders: 50, airdrop: 50 }, [section('Investors', 'insiders', given)]).roles.insiders;
    expect(left(49.9)?.pct).toBeCloseTo(0.1, 9);
    expect(left(49.96)).toBeUndefined();
    // The sections' own figures, a zero one left out.
    const f = facts({ insiders: 50, airdrop: 50 }, [
      section('Investors', 'insiders', 20),
      section('Advisors', 'insiders', 0),
      section('Team', 'insiders', 30),
    ]);
    expect(f.roles.investors?.pct).toBe(20);
    expect(f.roles.team).toEqual({ pct: 30, labels: ['Team'], categories: ['insiders'] });
    expect(f.roles.insiders).toBeUndefined();
  });

  it('reads sections with a negative or missing figure as giving none', () => {
    const f = facts({ insiders: 40, airdrop: 60 }, [
      section('Investors', 'insiders', 25),
      section('Team', 'insiders', -1),
    ]);
    expect(f.roles.investors?.pct).toBeNull();
    expect(f.roles.team?.pct).toBeNull();
    expect(f.roles.insiders?.pct).toBe(40);
  });

  it('gives a category named for one other role to that role, its share only beyond 0.05 points', () => {
    const f = facts({ insiders: 10, airdrop: 90 }, [
      section('Team', 'insiders', null),
      section('Core Contributors', 'insiders', null),
    ]);
    expect(f.roles.team).toEqual({
      pct: 10,
      labels: ['Team', 'Core Contributors'],
      categories: ['insiders'],
    });
    expect(f.roles.insiders).toBeUndefined();
    // A tiny share is no figure: the team is there, how much is not said.
    const tiny = facts({ insiders: 0.04, airdrop: 99.96 }, [section('Team', 'insiders', null)]);
    expect(tiny.roles.team?.pct).toBeNull();
    expect(tiny.roles.team?.labels).toEqual(['Team']);
    // Without any allocation: present, no figure.
    expect(facts(null, [section('Team', 'insiders', null)]).roles.team?.pct).toBeNull();
  });

  it('keeps a category’s own sections under its role, and the others present without a figure', () => {
    const f = facts({ privateSale: 20, airdrop: 80 }, [
      section('Seed', 'privateSale', null),
      section('Advisors', 'privateSale', null),
      section('Seed', 'privateSale', null),
    ]);
    expect(f.roles.investors).toEqual({ pct: 20, labels: ['Seed'], categories: ['privatesale'] });
    expect(f.roles.team).toEqual({ pct: null, labels: ['Advisors'], categories: ['privatesale'] });
    // No allocation: the own role is there, with no figure, under its section's name.
    const none = facts(null, [
      section('Seed', 'privateSale', null),
      section('Advisors', 'privateSale', null),
    ]);
    expect(none.roles.investors).toEqual({ pct: null, labels: ['Seed'], categories: ['privatesale'] });
  });

  it('drops a role worth 0.05 points or less that no section names, and keeps a named one', () => {
    const f = facts({ staking: 0.05, airdrop: 99.95 });
    expect(f.roles.staking).toBeUndefined();
    expect(facts({ staking: 0.06, airdrop: 99.94 }).roles.staking?.pct).toBeCloseTo(0.06, 9);
  });
});

describe('shareOf at its edges', () => {
  it('is undefined when none of the roles is there, and exact when every part has a figure', () => {
    const f = facts({ privateSale: 15, insiders: 25, airdrop: 60 });
    expect(shareOf(f, ['team'])).toBeUndefined();
    expect(shareOf(f, [])).toBeUndefined();
    expect(shareOf(f, ['investors', 'insiders'])).toEqual({ pct: 40, upTo: null, labels: [] });
  });

  it('bounds an unknown part by its categories’ shares, or not at all when one has none', () => {
    const f = facts({ insiders: 30, airdrop: 70 }, [
      section('Investors', 'insiders', null),
      section('Seed', 'unlisted', null),
    ]);
    // "unlisted" is in no allocation: the investors' share has no bound.
    expect(shareOf(f, ['investors'])).toEqual({ pct: null, upTo: null, labels: ['Investors', 'Seed'] });
    const zero = facts({ insiders: 0, airdrop: 100 }, [section('Investors', 'insiders', null)]);
    expect(shareOf(zero, ['investors'])).toEqual({ pct: null, upTo: null, labels: ['Investors'] });
  });
});

describe('allocationFacts where the figures do not add up', () => {
  it('records no share for categories when the allocation totals nothing', () => {
    const f = facts({ insiders: 0, airdrop: 0 }, [section('Team', 'insiders', null)]);
    expect(f.categoryPct).toEqual({});
    expect(f.roles).toEqual({ team: { pct: null, labels: ['Team'], categories: ['insiders'] } });
  });

  it('takes nothing from a section’s own figure when the sections sum past their category', () => {
    // Rounding: the sections give 40.5 of the category's 40.
    const f = facts({ insiders: 40, airdrop: 60 }, [
      section('Unlock A', 'insiders', 20),
      section('Investors', 'insiders', 20.5),
    ]);
    expect(f.roles.insiders).toEqual({ pct: 20, labels: ['Unlock A'], categories: ['insiders'] });
    expect(f.roles.investors?.pct).toBe(20.5);
  });

  it('reports no role for a category too small to count, even under its own section name', () => {
    const f = facts({ privateSale: 0.04, airdrop: 99.96 }, [section('Seed', 'privateSale', null)]);
    expect(f.roles.investors).toBeUndefined();
    expect(f.categoryPct.privatesale).toBeCloseTo(0.04, 9);
    // Exactly 0.05 points (0.05 of a total of 100 is exactly 0.05 in binary too) is still rounding:
    // the role is there without a figure when a section names another, and not at all otherwise.
    const own = facts({ privateSale: 0.05, airdrop: 99.95 }, [section('Seed', 'privateSale', null)]);
    expect(own.categoryPct.privatesale).toBe(0.05);
    expect(own.roles.investors).toBeUndefined();
    const other = facts({ insiders: 0.05, airdrop: 99.95 }, [section('Team', 'insiders', null)]);
    expect(other.roles.team).toEqual({ pct: null, labels: ['Team'], categories: ['insiders'] });
  });

  it('gives a category no role of its own when, without an allocation, its sections name others', () => {
    const f = facts(null, [section('Team', 'insiders', null), section('Seed', 'insiders', null)]);
    expect(Object.keys(f.roles).sort()).toEqual(['investors', 'team']);
    expect(f.roles.insiders).toBeUndefined();
  });

  it('drops an unnamed section’s share of 0.05 points or less, and keeps a larger one', () => {
    // A liquidity category split between an unnamed section (its own role, "other") and farming.
    const unnamed = (pct: number) =>
      facts({ liquidity: 10, airdrop: 90 }, [
        section('', 'liquidity', pct),
        section('Farming', 'liquidity', 10 - pct),
      ]);
    expect(unnamed(0.05).roles.other).toBeUndefined();
    expect(unnamed(0.05).roles.community?.pct).toBeCloseTo(9.95, 9);
    expect(unnamed(0.06).roles.other).toEqual({ pct: 0.06, labels: [], categories: ['liquidity'] });
  });
});
