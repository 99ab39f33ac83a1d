/**
 * The notes page's side of the messages (utils/messages.ts): everything comes from the background
 * worker, which alone opens IndexedDB; the page never reaches the network.
 */
import type { BoxId, BoxOverride, BoxVerdict } from '@/utils/checklist/types';
import {
  checklistMessage,
  notesDeleteMessage,
  notesExtrasMessage,
  notesImportMessage,
  notesListMessage,
  notesPricesMessage,
  notesRestoreMessage,
  notesUpdateMessage,
} from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import type { NotesFile } from '@/utils/notes/file';
import type { NoteRow } from '@/utils/notes/schema';
import type { PriceNow } from '@/utils/notes/view';

/** Rows per request: 1,000 notes with long quotes stay a few MB per message. */
const CHUNK = 1000;

/** Every stored note that reads as one, and how many did not (damaged rows are left out). */
export async function loadAllNotes(): Promise<{ notes: NoteRow[]; skipped: number }> {
  const out: NoteRow[] = [];
  let skipped = 0;
  for (let after = 0; ; ) {
    const chunk = await sendToBackground(notesListMessage, { after, limit: CHUNK });
    out.push(...chunk.notes);
    skipped += chunk.skipped;
    if (chunk.next === null) return { notes: out, skipped };
    after = chunk.next;
  }
}

export async function loadPrices(assets: readonly string[]): Promise<Map<string, PriceNow>> {
  const wanted = [...new Set(assets.filter(Boolean))];
  if (!wanted.length) return new Map();
  const { prices } = await sendToBackground(notesPricesMessage, { assets: wanted });
  return new Map(prices.map(({ asset, ...p }) => [asset, p]));
}

export async function updateNote(id: number, text: string, tags: string[]): Promise<NoteRow | null> {
  return (await sendToBackground(notesUpdateMessage, { id, text, tags })).note;
}

export async function deleteNotes(ids: number[]): Promise<NoteRow[]> {
  return (await sendToBackground(notesDeleteMessage, { ids })).deleted;
}

export async function restoreNotes(notes: NoteRow[]): Promise<number> {
  return (await sendToBackground(notesRestoreMessage, { notes })).restored;
}

export function exportExtras() {
  return sendToBackground(notesExtrasMessage, {});
}

export function importFile(file: NotesFile, apply: boolean) {
  return sendToBackground(notesImportMessage, { file, apply });
}

/** An asset's checklist today, as the contract §8 message answers it. */
export interface ChecklistNow {
  score: number;
  boxes: Array<{
    box: BoxId;
    verdict: BoxVerdict;
    source?: string;
    asOf?: number;
    override?: Pick<BoxOverride, 'verdict' | 'reason'>;
  }>;
}

/**
 * An asset's checklist today (contract §8): from the cache, or, when figures are missing, after the
 * worker has asked the sources for them (within their budgets).
 */
export async function todaysChecklist(asset: string): Promise<ChecklistNow | undefined> {
  const cached = await sendToBackground(checklistMessage, { asset });
  return cached.loading ? sendToBackground(checklistMessage, { asset, wait: true }) : cached;
}
