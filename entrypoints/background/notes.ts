/**
 * The notes page's requests (utils/messages.ts, "The notes page"): stored notes in chunks, edits,
 * delete and its undo, the cached price of each noted asset, and the export's and import's parts.
 * IndexedDB only: nothing here reaches the network.
 */

import type { NoteRecord } from '@/utils/db';
import type { BackgroundReply, BackgroundRequest } from '@/utils/messages';
import { fromNotesFile } from '@/utils/notes/file';
import { type NoteRow, noteRowSchema } from '@/utils/notes/schema';
import { buildCard } from '@/utils/sources/card';
import { announcePins, database, forgetPins } from './runtime';

const rows = (notes: readonly NoteRecord[]): NoteRow[] =>
  notes.flatMap((n) => (n.id === undefined ? [] : [{ ...n, id: n.id }]));

export function notesHandlers() {
  return {
    'tickerlens:notes-list': async ({ after, limit }: BackgroundRequest<'tickerlens:notes-list'>) => {
      const db = database();
      const [notes, total] = await Promise.all([db.notesAfter(after, limit), db.countNotes()]);
      // A row that does not read as a note (damaged, or written by an older build) is left out and
      // counted, so one bad row never keeps the page from the others.
      const good = rows(notes).filter((n) => noteRowSchema().safeParse(n).success);
      const last = notes.at(-1)?.id;
      return {
        notes: good,
        total,
        next: notes.length === limit && last !== undefined ? last : null,
        skipped: notes.length - good.length,
      };
    },
    'tickerlens:notes-update': async ({ id, text, tags }: BackgroundRequest<'tickerlens:notes-update'>) => {
      const note = await database().updateNote(id, { text, tags }, Date.now());
      return { note: note?.id === undefined ? null : { ...note, id: note.id } };
    },
    'tickerlens:notes-delete': async ({ ids }: BackgroundRequest<'tickerlens:notes-delete'>) => ({
      deleted: rows(await database().deleteNotes(ids)),
    }),
    'tickerlens:notes-restore': async ({ notes }: BackgroundRequest<'tickerlens:notes-restore'>) => ({
      restored: await database().restoreNotes(notes),
    }),
    'tickerlens:notes-prices': async ({
      assets,
    }: BackgroundRequest<'tickerlens:notes-prices'>): Promise<BackgroundReply<'tickerlens:notes-prices'>> => {
      const now = Date.now();
      const quotes = await database().getQuotes(assets.filter(Boolean));
      return {
        prices: [...quotes.values()].flatMap((q) => {
          // As the card says it: old at the source, a failed refresh, the snapshot, not fetched lately.
          const price = buildCard(now, { assetId: q.assetId, quote: q })?.price;
          if (!price) return [];
          return [
            {
              asset: q.assetId,
              name: q.name,
              symbol: q.symbol,
              usd: price.value.usd,
              source: price.source,
              fetchedAt: price.fetchedAt,
              asOf: price.asOf,
              stale: price.stale,
            },
          ];
        }),
      };
    },
    'tickerlens:notes-extras': async () => {
      const db = database();
      const [checklist, pins] = await Promise.all([db.checklists(), db.pins()]);
      return { checklist, pins };
    },
    'tickerlens:notes-import': async ({ file, apply }: BackgroundRequest<'tickerlens:notes-import'>) => {
      const counts = await database().importNotes(fromNotesFile(file), apply);
      if (apply && counts.pins > 0) {
        // Imported pins change how symbols read: resolution and every open page read them anew.
        forgetPins();
        await announcePins();
      }
      return counts;
    },
  } as const;
}
