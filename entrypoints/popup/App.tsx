import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { date, usd } from '@/components/format';
import { t } from '@/utils/i18n';
import type { BackgroundReply, ScanResult } from '@/utils/messages';
import { recentNotesMessage, siteMessage } from '@/utils/messages';
import { scanTab, sendToBackground } from '@/utils/messaging';
import { runsByDefault } from '../content/sites/hosts';
import { PageView } from './PageView';

type State =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'inactive' }
  | { kind: 'ready'; result: ScanResult };

/** The tab's origin, when the browser lets us see it (activeTab, or a site we already may read). */
async function tabOrigin(tabId: number): Promise<string | undefined> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return undefined;
  try {
    const u = new URL(tab.url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** A site the content script runs on by default (X) has nothing to enable or disable. */
const builtIn = (origin: string) => runsByDefault(new URL(origin).hostname);

/** Asks a freshly started content script for its scan, giving it a moment to start. */
async function scanSoon(tabId: number, tries = 20): Promise<ScanResult> {
  for (let i = 0; ; i++) {
    try {
      return await scanTab(tabId);
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((ok) => setTimeout(ok, 150));
    }
  }
}

/** `firstScan`: the tab's scan, asked before the first render (the popup must answer fast). */
export function PopupApp({
  tabId,
  firstScan,
}: {
  tabId: number | undefined;
  firstScan?: Promise<ScanResult>;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [origin, setOrigin] = useState<string | undefined>();
  const [siteError, setSiteError] = useState<string | undefined>();

  const show = (result: ScanResult) => setState({ kind: 'ready', result });

  useEffect(() => {
    if (tabId === undefined) {
      setState({ kind: 'no-tab' });
      return;
    }
    void tabOrigin(tabId).then(setOrigin);
    (firstScan ?? scanTab(tabId))
      .then(show)
      // No content script answers on this tab: not a site Tickerlens runs on (or not loaded yet).
      .catch(() => setState({ kind: 'inactive' }));
  }, [tabId]);

  /** The permission request must come first in the click handler: it needs the user's gesture. */
  function enable(): void {
    if (tabId === undefined || !origin) return;
    setSiteError(undefined);
    browser.permissions
      .request({ origins: [`${origin}/*`] })
      .then(async (granted) => {
        if (!granted) {
          setSiteError(t('popupPermissionDenied'));
          return;
        }
        await sendToBackground(siteMessage, { origin, enabled: true, tabId });
        setState({ kind: 'loading' });
        show(await scanSoon(tabId));
      })
      .catch((err: unknown) => setSiteError(err instanceof Error ? err.message : String(err)));
  }

  async function disable(): Promise<void> {
    if (tabId === undefined || !origin) return;
    await sendToBackground(siteMessage, { origin, enabled: false, tabId });
    setState({ kind: 'inactive' });
  }

  const host = origin ? new URL(origin).host : undefined;
  return (
    <main>
      <header class="bar">
        <h1>{t('popupTitle')}</h1>
        <nav>
          <button
            type="button"
            class="link"
            data-testid="open-notes"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') })}
          >
            {t('popupNotes')}
          </button>
          <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
            {t('popupSettings')}
          </button>
          <button
            type="button"
            class="link"
            data-testid="open-welcome"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') })}
          >
            {t('popupWelcome')}
          </button>
        </nav>
      </header>
      <Body state={state} />
      {state.kind === 'inactive' && origin && host && !builtIn(origin) ? (
        <p>
          <button type="button" class="primary" data-testid="enable-site" onClick={enable}>
            {t('popupEnableOn', host)}
          </button>
        </p>
      ) : null}
      {state.kind === 'inactive' && !origin ? <p class="muted">{t('popupNotActiveHint')}</p> : null}
      {state.kind === 'ready' && origin && host && !builtIn(origin) ? (
        <p>
          <button type="button" class="link" data-testid="disable-site" onClick={() => void disable()}>
            {t('popupDisableOn', host)}
          </button>
        </p>
      ) : null}
      <RecentNotes />
      {siteError ? (
        <p class="bad" role="alert">
          {siteError}
        </p>
      ) : null}
    </main>
  );
}

type Note = BackgroundReply<'tickerlens:recent-notes'>['notes'][number];

/** The last notes saved from cards: what was noted, at what price, from which page. */
function RecentNotes() {
  const [notes, setNotes] = useState<Note[]>([]);
  useEffect(() => {
    sendToBackground(recentNotesMessage, { limit: 5 })
      .then((r) => setNotes(r.notes))
      .catch(() => setNotes([]));
  }, []);
  if (!notes.length) return null;
  return (
    <section data-testid="recent-notes">
      <h2>{t('popupRecentNotes')}</h2>
      <ul>
        {notes.map((n) => (
          <li key={n.id} class="note">
            <span class="text">{n.capture?.detected ?? n.assetId}</span>
            <span class="asset">
              {n.capture?.priceUsd != null ? usd(n.capture.priceUsd) : ''} · {date(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Body({ state }: { state: State }) {
  switch (state.kind) {
    case 'loading':
      return <p class="muted">{t('popupScanning')}</p>;
    case 'no-tab':
      return <p class="muted">{t('popupNoTab')}</p>;
    case 'inactive':
      return (
        <section data-testid="inactive">
          <p>{t('popupNotActive')}</p>
        </section>
      );
    case 'ready':
      return <PageView result={state.result} />;
  }
}
