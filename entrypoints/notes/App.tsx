/**
 * The notes page (contract §9): every saved note, searched and filtered in memory, shown a page at
 * a time (never thousands of rows in the DOM), edited in place, deleted with an undo, exported as
 * JSON, CSV or Markdown (what the filters show), and imported from JSON after a preview.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { claimLabel } from '@/components/labels';
import { t } from '@/utils/i18n';
import { MAX_FILE_BYTES, type NotesFile, readNotesFile } from '@/utils/notes/file';
import type { ImportCounts } from '@/utils/notes/merge';
import type { NoteRow } from '@/utils/notes/schema';
import {
  buildIndex,
  EMPTY_QUERY,
  facets,
  type NotesQuery,
  SORTS,
  type SortKey,
  searchNotes,
} from '@/utils/notes/search';
import { changeSinceSaved, type PriceNow } from '@/utils/notes/view';
import {
  type ChecklistNow,
  deleteNotes,
  importFile,
  loadAllNotes,
  loadPrices,
  restoreNotes,
  todaysChecklist,
  updateNote,
} from './api';
import { buildExport, download, type ExportKind, fileName } from './exporting';
import { NoteItem } from './NoteItem';
import { problemText } from './problems';

/** Notes per page: enough to scan, few enough that a page renders at once. */
const PAGE_SIZE = 25;
/** How long a deleted note can be brought back from the toast. */
const UNDO_MS = 10_000;

type Load = { state: 'loading' } | { state: 'ready'; skipped: number } | { state: 'failed'; error: string };
type Toast = { text: string; undo?: NoteRow[] };
type ImportState =
  | { step: 'preview'; name: string; file: NotesFile; counts: ImportCounts }
  | { step: 'error'; text: string }
  | { step: 'busy' };

const SORT_KEYS: Record<SortKey, Parameters<typeof t>[0]> = {
  newest: 'notesSortNewest',
  oldest: 'notesSortOldest',
  gain: 'notesSortGain',
  loss: 'notesSortLoss',
};

export function NotesApp() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [notes, setNotes] = useState<NoteRow[]>([]);
  const [prices, setPrices] = useState<Map<string, PriceNow>>(new Map());
  const [query, setQuery] = useState<NotesQuery>(EMPTY_QUERY);
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<number | undefined>();
  const [toast, setToast] = useState<Toast | undefined>();
  const [importing, setImporting] = useState<ImportState | undefined>();
  const [confirmAll, setConfirmAll] = useState(false);
  const [todays, setTodays] = useState<Map<string, ChecklistNow | undefined>>(new Map());
  const fileInput = useRef<HTMLInputElement>(null);
  const listTop = useRef<HTMLHeadingElement>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout>>();

  async function reload(): Promise<void> {
    try {
      const { notes: all, skipped } = await loadAllNotes();
      setNotes(all);
      setLoad({ state: 'ready', skipped });
      setPrices(await loadPrices(all.map((n) => n.assetId)));
    } catch (err) {
      setLoad({ state: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }
  useEffect(() => {
    void reload();
  }, []);

  const noAsset = t('notesNoAsset');
  const index = useMemo(() => buildIndex(notes, prices, noAsset), [notes, prices, noAsset]);
  const filters = useMemo(() => facets(index), [index]);
  const changeOf = (n: NoteRow) => changeSinceSaved(n, prices.get(n.assetId));
  const results = useMemo(() => searchNotes(index, query, changeOf), [index, query, prices]);
  const pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = results.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const filtered = query.text.trim() !== '' || !!query.asset || !!query.tag || !!query.claim;

  // Today's checklist for the assets on this page, asked once per asset (api.ts, the seam).
  useEffect(() => {
    const missing = [...new Set(shown.map((e) => e.note.assetId))].filter((a) => a && !todays.has(a));
    if (!missing.length) return;
    void Promise.all(
      missing.map(async (a) => [a, await todaysChecklist(a).catch(() => undefined)] as const),
    ).then((got) => setTodays((m) => new Map([...m, ...got])));
  }, [shown.map((e) => e.note.assetId).join('\n')]);

  function ask(change: Partial<NotesQuery>): void {
    setQuery((q) => ({ ...q, ...change }));
    setPage(0);
    setConfirmAll(false);
  }

  function say(next: Toast): void {
    clearTimeout(toastTimer.current);
    setToast(next);
    toastTimer.current = setTimeout(() => setToast(undefined), next.undo ? UNDO_MS : 5_000);
  }

  async function save(id: number, text: string, tags: string[]): Promise<void> {
    const note = await updateNote(id, text, tags);
    setNotes((all) => (note ? all.map((n) => (n.id === id ? note : n)) : all.filter((n) => n.id !== id)));
    setEditing(undefined);
    if (note) focusEdit(note.uid);
  }

  async function remove(ids: number[]): Promise<void> {
    setConfirmAll(false);
    try {
      const deleted = await deleteNotes(ids);
      const gone = new Set(deleted.map((n) => n.id));
      setNotes((all) => all.filter((n) => !gone.has(n.id)));
      say({
        text: deleted.length === 1 ? t('notesDeleted') : t('notesDeletedMany', String(deleted.length)),
        undo: deleted,
      });
      listTop.current?.focus();
    } catch (err) {
      say({ text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function undo(back: NoteRow[]): Promise<void> {
    clearTimeout(toastTimer.current);
    try {
      await restoreNotes(back);
      await reload();
      say({ text: t('notesRestored') });
    } catch (err) {
      say({ text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function exportAs(kind: ExportKind): Promise<void> {
    try {
      const list = results.map((e) => e.note);
      const name = fileName(kind);
      download(kind, await buildExport(kind, list, prices, !filtered), name);
      say({ text: t('notesExported', [String(list.length), name]) });
    } catch (err) {
      say({ text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function pickFile(e: Event): Promise<void> {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImporting({ step: 'busy' });
    // The size is checked before the file is read: a huge file is never loaded.
    const read =
      file.size > MAX_FILE_BYTES
        ? readNotesFile('', file.size)
        : readNotesFile(await file.text().catch(() => ''), file.size);
    if (!read.ok) {
      setImporting({ step: 'error', text: problemText(read.problem) });
      return;
    }
    try {
      const counts = await importFile(read.file, false);
      setImporting({ step: 'preview', name: file.name, file: read.file, counts });
    } catch (err) {
      setImporting({ step: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  async function applyImport(file: NotesFile): Promise<void> {
    setImporting({ step: 'busy' });
    try {
      const counts = await importFile(file, true);
      setImporting(undefined);
      await reload();
      say({ text: t('notesImportDone', [String(counts.added), String(counts.changed)]) });
    } catch (err) {
      setImporting({ step: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <main class="notes-page">
      <header class="notes-bar">
        <h1>{t('notesTitle')}</h1>
        <fieldset class="notes-actions">
          <legend class="visually-hidden">{t('notesExportImport')}</legend>
          <button type="button" onClick={() => void exportAs('json')} disabled={load.state !== 'ready'}>
            {t('notesExportJson')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')} disabled={load.state !== 'ready'}>
            {t('notesExportCsv')}
          </button>
          <button type="button" onClick={() => void exportAs('md')} disabled={load.state !== 'ready'}>
            {t('notesExportMarkdown')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('notesImport')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => void pickFile(e)}
          />
        </fieldset>
      </header>

      {importing ? (
        <ImportPanel
          state={importing}
          onApply={(file) => void applyImport(file)}
          onClose={() => setImporting(undefined)}
        />
      ) : null}

      <search class="notes-filters">
        <label>
          {t('notesSearch')}
          <input
            type="search"
            value={query.text}
            placeholder={t('notesSearchHint')}
            onInput={(e) => ask({ text: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('notesFilterAsset')}
          <select value={query.asset} onChange={(e) => ask({ asset: e.currentTarget.value })}>
            <option value="">{t('notesAll')}</option>
            {filters.assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title} ({a.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notesFilterTag')}
          <select value={query.tag} onChange={(e) => ask({ tag: e.currentTarget.value })}>
            <option value="">{t('notesAll')}</option>
            {filters.tags.map((tag) => (
              <option key={tag.tag} value={tag.tag.toLowerCase()}>
                #{tag.tag} ({tag.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notesFilterClaim')}
          <select
            value={query.claim}
            onChange={(e) => ask({ claim: e.currentTarget.value as NotesQuery['claim'] })}
          >
            <option value="">{t('notesAll')}</option>
            {filters.claims.map((c) => (
              <option key={c.claim} value={c.claim}>
                {claimLabel(c.claim)} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notesSort')}
          <select value={query.sort} onChange={(e) => ask({ sort: e.currentTarget.value as SortKey })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_KEYS[s])}
              </option>
            ))}
          </select>
        </label>
      </search>

      <h2 class="count" ref={listTop} tabIndex={-1} aria-live="polite" data-testid="notes-count">
        {load.state === 'loading'
          ? t('notesLoading')
          : filtered
            ? t('notesCountFiltered', [String(results.length), String(notes.length)])
            : t('notesCount', String(notes.length))}
      </h2>

      {load.state === 'failed' ? (
        <p class="bad" role="alert">
          {t('notesLoadFailed')}{' '}
          <span class="meta" lang="en">
            {load.error}
          </span>{' '}
          <button type="button" class="link" onClick={() => void reload()}>
            {t('notesRetry')}
          </button>
        </p>
      ) : null}
      {load.state === 'ready' && load.skipped > 0 ? (
        <p class="bad" role="alert">
          {t('notesSkipped', String(load.skipped))}
        </p>
      ) : null}
      {load.state === 'ready' && !notes.length ? <p class="muted">{t('notesEmpty')}</p> : null}
      {load.state === 'ready' && notes.length > 0 && !results.length ? (
        <p class="muted">{t('notesNoMatch')}</p>
      ) : null}

      {shown.length ? (
        <ol class="note-list">
          {shown.map((e) => (
            <li key={e.note.uid}>
              <NoteItem
                note={e.note}
                title={e.title}
                price={prices.get(e.note.assetId)}
                today={todays.get(e.note.assetId)}
                editing={editing === e.note.id}
                onEdit={() => setEditing(e.note.id)}
                onCancel={() => {
                  setEditing(undefined);
                  focusEdit(e.note.uid);
                }}
                onSave={(text, tags) => save(e.note.id, text, tags)}
                onDelete={() => void remove([e.note.id])}
              />
            </li>
          ))}
        </ol>
      ) : null}

      {pages > 1 ? (
        <nav class="pager" aria-label={t('notesPages')}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t('notesPrev')}
          </button>
          <span>{t('notesPage', [String(current + 1), String(pages)])}</span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t('notesNext')}
          </button>
        </nav>
      ) : null}

      {results.length > 0 ? (
        <p class="delete-all">
          {confirmAll ? (
            <>
              <span>{t('notesDeleteShownConfirm', String(results.length))}</span>{' '}
              <button type="button" class="danger" onClick={() => void remove(results.map((e) => e.note.id))}>
                {t('notesDeleteYes')}
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setConfirmAll(false)}>
                {t('notesDeleteNo')}
              </button>
            </>
          ) : (
            <button type="button" class="secondary" onClick={() => setConfirmAll(true)}>
              {t('notesDeleteShown', String(results.length))}
            </button>
          )}
        </p>
      ) : null}

      <div class="toast" role="status" aria-live="polite">
        {toast ? (
          <>
            <span>{toast.text}</span>
            {toast.undo ? (
              <button type="button" onClick={() => void undo(toast.undo ?? [])}>
                {t('notesUndo')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </main>
  );
}

/** Back to a note's Edit button once its editor closes, where the reader was. */
function focusEdit(uid: string): void {
  requestAnimationFrame(() =>
    document
      .querySelector<HTMLButtonElement>(`[data-note-uid="${CSS.escape(uid)}"] .note-actions button`)
      ?.focus(),
  );
}

function ImportPanel({
  state,
  onApply,
  onClose,
}: {
  state: ImportState;
  onApply(file: NotesFile): void;
  onClose(): void;
}) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), [state.step]);
  return (
    <section
      class="import-panel"
      ref={panel}
      tabIndex={-1}
      aria-label={t('notesImport')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && state.step !== 'busy') onClose();
      }}
    >
      {state.step === 'busy' ? <p role="status">{t('notesImportReading')}</p> : null}
      {state.step === 'error' ? (
        <>
          <p class="bad" role="alert" data-testid="import-error">
            {state.text}
          </p>
          <button type="button" class="secondary" onClick={onClose}>
            {t('notesClose')}
          </button>
        </>
      ) : null}
      {state.step === 'preview' ? (
        <>
          <p class="meta">{t('notesImportFile', state.name)}</p>
          <p data-testid="import-preview">
            <strong>
              {t('notesImportPreview', [
                String(state.counts.added),
                String(state.counts.changed),
                String(state.counts.removed),
              ])}
            </strong>
            {state.counts.unchanged ? ` · ${t('notesImportUnchanged', String(state.counts.unchanged))}` : ''}
            {state.counts.keptNewer ? ` · ${t('notesImportKeptNewer', String(state.counts.keptNewer))}` : ''}
            {state.counts.overrides || state.counts.pins
              ? ` · ${t('notesImportExtras', [String(state.counts.overrides), String(state.counts.pins)])}`
              : ''}
          </p>
          <p class="note-actions">
            <button type="button" class="primary" onClick={() => onApply(state.file)}>
              {t('notesImportApply')}
            </button>
            <button type="button" class="secondary" onClick={onClose}>
              {t('notesCancel')}
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}
