/** The card element's state (contract §3) from its figures. */
import { describe, expect, it } from 'vitest';
import { stateOf } from '../../components/card-state';

describe('card state (contract §3)', () => {
  const price = (source: 'coingecko' | 'snapshot', stale = false) => ({
    price: {
      source,
      fetchedAt: 0,
      ageMs: 0,
      asOf: null,
      sourceOld: false,
      stale,
      value: {
        usd: 1,
        change24hPct: null,
        change7dPct: null,
        previousClose: null,
        asOf: null,
        high24h: null,
        low24h: null,
        peak: null,
      },
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

  it('never calls a card with no figure out of date: loading while asked, else an error', () => {
    const bare = { assetId: 'cg:x', symbol: 'X', name: 'X' };
    expect(stateOf(bare, true)).toBe('loading');
    expect(stateOf(bare, false)).toBe('error');
  });
});
