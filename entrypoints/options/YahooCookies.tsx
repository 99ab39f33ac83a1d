/**
 * The opt-in for stocks' market caps, which need Yahoo's cookies (utils/sources/service.ts,
 * `marketCapsOn`). Saved as it is changed, on the settings as stored now, so it never undoes a
 * change made elsewhere. Turning it on asks for fc.yahoo.com, the page that sets Yahoo's session
 * cookie (no longer a host of the manifest); turning it off gives that access back.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { readSettings, writeSettings } from '@/utils/settings-storage';

const PRIMER_HOST = 'https://fc.yahoo.com/*';

export function YahooCookies() {
  const [on, setOn] = useState<boolean | undefined>();
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    readSettings().then((s) => setOn(s.sources.stocks.yahooCookies));
  }, []);

  async function change(next: boolean): Promise<void> {
    setDenied(false);
    if (next && !(await browser.permissions.request({ origins: [PRIMER_HOST] }).catch(() => false))) {
      setDenied(true);
      setOn(false);
      return;
    }
    const current = await readSettings();
    const saved = await writeSettings({
      ...current,
      sources: { ...current.sources, stocks: { ...current.sources.stocks, yahooCookies: next } },
    });
    if (!next) await browser.permissions.remove({ origins: [PRIMER_HOST] }).catch(() => false);
    setOn(saved.sources.stocks.yahooCookies);
  }

  return (
    <div class="yahoo-cookies" data-testid="yahoo-cookies">
      <label>
        <input
          type="checkbox"
          checked={on ?? false}
          disabled={on === undefined}
          onChange={(e) => void change(e.currentTarget.checked)}
        />{' '}
        {t('optionsYahooCookies')}
      </label>
      <p class="muted">{t('optionsYahooCookiesHelp')}</p>
      {denied ? (
        <p class="bad" role="status">
          {t('optionsYahooCookiesDenied')}
        </p>
      ) : null}
    </div>
  );
}
