/**
 * What the content scripts mark, from the settings: told at start (`tickerlens:hello`) and again to
 * every tab whenever the settings change, so a kind switched off in the options page goes at once.
 * Content scripts never read the settings themselves; this is their one way to them.
 */
import { browser } from 'wxt/browser';
import { MARKS_CHANGED_MESSAGE } from '@/utils/messages';
import { sendToTab } from '@/utils/messaging';
import type { Settings } from '@/utils/settings';
import { loadSettings } from './settings-store';

export function markOptions(settings: Settings) {
  return { marks: settings.marks, kinds: { ...settings.markKinds } };
}

/** Sends the current mark options to every tab (a tab without our content script ignores it). */
export async function announceMarks(): Promise<void> {
  const message = { type: MARKS_CHANGED_MESSAGE, ...markOptions(await loadSettings()) } as const;
  const tabs = await browser.tabs.query({}).catch(() => []);
  for (const tab of tabs) if (tab.id !== undefined) sendToTab(tab.id, message).catch(() => undefined);
}
