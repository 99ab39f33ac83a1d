/**
 * The first-run page (opened once on install, entrypoints/background/first-run.ts; also from the
 * popup): what Tickerlens does, on a live example, and what to know before using it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { Example } from './Example';

/** The manifest's command (wxt.config.ts) that opens the card of the next mark in view. */
const NEXT_TICKER_COMMAND = 'next-ticker';

/** The shortcut as the browser has it now (the reader may have changed it); '' when none is set. */
function useShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === NEXT_TICKER_COMMAND)?.shortcut ?? ''))
      .catch(() => setShortcut(''));
  }, []);
  return shortcut;
}

const openNotes = () => void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') });

export function WelcomeApp() {
  const shortcut = useShortcut();
  return (
    <main class="welcome">
      <header>
        <img src="/icon/48.png" alt="" width="48" height="48" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="example-title">
        <h2 id="example-title">{t('welcomeExampleTitle')}</h2>
        <p class="muted">{t('welcomeExampleHint')}</p>
        <Example />
      </section>

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('welcomeShortcutTitle')}</h2>
        <p data-testid="welcome-shortcut">
          {shortcut === undefined ? null : shortcut ? (
            <>
              <kbd>{shortcut}</kbd> {t('welcomeShortcut')}
            </>
          ) : (
            t('welcomeShortcutUnset')
          )}
        </p>
        <p class="muted">{t('welcomeShortcutChange')}</p>
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('welcomeWhereTitle')}</h2>
        <ul>
          <li>{t('welcomeWhereToolbar')}</li>
          <li>{t('welcomeWhereChecklist')}</li>
          <li>
            {t('welcomeWhereNotes')}{' '}
            <button type="button" class="link" onClick={openNotes}>
              {t('welcomeOpenNotes')}
            </button>
          </li>
        </ul>
      </section>

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('welcomePrivacyTitle')}</h2>
        <ul>
          <li>{t('welcomePrivacyStays')}</li>
          <li>{t('welcomePrivacyLeaves')}</li>
        </ul>
        <p>
          <a href="/privacy.html" target="_blank" rel="noopener" data-testid="privacy-link">
            {t('privacyPolicyLink')}
          </a>
        </p>
      </section>

      <section aria-labelledby="optional-title">
        <h2 id="optional-title">{t('welcomeOptionalTitle')}</h2>
        <ul>
          <li>{t('welcomeOptionalSites')}</li>
          <li>
            {t('welcomeOptionalKeys')}{' '}
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('welcomeOpenSettings')}
            </button>
          </li>
        </ul>
      </section>
    </main>
  );
}
