/**
 * The notes page's search: in memory, over an index prepared once per load (each note's text,
 * quote, asset name and symbol, and tags, NFKC-folded and lower-cased in one string), so a query
 * is a substring test per note, Chinese and English alike (no word splitting needed). Filters by
 * asset, tag and claim, and sorts by time or by the change since the note was saved.
 * `npm run bench` (bench/notes.ts) measures it on 5,000 notes.
 */
import type { ClaimId } from '../detect/types';
import type { NoteRow } from './schema';
import { assetNames, assetTitle, noteClaims, type PriceNow } from './view';

export const SORTS = ['newest', 'oldest', 'gain', 'loss'] as const;
export type SortKey = (typeof SORTS)[number];

export interface NotesQuery {
  text: string;
  /** An asset id, or '' for every asset. */
  asset: string;
  /** A tag (any case), or '' for every tag. */
  tag: string;
  claim: ClaimId | '';
  sort: SortKey;
}

export const EMPTY_QUERY: NotesQuery = { text: '', asset: '', tag: '', claim: '', sort: 'newest' };

export interface IndexedNote {
  note: NoteRow;
  /** Everything searched, folded (see `fold`), fields parted by a line break. */
  hay: string;
  tagKeys: string[];
  claims: ClaimId[];
  title: string;
}

/** Full-width letters as half-width (ＴＡＯ → tao), compatibility forms unified, lower case. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

function indexNote(note: NoteRow, price: PriceNow | undefined, noAsset: string): IndexedNote {
  const names = assetNames(note, price, noAsset);
  const fields = [
    note.text,
    note.capture?.quote ?? '',
    names.name,
    names.symbol ? `$${names.symbol}` : '',
    ...note.tags.map((t) => `#${t}`),
  ];
  return {
    note,
    hay: fold(fields.join('\n')),
    tagKeys: note.tags.map((t) => t.toLowerCase()),
    claims: noteClaims(note),
    title: assetTitle(names),
  };
}

export function buildIndex(
  notes: readonly NoteRow[],
  prices: ReadonlyMap<string, PriceNow>,
  noAsset: string,
): IndexedNote[] {
  return notes.map((n) => indexNote(n, prices.get(n.assetId), noAsset));
}

/**
 * The notes that match, in the order asked. Every word of the query must occur (in any field);
 * a leading '#' or '$' is part of the word, so "#gas" finds the tag and "$tao" the symbol.
 */
export function searchNotes(
  index: readonly IndexedNote[],
  query: NotesQuery,
  changeOf: (note: NoteRow) => number | null,
): IndexedNote[] {
  const terms = fold(query.text).split(/\s+/).filter(Boolean);
  const tag = query.tag.toLowerCase();
  const out: IndexedNote[] = [];
  for (const entry of index) {
    if (query.asset && entry.note.assetId !== query.asset) continue;
    if (tag && !entry.tagKeys.includes(tag)) continue;
    if (query.claim && !entry.claims.includes(query.claim)) continue;
    let all = true;
    for (const term of terms)
      if (!entry.hay.includes(term)) {
        all = false;
        break;
      }
    if (all) out.push(entry);
  }
  return sortNotes(out, query.sort, changeOf);
}

function sortNotes(
  list: IndexedNote[],
  sort: SortKey,
  changeOf: (note: NoteRow) => number | null,
): IndexedNote[] {
  const newest = (a: IndexedNote, b: IndexedNote) =>
    b.note.createdAt - a.note.createdAt || b.note.id - a.note.id;
  if (sort === 'newest') return list.sort(newest);
  if (sort === 'oldest') return list.sort((a, b) => -newest(a, b));
  // By change: notes without one (no price then or now) last, newest first among equals.
  const change = new Map(list.map((e) => [e, changeOf(e.note)]));
  const sign = sort === 'gain' ? -1 : 1;
  return list.sort((a, b) => {
    const x = change.get(a) ?? null;
    const y = change.get(b) ?? null;
    if (x === null || y === null) return x === y ? newest(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || newest(a, b);
  });
}

/** The assets, tags and claims the notes hold, for the filters (each with its count). */
export function facets(index: readonly IndexedNote[]): {
  assets: Array<{ id: string; title: string; count: number }>;
  tags: Array<{ tag: string; count: number }>;
  claims: Array<{ claim: ClaimId; count: number }>;
} {
  const assets = new Map<string, { id: string; title: string; count: number }>();
  const tags = new Map<string, { tag: string; count: number }>();
  const claims = new Map<ClaimId, number>();
  for (const e of index) {
    const a = assets.get(e.note.assetId) ?? { id: e.note.assetId, title: e.title, count: 0 };
    a.count++;
    assets.set(e.note.assetId, a);
    e.note.tags.forEach((t, i) => {
      const key = e.tagKeys[i] ?? t.toLowerCase();
      const entry = tags.get(key) ?? { tag: t, count: 0 };
      entry.count++;
      tags.set(key, entry);
    });
    for (const c of e.claims) claims.set(c, (claims.get(c) ?? 0) + 1);
  }
  const byName =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    assets: [...assets.values()].sort(byName((a) => a.title)),
    tags: [...tags.values()].sort(byName((t) => t.tag)),
    claims: [...claims].map(([claim, count]) => ({ claim, count })),
  };
}
