/**
 * First run (issue 30): a new install opens the welcome page once; an update does not. Both are
 * real: Chromium is started with no extension, and the build (a copy) is installed through the
 * DevTools protocol's `Extensions.loadUnpacked`, the path "Load unpacked" takes. Installing the same
 * directory again after raising its manifest's version is an update, which the worker is told as
 * `update` with the previous version. The worker writes what it did under `tickerlens:installed`
 * after opening (or not) the page, so the test reads a finished decision, never a guess after a delay.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type CDPSession, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_RUN_KEY, type FirstRunRecord } from '../../entrypoints/background/first-run';
import { assertChromium, CHROMIUM_PATH, EXTENSION_DIR, welcomePage } from '../support/chromium';

let dir: string;
let profile: string;
let chromiumProcess: ChildProcess;
let browser: Browser;
let context: BrowserContext;
let cdp: CDPSession;
let extensionId: string;

/** Installs (or, the same directory again, updates) the unpacked build; returns its id. */
async function loadUnpacked(): Promise<string> {
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: dir });
  return id;
}

beforeAll(async () => {
  assertChromium();
  // A copy: the update rewrites its manifest.
  dir = mkdtempSync(join(tmpdir(), 'tickerlens-build-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  profile = mkdtempSync(join(tmpdir(), 'tickerlens-profile-'));
  chromiumProcess = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      // Lets the DevTools protocol install extensions (Extensions.loadUnpacked).
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((ok, fail) => {
    let said = '';
    chromiumProcess.stderr?.on('data', (d: Buffer) => {
      said += d.toString();
      const m = /DevTools listening on (ws:\S+)/.exec(said);
      if (m?.[1]) ok(m[1]);
    });
    chromiumProcess.on('exit', (code) => fail(new Error(`Chromium exited (${code}): ${said.slice(-500)}`)));
  });
  browser = await chromium.connectOverCDP(endpoint);
  const first = browser.contexts()[0];
  if (!first) throw new Error('Chromium has no default context');
  context = first;
  cdp = await browser.newBrowserCDPSession();
  extensionId = await loadUnpacked();
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  // The profile is removed once Chromium has exited: before, it may still be writing there.
  if (chromiumProcess?.pid !== undefined && chromiumProcess.exitCode === null) {
    const exited = new Promise((ok) => chromiumProcess.once('exit', ok));
    chromiumProcess.kill();
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
  }
  for (const d of [dir, profile])
    if (d) rmSync(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

/** What the worker last did on `onInstalled`, read from an extension page, once it is `reason`. */
async function firstRunRecord(reason: string): Promise<FirstRunRecord> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/privacy.html`);
    for (;;) {
      const record = await page.evaluate(
        (key) => chrome.storage.local.get(key).then((s) => s[key] as FirstRunRecord | undefined),
        FIRST_RUN_KEY,
      );
      if (record?.reason === reason) return record;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  } finally {
    await page.close();
  }
}

const welcomeUrl = () => `chrome-extension://${extensionId}/welcome.html`;
const welcomeTabs = () => context.pages().filter((p) => p.url() === welcomeUrl()).length;

describe('first run', () => {
  it('opens the welcome page once on install, with the live example from the built-in snapshot', async () => {
    const page = await welcomePage(context, extensionId);
    const record = await firstRunRecord('install');
    expect(record).toMatchObject({ reason: 'install', welcomeOpened: true });
    expect(welcomeTabs()).toBe(1);

    // The demo's post, marked by the worker; its "Bitcoin" card open, from the snapshot (nothing fetched).
    await page.getByRole('heading', { name: 'Welcome to Tickerlens' }).waitFor();
    const example = page.getByTestId('welcome-example');
    await example.locator('.mark', { hasText: '$BTC' }).waitFor();
    const card = page.locator('tickerlens-card[data-asset="cg:bitcoin"]:not([data-state="loading"])');
    await card.waitFor();
    expect(await card.getAttribute('data-state')).toBe('stale');
    const text = (await card.locator('.card').textContent()) ?? '';
    expect(text).toContain('Bitcoin');
    expect(text).toMatch(/snapshot of \d{4}-\d{2}-\d{2}/);
    // Another mark opens its own card.
    await example.locator('.mark', { hasText: '$ETH' }).hover();
    await page.locator('tickerlens-card[data-asset="cg:ethereum"]').waitFor();

    expect(await page.getByTestId('welcome-shortcut').textContent()).toContain('Alt+Shift+K');
    expect(await page.getByTestId('privacy-link').getAttribute('href')).toBe('/privacy.html');
    const policy = await context.newPage();
    await policy.goto(`chrome-extension://${extensionId}/privacy.html`);
    expect(await policy.locator('h1').textContent()).toBe('Tickerlens privacy policy');
    await policy.close();
  });

  it('is reachable from the popup', async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const opened = context.waitForEvent('page');
    await popup.getByTestId('open-welcome').click();
    const page = await opened;
    await page.waitForURL(welcomeUrl());
    expect(welcomeTabs()).toBe(2);
    await popup.close();
  });

  it('does not open it on an update', async () => {
    for (const p of context.pages()) if (p.url() === welcomeUrl()) await p.close();
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    const before = manifest.version;
    const [major, minor, patch] = before.split('.').map(Number);
    const after = `${major}.${minor}.${(patch ?? 0) + 1}`;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: after }));

    expect(await loadUnpacked()).toBe(extensionId);
    const record = await firstRunRecord('update');
    expect(record).toMatchObject({ reason: 'update', version: after, previousVersion: before });
    expect(record.welcomeOpened).toBe(false);
    expect(welcomeTabs()).toBe(0);
  });
});
