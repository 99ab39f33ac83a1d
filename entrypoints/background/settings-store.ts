import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings } from '@/utils/settings';

let cached: Settings | undefined;

/** The effective settings: stored value migrated and completed from defaults. */
export async function loadSettings(): Promise<Settings> {
  if (cached) return cached;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  cached = migrateSettings(stored[SETTINGS_KEY]);
  return cached;
}

export function watchSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) cached = undefined;
  });
}
