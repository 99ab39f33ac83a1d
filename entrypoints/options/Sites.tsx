/** The sites besides X where the reader enabled Tickerlens (from the popup), each removable. */
import { t } from '@/utils/i18n';
import { siteMessage } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';

export function Sites({ sites, onChanged }: { sites: readonly string[]; onChanged: () => void }) {
  /** Disables a site: unregisters the script and gives the host permission back. */
  async function removeSite(origin: string): Promise<void> {
    await sendToBackground(siteMessage, { origin, enabled: false }).catch(() => undefined);
    onChanged();
  }
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optionsSites')}</h2>
      <p class="muted">{t('optionsSitesHelp')}</p>
      {sites.length ? (
        <ul class="sites" data-testid="enabled-sites">
          {sites.map((origin) => (
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
    </section>
  );
}
