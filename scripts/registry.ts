/**
 * `npm run registry`: builds the data bundled with the extension from the real lists in
 * `../shared/fixtures`, recording its date and sources.
 *
 * Today it writes the detection symbol set the content script carries
 * (`utils/registry/data/detect-symbols.json`):
 * - every CoinGecko symbol that the 2012 cashtag rule (1–6 letters) would not accept on its own:
 *   longer symbols and symbols with digits ($BITCOIN, $FARTCOIN, $1INCH), all-digit ones excluded
 *   (a "$2026" is a price);
 * - the symbols of the top 250 coins by market cap (for "3.125 BTC"-style amounts);
 * - the 1,500 largest US-listed tickers by market value (SEC list order).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
const fixtures = resolve(root, '../shared/fixtures');

const coinsList = z
  .array(z.object({ id: z.string(), symbol: z.string(), name: z.string() }))
  .parse(JSON.parse(readFileSync(resolve(fixtures, 'coingecko/coins_list_2026.json'), 'utf8')));
const markets = z
  .array(z.object({ id: z.string(), symbol: z.string(), market_cap_rank: z.number().nullable() }))
  .parse(
    JSON.parse(readFileSync(resolve(fixtures, 'coingecko/coins_markets_usd_2025-02-09_top250.json'), 'utf8')),
  );
const sec = z
  .record(z.string(), z.object({ ticker: z.string(), title: z.string() }))
  .parse(JSON.parse(readFileSync(resolve(fixtures, 'stocks/sec_company_tickers.json'), 'utf8')));

const symbols = new Set<string>();
for (const c of coinsList) {
  const s = c.symbol.toUpperCase();
  if (/^[A-Z0-9]{1,15}$/.test(s) && !/^[A-Z]{1,6}$/.test(s) && !/^[0-9]+$/.test(s)) symbols.add(s);
}
for (const m of markets) symbols.add(m.symbol.toUpperCase());
for (const row of Object.values(sec).slice(0, 1500)) symbols.add(row.ticker.toUpperCase());

const out = {
  generated: new Date().toISOString().slice(0, 10),
  sources: [
    'CoinGecko /coins/list (shared/fixtures/coingecko/coins_list_2026.json)',
    'CoinGecko /coins/markets top 250, 2025-02-09 (shared/fixtures/coingecko/coins_markets_usd_2025-02-09_top250.json)',
    'SEC company tickers, by market value (shared/fixtures/stocks/sec_company_tickers.json)',
  ],
  symbols: [...symbols].sort(),
};
writeFileSync(resolve(root, 'utils/registry/data/detect-symbols.json'), `${JSON.stringify(out)}\n`);
console.log(`detect-symbols.json: ${out.symbols.length} symbols`);
