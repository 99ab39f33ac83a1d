/**
 * Build-time readers of the real lists in `../shared/fixtures` (see its README.md for where each file
 * comes from). Every file is parsed with zod: a changed upstream format fails the build loudly instead
 * of shipping a half-empty registry. Node only: used by `npm run registry`, never bundled.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Source<T> {
  /** Human-readable provenance recorded in the built data. */
  label: string;
  rows: T;
}

const read = (fixtures: string, path: string): string => readFileSync(resolve(fixtures, path), 'utf8');

const coin = z.object({ id: z.string().min(1), symbol: z.string(), name: z.string() });
export type CoinRow = z.infer<typeof coin>;

export function coinsList(fixtures: string): Source<CoinRow[]> {
  const path = 'coingecko/coins_list_2026.json';
  return {
    label: `CoinGecko /coins/list, 2026 (${path})`,
    rows: z.array(coin).parse(JSON.parse(read(fixtures, path))),
  };
}

const market = z.object({
  id: z.string(),
  symbol: z.string(),
  market_cap_rank: z.number().int().positive().nullable(),
  market_cap: z.number().nonnegative().nullable().optional(),
});

const MARKETS_TOP250 = 'coingecko/coins_markets_usd_2025-02-09_top250.json';

export function marketRanks(fixtures: string): Source<Map<string, number>> {
  const rows = z.array(market).parse(JSON.parse(read(fixtures, MARKETS_TOP250)));
  const ranks = new Map<string, number>();
  for (const r of rows) if (r.market_cap_rank !== null) ranks.set(r.id, r.market_cap_rank);
  return {
    label: `CoinGecko /coins/markets usd top 250, 2025-02-09: market-cap ranks (${MARKETS_TOP250})`,
    rows: ranks,
  };
}

/** Market caps in US dollars of the same snapshot (the ≥10× leader rule of resolve.ts reads them). */
export function marketCaps(fixtures: string): Source<Map<string, number>> {
  const rows = z.array(market).parse(JSON.parse(read(fixtures, MARKETS_TOP250)));
  const caps = new Map<string, number>();
  for (const r of rows)
    if (typeof r.market_cap === 'number' && r.market_cap > 0) caps.set(r.id, r.market_cap);
  return {
    label: `CoinGecko /coins/markets usd top 250, 2025-02-09: market caps (${MARKETS_TOP250})`,
    rows: caps,
  };
}

/** A recorded CoinGecko response: line 1 method, line 2 path, line 3 auth flag, then the raw JSON. */
function recorded(fixtures: string, name: string): { path: string; json: unknown } {
  const lines = read(fixtures, `coingecko/recorded/${name}`).split('\n');
  const [method, path, auth] = lines;
  z.literal('GET').parse(method?.trim());
  z.enum(['true', 'false']).parse(auth?.trim());
  return {
    path: z.string().startsWith('/api/v3/').parse(path?.trim()),
    json: JSON.parse(lines.slice(3).join('\n')),
  };
}

const platformMap = z.record(z.string(), z.string().nullable());
const cleanPlatforms = (p: Record<string, string | null>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(p).filter(
      (e): e is [string, string] => e[0] !== '' && typeof e[1] === 'string' && e[1] !== '',
    ),
  );

/**
 * X handles CoinGecko's recorded coin pages name (`links.twitter_screen_name`): the build's share of
 * the handle map beside the curated list (the daily refresh adds DefiLlama's `/protocols` handles).
 */
export function recordedHandles(fixtures: string): Source<Map<string, string>> {
  const out = new Map<string, string>();
  const page = z.object({
    id: z.string(),
    links: z.object({ twitter_screen_name: z.string().nullish() }).partial(),
  });
  for (const name of ['GetAssetDetails.txt', 'GetAssetDetailsFromContract.txt']) {
    const d = page.parse(recorded(fixtures, name).json);
    const h = d.links.twitter_screen_name?.trim();
    if (h && /^[A-Za-z0-9_]{1,15}$/.test(h)) out.set(h.toLowerCase(), `cg:${d.id}`);
  }
  return {
    label:
      'CoinGecko recorded /coins/{id} and contract pages: links.twitter_screen_name (coingecko/recorded/)',
    rows: out,
  };
}

/** Contract platforms: the recorded `/coins/list?include_platform` sample and the USDC contract lookup. */
export function recordedPlatforms(fixtures: string): Source<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  const list = recorded(fixtures, 'GetAssets.txt');
  for (const c of z.array(z.object({ id: z.string(), platforms: platformMap })).parse(list.json)) {
    out.set(c.id, { ...out.get(c.id), ...cleanPlatforms(c.platforms) });
  }
  const lookup = recorded(fixtures, 'GetAssetDetailsFromContract.txt');
  const detail = z.object({ id: z.string(), platforms: platformMap }).parse(lookup.json);
  out.set(detail.id, { ...out.get(detail.id), ...cleanPlatforms(detail.platforms) });
  return {
    label: `CoinGecko recorded ${list.path}?include_platform and ${lookup.path} (coingecko/recorded/, JKorf/CoinGecko.Net, MIT)`,
    rows: out,
  };
}

const treasury = z.object({ companies: z.array(z.object({ name: z.string(), symbol: z.string() })) });

/**
 * US tickers of public companies holding BTC/ETH. Symbols come as "NASDAQ:MSTR", "CORZ:NASDAQ",
 * "NYSE:SQ" (older format) or "MSTR.US" (today's): the US-exchange part is the ticker.
 */
export function treasuryTickers(fixtures: string): Source<Set<string>> {
  const eth = treasury.parse(recorded(fixtures, 'GetCompanyHoldings.txt').json);
  // pycgapi stores the response as a Python dict literal; this one is JSON apart from the assignment.
  const py = read(fixtures, 'coingecko/pycgapi/companies_mock.py');
  const body = py.slice(py.indexOf('{'), py.lastIndexOf('}') + 1);
  const btc = treasury.parse(
    JSON.parse(
      body
        .replace(/\bNone\b/g, 'null')
        .replace(/\bTrue\b/g, 'true')
        .replace(/\bFalse\b/g, 'false'),
    ),
  );
  const tickers = new Set<string>();
  for (const c of [...eth.companies, ...btc.companies]) {
    const parts = c.symbol.split(/[:\s]+/).filter(Boolean);
    const us = /^(NASDAQ|NYSE)$/;
    const dotUs = /^([A-Z.]+)\.US$/.exec(c.symbol);
    if (dotUs?.[1]) tickers.add(dotUs[1]);
    else if (parts.length === 2 && parts.some((p) => us.test(p))) {
      const ticker = parts.find((p) => !us.test(p));
      if (ticker) tickers.add(ticker);
    }
  }
  return {
    label:
      'CoinGecko /companies/public_treasury (coingecko/recorded/GetCompanyHoldings.txt, coingecko/pycgapi/companies_mock.py)',
    rows: tickers,
  };
}

export interface SecRow {
  ticker: string;
  title: string;
}

export function secTickers(fixtures: string): Source<SecRow[]> {
  const path = 'stocks/sec_company_tickers.json';
  const rows = z
    .record(z.string(), z.object({ cik_str: z.number(), ticker: z.string().min(1), title: z.string() }))
    .parse(JSON.parse(read(fixtures, path)));
  // Keys are "0", "1", … in market-value order; sort numerically rather than trust object order.
  const ordered = Object.entries(rows)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, r]) => ({ ticker: r.ticker.toUpperCase(), title: r.title }));
  return { label: `SEC company tickers, market-value order (${path})`, rows: ordered };
}

export interface ListingRow {
  ticker: string;
  name: string;
  exchange: string;
  etf: boolean;
}

/** Nasdaq Trader pipe files: header line, rows, and a "File Creation Time" footer to skip. */
function pipeFile(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rest] = lines;
  if (!header) throw new Error('empty symbol directory');
  const footer = rest.pop();
  z.string().startsWith('File Creation Time').parse(footer);
  const cols = header.split('|');
  return rest.map((line) =>
    Object.fromEntries(line.split('|').map((v, i) => [cols[i] ?? `col${i}`, v.trim()])),
  );
}

const OTHER_EXCHANGES: Record<string, string> = {
  A: 'NYSE American',
  N: 'NYSE',
  P: 'NYSE Arca',
  Z: 'Cboe BZX',
  V: 'IEX',
};

export function listings(fixtures: string): Source<ListingRow[]> {
  const nasdaqPath = 'stocks/nasdaqlisted_2025-07-21.txt';
  const otherPath = 'stocks/otherlisted_2025-07-21.txt';
  const nasdaqRow = z.object({
    Symbol: z.string().min(1),
    'Security Name': z.string(),
    ETF: z.enum(['Y', 'N', '']),
    'Test Issue': z.enum(['Y', 'N']),
  });
  const otherRow = z.object({
    'ACT Symbol': z.string().min(1),
    'Security Name': z.string(),
    Exchange: z.string(),
    ETF: z.enum(['Y', 'N', '']),
    'Test Issue': z.enum(['Y', 'N']),
  });
  const rows: ListingRow[] = [];
  for (const r of pipeFile(read(fixtures, nasdaqPath)).map((r) => nasdaqRow.parse(r))) {
    if (r['Test Issue'] === 'Y') continue;
    rows.push({ ticker: r.Symbol, name: r['Security Name'], exchange: 'NASDAQ', etf: r.ETF === 'Y' });
  }
  for (const r of pipeFile(read(fixtures, otherPath)).map((r) => otherRow.parse(r))) {
    if (r['Test Issue'] === 'Y') continue;
    const exchange = OTHER_EXCHANGES[r.Exchange] ?? r.Exchange;
    rows.push({ ticker: r['ACT Symbol'], name: r['Security Name'], exchange, etf: r.ETF === 'Y' });
  }
  return { label: `Nasdaq Trader symbol directory, 2025-07-21 (${nasdaqPath}, ${otherPath})`, rows };
}

export interface JupiterRow {
  name: string;
  symbol: string;
  mint: string;
}

export function jupiterTokens(fixtures: string): Source<JupiterRow[]> {
  const path = 'tokenlists/jupiter_validated-tokens_2024-07-15.csv';
  const [header, ...lines] = read(fixtures, path)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  z.literal('Name,Symbol,Mint,Decimals,LogoURI,Community Validated').parse(header?.trim());
  const row = z.tuple([
    z.string(),
    z.string(),
    z.string().regex(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/),
    z.string(),
    z.string(),
    z.string(),
  ]);
  // The file has no quoting and no commas inside fields (every line has exactly six).
  const rows = lines.map((l) => {
    const [name, symbol, mint] = row.parse(l.split(','));
    return { name, symbol: symbol.replace(/^\$/, ''), mint };
  });
  return { label: `Jupiter validated Solana tokens, 2024-07-15 (${path}, BSD-3-Clause)`, rows };
}
