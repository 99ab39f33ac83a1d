/**
 * The toolbar icon says whether Tickerlens runs on the tab: the manifest's grey icon by default,
 * the coloured one set on a tab once its content script says hello. Chromium has no API that reads
 * an icon back, so the test records the worker's `chrome.action.setIcon` calls (the call still goes
 * through) before any page opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xTimelinePage } from '../../demo/pages';
import { writtenPosts } from '../../demo/posts';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  h.serveX('/home', xTimelinePage(writtenPosts.slice(0, 1)));
});
afterAll(() => h?.close());

type IconCall = { tabId?: number; icon16?: string };

describe('toolbar icon', () => {
  it('is grey by default and coloured on a tab where the content script runs', async () => {
    const manifest = await h.inWorker(() => chrome.runtime.getManifest(), undefined);
    expect(manifest.action?.default_icon).toMatchObject({
      '16': 'icon-off/16.png',
      '128': 'icon-off/128.png',
    });
    expect(manifest.icons).toMatchObject({ '16': 'icon/16.png', '128': 'icon/128.png' });

    await h.inWorker(() => {
      const calls: IconCall[] = [];
      (globalThis as { iconCalls?: IconCall[] }).iconCalls = calls;
      const setIcon = chrome.action.setIcon.bind(chrome.action);
      chrome.action.setIcon = ((details: chrome.action.TabIconDetails) => {
        const path = details.path as Record<string, string> | undefined;
        calls.push({
          ...(details.tabId == null ? {} : { tabId: details.tabId }),
          icon16: path?.['16'],
        });
        return setIcon(details);
      }) as typeof chrome.action.setIcon;
    }, undefined);

    const page = await h.open('https://x.com/home');
    const tabId = await h.tabIdOf(page);
    await expect
      .poll(() => h.inWorker(() => (globalThis as { iconCalls?: IconCall[] }).iconCalls ?? [], undefined))
      .toContainEqual({ tabId, icon16: '/icon/16.png' });
  });
});
