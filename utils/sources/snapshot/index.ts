/**
 * The bundled, dated snapshot of quotes: what the card shows on first run or offline, before any
 * source has answered. Every figure from it is labelled `source: 'snapshot'` with its date, and is
 * replaced by live data as soon as a source answers. Built by `build.ts` from recorded real answers.
 */
import { z } from 'zod';
import type { QuoteRecord } from '../../db/records';
import bundled from './quotes.json';

const num = z.number().nullable();

export const snapshotQuoteSchema = z.object({
  assetId: z.string(),
  symbol: z.string(),
  name: z.string(),
  priceUsd: z.number(),
  change24hPct: num,
  marketCapUsd: num,
  circulatingSupply: num,
  totalSupply: num,
  maxSupply: num,
  rank: num,
  /** ISO time of the price at the source. */
  asOf: z.string(),
});
export type SnapshotQuote = z.infer<typeof snapshotQuoteSchema>;

export const snapshotSchema = z.object({
  /** Date of the oldest quote in the file (YYYY-MM-DD): the label the card shows. */
  asOf: z.string(),
  source: z.string(),
  quotes: z.array(snapshotQuoteSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** The bundled snapshot, checked like any other input. */
export function bundledSnapshot(): Snapshot {
  return snapshotSchema.parse(bundled);
}

export function snapshotRecords(snapshot: Snapshot): QuoteRecord[] {
  return snapshot.quotes.map((q) => {
    const fetchedAt = Date.parse(q.asOf);
    const prov = { source: 'snapshot' as const, fetchedAt };
    return {
      assetId: q.assetId,
      symbol: q.symbol,
      name: q.name,
      price: { ...prov, usd: q.priceUsd, change24hPct: q.change24hPct, change7dPct: null, asOf: fetchedAt },
      market: {
        ...prov,
        marketCapUsd: q.marketCapUsd,
        fdvUsd: null,
        volume24hUsd: null,
        circulatingSupply: q.circulatingSupply,
        totalSupply: q.totalSupply,
        maxSupply: q.maxSupply,
        rank: q.rank,
      },
      fetchedAt,
    };
  });
}
