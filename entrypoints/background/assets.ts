/**
 * The popup's rows: each asset's name, symbol, where it trades and its cached price, from the
 * registry and IndexedDB in one read. Without `wait` it answers from the cache at once (the popup
 * must show something within 100 ms); with `wait`, after refreshing what is missing or old
 * (bounded by the sources' timeouts).
 */
import type { QuoteRecord } from '@/utils/db/records';
import type { BackgroundReply, BackgroundRequest } from '@/utils/messages';
import { candidateInfo } from '@/utils/registry/candidate-info';
import { buildCard } from '@/utils/sources/card';
import { bundledPrices, currentRegistry, database, dataService } from './runtime';

type Row = BackgroundReply<'tickerlens:assets'>['assets'][number];

export async function assetRows(
  req: BackgroundRequest<'tickerlens:assets'>,
): Promise<BackgroundReply<'tickerlens:assets'>> {
  const ids = [...new Set(req.assets)];
  const [reg, service] = await Promise.all([currentRegistry(), dataService()]);
  const now = Date.now();
  // A price from the bundled snapshot is labelled with its date, as on the card.
  const dated = bundledPrices().asOf;
  const priced = (quotes: Map<string, QuoteRecord>) =>
    ids.map((id) =>
      quotes.get(id) ? buildCard(now, { assetId: id, quote: quotes.get(id), snapshotDate: dated }) : null,
    );
  let quotes = await database().getQuotes(ids);
  let cards = priced(quotes);
  const due = ids.filter(
    (id, i) =>
      (id.startsWith('cg:') || id.startsWith('stock:')) && (!cards[i]?.price || cards[i]?.price?.stale),
  );
  // The first answer comes from the cache and starts nothing (the popup asks again, waiting, for
  // what is missing): a refresh started then would compete with the answer for the worker.
  if (due.length && req.wait) {
    await service.refreshQuotes(due).catch(() => undefined);
    quotes = await database().getQuotes(ids);
    cards = priced(quotes);
  }
  return {
    assets: ids.map((asset, i): Row => {
      const info = candidateInfo(reg, asset);
      const q = quotes.get(asset);
      const price = cards[i]?.price;
      const kind = asset.startsWith('stock:') ? 'stock' : asset.startsWith('cg:') ? 'coin' : 'contract';
      return {
        asset,
        // A name, never an id: the registry's, else the price source's, else the symbol.
        name: (info.name !== asset ? info.name : '') || q?.name || info.symbol || q?.symbol || '',
        symbol: info.symbol || q?.symbol || '',
        kind,
        ...(info.venue ? { venue: info.venue } : {}),
        ...(info.rank ? { rank: info.rank } : {}),
        ...(price
          ? {
              price: {
                usd: price.value.usd,
                change24hPct: price.value.change24hPct,
                source: price.source,
                fetchedAt: price.fetchedAt,
                asOf: price.value.asOf,
                stale: price.stale,
                ...(price.snapshotDate ? { snapshotDate: price.snapshotDate } : {}),
              },
            }
          : {}),
      };
    }),
  };
}
