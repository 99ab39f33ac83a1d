/**
 * Builds `quotes.json`, the bundled snapshot, from recorded real answers in the shared fixtures:
 * CoinGecko `/coins/markets` (the 2025-02-09 top-250 file, the recorded GetMarkets answer and the
 * pycgapi mock; the newest row per coin wins) and Yahoo v8 chart answers for stocks (hand-edited
 * `*.fake.json` files and non-equity instruments are left out).
 *
 *   npx tsx utils/sources/snapshot/build.ts && npx biome format --write utils/sources/snapshot/quotes.json
 *
 * (Biome formats every JSON file of the repository; formatting right after the build keeps
 * `biome check` clean. Formatted, the file is about 90 KB.)
 * Reads `TICKERLENS_FIXTURES` or `../shared/fixtures` beside the checkout.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { pythonLiteral, recordedJson } from '../../../scripts/lib/fixture-formats';
import { marketRowSchema, parseMarkets } from '../coingecko';
import { chartSchema, parseChart } from '../stocks';
import { type Snapshot, type SnapshotQuote, snapshotSchema } from './index';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = process.env.TICKERLENS_FIXTURES ?? resolve(ROOT, '../shared/fixtures');
const OUT = resolve(import.meta.dirname, 'quotes.json');
const MAX_COINS = 250;

/** Six significant digits: the card never shows more, and the file stays small. */
const sig = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toPrecision(6));
const whole = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n);

function fixture(...parts: string[]): string {
  const p = join(FIXTURES, ...parts);
  if (!existsSync(p)) throw new Error(`fixture missing: ${p}`);
  return p;
}

function coinQuotes(): SnapshotQuote[] {
  const inputs: Array<{ name: string; rows: unknown }> = [
    {
      name: 'coins_markets_usd_2025-02-09_top250.json',
      rows: JSON.parse(readFileSync(fixture('coingecko/coins_markets_usd_2025-02-09_top250.json'), 'utf8')),
    },
    { name: 'recorded/GetMarkets.txt', rows: recordedJson(fixture('coingecko/recorded/GetMarkets.txt')) },
    {
      name: 'pycgapi/coins_markets_mock.py',
      rows: pythonLiteral(fixture('coingecko/pycgapi/coins_markets_mock.py')),
    },
  ];
  const best = new Map<string, SnapshotQuote>();
  for (const input of inputs) {
    const { rows, rejected } = parseMarkets(z.array(z.unknown()).parse(input.rows));
    if (rejected.length) console.warn(`${input.name}: ${rejected.length} rows skipped`);
    for (const r of rows) {
      if (r.current_price === null || !r.last_updated) continue;
      const q: SnapshotQuote = {
        assetId: `cg:${r.id}`,
        symbol: r.symbol.toUpperCase(),
        name: r.name,
        priceUsd: sig(r.current_price) ?? 0,
        change24hPct: sig(r.price_change_percentage_24h_in_currency ?? r.price_change_percentage_24h),
        marketCapUsd: whole(r.market_cap),
        circulatingSupply: whole(r.circulating_supply),
        totalSupply: whole(r.total_supply),
        maxSupply: whole(r.max_supply),
        rank: r.market_cap_rank ?? null,
        asOf: new Date(r.last_updated).toISOString(),
      };
      const old = best.get(q.assetId);
      if (!old || Date.parse(old.asOf) < Date.parse(q.asOf)) best.set(q.assetId, q);
    }
  }
  return [...best.values()]
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER))
    .slice(0, MAX_COINS);
}

function stockQuotes(): SnapshotQuote[] {
  const dir = fixture('stocks/yahoo');
  const best = new Map<string, SnapshotQuote>();
  for (const f of readdirSync(dir)) {
    if (!f.startsWith('chart-') || f.endsWith('.fake.json')) continue;
    const wrapped = z
      .object({ response: z.object({ bodyJson: z.unknown() }) })
      .parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    const answer = chartSchema.safeParse(wrapped.response.bodyJson);
    if (!answer.success) continue;
    const type = answer.data.chart.result?.[0]?.meta.instrumentType;
    if (type && type !== 'EQUITY' && type !== 'ETF') continue;
    const parsed = parseChart(answer.data);
    if (!parsed.ok || parsed.quote.currency !== 'USD') continue;
    const q = parsed.quote;
    if (q.asOf === null) continue;
    const sq: SnapshotQuote = {
      assetId: `stock:${q.symbol}`,
      symbol: q.symbol,
      name: q.name,
      priceUsd: sig(q.price) ?? 0,
      change24hPct: sig(q.change24hPct),
      marketCapUsd: null,
      circulatingSupply: null,
      totalSupply: null,
      maxSupply: null,
      rank: null,
      asOf: new Date(q.asOf).toISOString(),
    };
    const old = best.get(sq.assetId);
    if (!old || Date.parse(old.asOf) < Date.parse(sq.asOf)) best.set(sq.assetId, sq);
  }
  return [...best.values()];
}

function main(): void {
  // Checked against the row schema once more: a fixture that changed shape fails the build loudly.
  marketRowSchema.parse(
    JSON.parse(readFileSync(fixture('coingecko/coins_markets_usd_2025-02-09_top250.json'), 'utf8'))[0],
  );
  const quotes = [...coinQuotes(), ...stockQuotes()];
  const oldest = quotes.reduce((min, q) => Math.min(min, Date.parse(q.asOf)), Number.POSITIVE_INFINITY);
  const snapshot: Snapshot = snapshotSchema.parse({
    asOf: new Date(oldest).toISOString().slice(0, 10),
    source:
      'Recorded real answers: CoinGecko /coins/markets (top 250, 2025-02-09; JKorf/CoinGecko.Net; pycgapi) and Yahoo v8 chart (gadicc/node-yahoo-finance2)',
    quotes,
  });
  writeFileSync(OUT, `${JSON.stringify(snapshot)}\n`);
  console.log(
    `${quotes.length} quotes (${quotes.filter((q) => q.assetId.startsWith('stock:')).length} stocks), as of ${snapshot.asOf} → ${OUT}`,
  );
}

main();
