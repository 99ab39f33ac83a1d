/**
 * The card data as it crosses from the background to the content script, checked with zod where
 * it is received. zod/mini keeps the content script small. The compile-time checks at the bottom
 * keep this schema and the service's `Card` type (utils/sources/card.ts) the same shape.
 */
import { z } from 'zod/mini';
import { SOURCE_IDS } from './source-ids';
import type { Card } from './sources/card';

/**
 * Built on first use: the content script carries this schema but needs it only once a card opens,
 * and building zod schemas is most of the cost of evaluating its bundle on every page load.
 */
function buildCardSchema() {
  const num = z.number();
  const numOrNull = z.nullable(z.number());

  const origin = z.enum([...SOURCE_IDS, 'snapshot']);
  const coin = z.enum(['bitcoin', 'ethereum']);

  const figure = <T extends z.core.SomeType>(value: T) =>
    z.object({
      value,
      source: origin,
      fetchedAt: num,
      ageMs: num,
      asOf: numOrNull,
      sourceOld: z.boolean(),
      stale: z.boolean(),
      staleReason: z.optional(z.string()),
      snapshotDate: z.optional(z.string()),
    });

  const series = z.nullable(
    z.object({
      total24h: numOrNull,
      total7d: numOrNull,
      total30d: numOrNull,
      totalAllTime: numOrNull,
      covered: z.nullable(z.object({ days: num, sum: num, from: num, to: num })),
    }),
  );

  const unlockView = z.object({
    kind: z.enum(['cliff', 'stream']),
    date: num,
    end: numOrNull,
    amount: num,
    ratePerDay: numOrNull,
    shareOfCirculatingPct: numOrNull,
    category: z.string(),
    label: z.string(),
    insider: z.boolean(),
  });

  const unlockWindow = z.object({
    amount: num,
    sharePct: numOrNull,
    insiderAmount: num,
    insiderSharePct: numOrNull,
  });

  return z.object({
    assetId: z.string(),
    symbol: z.string(),
    name: z.string(),
    price: z.optional(
      figure(
        z.object({
          usd: num,
          change24hPct: numOrNull,
          change7dPct: numOrNull,
          previousClose: numOrNull,
          asOf: numOrNull,
          high24h: numOrNull,
          low24h: numOrNull,
          peak: z.nullable(
            z.object({ usd: num, changePct: num, date: numOrNull, basis: z.enum(['ath', '52w']) }),
          ),
        }),
      ),
    ),
    supply: z.optional(
      figure(
        z.object({
          circulating: numOrNull,
          total: numOrNull,
          max: numOrNull,
          marketCapUsd: numOrNull,
          fdvUsd: numOrNull,
          fdvMaxUsd: numOrNull,
          volume24hUsd: numOrNull,
          rank: numOrNull,
        }),
      ),
    ),
    sparkline: z.optional(figure(z.object({ points: z.array(num), spanDays: num }))),
    unlocks: z.optional(
      figure(
        z.object({
          next: z.array(unlockView),
          recent: z.array(unlockView),
          next30d: unlockWindow,
          next90d: unlockWindow,
          allocation: z.nullable(
            z.object({ current: z.record(z.string(), num), final: z.record(z.string(), num) }),
          ),
          sections: z.array(
            z.object({ label: z.string(), category: z.string(), amount: numOrNull, sharePct: numOrNull }),
          ),
          totalSupply: numOrNull,
          listed: z.boolean(),
          sources: z.array(z.string()),
        }),
      ),
    ),
    treasury: z.optional(
      figure(
        z.object({
          company: z.string(),
          holdings: z.array(
            z.object({
              coin,
              holdings: num,
              valueUsd: numOrNull,
              valueBasis: z.enum(['live price', 'source valuation', 'unknown']),
              entryValueUsd: numOrNull,
              pctOfSupply: numOrNull,
            }),
          ),
          refused: z.array(z.object({ coin: coin, holdings: num, impliedUnitUsd: num, coinUsd: num })),
          totalValueUsd: numOrNull,
          mNav: numOrNull,
          mNavNote: z.optional(z.enum(['noMarketCap', 'noHoldingsValue'])),
        }),
      ),
    ),
    revenue: z.optional(
      figure(
        z.object({
          name: z.string(),
          revenue: series,
          holdersRevenue: series,
          governance: z.optional(z.array(z.string())),
        }),
      ),
    ),
    profile: z.optional(figure(z.object({ handles: z.array(z.string()), categories: z.array(z.string()) }))),
  });
}

export const cardSchema = /* @__PURE__ */ z.lazy(buildCardSchema);

export type CardData = z.infer<typeof cardSchema>;

// Both directions must hold: a field added to one side and not the other fails the typecheck.
type Assert<T extends true> = T;
export type CardSchemaMatchesService = Assert<Card extends CardData ? true : false>;
export type ServiceMatchesCardSchema = Assert<CardData extends Card ? true : false>;
