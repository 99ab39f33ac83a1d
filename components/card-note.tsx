/**
 * "Save note" from the card: a small field for the reader's words and tags opens first; saving
 * without typing still works. Once saved, the card says where the note is (the notes page).
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { NOTE_LIMITS } from '@/utils/notes/schema';
import { byUser } from './by-user';
import type { CardActions, CardModel } from './Card';

/** "#unlock, team  risk" → ["unlock", "team", "risk"]: commas or spaces, '#' dropped, each once. */
export function parseTags(raw: string): string[] {
  const tags = raw
    .split(/[,，\s]+/)
    .map((s) => s.replace(/^#+/, '').trim().slice(0, NOTE_LIMITS.tag))
    .filter(Boolean);
  return [...new Set(tags)].slice(0, NOTE_LIMITS.tags);
}

export function NoteAction({ model, actions }: { model: CardModel; actions: CardActions }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [tags, setTags] = useState('');
  if (model.noteSaved) {
    return (
      <p class="actions saved" role="status">
        {t('cardNoteSaved')}{' '}
        {actions.onOpenNotes ? (
          <button type="button" class="link" onClick={byUser(() => actions.onOpenNotes?.())}>
            {t('cardOpenNotes')}
          </button>
        ) : null}
      </p>
    );
  }
  const save = () => actions.onSaveNote({ text: text.trim(), tags: parseTags(tags) });
  return (
    <>
      {open ? (
        <form
          class="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (e.isTrusted) save();
          }}
        >
          <label>
            <span>{t('cardNoteWords')}</span>
            <textarea
              rows={2}
              maxLength={NOTE_LIMITS.cardText}
              value={text}
              // The shadow root is open: only the reader's own typing is kept, never a page's script's.
              onInput={(e) => {
                if (e.isTrusted) setText((e.currentTarget as HTMLTextAreaElement).value);
              }}
            />
          </label>
          <label>
            <span>{t('cardNoteTags')}</span>
            <input
              type="text"
              value={tags}
              placeholder={t('cardNoteTagsHint')}
              onInput={(e) => {
                if (e.isTrusted) setTags((e.currentTarget as HTMLInputElement).value);
              }}
            />
          </label>
          <p class="actions">
            <button type="submit" class="primary">
              {t('cardSaveNote')}
            </button>{' '}
            <button type="button" class="link" onClick={byUser(() => setOpen(false))}>
              {t('cardCancel')}
            </button>
          </p>
        </form>
      ) : (
        <p class="actions">
          <button type="button" class="link save-note" onClick={byUser(() => setOpen(true))}>
            {t('cardSaveNote')}
          </button>
        </p>
      )}
      {model.noteError ? (
        <p class="err" role="alert">
          {t('cardNoteFailed')}{' '}
          <span class="meta" lang="en">
            {model.noteError}
          </span>
        </p>
      ) : null}
    </>
  );
}
