/**
 * The background's long-lived parts, made on first use after each worker start: the database, the
 * data service, the registry and the pins. Nothing that matters lives only here: the worker is
 * killed after 30 s idle, so every state worth keeping is in IndexedDB or storage.
 */
import { browser } from 'wxt/browser';
import { TickerlensDb } from '@/utils/db';
import { PINS_CHANGED_MESSAGE } from '@/utils/messages';
import { sendToTab } from '@/utils/messaging';
import { loadRegistry, parseRegistryData, type Registry } from '@/utils/registry';
import { packagedRegistry } from '@/utils/registry/packaged';
import { mergeRefreshed } from '@/utils/registry/refresh';
import { type Settings, SOURCE_IDS } from '@/utils/settings';
import { createDataService, type DataService } from '@/utils/sources/service';
import { bundledSnapshot, type Snapshot } from '@/utils/sources/snapshot';
import { loadSettings, onSettingsChanged } from './settings-store';
import { hostGranted } from './trust';

let db: TickerlensDb | undefined;
let service: DataService | undefined;
let settings: Settings | undefined;
let pins: Map<string, string> | undefined;
let seeded: Promise<number> | undefined;
let refreshedRegistry: Promise<Registry | undefined> | undefined;

/** The refreshed registry lives in IndexedDB `meta` under this key (RegistryData). */
const REGISTRY_KEY = 'registry:data';

onSettingsChanged(async () => {
  const before = settings;
  settings = await loadSettings();
  if (!before || !service) return;
  // A source pointed elsewhere (a proxy, a paid tier, back online) starts with a clean slate.
  for (const id of SOURCE_IDS) {
    if (JSON.stringify(before.sources[id]) !== JSON.stringify(settings.sources[id]))
      await service.resetSource(id);
  }
});

export function database(): TickerlensDb {
  db ??= new TickerlensDb();
  return db;
}

let snapshot: Snapshot | undefined;

/** The bundled price snapshot (first run, offline), parsed once per worker life for all who read it. */
export function bundledPrices(): Snapshot {
  snapshot ??= bundledSnapshot();
  return snapshot;
}

/** The data service, reading the current settings on every request (changes apply at once). */
export async function dataService(): Promise<DataService> {
  settings ??= await loadSettings();
  service ??= createDataService({
    db: database(),
    settings: () => settings as Settings,
    snapshot: bundledPrices(),
    hostGranted,
    onRegistryLists: async (lists) => {
      const merged = mergeRefreshed((await packagedRegistry()).data, lists);
      await database().setMeta(REGISTRY_KEY, merged, lists.fetchedAt);
      refreshedRegistry = Promise.resolve(loadRegistry(merged));
    },
  });
  // First run and offline: the dated snapshot fills in what IndexedDB lacks (once per worker life).
  seeded ??= service.seedSnapshot().catch(() => 0);
  await seeded;
  return service;
}

/**
 * The registry resolution reads: the last daily refresh stored in IndexedDB, or the bundled one
 * (first run, offline, or a stored copy that no longer parses).
 */
export async function currentRegistry(): Promise<Registry> {
  refreshedRegistry ??= database()
    .getMeta(REGISTRY_KEY, (v) => {
      try {
        return loadRegistry(parseRegistryData(v));
      } catch {
        return undefined;
      }
    })
    .catch(() => undefined);
  return (await refreshedRegistry) ?? packagedRegistry();
}

/** User pins ("always read $X as Y"), keyed by upper-case symbol or lower-case @handle. */
export async function currentPins(): Promise<ReadonlyMap<string, string>> {
  pins ??= new Map((await database().pins()).map((p) => [p.key, p.assetId]));
  return pins;
}

export async function setPin(key: string, assetId: string | null): Promise<void> {
  const d = database();
  if (assetId) await d.pin(key, assetId, Date.now());
  else await d.unpin(key);
  forgetPins();
}

/** The pins changed in IndexedDB (set, or imported): they are read again on next use. */
export function forgetPins(): void {
  pins = undefined;
}

/** Every open page reads its symbols anew after a pin changed, not only the one where it was set. */
export async function announcePins(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs)
    if (tab.id !== undefined) sendToTab(tab.id, { type: PINS_CHANGED_MESSAGE }).catch(() => undefined);
}
