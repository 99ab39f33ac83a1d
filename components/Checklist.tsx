/**
 * An asset's "no VC" checklist (contract §7 and §8): five boxes with their verdict, the evidence in
 * figures with its source and age, the score n/5 and the warning when a box is not filled. Each box
 * can be set by the user (pass or fail, with a reason), shown as theirs beside what the data says.
 */
import { useRef, useState } from 'preact/hooks';
import { type BoxId, CHECKLIST_BOXES } from '@/utils/checklist/types';
import { type MessageKey, t } from '@/utils/i18n';
import type { ChecklistReply } from '@/utils/messages';
import { age } from './format';
import { reasonText, sourceName } from './reason';

type Box = ChecklistReply['boxes'][number];

export interface ChecklistActions {
  /** The user's verdict on a box (null clears it); resolves once stored, rejects when it was not. */
  onOverride: (box: BoxId, verdict: 'pass' | 'fail' | null, reason: string) => Promise<void>;
}

const MARK: Record<Box['verdict'], string> = { pass: '✓', fail: '✗', unknown: '?' };

export function Checklist({
  result,
  title,
  actions,
  now = Date.now(),
}: {
  result: ChecklistReply;
  title: string;
  actions?: ChecklistActions;
  now?: number;
}) {
  const byBox = new Map(result.boxes.map((b) => [b.box, b]));
  const headingId = `checklist-${result.asset.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <section
      class="checklist"
      data-testid="checklist"
      data-asset={result.asset}
      aria-labelledby={headingId}
      aria-busy={result.loading}
    >
      <header class="checklist-head">
        <h2 id={headingId}>{t('popupChecklistOf', title)}</h2>
        <span class={`score ${result.warning ? 'warn' : 'ok'}`} data-score={`${result.score}/5`}>
          <strong>{result.score}/5</strong>{' '}
          <span class="muted">{t('popupChecklistScore', String(result.score))}</span>
        </span>
      </header>
      {result.loading ? (
        <p class="muted" role="status">
          {t('popupChecklistLoading')}
        </p>
      ) : null}
      <ol class="boxes">
        {CHECKLIST_BOXES.map((id) => {
          const box = byBox.get(id);
          return box ? <BoxRow key={id} box={box} actions={actions} now={now} /> : null;
        })}
      </ol>
      <p class={result.warning ? 'warn-line' : 'muted'} role={result.warning ? 'note' : undefined}>
        {result.warning ? t('popupChecklistWarning') : t('popupChecklistAllPass')}
      </p>
      <p class="muted small">{t('popupNotAdvice')}</p>
    </section>
  );
}

function BoxRow({ box, actions, now }: { box: Box; actions: ChecklistActions | undefined; now: number }) {
  const [editing, setEditing] = useState(false);
  const setButton = useRef<HTMLButtonElement>(null);
  const titleKey = `boxTitle_${box.box}` as MessageKey;
  /** The form closes: focus goes back to the button that opened it. */
  const done = () => {
    setEditing(false);
    requestAnimationFrame(() => setButton.current?.focus());
  };
  const verdictText = t(`boxVerdict_${box.verdict}` as MessageKey);
  return (
    <li class={`box verdict-${box.verdict}`} data-box={box.box} data-verdict={box.verdict}>
      <div class="box-head">
        <span class="box-mark" aria-hidden="true">
          {MARK[box.verdict]}
        </span>
        <strong>{t(titleKey)}</strong>
        <span class="box-verdict">{verdictText}</span>
      </div>
      <p class="muted small">{t(`boxQuestion_${box.box}` as MessageKey)}</p>
      {box.override ? (
        <p class="yours">
          {t('popupOverrideYours', box.override.reason || verdictText)}{' '}
          <span class="muted">
            ({t('popupOverrideDataSays', t(`boxVerdict_${box.computed}` as MessageKey))})
          </span>
        </p>
      ) : null}
      <ul class="evidence">
        {box.evidence.map((e, i) => {
          const text = reasonText(e);
          return text ? <li key={`${e.key}-${i}`}>{text}</li> : null;
        })}
      </ul>
      {box.source ? (
        <p class={`src small ${box.stale ? 'stale' : 'muted'}`}>
          {(box.sources ?? [box.source]).map(sourceName).join(', ')}
          {box.asOf !== undefined && box.source !== 'curated' ? ` · ${age(Math.max(0, now - box.asOf))}` : ''}
          {box.stale ? ` · ${t('popupStale')}` : ''}
        </p>
      ) : null}
      {actions ? (
        editing ? (
          <OverrideForm box={box} actions={actions} onDone={done} />
        ) : (
          <p class="box-actions">
            <button
              type="button"
              class="link"
              ref={setButton}
              aria-label={`${t('popupOverrideSet')}: ${t(titleKey)}`}
              onClick={() => setEditing(true)}
            >
              {t('popupOverrideSet')}
            </button>
            {box.override ? (
              <button
                type="button"
                class="link"
                aria-label={`${t('popupOverrideClear')}: ${t(titleKey)}`}
                onClick={() => void actions.onOverride(box.box, null, '')}
              >
                {t('popupOverrideClear')}
              </button>
            ) : null}
          </p>
        )
      ) : null}
    </li>
  );
}

function OverrideForm({ box, actions, onDone }: { box: Box; actions: ChecklistActions; onDone: () => void }) {
  const [reason, setReason] = useState(box.override?.reason ?? '');
  const [failed, setFailed] = useState(false);
  const save = (verdict: 'pass' | 'fail') => {
    setFailed(false);
    actions.onOverride(box.box, verdict, reason).then(onDone, () => setFailed(true));
  };
  const inputId = `override-${box.box}`;
  return (
    <form
      class="override"
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <label for={inputId}>{t('popupOverrideReason')}</label>
      <input
        id={inputId}
        type="text"
        maxLength={280}
        value={reason}
        onInput={(e) => setReason((e.target as HTMLInputElement).value)}
        // biome-ignore lint/a11y/noAutofocus: the field the user just asked for
        autoFocus
      />
      <span class="override-buttons">
        <button type="button" data-set="pass" onClick={() => save('pass')}>
          {t('popupOverridePass')}
        </button>
        <button type="button" data-set="fail" onClick={() => save('fail')}>
          {t('popupOverrideFail')}
        </button>
        <button type="button" class="link" onClick={onDone}>
          {t('popupOverrideCancel')}
        </button>
      </span>
      {failed ? (
        <span class="bad" role="alert">
          {t('popupOverrideFailed')}
        </span>
      ) : null}
    </form>
  );
}
