import { describe, expect, it } from 'vitest';
import {
  MIN_ALARM_DELAY_MS,
  planRefresh,
  REFRESH_INTERVALS,
  type RefreshState,
} from '../../../utils/queue/scheduler';

const NOW = Date.parse('2025-03-01T12:00:00Z');
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

describe('planRefresh', () => {
  it('refreshes on-screen quotes every minute and others every five minutes', () => {
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin', 'stock:MSTR'],
      tracked: ['cg:ethereum', 'cg:solana', 'cg:bitcoin'],
      quoteFetchedAt: {
        'cg:bitcoin': NOW - 61_000,
        'stock:MSTR': NOW - 30_000,
        'cg:ethereum': NOW - 4 * 60_000,
        'cg:solana': NOW - 6 * 60_000,
      },
    });
    expect(plan.quotes).toEqual(['cg:bitcoin', 'cg:solana']);
    // MSTR is due in 30 s: wake then (Chrome's minimum alarm delay).
    expect(plan.nextAt).toBe(NOW + MIN_ALARM_DELAY_MS);
  });

  it('asks for never-fetched quotes at once, and for unlocks, revenue, treasuries and registry on their cadence', () => {
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:new-coin'],
      // Seen lately (or pinned), their quotes fresh: only their schedules and revenue are due.
      tracked: ['cg:arbitrum', 'cg:hyperliquid'],
      quoteFetchedAt: { 'cg:arbitrum': NOW, 'cg:hyperliquid': NOW },
      unlocksFetchedAt: { arbitrum: NOW - REFRESH_INTERVALS.unlocksMs - 1, hyperliquid: NOW - 3_600_000 },
      revenueFetchedAt: { hyperliquid: NOW - REFRESH_INTERVALS.revenueMs },
      treasuriesFetchedAt: NOW - 13 * 3_600_000,
      registryFetchedAt: NOW - 23 * 3_600_000,
    });
    expect(plan).toMatchObject({
      quotes: ['cg:new-coin'],
      unlocks: ['arbitrum'],
      revenue: ['hyperliquid'],
      treasuries: true,
      registry: false,
    });
  });

  it('refreshes schedules and revenue only of coins on screen, seen lately or pinned (issue 29)', () => {
    const old = NOW - REFRESH_INTERVALS.unlocksMs - REFRESH_INTERVALS.revenueMs;
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin'],
      tracked: ['cg:arbitrum'],
      quoteFetchedAt: { 'cg:bitcoin': NOW, 'cg:arbitrum': NOW },
      unlocksFetchedAt: { bitcoin: old, arbitrum: old, 'looked-at-once': old },
      revenueFetchedAt: { bitcoin: old, arbitrum: old, 'looked-at-once': old },
    });
    expect(plan.unlocks.sort()).toEqual(['arbitrum', 'bitcoin']);
    expect(plan.revenue.sort()).toEqual(['arbitrum', 'bitcoin']);
  });

  it('skips sources that are backing off or have an open breaker, and wakes when they reopen', () => {
    const plan = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin', 'stock:AAPL'],
      quoteFetchedAt: { 'cg:bitcoin': 0, 'stock:AAPL': 0 },
      blockedUntil: { coingecko: NOW + 10 * 60_000 },
    });
    expect(plan.quotes).toEqual(['stock:AAPL']);
    expect(plan.nextAt).toBe(NOW + 60_000);
    const later = planRefresh(NOW, {
      ...base,
      onScreen: ['cg:bitcoin'],
      quoteFetchedAt: { 'cg:bitcoin': 0 },
      blockedUntil: { coingecko: NOW + 10 * 60_000 },
    });
    expect(later.quotes).toEqual([]);
    expect(later.nextAt).toBe(NOW + 10 * 60_000);
  });

  it('sleeps until the next item is due when nothing is tracked', () => {
    expect(planRefresh(NOW, base).nextAt).toBe(NOW + REFRESH_INTERVALS.treasuriesMs);
    const empty = {
      ...base,
      treasuriesFetchedAt: Number.POSITIVE_INFINITY,
      registryFetchedAt: Number.POSITIVE_INFINITY,
    };
    expect(planRefresh(NOW, empty).nextAt).toBe(NOW + REFRESH_INTERVALS.quoteBackgroundMs);
  });
});
