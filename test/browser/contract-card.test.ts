/**
 * Issue 28 in Chromium: a contract no list knows is priced by contract on its card (DefiLlama's
 * documented example, cDAI on Ethereum, from the local sources server), and an address whose
 * EIP-55 checksum fails is reported `invalid: 'checksum'` by the scan and never priced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
const CDAI = '0xdF574c24545E5FfEcb9a659c229253D4111d87e1';
/** cDAI's address with one letter's case flipped: its EIP-55 checksum fails. */
const BAD = '0xdF574c24545E5FfEcb9a659c229253D4111d87E1';

beforeAll(async () => {
  h = await startHarness();
  h.serveX(
    '/contracts',
    xTimelinePage([
      testPost('1', `New token, contract ${CDAI} is live.`),
      testPost('2', `Or was it ${BAD}?`),
    ]),
  );
});
afterAll(() => h?.close());

describe('contracts no list knows', () => {
  it('prices one by contract and says so; a failed checksum is reported, never priced', async () => {
    await h.useLocalApi();
    const page = await h.open('https://x.com/contracts');
    const tabId = await h.tabIdOf(page);
    // Each post's author line holds a handle: only the addresses are looked at here.
    const addresses = async () =>
      (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.filter(
        (i) => i.kind === 'address',
      );
    await expect.poll(async () => (await addresses()).length).toBe(2);
    const items = await addresses();
    expect(items[0]).toMatchObject({ kind: 'address', text: CDAI, chain: 'evm' });
    expect(items[0]?.asset).toBeUndefined();
    expect(items[0]?.invalid).toBeUndefined();
    expect(items[1]).toMatchObject({ kind: 'address', text: BAD, invalid: 'checksum' });
    expect(items[1]?.asset).toBeUndefined();

    await hoverText(page, CDAI, '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.getByText('Not in any list: priced by contract.').waitFor({ timeout: 15_000 });
    await card.getByText(/\$0\.02\d* on ethereum \(DefiLlama/).waitFor();
    await card.getByText('Calls itself (cDAI).', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    await hoverText(page, BAD, '[data-testid="tweetText"]');
    const bad = page.locator('tickerlens-card');
    await bad.getByText('Invalid EIP-55 checksum: this address is mistyped or altered.').waitFor();
    expect(await bad.getByText('priced by contract', { exact: false }).count()).toBe(0);
    await page.close();
  });
});
