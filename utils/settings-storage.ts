/** Reading and writing the settings from extension pages (the background has its own cached reader). */
import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings, settingsSchema } from './settings';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

export async function writeSettings(next: Settings): Promise<Settings> {
  const clean = settingsSchema.parse(next);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}
