/**
 * "Enable on this site": an optional host permission plus a dynamically registered content script,
 * removed again on "Disable". The test site is one the extension already has host access to (a
 * data-API host), because Chromium's permission prompt cannot be answered from a test: the
 * request resolves at once there, and the rest of the path (registration, injection, teardown) is
 * the one users take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage } from '../../demo/pages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
const SITE = 'https://api.coingecko.com';
const URL = `${SITE}/news/bitcoin-and-chips`;

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    URL,
    articlePage('Markets', ['Bitcoin rose as NVIDIA and TSMC reported demand; 比特幣 and 台積電 led Asia.']),
  );
});
afterAll(() => h?.close());

const NOT_RUNNING = /Receiving end does not exist|Could not establish connection/;

describe('enable on this site', () => {
  it('is off by default, turns on from the popup, survives a reload, and turns off again', async () => {
    const page = await h.open(URL);
    const tabId = await h.tabIdOf(page);
    await expect(h.scan(tabId)).rejects.toThrow(NOT_RUNNING);

    const popup = await h.openPopup(tabId);
    const enable = popup.getByTestId('enable-site');
    await enable.waitFor();
    expect(await enable.textContent()).toBe('Enable on api.coingecko.com');
    await enable.click();
    await popup.getByTestId('page-summary').waitFor();
    expect(await popup.getByTestId('page-summary').textContent()).toContain('比特幣');
    const settings = await h.inWorker(() => chrome.storage.local.get('tickerlens:settings'), undefined);
    expect((settings['tickerlens:settings'] as { enabledSites: string[] }).enabledSites).toEqual([SITE]);

    // Registered: a reload (or any page of the site) runs the script without the popup.
    await page.reload();
    await expect
      .poll(async () => (await h.scan(tabId).catch(() => ({ items: [] }))).items.length)
      .toBeGreaterThan(3);
    const result = await h.scan(tabId);
    expect(result.items).toContainEqual(
      expect.objectContaining({ kind: 'name', text: 'NVIDIA', asset: 'stock:NVDA' }),
    );

    // The settings page lists the site.
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    expect(await options.getByTestId('enabled-sites').textContent()).toContain(SITE);
    await options.close();

    // Disable: the running script stops at once, and a reload does not bring it back.
    await popup.reload();
    await popup.getByTestId('disable-site').click();
    await popup.getByTestId('inactive').waitFor();
    await expect
      .poll(
        async () =>
          await h
            .scan(tabId)
            .then(() => 'running')
            .catch(() => 'stopped'),
      )
      .toBe('stopped');
    await page.reload();
    await page.waitForTimeout(500);
    await expect(h.scan(tabId)).rejects.toThrow(NOT_RUNNING);
    const registered = await h.inWorker(() => chrome.scripting.getRegisteredContentScripts(), undefined);
    expect(registered).toEqual([]);
    await popup.close();
    await page.close();
  });
});
