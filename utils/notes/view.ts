/**
 * What the notes page, its search and its exports say of a note beyond what is stored: the price
 * now (from the cache), the change since the note was saved, the asset's name, the claims it
 * names. Pure, with the words passed in (`NoteWords`), so the exports are tested without a browser.
 */
import type { BoxId, BoxVerdict } from '../checklist/types';
import type { NoteClaim, NoteRecord } from '../db/records';
import type { ClaimId } from '../detect/types';

/** The cached price of an asset (`tickerlens:notes-prices`). */
export interface PriceNow {
  usd: number;
  source: string;
  fetchedAt: number;
  /** The source's own time of the price (CoinGecko's `last_updated`), when it gives one. */
  asOf: number | null;
  /** As the card says it: old at the source, a failed refresh, the dated snapshot, or not fetched lately. */
  stale: boolean;
  name?: string;
  symbol?: string;
}

/** The words the exports use, in the UI language (the page passes `t()`'s). */
export interface NoteWords {
  noAsset: string;
  /** Said of a cached price that is out of date. */
  stale: string;
  claim(id: ClaimId): string;
  verdict(v: NoteClaim['verdict']): string;
  box(b: BoxId): string;
  boxVerdict(v: BoxVerdict): string;
}

/** Percent change from the price when the note was saved to the cached price now; null without both. */
export function changeSinceSaved(note: NoteRecord, now: PriceNow | undefined): number | null {
  const then = note.capture?.priceUsd;
  if (!now || then === null || then === undefined || !(then > 0)) return null;
  return ((now.usd - then) / then) * 100;
}

/** The asset's name and symbol as saved, else as the cache knows them; never its id. */
export function assetNames(
  note: NoteRecord,
  now: PriceNow | undefined,
  noAsset: string,
): { name: string; symbol: string } {
  if (!note.assetId) return { name: noAsset, symbol: '' };
  const symbol = note.assetSymbol ?? now?.symbol ?? '';
  const name =
    note.assetName ?? now?.name ?? (symbol || note.assetId.replace(/^(cg|stock):/, '').replace(/-/g, ' '));
  return { name, symbol };
}

/** "Bittensor (TAO)", or the name alone. */
export function assetTitle(names: { name: string; symbol: string }): string {
  return names.symbol && names.symbol.toLowerCase() !== names.name.toLowerCase()
    ? `${names.name} (${names.symbol})`
    : names.name;
}

/** The claims a note names: the one it was saved on and those of the post, each once. */
export function noteClaims(note: NoteRecord): ClaimId[] {
  const out = new Set<ClaimId>();
  if (note.capture?.claim) out.add(note.capture.claim);
  for (const c of note.capture?.claims ?? []) out.add(c.claim);
  return [...out];
}

/** "No VC: the data contradicts it; Airdrop (28%): the data agrees". */
export function claimsLine(note: NoteRecord, words: NoteWords): string {
  return (note.capture?.claims ?? [])
    .map(
      (c) =>
        `${words.claim(c.claim)}${c.value !== undefined ? ` (${c.value}%)` : ''}: ${words.verdict(c.verdict)}`,
    )
    .join('; ');
}

/** "3/5 · Revenue: pass · Token sink: fail · …" for the checklist as it stood when saved. */
export function checklistLine(note: NoteRecord, words: NoteWords): string {
  const list = note.capture?.checklist;
  if (!list) return '';
  return [
    `${list.score}/5`,
    ...list.boxes.map((b) => `${words.box(b.box)}: ${words.boxVerdict(b.verdict)}`),
  ].join(' · ');
}

/** When a price was true: the source's own time, else when it was fetched. */
export const priceTime = (p: PriceNow): number => p.asOf ?? p.fetchedAt;
