/**
 * The settings page: what a reader sets first (marks, what to mark, sites, pinned choices, the
 * shortcut), then the data sources under "Advanced". Each section is its own component.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings';
import { readSettings, writeSettings } from '@/utils/settings-storage';
import { Advanced } from './Advanced';
import { Marks } from './Marks';
import { Pins } from './Pins';
import { Shortcut } from './Shortcut';
import { Sites } from './Sites';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  useEffect(() => {
    readSettings().then(setSettings);
  }, []);

  /** Writes the settings (open pages follow at once); a failed write is said and nothing is lost. */
  async function save(next: Settings): Promise<boolean> {
    try {
      setSettings(await writeSettings(next));
      setFailed(undefined);
      return true;
    } catch (err) {
      // Drawn again from what is stored: a checkbox the reader flipped shows the state kept.
      setSettings((s) => s && { ...s });
      setFailed(t('optionsSaveFailed', err instanceof Error ? err.message : String(err)));
      return false;
    }
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {failed ? (
        <p class="bad" role="alert">
          {failed}
        </p>
      ) : null}
      <a href="/privacy.html" target="_blank" rel="noopener" data-testid="privacy-link">
        {t('privacyPolicyLink')}
      </a>
      {settings ? (
        <>
          <Marks settings={settings} onChange={(next) => void save(next)} />
          <Sites sites={settings.enabledSites} onChanged={() => void readSettings().then(setSettings)} />
          <Pins />
          <Shortcut />
          <Advanced settings={settings} save={save} />
        </>
      ) : null}
    </main>
  );
}
