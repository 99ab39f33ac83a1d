/**
 * The card of an asset, read from IndexedDB (never the network on this path), with a refresh
 * started behind it when its figures are missing or old: stale-while-revalidate.
 */

import { t } from '@/utils/i18n';
import type { BackgroundReply } from '@/utils/messages';
import { candidateInfo } from '@/utils/registry/candidate-info';
import { type Card, FRESH_FOR_MS } from '@/utils/sources/card';
import { nextTryTime, readableReason } from '@/utils/sources/reasons';
import { onwardFor } from './card-onward';
import { currentRegistry, dataService } from './runtime';

/**
 * Coins whose details were asked for in this worker's life (the plan keeps them fresh), with that
 * ask while it is going: a card asked for again meanwhile waits for it. The profile is asked once;
 * an unlock schedule or revenue still missing is asked again.
 */
const detailsAsked = new Map<string, { going: Promise<unknown> | undefined }>();

/**
 * A price is asked for again when missing, from the snapshot, not fetched lately or after a failed
 * refresh; not merely because the source itself has not updated it (asking again soon would not help).
 */
function needsQuote(card: Card | null): boolean {
  const p = card?.price;
  return !p || p.source === 'snapshot' || p.ageMs > FRESH_FOR_MS.price || (p.stale && !p.sourceOld);
}

export async function cardFor(asset: string, wait: boolean): Promise<BackgroundReply<'tickerlens:card'>> {
  const service = await dataService();
  let card = await service.getCard(asset);
  const refreshes: Array<Promise<unknown>> = [];
  // A refresh already going (the page's prefetch) counts: the card waits for it, not without it.
  const going = service.quoteRefreshOf(asset);
  const quote = going ?? (needsQuote(card) ? service.refreshQuotes([asset]) : undefined);
  if (quote) refreshes.push(quote);
  const asked = detailsAsked.get(asset);
  if (asked?.going) refreshes.push(asked.going);
  else if (asset.startsWith('cg:')) {
    const cgId = asset.slice(3);
    const details: Array<Promise<unknown>> = [];
    // Missing means never stored or the last ask failed (a schedule or protocol DefiLlama does not
    // list is stored as such): asked again, and the sources' backoff and breakers pace a failing one.
    if (!card?.unlocks) details.push(service.refreshUnlocks(cgId));
    if (!card?.revenue) details.push(service.refreshRevenue(cgId));
    // The coin's profile (X handle, categories): asked once, so its @handle resolves from now on.
    // It shares CoinGecko's budget with the price, so it waits until the price has been asked.
    if (!card?.profile && !asked)
      details.push((quote ?? Promise.resolve()).then(() => service.refreshAssetDetails(cgId)));
    const entry: { going: Promise<unknown> | undefined } = { going: undefined };
    if (details.length) {
      const going = Promise.allSettled(details).then(() => {
        entry.going = undefined;
      });
      entry.going = going;
      refreshes.push(going);
    }
    detailsAsked.set(asset, entry);
  }
  // A stock's share count (its market cap) once it is priced, the first time a card shows it.
  if (asset.startsWith('stock:') && card?.supply?.source !== 'stocks')
    refreshes.push((quote ?? Promise.resolve()).then(() => service.refreshStockMarkets([asset])));
  // Treasuries only for the companies known to hold BTC or ETH (MSTR and its kin).
  if (
    !card?.treasury &&
    asset.startsWith('stock:') &&
    (await currentRegistry()).treasuries.has(asset.slice(6))
  )
    refreshes.push(service.refreshTreasuries());
  // GoPlus's warnings about the token's contract, asked once in a worker's life (then cached 6 h).
  const reg = await currentRegistry();
  let { onward, askSecurity } = await onwardFor(asset, reg);
  if (askSecurity && !securityAsked.has(asset)) {
    securityAsked.add(asset);
    refreshes.push(askSecurity());
  }
  // Settled here whether waited for or not: a refresh that fails is no unhandled rejection.
  const all = Promise.allSettled(refreshes);
  const venue = candidateInfo(reg, asset).venue;
  const where = venue ? { venue } : {};
  if (wait && refreshes.length) {
    await all;
    [card, { onward }] = await Promise.all([service.getCard(asset), onwardFor(asset, reg)]);
    return { card: forReaders(card), refreshing: false, ...where, onward };
  }
  return { card: forReaders(card), refreshing: refreshes.length > 0, ...where, onward };
}

/** Assets whose token contract GoPlus was asked about in this worker's life. */
const securityAsked = new Set<string>();

/**
 * The card from IndexedDB as it is, starting nothing: the popup's first answers (it asks again,
 * waiting, when `missing` says figures are still to come). A refresh started here would compete
 * with those answers for the worker and the database.
 */
export async function cachedCard(asset: string): Promise<{ card: Card | null; missing: boolean }> {
  const service = await dataService();
  const card = await service.getCard(asset);
  const details = asset.startsWith('cg:') && (!card?.unlocks || !card.revenue);
  return { card: forReaders(card), missing: needsQuote(card) || details || !!service.quoteRefreshOf(asset) };
}

/** The card as stored, with where the asset trades, starting nothing (the welcome page's example). */
export async function storedCard(asset: string): Promise<BackgroundReply<'tickerlens:card'>> {
  const [{ card }, reg] = await Promise.all([cachedCard(asset), currentRegistry()]);
  const venue = candidateInfo(reg, asset).venue;
  return { card, refreshing: false, ...(venue ? { venue } : {}) };
}

/** The card with its stale reasons said for a reader (utils/sources/reasons.ts). */
function forReaders(card: Card | null): Card | null {
  if (!card) return card;
  const out: Record<string, unknown> = { ...card };
  for (const [key, part] of Object.entries(card)) {
    const reason = (part as { staleReason?: unknown } | null)?.staleReason;
    if (typeof reason === 'string')
      out[key] = { ...part, staleReason: readableReason(reason, t, nextTryTime) };
  }
  return out as unknown as Card;
}
