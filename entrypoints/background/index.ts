import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { NEXT_MARK_MESSAGE } from '@/utils/messages';
import { listenInBackground } from '@/utils/messaging-background';
import { sourceCheckRequest } from '@/utils/sources/checks';
import { fetchJson } from '@/utils/sources/http';
import { assetRows } from './assets';
import { cardFor } from './cards';
import { checklistFor, claimVerdictsFor, overrideBox } from './checklist';
import { contractFactsFor } from './contracts';
import { detectBlocks, pageDetector, resolveBlocks } from './detection';
import { notesHandlers } from './notes';
import { announcePins, database, setPin } from './runtime';
import { saveNote } from './save-note';
import { ensureRefreshAlarm, noteOnScreen, onRefreshAlarm, REFRESH_ALARM } from './scheduler';
import { loadSettings, onSettingsChanged, watchSettings } from './settings-store';
import { disableSite, enableSite, onPermissionsRemoved, syncSiteScripts } from './sites';

/** The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function toolbarAction(): typeof browser.action {
  const b = browser as typeof browser & { browserAction?: typeof browser.action };
  return browser.action ?? (b.browserAction as typeof browser.action);
}

/** The keyboard command of the manifest (wxt.config.ts). */
const NEXT_TICKER_COMMAND = 'next-ticker';

export default defineBackground(() => {
  // Settings are read from storage on demand and re-read when they change, so a change takes effect
  // without reloading the extension; nothing depends on the worker staying alive.
  watchSettings();
  // The registered content script follows `enabledSites`, however the settings were changed.
  onSettingsChanged(() => void syncSiteScripts());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void onRefreshAlarm();
  });
  browser.runtime.onInstalled.addListener(() => {
    void ensureRefreshAlarm();
    void syncSiteScripts();
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureRefreshAlarm();
    void syncSiteScripts();
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command !== NEXT_TICKER_COMMAND) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined)
        browser.tabs.sendMessage(tab.id, { type: NEXT_MARK_MESSAGE }).catch(() => undefined);
    });
  });
  browser.permissions.onRemoved.addListener((p) => void onPermissionsRemoved(p.origins ?? []));

  listenInBackground({
    ...notesHandlers(),
    'tickerlens:hello': async () => {
      const settings = await loadSettings();
      // The page's first texts follow: the detector is built while the answer travels.
      setTimeout(pageDetector, 0);
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
    'tickerlens:resolve': async ({ blocks }) => ({ blocks: await resolveBlocks(blocks) }),
    'tickerlens:detect': async ({ texts }) => ({ blocks: await detectBlocks(texts) }),
    'tickerlens:card': async ({ asset, wait }) => cardFor(asset, wait ?? false),
    'tickerlens:save-note': async (note, sender) => saveNote(note, sender.extensionPage),
    'tickerlens:recent-notes': async ({ limit }) => ({
      notes: (await database().recentNotes(limit)).flatMap((n) =>
        n.id === undefined ? [] : [{ ...n, id: n.id }],
      ),
    }),
    'tickerlens:pin': async ({ key, asset }) => {
      await setPin(key, asset);
      await announcePins();
      return { ok: true };
    },
    'tickerlens:site': async ({ origin, enabled, tabId }) => {
      if (enabled) return { enabled: await enableSite(origin, tabId) };
      await disableSite(origin, tabId);
      return { enabled: false };
    },
    'tickerlens:checklist': async ({ asset, wait, claims }) => checklistFor(asset, wait ?? false, claims),
    'tickerlens:checklist-override': async (req) => overrideBox(req),
    'tickerlens:claim-verdicts': async (req) => claimVerdictsFor(req),
    'tickerlens:assets': async (req) => assetRows(req),
    'tickerlens:contract': async ({ chain, address }) => ({ facts: await contractFactsFor(chain, address) }),
    'tickerlens:page-detected': async ({ counts, assets }, sender) => {
      const total = counts.ticker + counts.name + counts.handle + counts.address + counts.claim;
      const badge = total === 0 ? '' : total > 999 ? '999+' : String(total);
      if (sender.tabId !== undefined) {
        const action = toolbarAction();
        await action.setBadgeText({ tabId: sender.tabId, text: badge });
        await action.setBadgeBackgroundColor({ tabId: sender.tabId, color: '#3b5bdb' });
        await noteOnScreen(sender.tabId, assets);
      }
      return { badge };
    },
  });
});
