/**
 * "Advanced": the data sources' base URLs, the CoinGecko key and a check of each, collapsed by
 * default (a reader rarely needs them; a proxy, a paid tier or a test server does).
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { checkSourceMessage, type SourceCheck } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import {
  DEFAULT_BASE_URLS,
  DEFAULT_SETTINGS,
  type Settings,
  SOURCE_IDS,
  type SourceId,
} from '@/utils/settings';
import { readSettings } from '@/utils/settings-storage';
import { isLoopback, keyMayGo } from '@/utils/sources/base-urls';
import { YahooCookies } from './YahooCookies';

type CheckState = { state: 'idle' } | { state: 'checking' } | { state: 'done'; result: SourceCheck };

const draftOf = (s: Settings) =>
  Object.fromEntries(SOURCE_IDS.map((id) => [id, s.sources[id].baseUrl])) as Record<SourceId, string>;

export function Advanced({
  settings,
  save,
}: {
  settings: Settings;
  save: (next: Settings) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<Record<SourceId, string>>(() => draftOf(settings));
  const [apiKey, setApiKey] = useState(settings.sources.coingecko.apiKey);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [checks, setChecks] = useState<Partial<Record<SourceId, CheckState>>>({});

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    const invalid = SOURCE_IDS.find((id) => !isHttpUrl(draft[id]));
    if (invalid) {
      setMessage({ ok: false, text: t('optionsInvalidUrl', draft[invalid]) });
      return;
    }
    if (apiKey.trim() && !keyMayGo(draft.coingecko)) {
      setMessage({ ok: false, text: t('optionsKeyNeedsHttps') });
      return;
    }
    // A base URL off the default hosts needs host access, asked for while we have the click (this
    // machine needs none); refused, nothing is saved: the worker would not use the address.
    const origins = SOURCE_IDS.filter(
      (id) => new URL(draft[id]).origin !== new URL(DEFAULT_BASE_URLS[id]).origin && !isLoopback(draft[id]),
    ).map((id) => `${new URL(draft[id]).origin}/*`);
    if (origins.length && !(await browser.permissions.request({ origins }).catch(() => false))) {
      setMessage({ ok: false, text: t('optionsPermissionDenied', origins.join(', ')) });
      return;
    }
    // Read again: the sites, the marks or the Yahoo choice may have changed since this page loaded.
    const current = await readSettings();
    const sources = {
      ...current.sources,
      ...Object.fromEntries(SOURCE_IDS.map((id) => [id, { ...current.sources[id], baseUrl: draft[id] }])),
      coingecko: { baseUrl: draft.coingecko, apiKey },
    };
    if (!(await save({ ...current, sources }))) return;
    setMessage({ ok: true, text: t('optionsSaved') });
  }

  /** The sources go back to their defaults; marks, pins and sites are the reader's and stay. */
  async function reset(): Promise<void> {
    if (!(await save({ ...settings, sources: DEFAULT_SETTINGS.sources }))) return;
    setDraft(draftOf(DEFAULT_SETTINGS));
    setApiKey(DEFAULT_SETTINGS.sources.coingecko.apiKey);
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
    <details class="advanced" data-testid="advanced">
      <summary>
        <h2>{t('optionsAdvanced')}</h2>
      </summary>
      <form onSubmit={submit}>
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
        <YahooCookies />
        <div class="actions">
          <button type="submit">{t('optionsSave')}</button>
          <button type="button" class="secondary" onClick={() => void reset()}>
            {t('optionsReset')}
          </button>
          {message ? (
            <span class={message.ok ? 'ok' : 'bad'} role="status">
              {message.text}
            </span>
          ) : null}
        </div>
      </form>
    </details>
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
