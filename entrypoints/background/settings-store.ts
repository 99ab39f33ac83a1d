import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings, settingsSchema } from '@/utils/settings';

let cached: Settings | undefined;
const listeners = new Set<() => void>();

/** The effective settings: stored value migrated and completed from defaults. */
export async function loadSettings(): Promise<Settings> {
  if (cached) return cached;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  cached = migrateSettings(stored[SETTINGS_KEY]);
  return cached;
}

export function onSettingsChanged(fn: () => void): void {
  listeners.add(fn);
}

/** A change to the settings takes effect without reloading the extension. */
export function watchSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    cached = undefined;
    for (const fn of listeners) fn();
  });
}

/** Writes settings from the background: validated, and read back at once by this worker. */
export async function writeSettings(next: Settings): Promise<void> {
  const clean = settingsSchema.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  cached = clean;
}
