/** "Marks on pages": the switch for all marks and which kinds are marked (applied to open pages at once). */
import { t } from '@/utils/i18n';
import { MARK_KINDS, type Settings } from '@/utils/settings';

export function Marks({ settings, onChange }: { settings: Settings; onChange: (next: Settings) => void }) {
  return (
    <section aria-labelledby="marks-title" data-testid="marks">
      <h2 id="marks-title">{t('optionsMarksSection')}</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.marks}
          onChange={(e) => onChange({ ...settings, marks: e.currentTarget.checked })}
        />{' '}
        {t('optionsMarks')}
      </label>
      {settings.marks ? null : <p class="muted">{t('optionsMarksOffHint')}</p>}
      <fieldset class="kinds" disabled={!settings.marks} aria-describedby="kinds-help">
        <legend>{t('optionsMarkKinds')}</legend>
        {MARK_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name={kind}
              checked={settings.markKinds[kind]}
              onChange={(e) =>
                onChange({
                  ...settings,
                  markKinds: { ...settings.markKinds, [kind]: e.currentTarget.checked },
                })
              }
            />{' '}
            {t(`optionsKind_${kind}`)}
          </label>
        ))}
        <p id="kinds-help" class="muted">
          {t('optionsMarkKindsHelp')}
        </p>
      </fieldset>
    </section>
  );
}
