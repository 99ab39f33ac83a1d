/**
 * When the worker refreshes (background/scheduler.ts), over stand-ins for `browser.alarms`, the
 * database's meta table and the data service's planner: what tabs report on screen and what was
 * seen lately decide what is planned, the next alarm follows the plan within its bounds, a failing
 * plan never stops the schedule, and the cache is pruned once a day, never what is kept or noted.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 6, 12);

const world = vi.hoisted(() => ({
  alarms: new Map<string, { when?: number; delayInMinutes?: number }>(),
  meta: new Map<string, unknown>(),
  pins: new Map<string, string>(),
  noted: new Set<string>(),
  prunes: [] as Array<{ keep: string[]; before: number }>,
  plans: [] as Array<{ onScreen: string[]; tracked: string[] }>,
  refreshed: [] as string[][],
  ran: 0,
  nextAt: 0,
  lacking: [] as string[],
  failPlan: false,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    alarms: {
      get: async (name: string) => world.alarms.get(name),
      create: async (name: string, info: { when?: number; delayInMinutes?: number }) => {
        world.alarms.set(name, info);
      },
    },
  },
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  currentPins: async () => world.pins,
  database: () => ({
    getMeta: async <T>(key: string, parse: (v: unknown) => T | undefined) => parse(world.meta.get(key)),
    setMeta: async (key: string, value: unknown) => {
      world.meta.set(key, structuredClone(value));
    },
    notedAssets: async () => new Set(world.noted),
    pruneCache: async (keep: ReadonlySet<string>, before: number) => {
      world.prunes.push({ keep: [...keep].sort(), before });
      return 0;
    },
  }),
  dataService: async () => ({
    plan: async (onScreen: string[], tracked: string[]) => {
      world.plans.push({ onScreen: [...onScreen].sort(), tracked: [...tracked].sort() });
      if (world.failPlan) throw new Error('IndexedDB closed');
      return { quotes: world.lacking, nextAt: world.nextAt };
    },
    runPlan: async () => {
      world.ran++;
    },
    refreshQuotes: async (ids: string[]) => {
      world.refreshed.push(ids);
    },
  }),
}));

const { REFRESH_ALARM, noteOnScreen, onRefreshAlarm } = await import(
  '../../entrypoints/background/scheduler'
);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  world.alarms = new Map();
  world.meta = new Map();
  world.pins = new Map();
  world.noted = new Set();
  world.prunes = [];
  world.plans = [];
  world.refreshed = [];
  world.ran = 0;
  world.nextAt = T0 + 10 * MIN;
  world.lacking = [];
  world.failPlan = false;
});

const at = (ms: number) => vi.setSystemTime(T0 + ms);

describe('what a tab reports', () => {
  it('prefetches the quotes its assets lack at once, and starts the schedule', async () => {
    world.lacking = ['cg:bitcoin'];
    await noteOnScreen(7, ['cg:bitcoin', 'cg:solana']);
    expect(world.plans).toEqual([{ onScreen: ['cg:bitcoin', 'cg:solana'], tracked: [] }]);
    expect(world.refreshed).toEqual([['cg:bitcoin']]);
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ delayInMinutes: 0.5 });
  });

  it('asks nothing when the tab shows nothing or every quote is there, and keeps an alarm already set', async () => {
    world.alarms.set(REFRESH_ALARM, { when: T0 + HOUR });
    await noteOnScreen(7, []);
    expect(world.plans).toEqual([]);
    await noteOnScreen(7, ['cg:bitcoin']);
    expect(world.refreshed).toEqual([]);
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ when: T0 + HOUR });
  });
});

describe('the refresh alarm', () => {
  it('plans what is on screen now, and tracks what was seen in the last day and what is pinned', async () => {
    await noteOnScreen(1, ['cg:old-tab']);
    at(1 * MIN);
    await noteOnScreen(2, ['cg:now']);
    at(2 * MIN + 30_000); // tab 1's report is now older than 2 minutes
    world.pins = new Map([['$HYPE', 'cg:hyperliquid']]);
    world.plans = [];
    await onRefreshAlarm();
    expect(world.plans[0]).toEqual({
      onScreen: ['cg:now'],
      tracked: ['cg:hyperliquid', 'cg:now', 'cg:old-tab'],
    });
    expect(world.ran).toBe(1);
    at(DAY + 2 * MIN);
    world.plans = [];
    await onRefreshAlarm();
    // a day later only the pin is still tracked
    expect(world.plans[0]).toEqual({ onScreen: [], tracked: ['cg:hyperliquid'] });
  });

  it('a report exactly 2 minutes old is still on screen; an asset seen exactly a day ago still tracked', async () => {
    await noteOnScreen(1, ['cg:edge']);
    at(2 * MIN);
    world.plans = [];
    await onRefreshAlarm();
    expect(world.plans[0]).toEqual({ onScreen: ['cg:edge'], tracked: ['cg:edge'] });
    at(DAY);
    world.plans = [];
    await onRefreshAlarm();
    expect(world.plans[0]).toEqual({ onScreen: [], tracked: ['cg:edge'] });
  });

  it('wakes when the plan says, never sooner than the shortest delay nor later than an hour', async () => {
    world.nextAt = T0 + 10 * MIN;
    await onRefreshAlarm();
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ when: T0 + 10 * MIN });
    world.nextAt = T0 - MIN;
    await onRefreshAlarm();
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ when: T0 + 30_000 });
    world.nextAt = T0 + 5 * HOUR;
    await onRefreshAlarm();
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ when: T0 + HOUR });
  });

  it('a failing plan never stops the schedule: it tries again after the shortest delay', async () => {
    world.failPlan = true;
    await expect(onRefreshAlarm()).resolves.toBeUndefined();
    expect(world.alarms.get(REFRESH_ALARM)).toEqual({ delayInMinutes: 0.5 });
  });

  it('keeps at most the 300 assets seen last', async () => {
    for (let n = 0; n < 301; n++) {
      at(n);
      await noteOnScreen(1, [`cg:a${n}`]);
    }
    const seen = world.meta.get('schedule:seen') as Record<string, number>;
    expect(Object.keys(seen)).toHaveLength(300);
    expect(seen).not.toHaveProperty('cg:a0');
    expect(seen).toHaveProperty('cg:a300');
  });

  it('reads damaged schedule state as empty rather than failing', async () => {
    world.meta.set('schedule:onScreen', { 1: { assets: 'cg:bitcoin', at: 'now' } });
    world.meta.set('schedule:seen', ['cg:bitcoin']);
    await onRefreshAlarm();
    expect(world.plans[0]).toEqual({ onScreen: [], tracked: [] });
  });
});

describe('pruning the cache', () => {
  it('once a day, keeping what is on screen, tracked, pinned or noted, dropping what is a week old', async () => {
    await noteOnScreen(1, ['cg:screen']);
    world.pins = new Map([['$X', 'cg:pinned']]);
    world.noted = new Set(['stock:NOTED']);
    await onRefreshAlarm();
    expect(world.prunes).toEqual([{ keep: ['cg:pinned', 'cg:screen', 'stock:NOTED'], before: T0 - 7 * DAY }]);
    at(DAY - 1);
    await onRefreshAlarm();
    expect(world.prunes).toHaveLength(1);
    at(DAY);
    await onRefreshAlarm();
    expect(world.prunes).toHaveLength(2);
    expect(world.prunes[1]?.before).toBe(T0 + DAY - 7 * DAY);
  });
});
