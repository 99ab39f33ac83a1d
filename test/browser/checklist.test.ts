/**
 * The "no VC" checklist and the claims against the data, in Chromium on the built extension, with
 * the local sources server: a "no VC" post about a token whose DefiLlama schedule gives investors a
 * share (Arbitrum's, hand-made in DefiLlama's real shape) is contradicted in the popup, on the
 * page's mark and on the card; the checklist's boxes carry their evidence (contract §7, §8); a box
 * set by the user survives closing and reopening the popup; the background answers the contract's
 * message, and refuses an override from a content script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanResult } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  const posts = [
    testPost('1', '$ARB: no VC, fair launch, 100% community. Fees go to buybacks.'),
    testPost('2', 'Bitcoin holds while $TAO runs.'),
  ];
  h.serveX('/launch', xTimelinePage(posts));
  // The same posts in cells X positions itself: their marks are painted by the cells.
  h.serveX('/launch-cells', xTimelinePage(posts, { positioned: true }));
  // The hand-made fee chart ends yesterday: the last 30 days are today's (the real clock runs here).
  h.sources.feeChartsEndOn(Math.floor(Date.now() / DAY) * DAY - DAY);
});
afterAll(() => h?.close());

async function openLaunch(path = '/launch') {
  await h.useLocalApi();
  const page = await h.open(`https://x.com${path}`);
  const tabId = await h.tabIdOf(page);
  await expect
    .poll(
      async () => (await h.scan(tabId).catch(() => ({ items: [] }) as unknown as ScanResult)).items.length,
    )
    .toBeGreaterThan(3);
  return { page, tabId };
}

describe('the "no VC" checklist', () => {
  it('contradicts "no VC" in the popup, with the investors’ share in the supply box, and fills the liquidity box', async () => {
    const { page, tabId } = await openLaunch();
    const popup = await h.openPopup(tabId);
    const group = popup.locator('[data-testid="page-claims"] .claim-group[data-asset="cg:arbitrum"]');
    const noVc = group.locator('[data-claim="no-vc"]');
    await expect.poll(() => noVc.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('contradicts');
    // The fixture's series stop some 15 months after its build (test/fixtures/sources/README.md):
    // the investors' section has 1.31B of 10B unlocked by then, and the schedule says no more.
    expect(await noVc.textContent()).toContain(
      'DefiLlama’s schedule gives investors 13.1% of the supply (“Investors”)',
    );
    expect(await group.textContent()).toContain('About Arbitrum (ARB)');

    // The checklist of the token the launch post is about (contract §7).
    const checklist = popup.locator('[data-testid="checklist"][data-asset="cg:arbitrum"]');
    await checklist.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => checklist.locator('[data-box="liquidity"]').getAttribute('data-verdict'), {
        timeout: 20_000,
      })
      .toBe('pass');
    const supply = checklist.locator('[data-box="supply"]');
    await expect
      .poll(() => supply.textContent(), { timeout: 20_000 })
      .toContain('Investors: 13.1% (“Investors”)');
    // Said plainly, first: the post's "no VC" against the schedule, in the claim's own verdict.
    expect(await supply.locator('.evidence li').allTextContents()).toEqual(
      expect.arrayContaining([
        'A post here says “No VC”, and DefiLlama’s schedule contradicts it:',
        'DefiLlama’s schedule gives investors 13.1% of the supply (“Investors”).',
      ]),
    );
    expect((await supply.locator('.evidence li').allTextContents())[0]).toBe(
      'A post here says “No VC”, and DefiLlama’s schedule contradicts it:',
    );
    expect(await supply.textContent()).toContain('DefiLlama datasets');
    expect(await checklist.locator('[data-box="liquidity"]').textContent()).toMatch(
      /returned to holders \(buybacks, burns\) in 30 days/,
    );
    for (const box of ['revenue', 'sink', 'supply', 'liquidity', 'governance'])
      expect(['pass', 'fail', 'unknown']).toContain(
        await checklist.locator(`[data-box="${box}"]`).getAttribute('data-verdict'),
      );
    const score = await checklist.locator('[data-score]').getAttribute('data-score');
    expect(score).toMatch(/^[0-5]\/5$/);
    const passes = await checklist.locator('[data-verdict="pass"]').count();
    expect(score).toBe(`${passes}/5`);
    // Not every box filled: the warning stands.
    expect(await checklist.textContent()).toContain('retail may be its exit liquidity');
    // Names, never ids.
    expect(await popup.locator('main').textContent()).not.toMatch(/cg:|stock:/);
    await popup.close();
    await page.close();
  });

  it('marks the contradicted claim on the page, not by colour alone, and the card says why', async () => {
    const { page } = await openLaunch();
    // Marked as contradicted: its own highlight, drawn with an underline besides its tint.
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tickerlens-claim-contradicts')?.size ?? 0), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const style = await page.evaluate(() =>
      [...document.adoptedStyleSheets]
        .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
        .find((r) => r.includes('tickerlens-claim-contradicts')),
    );
    expect(style).toMatch(/text-decoration: underline/);
    await hoverText(page, 'no VC', '[data-testid="tweetText"]');
    const card = page.locator('tickerlens-card');
    await card.locator('[data-claim="no-vc"][data-verdict="contradicts"]').waitFor({ timeout: 20_000 });
    const row = (await card.locator('[data-claim="no-vc"]').textContent()) ?? '';
    expect(row).toContain('✗ the data contradicts it');
    expect(row).toContain('“Investors”');
    await page.close();

    // In X's positioned cells, the cell paints a red bar under the claim's tint.
    const cells = await openLaunch('/launch-cells');
    await expect
      .poll(
        () =>
          cells.page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('[data-testid="cellInnerDiv"]')].some((c) =>
              c.style.backgroundImage.includes('rgba(224, 49, 49, 0.9)'),
            ),
          ),
        { timeout: 20_000 },
      )
      .toBe(true);
    await cells.page.close();
  });

  it('keeps the user’s verdict on a box across closing and reopening the popup, and clears it', async () => {
    const { page, tabId } = await openLaunch();
    let popup = await h.openPopup(tabId);
    const sink = () => popup.locator('[data-testid="checklist"][data-asset="cg:arbitrum"] [data-box="sink"]');
    await sink().waitFor({ timeout: 20_000 });
    const computed = await sink().getAttribute('data-verdict');
    await sink().getByRole('button', { name: 'Set it yourself' }).click();
    await sink().getByLabel('Your reason').fill('ARB pays for Arbitrum’s sequencer bids (Timeboost)');
    await sink().getByRole('button', { name: 'Mark pass' }).click();
    await expect.poll(() => sink().getAttribute('data-verdict')).toBe('pass');
    await popup.close();

    popup = await h.openPopup(tabId);
    await sink().waitFor({ timeout: 20_000 });
    expect(await sink().getAttribute('data-verdict')).toBe('pass');
    expect(await sink().textContent()).toContain(
      'Set by you: ARB pays for Arbitrum’s sequencer bids (Timeboost)',
    );
    expect(await sink().textContent()).toContain(`the data says ${computed}`);
    // The contract's message answers with the override (§8).
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:checklist', asset: 'cg:arbitrum' }),
    );
    expect(reply.data.boxes.find((b: { box: string }) => b.box === 'sink')).toMatchObject({
      verdict: 'pass',
      override: { verdict: 'pass', reason: 'ARB pays for Arbitrum’s sequencer bids (Timeboost)' },
    });
    expect(reply.data.score).toBe(
      reply.data.boxes.filter((b: { verdict: string }) => b.verdict === 'pass').length,
    );

    await sink().getByRole('button', { name: 'Clear yours' }).click();
    await expect.poll(() => sink().getAttribute('data-verdict')).toBe(computed);
    await popup.close();
    await page.close();
  });

  it('saves a note from the popup with the post, its claims as judged and the checklist as it stands', async () => {
    const { page, tabId } = await openLaunch();
    const popup = await h.openPopup(tabId);
    const checklist = popup.locator('[data-testid="checklist"][data-asset="cg:arbitrum"]');
    await expect
      .poll(() => checklist.locator('[data-box="liquidity"]').getAttribute('data-verdict'), {
        timeout: 20_000,
      })
      .toBe('pass');
    const score = await checklist.locator('[data-score]').getAttribute('data-score');
    await popup.getByTestId('popup-save-note').click();
    await expect.poll(() => popup.getByTestId('popup-save-note').textContent()).toBe('Note saved');
    const stored = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:notes-list', after: 0, limit: 100 }),
    );
    const note = stored.data.notes.find((n: { assetId: string }) => n.assetId === 'cg:arbitrum');
    expect(note).toMatchObject({
      assetName: 'Arbitrum',
      assetSymbol: 'ARB',
      capture: {
        quote: '$ARB: no VC, fair launch, 100% community. Fees go to buybacks.',
        url: 'https://x.com/launch',
        detected: '$ARB',
        claim: 'no-vc',
      },
    });
    expect(note.capture.claims).toContainEqual(
      expect.objectContaining({
        claim: 'no-vc',
        verdict: 'contradicts',
        reason: expect.stringContaining('“Investors”'),
      }),
    );
    expect(`${note.capture.checklist.score}/5`).toBe(score);
    expect(note.capture.checklist.boxes.map((b: { box: string }) => b.box)).toEqual([
      'revenue',
      'sink',
      'supply',
      'liquidity',
      'governance',
    ]);
    expect(note.capture.checklist.boxes[3]).toMatchObject({
      verdict: 'pass',
      evidence: expect.stringContaining('returned to holders'),
    });
    await popup.close();
    await page.close();
  });

  it('refuses an override from a content script, and holds its note’s words to the card’s cap', async () => {
    const { page, tabId } = await openLaunch();
    // The content script's own world on the page: what a compromised page could send from.
    const cdp = await page.context().newCDPSession(page);
    const worlds: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Tickerlens');
    expect(world).toBeDefined();
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: world?.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage({ type: 'tickerlens:checklist-override', asset: 'cg:arbitrum',
        box: 'governance', verdict: 'pass', reason: 'page says so' })`,
    });
    expect(result.value).toMatchObject({
      ok: false,
      error: "tickerlens:checklist-override is for the extension's own pages",
    });
    // It may save what the card saw with the words typed in the card's note field (held to that
    // field's cap, NOTE_LIMITS.cardText), never a note no page could read.
    const send = async (expression: string) =>
      (
        await cdp.send('Runtime.evaluate', {
          contextId: world?.id,
          awaitPromise: true,
          returnByValue: true,
          expression,
        })
      ).result.value;
    const saved = await send(`chrome.runtime.sendMessage({ type: 'tickerlens:save-note', asset: 'cg:arbitrum',
      quote: 'q', url: 'https://x.com/launch', detected: '$ARB', text: 'w'.repeat(2500), tags: ['typed'] })`);
    expect(saved).toMatchObject({ ok: true });
    const bad = await send(`chrome.runtime.sendMessage({ type: 'tickerlens:save-note', asset: 'evil',
      quote: 'q', url: 'https://x.com/launch', detected: '$ARB' })`);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('Malformed') });
    const popup = await h.openPopup(tabId);
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:checklist', asset: 'cg:arbitrum' }),
    );
    expect(reply.data.boxes.find((b: { box: string }) => b.box === 'governance').override).toBeUndefined();
    const listed = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'tickerlens:notes-list', after: 0, limit: 1000 }),
    );
    const stored = listed.data.notes.find((n: { capture?: { quote: string } }) => n.capture?.quote === 'q');
    expect(stored).toMatchObject({ assetId: 'cg:arbitrum', text: 'w'.repeat(2000), tags: ['typed'] });
    expect(listed.data.notes.some((n: { assetId: string }) => n.assetId === 'evil')).toBe(false);
    await popup.close();
    await page.close();
  });
});
