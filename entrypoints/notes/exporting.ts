/**
 * Builds an export of the notes shown (the current search and filters) and hands it to the browser
 * as a download named with today's date: `tickerlens-notes-2026-12-06.json` (or `.csv`, `.md`).
 */
import { notesToCsv } from '@/utils/notes/csv';
import { toNotesFile } from '@/utils/notes/file';
import { notesToMarkdown } from '@/utils/notes/markdown';
import type { NoteRow } from '@/utils/notes/schema';
import type { PriceNow } from '@/utils/notes/view';
import { exportExtras } from './api';
import { csvHeaders, exportWords } from './words';

export type ExportKind = 'json' | 'csv' | 'md';

const TYPES: Record<ExportKind, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
};

/** The local date, YYYY-MM-DD. */
export function fileName(kind: ExportKind, now = new Date()): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `tickerlens-notes-${d}.${kind}`;
}

/**
 * The file's text. JSON holds the checklist overrides and pins too: all of them when every note is
 * exported (a full backup), else those of the exported notes' assets.
 */
export async function buildExport(
  kind: ExportKind,
  notes: readonly NoteRow[],
  prices: ReadonlyMap<string, PriceNow>,
  everything: boolean,
  now = Date.now(),
): Promise<string> {
  if (kind === 'csv') return notesToCsv(notes, prices, exportWords(), csvHeaders());
  if (kind === 'md') return notesToMarkdown(notes, prices, exportWords(), now);
  const extras = await exportExtras();
  const assets = new Set(notes.map((n) => n.assetId));
  const checklist = everything ? extras.checklist : extras.checklist.filter((c) => assets.has(c.assetId));
  const pins = everything ? extras.pins : extras.pins.filter((p) => assets.has(p.assetId));
  return `${JSON.stringify(toNotesFile(notes, checklist, pins, now), null, 2)}\n`;
}

export function download(kind: ExportKind, text: string, name = fileName(kind)): void {
  const url = URL.createObjectURL(new Blob([text], { type: TYPES[kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the object URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
