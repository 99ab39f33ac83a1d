import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { listenInBackground } from '@/utils/messaging';
import { sourceCheckRequest } from '@/utils/sources/checks';
import { fetchJson } from '@/utils/sources/http';
import { loadSettings, watchSettings } from './settings-store';

export default defineBackground(() => {
  // Settings are read from storage on demand and re-read when they change, so a change takes effect
  // without reloading the extension; nothing depends on the worker staying alive.
  watchSettings();

  listenInBackground({
    'tickerlens:hello': async () => {
      const settings = await loadSettings();
      return { version: browser.runtime.getManifest().version, marks: settings.marks };
    },
    'tickerlens:check-source': async ({ source }) => {
      const settings = await loadSettings();
      const req = sourceCheckRequest(settings, source);
      const out = await fetchJson(req.url, req.schema, { headers: req.headers });
      return out.ok
        ? { source, url: req.url, ok: true, status: out.status, ms: out.ms, detail: req.describe(out.data) }
        : {
            source,
            url: req.url,
            ok: false,
            ms: out.ms,
            detail: out.reason,
            ...(out.status ? { status: out.status } : {}),
          };
    },
    'tickerlens:resolve': async ({ blocks }) => ({
      blocks: blocks.map((b) =>
        b.matches.map((m) => (m.asset && m.valid !== false ? { asset: m.asset } : {})),
      ),
    }),
    'tickerlens:page-detected': async ({ counts }, sender) => {
      const total = counts.ticker + counts.name + counts.handle + counts.address + counts.claim;
      const badge = total === 0 ? '' : total > 999 ? '999+' : String(total);
      if (sender.tabId !== undefined) {
        await browser.action.setBadgeText({ tabId: sender.tabId, text: badge });
        await browser.action.setBadgeBackgroundColor({ tabId: sender.tabId, color: '#3b5bdb' });
      }
      return { badge };
    },
  });
});
