/**
 * The refresh plan per source: each kind of figure waits for its own source (DefiLlama's datasets
 * for unlocks, its API for revenue and the registry, CoinGecko for treasuries, Yahoo for stocks),
 * a source blocked until exactly now is open again, a tracked asset on screen is planned once at
 * the on-screen cadence, and the alarm never comes sooner than Chrome allows.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_ALARM_DELAY_MS,
  planRefresh,
  quoteSource,
  REFRESH_INTERVALS,
  type RefreshState,
} from '../../../utils/queue/scheduler';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const I = REFRESH_INTERVALS;
/** Everything fetched just now: nothing due. */
const base: RefreshState = {
  onScreen: [],
  tracked: [],
  quoteFetchedAt: {},
  unlocksFetchedAt: {},
  revenueFetchedAt: {},
  treasuriesFetchedAt: NOW,
  registryFetchedAt: NOW,
  blockedUntil: {},
};
const HOUR = 3_600_000;

describe('planRefresh per source', () => {
  it('asks Yahoo for stocks and CoinGecko for coins', () => {
    expect(quoteSource('stock:AAPL')).toBe('stocks');
    expect(quoteSource('cg:bitcoin')).toBe('coingecko');
  });

  it('holds unlocks while DefiLlama’s datasets are blocked, revenue while its API is', () => {
    const due = {
      ...base,
      onScreen: ['cg:arbitrum'],
      quoteFetchedAt: { 'cg:arbitrum': NOW },
      unlocksFetchedAt: { arbitrum: 0 },
      revenueFetchedAt: { arbitrum: 0 },
    };
    const datasets = planRefresh(NOW, { ...due, blockedUntil: { llamaDatasets: NOW + HOUR } });
    expect([datasets.unlocks, datasets.revenue]).toEqual([[], ['arbitrum']]);
    const api = planRefresh(NOW, { ...due, blockedUntil: { llamaApi: NOW + HOUR } });
    expect([api.unlocks, api.revenue]).toEqual([['arbitrum'], []]);
  });

  it('holds treasuries while CoinGecko is blocked and the registry while DefiLlama’s API is', () => {
    const due = { ...base, treasuriesFetchedAt: 0, registryFetchedAt: 0 };
    expect(planRefresh(NOW, { ...due, blockedUntil: { coingecko: NOW + HOUR } })).toMatchObject({
      treasuries: false,
      registry: true,
    });
    expect(planRefresh(NOW, { ...due, blockedUntil: { llamaApi: NOW + HOUR } })).toMatchObject({
      treasuries: true,
      registry: false,
    });
  });

  it('asks a source blocked until exactly now', () => {
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin'],
      quoteFetchedAt: { 'cg:bitcoin': 0 },
      blockedUntil: { coingecko: NOW },
    });
    expect(plan.quotes).toEqual(['cg:bitcoin']);
  });

  it('plans a tracked asset on screen once, at the on-screen cadence', () => {
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin'],
      tracked: ['cg:bitcoin'],
      quoteFetchedAt: { 'cg:bitcoin': NOW - I.quoteOnScreenMs },
    });
    expect(plan.quotes).toEqual(['cg:bitcoin']);
    const never = planRefresh(NOW, { ...base, onScreen: ['cg:bitcoin'], tracked: ['cg:bitcoin'] });
    expect(never.quotes).toEqual(['cg:bitcoin']);
  });

  it('checks again a minute later when only revenue or unlocks were due', () => {
    const revenueOnly = planRefresh(NOW, {
      ...base,
      tracked: ['cg:arbitrum'],
      quoteFetchedAt: { 'cg:arbitrum': NOW },
      revenueFetchedAt: { arbitrum: 0 },
    });
    expect(revenueOnly.revenue).toEqual(['arbitrum']);
    expect(revenueOnly.nextAt).toBe(NOW + I.quoteOnScreenMs);
    const unlocksOnly = planRefresh(NOW, {
      ...base,
      tracked: ['cg:arbitrum'],
      quoteFetchedAt: { 'cg:arbitrum': NOW },
      unlocksFetchedAt: { arbitrum: 0 },
    });
    expect(unlocksOnly.nextAt).toBe(NOW + I.quoteOnScreenMs);
  });

  it('leaves revenue fetched under 12 hours ago, and never wakes sooner than Chrome’s alarms allow', () => {
    const plan = planRefresh(NOW, {
      ...base,
      tracked: ['cg:arbitrum'],
      quoteFetchedAt: { 'cg:arbitrum': NOW },
      revenueFetchedAt: { arbitrum: NOW - I.revenueMs + 60 * 60_000 },
    });
    expect(plan.revenue).toEqual([]);
    expect(plan.nextAt).toBe(NOW + I.quoteBackgroundMs);
    const soon = planRefresh(NOW, {
      ...base,
      blockedUntil: { coingecko: NOW + 1000 },
      treasuriesFetchedAt: 0,
    });
    expect(soon.nextAt).toBe(NOW + MIN_ALARM_DELAY_MS);
  });
});
