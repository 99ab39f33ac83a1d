/**
 * A note saved from the card or the popup keeps what stood at that moment, from IndexedDB: the
 * price shown, the asset's name and symbol (the notes page shows a name, never an id), the post's
 * claims with the verdicts the data gave them, and the token's checklist. The verdicts and the
 * checklist are worked out here, by the modules the card and the popup read, not taken from the
 * sender.
 */
import { reasonText } from '@/components/reason';
import type { NoteClaim } from '@/utils/db/records';
import { t } from '@/utils/i18n';
import type { BackgroundReply, BackgroundRequest } from '@/utils/messages';
import { isWebUrl, NOTE_LIMITS } from '@/utils/notes/schema';
import { checklistSnapshot, claimVerdictsFor } from './checklist';
import { currentRegistry, database } from './runtime';

type Request = BackgroundRequest<'tickerlens:save-note'>;

/**
 * The most notes saving adds to (imports are the user's own files and are not refused). Far more
 * than a reader saves by hand; it bounds what a page's script could add through the card: a note
 * saved from a page holds at most a 4,000-character quote and a 2,000-character URL.
 */
export const MAX_NOTES = 20_000;

/**
 * A page's URL as a note keeps it: whole when it fits NOTE_LIMITS.url, else without its fragment,
 * then without its query, then cut (a URL is never a reason to lose the note).
 */
export function noteUrl(raw: string): string {
  if (!isWebUrl(raw)) return '';
  const max = NOTE_LIMITS.url;
  if (raw.length <= max) return raw;
  const u = new URL(raw);
  u.hash = '';
  if (u.href.length <= max) return u.href;
  u.search = '';
  return u.href.slice(0, max);
}

/** The post's claims as judged now, against the asset noted (no asset: nothing to judge against). */
async function judged(note: Omit<Request, 'text' | 'tags'>): Promise<NoteClaim[]> {
  const claims = note.claims?.length ? note.claims : note.claim ? [{ claim: note.claim }] : [];
  if (!claims.length) return [];
  if (!note.asset) return claims.map((c) => ({ ...c, verdict: 'unknown' as const }));
  const { verdicts } = await claimVerdictsFor({ items: claims.map((c) => ({ ...c, asset: note.asset })) });
  return verdicts.map((v) => ({
    claim: v.claim,
    ...(v.value === undefined ? {} : { value: v.value }),
    verdict: v.verdict,
    reason: reasonText(v.reason),
  }));
}

/**
 * `fromPage`: sent by one of the extension's own pages (the popup). The card (a content script)
 * sends the words and tags the reader typed in its note field (only trusted input events reach that
 * field's state, card-note.tsx), held to the card's shorter cap.
 */
export async function saveNote(
  request: Request,
  fromPage: boolean,
): Promise<BackgroundReply<'tickerlens:save-note'>> {
  const { text, tags, ...note } = request;
  const db = database();
  if ((await db.countNotes()) >= MAX_NOTES) throw new Error(t('noteLimitReached', String(MAX_NOTES)));
  const [quote, reg, claims, checklist] = await Promise.all([
    note.asset ? db.getQuote(note.asset) : undefined,
    currentRegistry(),
    judged(note),
    note.asset.startsWith('cg:')
      ? checklistSnapshot(note.asset, [
          ...new Set((note.claims ?? []).map((c) => c.claim).concat(note.claim ?? [])),
        ])
      : undefined,
  ]);
  const known = note.asset ? reg.asset(note.asset) : undefined;
  const price = quote?.price;
  const name = known?.name ?? quote?.name;
  const symbol = known?.symbol ?? quote?.symbol;
  const id = await db.addNote(
    note.asset,
    (fromPage ? text : text?.slice(0, NOTE_LIMITS.cardText)) ?? '',
    Date.now(),
    {
      quote: note.quote,
      // Only a web page is kept as the note's link (the notes page and the exports link to it).
      url: noteUrl(note.url),
      detected: note.detected,
      ...(note.claim ? { claim: note.claim } : {}),
      priceUsd: price?.usd ?? null,
      // The price's own time at its source (CoinGecko's last update), not when we fetched it.
      ...(price ? { priceSource: price.source, priceAt: price.asOf ?? price.fetchedAt } : {}),
      ...(claims.length ? { claims } : {}),
      ...(checklist ? { checklist } : {}),
    },
    {
      ...(name ? { assetName: name } : {}),
      ...(symbol ? { assetSymbol: symbol } : {}),
      ...(tags?.length ? { tags } : {}),
    },
  );
  return { id, priceUsd: price?.usd ?? null };
}
