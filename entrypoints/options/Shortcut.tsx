/**
 * "Keyboard shortcut": the extension's commands with the keys the browser has for them, and the way
 * to the browser's own page for changing them (extensions cannot set their shortcuts themselves).
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { useLoadOnVisible } from './visible';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

/** The browser's own command that opens the toolbar popup (MV3, and Firefox's MV2 build). */
const POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** Chromium's page for every extension's shortcuts (only an extension page may open it). */
const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

export function Shortcut() {
  const [commands, setCommands] = useState<Command[] | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const firefox = import.meta.env.FIREFOX;

  const load = () =>
    browser.commands
      .getAll()
      .then((all) =>
        setCommands(
          all.map((c) => ({
            name: c.name ?? '',
            description: c.description ?? '',
            shortcut: c.shortcut ?? '',
          })),
        ),
      )
      .catch(() => setCommands([]));
  useLoadOnVisible(load);

  async function openShortcuts(): Promise<void> {
    setFailed(undefined);
    try {
      // Firefox 137+ opens its "Manage Extension Shortcuts" view; earlier versions say where it is.
      const commandsApi = browser.commands as typeof browser.commands & {
        openShortcutSettings?: () => Promise<void>;
      };
      if (firefox) await commandsApi.openShortcutSettings?.();
      else await browser.tabs.create({ url: CHROME_SHORTCUTS });
    } catch (err) {
      setFailed(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="shortcut-title" data-testid="shortcut">
      <h2 id="shortcut-title">{t('optionsShortcut')}</h2>
      {commands?.length ? (
        <ul class="commands">
          {commands.map((c) => (
            <li key={c.name} data-command={c.name}>
              <span>{POPUP_COMMANDS.has(c.name) ? t('optionsCommandPopup') : c.description || c.name}</span>
              {c.shortcut ? (
                <kbd class="asset">{c.shortcut}</kbd>
              ) : (
                <span class="asset">{t('optionsShortcutNone')}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {firefox && !('openShortcutSettings' in browser.commands) ? (
        <p class="muted">{t('optionsShortcutFirefoxHelp')}</p>
      ) : (
        <p class="row">
          <button type="button" class="secondary" onClick={() => void openShortcuts()}>
            {t('optionsShortcutChange')}
          </button>{' '}
          <span class="muted">
            {firefox ? t('optionsShortcutFirefoxHelp') : t('optionsShortcutChromeHelp')}
          </span>
        </p>
      )}
      {failed ? (
        <p class="bad" role="status">
          {t('optionsShortcutFailed', failed)}
        </p>
      ) : null}
    </section>
  );
}
