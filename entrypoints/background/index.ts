import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { t } from '@/utils/i18n';
import { NEXT_MARK_MESSAGE, recentNoteSchema } from '@/utils/messages';
import { sendToTab } from '@/utils/messaging';
import { listenInBackground } from '@/utils/messaging-background';
import { refusedHost } from '@/utils/sources/base-urls';
import { sourceCheckRequest } from '@/utils/sources/checks';
import { fetchJson } from '@/utils/sources/http';
import { nextTryTime, readableReason } from '@/utils/sources/reasons';
import { assetRows } from './assets';
import { cardFor, storedCard } from './cards';
import { checklistFor, claimVerdictsFor, overrideBox } from './checklist';
import { contractFactsFor } from './contracts';
import { detectBlocks, pageDetector, resolveEach } from './detection';
import { registerFirstRun } from './first-run';
import { announceMarks, markOptions } from './marks';
import { notesHandlers } from './notes';
import { takePageQuota } from './page-quota';
import { checkPin } from './pin-rules';
import { pinsHandlers } from './pins';
import { announcePins, database, dataService, setPin } from './runtime';
import { saveNote } from './save-note';
import { ensureRefreshAlarm, noteOnScreen, onRefreshAlarm, REFRESH_ALARM } from './scheduler';
import { loadSettings, onSettingsChanged, watchSettings } from './settings-store';
import { disableSite, enableSite, onPermissionsRemoved, syncSiteScripts } from './sites';
import { showActiveOnTab, toolbarAction } from './toolbar';
import { closeStorageToContentScripts, forgetGrantedHosts, hostGranted } from './trust';

/** The keyboard command of the manifest (wxt.config.ts). */
const NEXT_TICKER_COMMAND = 'next-ticker';

export default defineBackground(() => {
  // Settings and the API key are for the extension's own pages and this worker only.
  void closeStorageToContentScripts();
  browser.permissions.onAdded.addListener(forgetGrantedHosts);
  registerFirstRun();
  // Settings are read from storage on demand and re-read when they change, so a change takes effect
  // without reloading the extension; nothing depends on the worker staying alive.
  watchSettings();
  // The registered content script follows `enabledSites`, however the settings were changed.
  onSettingsChanged(() => void syncSiteScripts());
  // Open pages mark what the settings now say, without a reload.
  onSettingsChanged(() => void announceMarks());

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
      if (tab?.id !== undefined) sendToTab(tab.id, { type: NEXT_MARK_MESSAGE }).catch(() => undefined);
    });
  });
  browser.permissions.onRemoved.addListener((p) => {
    forgetGrantedHosts();
    void onPermissionsRemoved(p.origins ?? []);
  });

  listenInBackground({
    ...notesHandlers(),
    ...pinsHandlers(),
    'tickerlens:hello': async (_req, sender) => {
      if (sender.tabId !== undefined) void showActiveOnTab(sender.tabId, true);
      const settings = await loadSettings();
      // The page's first texts follow: the detector is built while the answer travels.
      setTimeout(pageDetector, 0);
      return { version: browser.runtime.getManifest().version, ...markOptions(settings) };
    },
    'tickerlens:check-source': async ({ source }) => {
      const settings = await loadSettings();
      const req = sourceCheckRequest(settings, source);
      const refused = await refusedHost(source, req.url, hostGranted);
      if (refused) return { source, url: req.url, ok: false, ms: 0, detail: refused };
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
    'tickerlens:resolve': async ({ blocks }) => ({ blocks: await resolveEach(blocks) }),
    'tickerlens:detect': async ({ texts }) => ({ blocks: await detectBlocks(texts) }),
    'tickerlens:card': async ({ asset, wait, cached }) =>
      cached ? storedCard(asset) : cardFor(asset, wait ?? false),
    'tickerlens:open-notes': async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });
      return { ok: true };
    },
    'tickerlens:chart': async ({ asset, range }) => {
      const chart = await (await dataService()).priceChart(asset, range);
      return chart.ok
        ? {
            points: chart.points.map(([t, v]) => [t, v] as [number, number]),
            source: chart.source,
            fetchedAt: chart.fetchedAt,
          }
        : { points: [], error: readableReason(chart.reason, t, nextTryTime) };
    },
    'tickerlens:save-note': async (note, sender) => {
      if (!sender.extensionPage && !takePageQuota('note')) throw new Error(t('pageQuota'));
      return saveNote(note, sender.extensionPage);
    },
    'tickerlens:recent-notes': async ({ limit }) => ({
      // A damaged row is left out, never the whole list (the notes page counts such rows).
      notes: (await database().recentNotes(limit)).flatMap((n) =>
        n.id === undefined || !recentNoteSchema.safeParse(n).success ? [] : [{ ...n, id: n.id }],
      ),
    }),
    'tickerlens:pin': async ({ key, asset }, sender) => {
      // The card sets pins; removing one is for the extension's own pages (a page's script could
      // otherwise undo every pin the reader made).
      if (asset === null && !sender.extensionPage) throw new Error('Pins are removed from the extension');
      if (asset !== null) await checkPin(key, asset);
      if (!sender.extensionPage && !takePageQuota('pin')) throw new Error(t('pageQuota'));
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
