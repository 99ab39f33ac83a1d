import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import type { SourceCheck } from '@/utils/messages';
import { checkSourceMessage, siteMessage } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import {
  DEFAULT_BASE_URLS,
  DEFAULT_SETTINGS,
  type Settings,
  SOURCE_IDS,
  type SourceId,
} from '@/utils/settings';
import { readSettings, writeSettings } from '@/utils/settings-storage';

type CheckState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; result: SourceCheck };

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [draft, setDraft] = useState<Record<SourceId, string>>({ ...DEFAULT_BASE_URLS });
  const [apiKey, setApiKey] = useState('');
  const [marks, setMarks] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [checks, setChecks] = useState<Partial<Record<SourceId, CheckState>>>({});

  const load = (s: Settings) => {
    setSettings(s);
    setDraft(
      Object.fromEntries(SOURCE_IDS.map((id) => [id, s.sources[id].baseUrl])) as Record<SourceId, string>,
    );
    setApiKey(s.sources.coingecko.apiKey);
    setMarks(s.marks);
  };
  useEffect(() => {
    readSettings().then(load);
  }, []);

  async function save(e: Event): Promise<void> {
    e.preventDefault();
    if (!settings) return;
    const invalid = SOURCE_IDS.find((id) => !isHttpUrl(draft[id]));
    if (invalid) {
      setMessage({ ok: false, text: t('optionsInvalidUrl', draft[invalid]) });
      return;
    }
    // A base URL off the default hosts needs host access, asked for while we have the click.
    const origins = SOURCE_IDS.filter(
      (id) => new URL(draft[id]).origin !== new URL(DEFAULT_BASE_URLS[id]).origin,
    ).map((id) => `${new URL(draft[id]).origin}/*`);
    let denied: string | undefined;
    if (origins.length) {
      const granted = await browser.permissions.request({ origins }).catch(() => false);
      if (!granted) denied = origins.join(', ');
    }
    const next: Settings = {
      ...settings,
      marks,
      sources: {
        ...settings.sources,
        ...Object.fromEntries(SOURCE_IDS.map((id) => [id, { ...settings.sources[id], baseUrl: draft[id] }])),
        coingecko: { baseUrl: draft.coingecko, apiKey },
      },
    };
    load(await writeSettings(next));
    setMessage(
      denied
        ? { ok: false, text: t('optionsPermissionDenied', denied) }
        : { ok: true, text: t('optionsSaved') },
    );
  }

  /** Disables a site: unregisters the script and gives the host permission back. */
  async function removeSite(origin: string): Promise<void> {
    await sendToBackground(siteMessage, { origin, enabled: false }).catch(() => undefined);
    load(await readSettings());
  }

  async function reset(): Promise<void> {
    // Sources and marks go back to their defaults; the sites the user enabled stay enabled.
    load(await writeSettings({ ...DEFAULT_SETTINGS, enabledSites: settings?.enabledSites ?? [] }));
    setMessage({ ok: true, text: t('optionsSaved') });
  }

  async function check(id: SourceId): Promise<void> {
    setChecks((c) => ({ ...c, [id]: { state: 'checking' } }));
    try {
      const result = await sendToBackground(checkSourceMessage, { source: id });
      setChecks((c) => ({ ...c, [id]: { state: 'done', result } }));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const result: SourceCheck = { source: id, url: '', ok: false, ms: 0, detail };
      setChecks((c) => ({ ...c, [id]: { state: 'done', result } }));
    }
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <a href="/privacy.html" target="_blank" rel="noopener" data-testid="privacy-link">
        {t('privacyPolicyLink')}
      </a>
      <form onSubmit={save}>
        <h2>{t('optionsSources')}</h2>
        <p class="muted">{t('optionsSourcesHelp')}</p>
        {SOURCE_IDS.map((id) => (
          <div class="source" key={id} data-source={id}>
            <label for={`url-${id}`}>
              {t(`source_${id}`)} · {t('optionsBaseUrl')}
            </label>
            <div class="row">
              <input
                id={`url-${id}`}
                type="url"
                value={draft[id]}
                onInput={(e) => setDraft({ ...draft, [id]: e.currentTarget.value })}
              />
              <button type="button" onClick={() => check(id)}>
                {t('optionsCheck')}
              </button>
            </div>
            <CheckLine check={checks[id]} />
            {id === 'coingecko' ? (
              <>
                <label for="cg-key">{t('optionsApiKey')}</label>
                <input
                  id="cg-key"
                  type="password"
                  autoComplete="off"
                  value={apiKey}
                  onInput={(e) => setApiKey(e.currentTarget.value)}
                />
              </>
            ) : null}
          </div>
        ))}
        <label>
          <input type="checkbox" checked={marks} onChange={(e) => setMarks(e.currentTarget.checked)} />{' '}
          {t('optionsMarks')}
        </label>
        <h2>{t('optionsSites')}</h2>
        <p class="muted">{t('optionsSitesHelp')}</p>
        {settings?.enabledSites.length ? (
          <ul class="sites" data-testid="enabled-sites">
            {settings.enabledSites.map((origin) => (
              <li key={origin}>
                <span class="text">{origin}</span>
                <button type="button" class="link" onClick={() => void removeSite(origin)}>
                  {t('optionsRemoveSite')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('optionsNoSites')}</p>
        )}
        <div class="actions">
          <button type="submit">{t('optionsSave')}</button>
          <button type="button" class="secondary" onClick={reset}>
            {t('optionsReset')}
          </button>
          {message ? (
            <span class={message.ok ? 'ok' : 'bad'} role="status">
              {message.text}
            </span>
          ) : null}
        </div>
      </form>
    </main>
  );
}

function CheckLine({ check }: { check: CheckState | undefined }) {
  if (!check || check.state === 'idle') return null;
  if (check.state === 'checking') return <p class="muted">{t('optionsChecking')}</p>;
  const r = check.result;
  return r.ok ? (
    <p class="ok">{t('optionsCheckOk', [String(r.ms), r.detail])}</p>
  ) : (
    <p class="bad">{t('optionsCheckFailed', r.detail)}</p>
  );
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
