/**
 * One note on the notes page: the asset, the user's words and tags (editable in place), the quoted
 * post with a link to its page, the price then and now with the change since saved, the claims
 * and the checklist as they stood. Page text is rendered as text (Preact escapes it), and a link
 * is only ever an http(s) one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { age, pct, usd } from '@/components/format';
import { claimLabel } from '@/components/labels';
import { t } from '@/utils/i18n';
import type { NoteRow } from '@/utils/notes/schema';
import { isWebUrl, NOTE_LIMITS } from '@/utils/notes/schema';
import { changeSinceSaved, type PriceNow, priceTime } from '@/utils/notes/view';
import type { ChecklistNow } from './api';
import { ChecklistCompare } from './ChecklistCompare';
import { claimVerdictLabel, dateTime } from './words';

export interface NoteItemProps {
  note: NoteRow;
  title: string;
  price: PriceNow | undefined;
  today: ChecklistNow | undefined;
  editing: boolean;
  onEdit(): void;
  onCancel(): void;
  onSave(text: string, tags: string[]): Promise<void>;
  onDelete(): void;
}

export function NoteItem(props: NoteItemProps) {
  const { note, price } = props;
  const c = note.capture;
  const headingId = `note-${note.id}-title`;
  const change = changeSinceSaved(note, price);
  return (
    <article class="note" aria-labelledby={headingId} data-note-uid={note.uid}>
      <header>
        <h2 id={headingId}>{props.title}</h2>
        <span class="meta">
          <time dateTime={new Date(note.createdAt).toISOString()}>
            {t('notesSavedAt', dateTime(note.createdAt))}
          </time>
          {note.updatedAt > note.createdAt ? ` · ${t('notesEditedAt', dateTime(note.updatedAt))}` : ''}
        </span>
      </header>
      <p class="prices">
        <span>
          {t('notesPriceThen')}: {c?.priceUsd != null ? usd(c.priceUsd) : t('notesNoPrice')}
        </span>
        {price ? (
          <span>
            {' · '}
            {t('notesPriceNow')}: {usd(price.usd)}
            {change !== null ? (
              <strong class={change > 0 ? 'ok' : change < 0 ? 'bad' : ''} data-change={change.toFixed(2)}>
                {' '}
                {t('notesSinceSaved', pct(change))}
              </strong>
            ) : null}
            <span class={price.stale ? 'meta stale' : 'meta'}>
              {' '}
              ({price.stale ? `${t('notesStale')}, ` : ''}
              {t('notesAsOf', age(Date.now() - priceTime(price)))})
            </span>
          </span>
        ) : null}
      </p>
      {props.editing ? (
        <NoteEditor note={note} onCancel={props.onCancel} onSave={props.onSave} />
      ) : (
        <>
          {note.text ? <p class="text">{note.text}</p> : <p class="text meta">{t('notesNoText')}</p>}
          {note.tags.length ? (
            <ul class="tags" aria-label={t('notesTags')}>
              {note.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {c?.quote ? (
        <figure class="quote">
          <blockquote cite={isWebUrl(c.url) ? c.url : undefined}>{c.quote}</blockquote>
          {isWebUrl(c.url) ? (
            <figcaption>
              <a href={c.url} target="_blank" rel="noopener noreferrer">
                {t('notesFrom', new URL(c.url).host)}
              </a>
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {c?.claims?.length ? (
        <section class="claims-then">
          <h3>{t('notesClaimsThen')}</h3>
          <ul>
            {c.claims.map((cl) => (
              <li key={cl.claim} class={`verdict-${cl.verdict}`}>
                <strong>
                  {claimLabel(cl.claim)}
                  {cl.value !== undefined ? ` (${cl.value}%)` : ''}
                </strong>{' '}
                · {claimVerdictLabel(cl.verdict)}
                {cl.reason ? <span class="meta"> {cl.reason}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ChecklistCompare then={c?.checklist} now={props.today} />
      {props.editing ? null : (
        <p class="note-actions">
          <button type="button" class="secondary" onClick={props.onEdit} aria-describedby={headingId}>
            {t('notesEdit')}
          </button>
          <button type="button" class="secondary" onClick={props.onDelete} aria-describedby={headingId}>
            {t('notesDelete')}
          </button>
        </p>
      )}
    </article>
  );
}

/** Tags as typed: commas (Latin or Chinese) or line breaks part them. */
export function parseTags(input: string): string[] {
  return input
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function NoteEditor({
  note,
  onCancel,
  onSave,
}: {
  note: NoteRow;
  onCancel(): void;
  onSave(text: string, tags: string[]): Promise<void>;
}) {
  const [text, setText] = useState(note.text);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const textId = `note-${note.id}-text`;
  const tagsId = `note-${note.id}-tags`;

  async function save(e?: Event) {
    e?.preventDefault();
    // Said before anything is sent, in the reader's words: what the notes can hold.
    const list = parseTags(tags);
    const problem =
      text.length > NOTE_LIMITS.text
        ? t('notesTooLong', String(NOTE_LIMITS.text))
        : list.some((tag) => tag.length > NOTE_LIMITS.tag)
          ? t('notesTagTooLong', String(NOTE_LIMITS.tag))
          : list.length > NOTE_LIMITS.tags
            ? t('notesTooManyTags', String(NOTE_LIMITS.tags))
            : '';
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await onSave(text, list);
    } catch (err) {
      // The technical detail after a sentence the reader can act on.
      setError(`${t('cardNoteFailed')} ${err instanceof Error ? err.message : String(err)}`);
      setBusy(false);
    }
  }
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
  };
  return (
    <form class="editor" onSubmit={save} onKeyDown={keys}>
      <label for={textId}>{t('notesYourNote')}</label>
      <textarea
        id={textId}
        ref={first}
        rows={4}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        maxLength={NOTE_LIMITS.text}
        aria-describedby={`${textId}-hint`}
      />
      <span id={`${textId}-hint`} class="meta">
        {t('notesEditHint')}
      </span>
      <label for={tagsId}>{t('notesTagsLabel')}</label>
      <input id={tagsId} type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      {error ? (
        <p class="bad" role="alert">
          {error}
        </p>
      ) : null}
      <p class="note-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('notesSave')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('notesCancel')}
        </button>
      </p>
    </form>
  );
}
