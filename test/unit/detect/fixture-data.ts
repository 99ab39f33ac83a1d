/**
 * Loaders for the shared real-data fixtures the detector's tests and bench use. The shared fixtures
 * live beside the repository (../shared/fixtures from the repo root), in CI as on a developer's machine.
 * Imported by bench/detect.ts too, so the loading is written once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// TICKERLENS_FIXTURES as in test/support/paths.ts: Stryker runs the tests in a copy elsewhere.
export const SHARED_FIXTURES =
  process.env.TICKERLENS_FIXTURES ?? path.resolve(REPO_ROOT, '../shared/fixtures');
/** This repo's own fixtures for the detector. */
export const DETECT_FIXTURES = path.resolve(REPO_ROOT, 'test/fixtures/detect');

export function sharedFixture(...parts: string[]): string {
  return path.join(SHARED_FIXTURES, ...parts);
}

export interface CoinListEntry {
  id: string;
  symbol: string;
  name: string;
}

export interface SecTicker {
  cik_str: number;
  ticker: string;
  title: string;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

let coins: CoinListEntry[] | undefined;
/** CoinGecko /coins/list (2026), 17k coins. */
export function loadCoinsList(): CoinListEntry[] {
  if (!coins) {
    const raw = readJson(sharedFixture('coingecko/coins_list_2026.json'));
    if (!Array.isArray(raw)) throw new Error('coins_list_2026.json: expected an array');
    coins = raw.filter(
      (c): c is CoinListEntry =>
        isRecord(c) && typeof c.id === 'string' && typeof c.symbol === 'string' && typeof c.name === 'string',
    );
  }
  return coins;
}

let sec: SecTicker[] | undefined;
/** SEC company tickers, 10k US-listed companies. */
export function loadSecTickers(): SecTicker[] {
  if (!sec) {
    const raw = readJson(sharedFixture('stocks/sec_company_tickers.json'));
    if (!isRecord(raw)) throw new Error('sec_company_tickers.json: expected an object');
    sec = Object.values(raw).filter(
      (t): t is SecTicker => isRecord(t) && typeof t.ticker === 'string' && typeof t.title === 'string',
    );
  }
  return sec;
}

let symbols: ReadonlySet<string> | undefined;
/** The symbol set the tests and bench give the detector: CoinGecko symbols and SEC tickers, upper-cased. */
export function loadSymbols(): ReadonlySet<string> {
  if (!symbols) {
    const s = new Set<string>();
    for (const c of loadCoinsList()) s.add(c.symbol.toUpperCase());
    for (const t of loadSecTickers()) s.add(t.ticker.toUpperCase());
    symbols = s;
  }
  return symbols;
}

/** Walks any JSON value, calling `visit` on every object. */
function walk(v: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, visit);
  } else if (isRecord(v)) {
    visit(v);
    for (const x of Object.values(v)) walk(x, visit);
  }
}

/**
 * Real post texts from the recorded X GraphQL responses: every `full_text`, and every long-post
 * `note_tweet.note_tweet_results.result.text`, deduplicated, in file order.
 */
export function loadXPostTexts(): string[] {
  const out = new Set<string>();
  for (const file of ['raw_search.json', 'raw_tweet_details.json']) {
    walk(readJson(sharedFixture('x/graphql', file)), (o) => {
      if (typeof o.full_text === 'string') out.add(o.full_text);
      const note = o.note_tweet;
      if (isRecord(note) && isRecord(note.note_tweet_results) && isRecord(note.note_tweet_results.result)) {
        const t = note.note_tweet_results.result.text;
        if (typeof t === 'string') out.add(t);
      }
    });
  }
  return [...out];
}

export interface SourcedText {
  source: string;
  text: string;
}

/**
 * Names and descriptions from the recorded CoinGecko responses (line 1 method, line 2 path, line 3
 * auth flag, then the JSON): every `name`, every `description` string or per-language description.
 */
export function loadCoinGeckoTexts(): SourcedText[] {
  const dir = sharedFixture('coingecko/recorded');
  const out: SourcedText[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    let json: unknown;
    try {
      json = JSON.parse(lines.slice(3).join('\n'));
    } catch {
      continue;
    }
    const add = (text: unknown): void => {
      if (typeof text !== 'string' || text.trim() === '' || seen.has(text)) return;
      seen.add(text);
      out.push({ source: `coingecko/recorded/${file}`, text });
    };
    walk(json, (o) => {
      add(o.name);
      if (typeof o.description === 'string') add(o.description);
      else if (isRecord(o.description)) for (const v of Object.values(o.description)) add(v);
    });
  }
  return out;
}
