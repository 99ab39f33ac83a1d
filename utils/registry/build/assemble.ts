/**
 * Build-time assembly of the bundled data from the parsed sources and the curated layer:
 *   - registry.json (background worker): every CoinGecko coin, every US listing, contracts, handles,
 *     curated defaults;
 *   - detect-symbols.json (content script): only the symbol set detection needs.
 * Curated entries that point at an id no list knows fail the build instead of shipping a dead link.
 */
import { DEFAULT_NAMES } from '../../detect/names';
import { CURATED_HANDLES } from '../curated/handles';
import { CURATED_SOLANA_MINTS } from '../curated/solana-mints';
import { SYMBOL_HINTS } from '../curated/symbol-hints';
import { byCodeUnit, normalizeTicker } from '../load';
import type { RegistryData } from '../types';
import type { CoinRow, JupiterRow, ListingRow, SecRow, Source } from './sources';

export interface BuildInput {
  generated: string;
  coins: Source<CoinRow[]>;
  ranks: Source<Map<string, number>>;
  caps: Source<Map<string, number>>;
  handles: Source<Map<string, string>>;
  platforms: Source<Map<string, Record<string, string>>>;
  treasuries: Source<Set<string>>;
  sec: Source<SecRow[]>;
  listings: Source<ListingRow[]>;
  jupiter: Source<JupiterRow[]>;
}

/** Tickers a cashtag can write: letters, digits, one class suffix ("BRK-B"). Drops "ABR$D", "CTEST.X" test rows etc. */
const TICKER = /^[A-Z][A-Z0-9]{0,5}(-[A-Z]{1,2})?$/;

/** "Agilent Technologies, Inc. Common Stock" → "Agilent Technologies, Inc."; other security types stay described. */
function companyName(name: string): string {
  return name
    .replace(/\s*-?\s*(New )?(Class [A-Z] )?(Common Stock|Ordinary Shares|Common Shares)\s*$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const normName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

type EquityRow = [ticker: string, name: string, exchange: string, secRank: number, etf: boolean];

function equities(input: BuildInput): EquityRow[] {
  const byTicker = new Map<string, EquityRow>();
  input.sec.rows.forEach((row, i) => {
    const t = normalizeTicker(row.ticker);
    if (TICKER.test(t) && !byTicker.has(t)) byTicker.set(t, [t, row.title, '', i + 1, false]);
  });
  for (const l of input.listings.rows) {
    const t = normalizeTicker(l.ticker);
    if (!TICKER.test(t)) continue;
    const known = byTicker.get(t);
    // The exchange's security name is better written than the SEC's upper-case title; keep the SEC position.
    byTicker.set(t, [t, companyName(l.name), l.exchange, known?.[3] ?? 0, l.etf]);
  }
  return [...byTicker.values()].sort((a, b) => byCodeUnit(a[0], b[0]));
}

interface SolanaMapping {
  platforms: Map<string, Record<string, string>>;
  unmapped: [string, string, string][];
}

/**
 * Jupiter mints → CoinGecko ids: a mint maps to the one coin with the same symbol and the same name
 * (case and punctuation ignored; among namesakes the one ranked by market cap), or to a curated override; every other validated mint is kept as a
 * known Solana token without a CoinGecko id. Contracts CoinGecko itself recorded win over both.
 */
function mapSolana(input: BuildInput, coinIds: ReadonlySet<string>): SolanaMapping {
  const bySymbolName = new Map<string, string[]>();
  for (const c of input.coins.rows) {
    const key = `${c.symbol.toLowerCase()}|${normName(c.name)}`;
    const ids = bySymbolName.get(key);
    if (ids) ids.push(c.id);
    else bySymbolName.set(key, [c.id]);
  }
  const platforms = new Map<string, Record<string, string>>();
  for (const [id, p] of input.platforms.rows) platforms.set(id, { ...p });
  const recordedMints = new Set([...platforms.values()].flatMap((p) => (p.solana ? [p.solana] : [])));
  const unmapped: [string, string, string][] = [];
  for (const t of input.jupiter.rows) {
    if (recordedMints.has(t.mint)) continue;
    const curated = CURATED_SOLANA_MINTS[t.mint];
    if (curated && !coinIds.has(curated.id))
      throw new Error(`curated mint ${t.mint} → unknown coin ${curated.id}`);
    const same = curated
      ? [curated.id]
      : (bySymbolName.get(`${t.symbol.toLowerCase()}|${normName(t.name)}`) ?? []);
    // Namesakes ("dogwifhat" on Solana and a "DogWifHat" on Base): the ranked one is the validated token.
    const ranked = same.filter((id) => input.ranks.rows.has(id));
    const ids = same.length > 1 && ranked.length === 1 ? ranked : same;
    const [id] = ids;
    const existing = id ? platforms.get(id) : undefined;
    if (id && ids.length === 1 && !existing?.solana) platforms.set(id, { ...existing, solana: t.mint });
    else unmapped.push([t.mint, t.symbol, t.name]);
  }
  return { platforms, unmapped };
}

function checkId(id: string, coinIds: ReadonlySet<string>, tickers: ReadonlySet<string>, what: string): void {
  const ok = id.startsWith('cg:')
    ? coinIds.has(id.slice(3))
    : id.startsWith('stock:') && tickers.has(id.slice(6));
  if (!ok) throw new Error(`${what}: ${id} is in none of the lists`);
}

export function buildRegistry(input: BuildInput): RegistryData {
  const seen = new Set<string>();
  const coins: RegistryData['coins'] = { id: [], symbol: [], name: [], bySymbol: [] };
  const coinRanks: Record<string, number> = {};
  const coinCaps: Record<string, number> = {};
  // Sorted by id in code-unit order, the order load.ts binary-searches.
  for (const c of [...input.coins.rows].sort((a, b) => byCodeUnit(a.id, b.id))) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    coins.id.push(c.id);
    coins.symbol.push(c.symbol.toUpperCase());
    coins.name.push(c.name);
    const rank = input.ranks.rows.get(c.id);
    if (rank !== undefined) coinRanks[c.id] = rank;
    const cap = input.caps.rows.get(c.id);
    if (cap !== undefined) coinCaps[c.id] = cap;
  }
  coins.bySymbol = coins.id
    .map((_, i) => i)
    .sort((a, b) => byCodeUnit(coins.symbol[a] ?? '', coins.symbol[b] ?? '') || a - b);
  const eq = equities(input);
  const tickers = new Set(eq.map((e) => e[0]));

  const handles: Record<string, string> = {};
  // Recorded pages first; the curated list wins where both name a handle ("circle" is USDC's page's
  // account and Circle the company's: curated says the company).
  for (const [handle, id] of input.handles.rows) if (seen.has(id.slice(3))) handles[handle] = id;
  for (const [handle, id] of Object.entries(CURATED_HANDLES)) {
    checkId(id, seen, tickers, `handle @${handle}`);
    handles[handle.toLowerCase()] = id;
  }
  const hints: Record<string, string> = {};
  for (const [symbol, hint] of Object.entries(SYMBOL_HINTS)) {
    checkId(hint.asset, seen, tickers, `hint ${symbol}`);
    hints[symbol] = hint.asset;
  }
  // The names dictionary's hints are the curated leading assets: coins launched after the rank
  // snapshot (Pi Network, Monad) and foreign filers at the tail of the SEC list (TSM) would otherwise
  // rank with micro-caps.
  const leading = new Set<string>();
  for (const n of DEFAULT_NAMES) {
    if (!n.asset) continue;
    checkId(n.asset, seen, tickers, `name ${n.text}`);
    leading.add(n.asset);
  }

  const { platforms, unmapped } = mapSolana(input, seen);
  const solanaTokens: RegistryData['solanaTokens'] = {
    mint: unmapped.map((t) => t[0]),
    symbol: unmapped.map((t) => t[1]),
    name: unmapped.map((t) => t[2]),
  };
  return {
    generated: input.generated,
    sources: [
      input.coins.label,
      input.ranks.label,
      input.caps.label,
      input.handles.label,
      input.platforms.label,
      input.treasuries.label,
      input.sec.label,
      input.listings.label,
      input.jupiter.label,
      'curated: utils/registry/curated/{handles,symbol-hints,solana-mints}.ts, company hints of utils/detect/names.ts',
    ],
    coins,
    coinRanks,
    coinCaps,
    equities: {
      ticker: eq.map((e) => e[0]),
      name: eq.map((e) => e[1]),
      exchange: eq.map((e) => e[2]),
      rank: eq.map((e) => e[3]),
    },
    etfs: eq.filter((e) => e[4]).map((e) => e[0]),
    platforms: Object.fromEntries(
      [...platforms].filter(([id]) => seen.has(id)).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    ),
    solanaTokens,
    handles,
    hints,
    leading: [...leading].sort(),
    treasuries: [...input.treasuries.rows].filter((t) => tickers.has(t)).sort(),
  };
}

/**
 * The symbol set the detector carries (DetectorData.symbols):
 * - every CoinGecko symbol the 2012 cashtag rule (1–6 letters) would not accept on its own: longer
 *   symbols and symbols with digits ($BITCOIN, $FARTCOIN, $1INCH); all-digit ones are excluded
 *   (a "$2026" is a price);
 * - the symbols of the ranked coins (for "3.125 BTC"-style amounts);
 * - the 1,500 largest US-listed tickers by market value (SEC list order).
 */
/** The SEC list's largest companies (market value order) whose tickers count bare with finance context. */
export const BARE_STOCKS_TOP = 1500;

/** Tickers of the BARE_STOCKS_TOP largest US companies, for DetectorData.stocks ("HOOD的股价", "NVDA rallied"). */
export function detectStocks(input: BuildInput): string[] {
  return [...new Set(input.sec.rows.slice(0, BARE_STOCKS_TOP).map((r) => r.ticker.toUpperCase()))]
    .filter((t) => /^[A-Z]{2,5}$/.test(t))
    .sort();
}

/** The bare-stock tickers that are English words ("OPEN", "KEY", "APP"): they need finance words. */
export function detectStockWords(input: BuildInput, isEnglishWord: (w: string) => boolean): string[] {
  return detectStocks(input).filter((t) => isEnglishWord(t));
}

export function detectSymbols(input: BuildInput): string[] {
  const symbols = new Set<string>();
  for (const c of input.coins.rows) {
    const s = c.symbol.toUpperCase();
    if (/^[A-Z0-9]{1,15}$/.test(s) && !/^[A-Z]{1,6}$/.test(s) && !/^[0-9]+$/.test(s)) symbols.add(s);
  }
  const rankedIds = new Set(input.ranks.rows.keys());
  for (const c of input.coins.rows) if (rankedIds.has(c.id)) symbols.add(c.symbol.toUpperCase());
  for (const row of input.sec.rows.slice(0, 1500)) symbols.add(row.ticker.toUpperCase());
  return [...symbols].sort();
}
