import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { privacyPage } from './scripts/privacy-page';
import { ICONS } from './utils/icons';
import { PACKAGED_REGISTRY_PATH } from './utils/registry/packaged-path';

// Host access is limited to the data APIs (utils/sources) and X, where the content script runs by
// default. Other sites are opt-in from the popup through optional host permissions.
export const DATA_API_HOSTS = [
  'https://api.coingecko.com/*',
  'https://pro-api.coingecko.com/*',
  'https://coins.llama.fi/*',
  'https://api.llama.fi/*',
  'https://defillama-datasets.llama.fi/*',
  'https://api.gopluslabs.io/*',
  'https://query1.finance.yahoo.com/*',
];
// fc.yahoo.com, which sets the Yahoo session cookie market caps need, is asked for only when the
// user turns those on (options, entrypoints/options/YahooCookies.tsx).

const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

/** The full registry ships as a file the worker fetches when it first resolves (see utils/registry/packaged.ts). */
const REGISTRY_FILE = 'utils/registry/data/registry.json';

export default defineConfig({
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push({
        absoluteSrc: resolve(wxt.config.root, REGISTRY_FILE),
        relativeDest: PACKAGED_REGISTRY_PATH.slice(1),
      });
      files.push({
        contents: privacyPage(resolve(wxt.config.root, 'PRIVACY.md')),
        relativeDest: 'privacy.html',
      });
    },
  },
  // TICKERLENS_OUT_DIR: a build beside .output (the bench's unminified copy), leaving .output alone.
  ...(process.env.TICKERLENS_OUT_DIR ? { outDir: process.env.TICKERLENS_OUT_DIR } : {}),
  // The sources zip AMO's reviewers build from: what the scripts write is not source.
  zip: { excludeSources: ['demo-output/**', 'test-results/**', 'bench-output/**'] },
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: code reads the same in the extension, in vitest and in scripts.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // TICKERLENS_UNMINIFIED=1: readable function names in CPU profiles, and source maps that place
    // them in their files (the page bench's BENCH_TOP, the tasks bench's BENCH_ATTRIBUTE).
    build: {
      target: 'es2022',
      ...(process.env.TICKERLENS_UNMINIFIED === '1' ? { minify: false, sourcemap: true } : {}),
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the popup may read the URL of the tab it was opened on (to offer "enable on this
    // site"); scripting: the content script is registered for the sites the user enables.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: DATA_API_HOSTS,
    // Sites the user enables from the popup, and custom data-source base URLs (a proxy, a paid
    // tier, a local server), are requested at run time. MV2 (Firefox) names them differently.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
    icons: ICONS.on,
    // Grey until the content script starts on a tab (entrypoints/background/toolbar.ts). Named
    // here for MV2 too: WXT's conversion of `action` to `browser_action` drops its icon.
    ...(manifestVersion === 3
      ? { action: { default_title: '__MSG_extName__', default_icon: ICONS.off } }
      : { browser_action: { default_title: '__MSG_extName__', default_icon: ICONS.off } }),
    // Keyboard access to the marks (they are highlights, not focusable): the next detection in view.
    commands: {
      'next-ticker': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandNextTicker__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tickerlens@tickerlens.dev',
              // 140: the ESR the Firefox proof runs (scripts/firefox-proof.ts), and the first with
              // the data consent below (142 on Android).
              strict_min_version: '140.0',
              // Firefox's install consent: the ids and contract addresses of the assets found on
              // pages go to the data sources (PRIVACY.md); nothing else leaves the browser.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
