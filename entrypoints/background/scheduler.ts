/**
 * When data is refreshed: `browser.alarms` (never timers: the worker dies after 30 s idle) wake the
 * worker, which plans from what is stored (utils/queue/scheduler.ts) and runs the plan. What is on
 * screen, and what was seen lately, is kept in IndexedDB so a fresh worker knows it too.
 * Assets detected on a page are prefetched at once, so the hover card never waits on the network.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { MIN_ALARM_DELAY_MS } from '@/utils/queue/scheduler';
import { currentPins, database, dataService } from './runtime';

export const REFRESH_ALARM = 'tickerlens:refresh';
/** A tab's report counts as "on screen" this long. */
const ON_SCREEN_MS = 2 * 60_000;
/** Assets seen this recently are kept fresh in the background. */
const SEEN_MS = 24 * 3_600_000;
const MAX_SEEN = 300;
/** The longest sleep between plans, so a new day's refreshes are not missed. */
const MAX_SLEEP_MS = 60 * 60_000;

/** Cached data of assets not kept fresh is dropped once it is this old (notes, pins never). */
const PRUNE_AFTER_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 24 * 3_600_000;
const PRUNED_KEY = 'schedule:prunedAt';
const SCREEN_KEY = 'schedule:onScreen';
const SEEN_KEY = 'schedule:seen';

const screenSchema = z.record(z.string(), z.object({ assets: z.array(z.string()), at: z.number() }));
const seenSchema = z.record(z.string(), z.number());
const parseWith =
  <T>(schema: z.ZodType<T>) =>
  (v: unknown): T | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };

async function screenState(now: number) {
  const db = database();
  const screen = (await db.getMeta(SCREEN_KEY, parseWith(screenSchema))) ?? {};
  const seen = (await db.getMeta(SEEN_KEY, parseWith(seenSchema))) ?? {};
  for (const [tab, v] of Object.entries(screen)) if (now - v.at > ON_SCREEN_MS) delete screen[tab];
  for (const [id, at] of Object.entries(seen)) if (now - at > SEEN_MS) delete seen[id];
  return { screen, seen };
}

/** Records what a tab shows and prefetches the quotes it lacks. */
export async function noteOnScreen(tabId: number, assets: readonly string[]): Promise<void> {
  const now = Date.now();
  const db = database();
  const { screen, seen } = await screenState(now);
  screen[String(tabId)] = { assets: [...assets], at: now };
  for (const id of assets) seen[id] = now;
  const trimmed = Object.fromEntries(
    Object.entries(seen)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SEEN),
  );
  await Promise.all([db.setMeta(SCREEN_KEY, screen, now), db.setMeta(SEEN_KEY, trimmed, now)]);
  await ensureRefreshAlarm();
  if (!assets.length) return;
  const service = await dataService();
  const plan = await service.plan(assets, []);
  if (plan.quotes.length) void service.refreshQuotes(plan.quotes);
}

export async function ensureRefreshAlarm(): Promise<void> {
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing) await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: MIN_ALARM_DELAY_MS / 60_000 });
}

export async function onRefreshAlarm(): Promise<void> {
  const now = Date.now();
  const { screen, seen } = await screenState(now);
  const onScreen = [...new Set(Object.values(screen).flatMap((v) => v.assets))];
  const pins = await currentPins();
  const tracked = [...new Set([...Object.keys(seen), ...pins.values()])];
  await pruneOnceADay(now, [...onScreen, ...tracked]).catch(() => undefined);
  const service = await dataService();
  try {
    const plan = await service.plan(onScreen, tracked);
    await service.runPlan(plan);
    const next = await service.plan(onScreen, tracked);
    const when = Math.min(Math.max(next.nextAt, Date.now() + MIN_ALARM_DELAY_MS), Date.now() + MAX_SLEEP_MS);
    await browser.alarms.create(REFRESH_ALARM, { when });
  } catch {
    // A plan never throws for a failing source (they fail soft); anything else must not stop the
    // schedule: try again after the shortest delay.
    await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: MIN_ALARM_DELAY_MS / 60_000 });
  }
}

/**
 * The cache's bound: what is refreshed is what is on screen, seen in the last day (at most
 * MAX_SEEN) or pinned; anything else goes a week after its last fetch, unless a note is about it.
 */
async function pruneOnceADay(now: number, kept: readonly string[]): Promise<void> {
  const db = database();
  const last = await db.getMeta(PRUNED_KEY, (v) => (typeof v === 'number' ? v : undefined));
  if (last !== undefined && now - last < PRUNE_EVERY_MS) return;
  const keep = new Set([...kept, ...(await db.notedAssets())]);
  await db.pruneCache(keep, now - PRUNE_AFTER_MS);
  await db.setMeta(PRUNED_KEY, now, now);
}
