// `npm run test:firefox` (a step of `npm test`): the Firefox build in Debian's Firefox ESR, as a
// user gets it. web-ext installs `.output/firefox-mv2` (built first) as a temporary add-on in a
// fresh headless profile; puppeteer-core drives Firefox over WebDriver BiDi. It proves, printing
// each step: the add-on loads (its welcome page opens on install), the content script marks the
// cashtags of the demo's X post, hovering "Bitcoin" opens its card (from the built-in snapshot), and
// the popup page answers for that tab. The X page is the demo's, served from 127.0.0.1 as
// http://x.com:<port>/home (Firefox resolves x.com locally here; the content script's `*://x.com/*`
// ignores the port). Every data source points at a closed local port: nothing leaves the machine.
// `--keep-build` skips the build. Exits 1, with the step that failed, on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, connect, type Page } from 'puppeteer-core';
import webExt from 'web-ext';
import { textPointInPage } from '../demo/browser-helpers';
import { xTimelinePage } from '../demo/pages';
import { writtenPosts } from '../demo/posts';
import { SETTINGS_KEY } from '../utils/settings';
import { SOURCE_IDS } from '../utils/source-ids';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const root = resolve(import.meta.dirname, '..');
const BUILD = resolve(root, '.output/firefox-mv2');
const DEAD = 'http://127.0.0.1:9';
const STEP_TIMEOUT_MS = 60_000;

const step = (what: string) => console.log(`✔ ${what}`);

/** Polls `fn` until it returns something, failing with `what` after STEP_TIMEOUT_MS (a hang guard, not a speed goal). */
async function until<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`${what}${last ? ` (${String(last)})` : ''}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function main(): Promise<void> {
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  if (!process.argv.includes('--keep-build')) {
    const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`wxt build -b firefox failed:\n${built.stdout}${built.stderr}`);
  }

  const html = xTimelinePage(writtenPosts.slice(0, 2), { theme: 'light' });
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/home'))
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(Number(process.env.XPORT ?? 0), '127.0.0.1', ok));
  const xUrl = `http://x.com:${(server.address() as AddressInfo).port}/home`;

  // A free port for WebDriver BiDi: ask the OS for one, then hand it to Firefox.
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const bidiPort = (probe.address() as AddressInfo).port;
  await new Promise((ok) => probe.close(ok));

  const runner = await webExt.cmd.run(
    {
      sourceDir: BUILD,
      firefox: FIREFOX,
      args: ['--headless', `--remote-debugging-port=${bidiPort}`],
      pref: {
        // x.com is this machine; no HSTS preload or HTTPS-first upgrade of its http:// page.
        'network.dns.localDomains': 'x.com',
        'network.stricttransportsecurity.preloadlist': false,
        'dom.security.https_first': false,
      },
      noReload: true,
      noInput: true,
    },
    { shouldExitProgram: false },
  );
  let browser: Browser | undefined;
  try {
    browser = await connect({
      browserWSEndpoint: `ws://127.0.0.1:${bidiPort}/session`,
      protocol: 'webDriverBiDi',
    });
    step(`Firefox ${await browser.version()} runs the build (web-ext, temporary add-on)`);
    await proof(browser, xUrl);
  } finally {
    await browser?.disconnect().catch(() => undefined);
    await runner.exit();
    server.close();
  }
}

async function proof(browser: Browser, xUrl: string): Promise<void> {
  const welcome = await until('the install opened no welcome page', async () =>
    (await browser.pages()).find((p) => /^moz-extension:\/\/[^/]+\/welcome\.html$/.test(p.url())),
  );
  // Node's URL gives moz-extension: URLs no origin.
  const base = /^moz-extension:\/\/[^/]+/.exec(welcome.url())?.[0] ?? '';
  step(`the add-on loaded: its welcome page opened on install (${base})`);
  await until('the welcome page example marked nothing', () =>
    welcome.evaluate(() => document.querySelector('.mark')?.textContent ?? undefined),
  );
  step('the welcome page marked the example post (the worker answers in Firefox)');

  // Before any page with tickers: every source offline, so cards come from the snapshot.
  await welcome.evaluate(
    (key, ids, dead) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
        [key]: { sources: Object.fromEntries(ids.map((s) => [s, { baseUrl: dead }])) },
      }),
    SETTINGS_KEY,
    [...SOURCE_IDS],
    DEAD,
  );

  const x = await browser.newPage();
  await x.goto(xUrl);
  // The add-on may not read other tabs' addresses (no "tabs" permission): the X tab is the one
  // whose content script answers the scan (automation contract) with the post's $BTC.
  const { tabId, items } = await until('the content script marked nothing on the X page', () =>
    welcome.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      for (const tab of await ext.tabs.query({})) {
        if (tab.id === undefined) continue;
        const r = (await ext.tabs.sendMessage(tab.id, { type: 'tickerlens:scan' }).catch(() => undefined)) as
          | { items: Array<{ text: string; asset?: string }> }
          | undefined;
        if (r?.items.some((i) => i.text === '$BTC' && i.asset === 'cg:bitcoin'))
          return { tabId: tab.id, items: r.items.map((i) => i.text) };
      }
      return undefined;
    }),
  );
  step(`the content script marked the X post (tab ${tabId}): ${items.join(', ')}`);

  await hoverText(x, 'Bitcoin');
  const card = await until('hovering "Bitcoin" opened no card', () =>
    x.evaluate(() => {
      const el = document.querySelector('tickerlens-card[data-asset="cg:bitcoin"]');
      const state = el?.getAttribute('data-state');
      if (!el || !state || state === 'loading') return undefined;
      const card = el.shadowRoot?.querySelector('.card');
      return {
        state,
        text: card?.textContent ?? '',
        price: card?.querySelector('.price')?.textContent ?? '',
      };
    }),
  );
  if (!/Bitcoin/.test(card.text) || !/snapshot of \d{4}-\d{2}-\d{2}/.test(card.text))
    throw new Error(`the card does not show Bitcoin from the snapshot: ${card.text.slice(0, 200)}`);
  step(
    `hovering "Bitcoin" opened its card (data-state="${card.state}", ${card.price}, from the built-in snapshot)`,
  );

  // The popup page for that tab (contract §7), in the welcome page's tab: moz-extension pages are
  // opened from an extension page, as the popup itself is.
  const popup = welcome;
  await popup.evaluate((url) => {
    location.href = url;
  }, `${base}/popup.html?tabId=${tabId}`);
  const summary = await until('the popup gave no page summary', () =>
    popup.evaluate(() => document.querySelector('[data-testid="page-summary"]')?.textContent || undefined),
  );
  if (!summary.includes('$BTC')) throw new Error(`the popup's summary lacks $BTC: ${summary.slice(0, 200)}`);
  step(`the popup answered for the X tab: ${summary.replace(/\s+/g, ' ').slice(0, 100)}…`);
}

/** Moves the pointer onto the first `text` in a post, in steps, as a person does (hover intent). */
async function hoverText(page: Page, text: string): Promise<void> {
  const point = await until(
    `"${text}" is not on the page`,
    async () =>
      (await page.evaluate(textPointInPage, [text, '[data-testid="tweetText"]'] as const)) ?? undefined,
  );
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

main().then(
  () => console.log('Firefox proof: passed'),
  (err: unknown) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    console.error('Firefox proof: failed');
    process.exit(1);
  },
);
