import { describe, expect, it } from 'vitest';
import { stateOf } from '../../components/card-state';
import type { CardData } from '../../utils/card-schema';
import { claimVerdict } from '../../utils/checklist/claim-verdicts';

const prov = {
  source: 'llamaDatasets' as const,
  fetchedAt: 0,
  ageMs: 0,
  asOf: null,
  sourceOld: false,
  stale: false,
};

function card(allocation: Record<string, number> | null, opts: Partial<CardData> = {}): CardData {
  return {
    assetId: 'cg:x',
    symbol: 'X',
    name: 'X',
    unlocks: {
      ...prov,
      value: {
        next: [],
        recent: [],
        next30d: { amount: 0, sharePct: 0, insiderAmount: 0, insiderSharePct: 0 },
        next90d: { amount: 0, sharePct: 0, insiderAmount: 0, insiderSharePct: 0 },
        allocation: allocation ? { current: allocation, final: allocation } : null,
        sections: [],
        totalSupply: null,
        listed: true,
        sources: [],
      },
    },
    ...opts,
  };
}

describe('claims against the data', () => {
  it('a "no VC" claim for a token whose schedule lists investors is contradicted, with the share', () => {
    const v = claimVerdict('no-vc', undefined, card({ privateSale: 20, insiders: 20, airdrop: 60 }));
    expect(v.verdict).toBe('contradicts');
    expect(v.reason).toEqual({ key: 'reasonAllocates', subs: ['20%', { key: 'whoInvestors' }] });
  });

  it('agrees when the schedule has no investor or insider allocation', () => {
    expect(claimVerdict('no-vc', undefined, card({ airdrop: 70, farming: 30 })).verdict).toBe('agrees');
    expect(claimVerdict('community-only', undefined, card({ airdrop: 70, farming: 30 })).verdict).toBe(
      'agrees',
    );
    expect(claimVerdict('no-insiders', undefined, card({ insiders: 45.8, airdrop: 54.2 })).verdict).toBe(
      'contradicts',
    );
  });

  it('compares an airdrop percentage with the allocation, within 3 points', () => {
    expect(claimVerdict('airdrop', 28, card({ airdrop: 47.7, insiders: 52.3 })).verdict).toBe('contradicts');
    expect(claimVerdict('airdrop', 46, card({ airdrop: 47.7, insiders: 52.3 })).verdict).toBe('agrees');
  });

  it('says unknown without a schedule, a breakdown, or a source for the claim', () => {
    expect(claimVerdict('no-vc', undefined, null).verdict).toBe('unknown');
    expect(claimVerdict('no-vc', undefined, card(null)).verdict).toBe('unknown');
    expect(claimVerdict('zero-tax', undefined, card({ airdrop: 1 })).verdict).toBe('unknown');
    expect(claimVerdict('token-launch', undefined, card({ airdrop: 1 })).verdict).toBe('unknown');
  });

  it('checks buybacks and burns against the value returned to holders', () => {
    const revenue = (held: number | null): Partial<CardData> => ({
      revenue: {
        ...prov,
        source: 'llamaApi',
        value: {
          name: 'X',
          revenue: { total24h: 1, total7d: 1, total30d: 100, totalAllTime: 1, covered: null },
          holdersRevenue:
            held === null
              ? null
              : { total24h: 1, total7d: 1, total30d: held, totalAllTime: 1, covered: null },
        },
      },
    });
    expect(claimVerdict('buyback-burn', undefined, card(null, revenue(1_470_000))).verdict).toBe('agrees');
    expect(claimVerdict('buyback-burn', undefined, card(null, revenue(0))).verdict).toBe('contradicts');
    expect(claimVerdict('buyback-burn', undefined, card(null, revenue(null))).verdict).toBe('unknown');
  });
});

describe('card state (contract §3)', () => {
  const price = (source: 'coingecko' | 'snapshot', stale = false) => ({
    price: {
      source,
      fetchedAt: 0,
      ageMs: 0,
      asOf: null,
      sourceOld: false,
      stale,
      value: { usd: 1, change24hPct: null, change7dPct: null, previousClose: null, asOf: null },
    },
  });
  it('is loading, ready, stale or error', () => {
    expect(stateOf(null, true)).toBe('loading');
    expect(stateOf(null, false)).toBe('error');
    expect(stateOf({ assetId: 'a', symbol: 'A', name: 'A', ...price('coingecko') }, false)).toBe('ready');
    expect(stateOf({ assetId: 'a', symbol: 'A', name: 'A', ...price('coingecko', true) }, false)).toBe(
      'stale',
    );
    expect(stateOf({ assetId: 'a', symbol: 'A', name: 'A', ...price('snapshot') }, true)).toBe('stale');
  });
});
