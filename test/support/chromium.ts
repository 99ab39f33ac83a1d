/**
 * Launches Debian's Chromium with the built extension through playwright-core. Shared by the
 * browser tests, the demo and the benchmarks. Never downloads a browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { SETTINGS_KEY } from '../../utils/settings';
import { SOURCE_IDS } from '../../utils/source-ids';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
}

export function assertChromium(path = CHROMIUM_PATH): void {
  if (!existsSync(path)) {
    throw new ChromiumMissingError(
      `Chromium not found at ${path}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium binary).`,
    );
  }
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Extra Chromium flags. */
  args?: string[];
  /** The unpacked extension to load (default: the Chromium MV3 build). */
  extensionDir?: string;
  /**
   * A new install opens the welcome page (entrypoints/background/first-run.ts). By default the
   * launch waits for it and closes it, so every run starts with the tabs it opens itself; `keep`
   * leaves it open (the first-run test).
   */
  welcome?: 'close' | 'keep';
  /** A profile to use (and keep) instead of a fresh one deleted on close: an update test's second launch. */
  userDataDir?: string;
}

const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
];

async function launchContext(options: LaunchOptions, extraArgs: string[]) {
  assertChromium();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'tickerlens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [...extraArgs, ...COMMON_ARGS, ...(options.args ?? [])],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, close };
}

/** The same Chromium with no extension: the baseline benchmarks compare against. */
export async function launchPlain(
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  return launchContext(options, []);
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    assertChromium();
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const { context, close } = await launchContext(options, [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ]);
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    if (options.welcome !== 'keep' && existsSync(join(extensionDir, 'welcome.html'))) {
      // Closed once it has loaded: a welcome tab closed while it loads left every extension page
      // and the worker with empty i18n messages, in about one launch of six (Chromium 156).
      const welcome = await welcomePage(context, extensionId);
      await welcome.waitForLoadState('load').catch(() => undefined);
      await welcome.close();
    }
    return { context, worker, extensionId, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The welcome page a new install opens (a tab appears blank first, then loads the page). */
export async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    if (Date.now() > deadline) throw new Error(`the install did not open ${url}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * Points every data source at a closed local port (nothing answers, nothing leaves the machine):
 * cards then come from the bundled, dated snapshot in IndexedDB. The demo and the benches use it.
 */
export async function useOfflineSources(worker: Worker): Promise<void> {
  await worker.evaluate(
    ([key, ids, dead]) =>
      chrome.storage.local.set({
        [key]: { sources: Object.fromEntries(ids.map((s) => [s, { baseUrl: dead }])) },
      }),
    [SETTINGS_KEY, SOURCE_IDS, 'http://127.0.0.1:9'] as const,
  );
}
