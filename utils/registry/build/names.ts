/**
 * Build-time names dictionary beyond the curated one (utils/detect/names.ts): the listed companies
 * of the SEC list's top by market value and the coins of the rank snapshot, as people write them in
 * prose ("Snowflake", "CrowdStrike", "Fartcoin", "Pudgy Penguins"). Node only (`npm run registry`).
 *
 * Guards, because many names are ordinary words or people's names:
 *   - an English word (the `word-list` package's 274k words) alone is ambiguous: a company's only
 *     with company context nearby ("Target shares", never "Target audience"), a coin's only with its
 *     own ticker or a token word ("Sonic (S)", "the Core token");
 *   - one plain capitalised word may be a surname ("Brady"): a company's needs company context, a
 *     coin's of ≤ 6 letters its ticker or a token word; other single words ("Axelar", "CrowdStrike")
 *     match in any case, except short ones (≤ 4 letters), which must be written as listed;
 *   - a name of several words must be written as listed ("Pudgy Penguins", "Official Trump");
 *   - a name two different assets claim is left out: a reader cannot tell them apart either;
 *   - names under five letters are left to the curated list; a name whose first word has one or two
 *     letters ("T-Mobile", "S&P Global") must be written as listed;
 *   - the curated dictionary wins over anything built here.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { BARE_STOP_LIST } from '../../detect/bare';
import { DEFAULT_NAMES } from '../../detect/names';
import { normalizeTicker } from '../load';
import type { CoinRow, ListingRow, SecRow, Source } from './sources';

/** How a built name matches: '' any case, '=' as written, '?' ambiguous company, '!' ambiguous coin. */
export type NameFlag = '' | '=' | '?' | '!';
/** One built name: [text as written, asset id, flag]. */
export type BuiltName = [text: string, asset: string, flag: NameFlag];

/** Companies taken from the SEC list, by market value: the names people write about. */
export const COMPANY_NAMES_TOP = 2000;

let english: Set<string> | undefined;
export function isEnglishWord(word: string): boolean {
  english ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return english.has(word.toLowerCase());
}

/** Legal and security-type words that prose leaves out ("Inc.", "Holdings", "Class A Common Stock"). */
const SUFFIX =
  /[\s,]+(inc\.?|incorporated|corp\.?|corporation|co\.?|company|companies|ltd\.?|limited|plc|n\.?v\.?|s\.?a\.?|a\.?g\.?|se|llc|l\.?p\.?|lp|holdings?|group|trust|common stock|ordinary shares|common shares|class [a-c]|american depositary shares|ads|new|\/[a-z]{2,3}\/?|\(the\)|&)$/i;
const SECURITY_TAIL = /\s+-\s+.*$/;
/** A trailing country designation: "T-Mobile US" is written "T-Mobile". */
const COUNTRY_TAIL = /(?<=\S{3})\s+US$/;
/** Funds, trusts, SPACs and units: not what prose calls a company. */
const NOT_A_COMPANY =
  /\b(etf|fund|trust|registry shares|ishares|spdr|proshares|direxion|acquisition|capital corp|bancorp|units?|warrants?|rights|notes|preferred|depositary)\b/i;

export function companyProseName(listed: string): string {
  let s = listed.replace(SECURITY_TAIL, '').replace(/\s+/g, ' ').trim();
  for (let k = 0; k < 6; k++) {
    const t = s.replace(SUFFIX, '').trim();
    if (t === s) break;
    s = t;
  }
  s = s
    .replace(/^the\s+/i, '')
    .replace(/[,.]$/, '')
    .replace(COUNTRY_TAIL, '');
  // SEC titles are often all capitals ("MICROSOFT CORP"): write each word capitalised; matching
  // accepts the listed form or all capitals, so "Microsoft" and "MICROSOFT" both match.
  if (s === s.toUpperCase()) s = s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return s;
}

/** Second words after which a company's first word is its short name ("Palantir Technologies"). */
const GENERIC =
  /^(technologies|technology|systems|software|semiconductor|semiconductors|pharmaceuticals|therapeutics|platforms|networks|communications|entertainment|brands|industries|labs|biosciences|biotherapeutics|energy|motors|airlines|airways|interactive|digital|robotics|analytics|computing|devices|electronics|solutions|resources|healthcare|medical|scientific|dynamics|aerospace|instruments|materials|international|worldwide|global)$/i;

const PLAIN = /^[A-Za-z][A-Za-z0-9.'&-]*( [A-Za-z0-9][A-Za-z0-9.'&-]*)*$/;

function flagFor(text: string, kind: 'company' | 'coin'): NameFlag {
  const words = text.split(' ');
  if (words.length === 1) {
    if (isEnglishWord(text)) return kind === 'company' ? '?' : '!';
    // One plain capitalised word ("Brady", "Brett", "Astar") may be a person's or a place's name:
    // companies need company context, short coin names their ticker or a token word. A word with
    // inner capitals or digits ("CrowdStrike", "AutoZone", "SPX6900") is nobody's name.
    const plain = /^[A-Z][a-z]+$/.test(text);
    if (plain && kind === 'company') return '?';
    if (plain && text.length <= 6) return '!';
    return text.length <= 4 ? '=' : '';
  }
  return '=';
}

export function buildNames(input: {
  coins: Source<CoinRow[]>;
  ranks: Source<Map<string, number>>;
  sec: Source<SecRow[]>;
  listings: Source<ListingRow[]>;
}): BuiltName[] {
  const curated = new Set(DEFAULT_NAMES.map((n) => n.text.toLowerCase()));
  const curatedAssets = new Set(DEFAULT_NAMES.flatMap((n) => (n.asset ? [n.asset] : [])));
  const byText = new Map<string, BuiltName | null>();
  const add = (text: string, asset: string, given: NameFlag): void => {
    let flag = given;
    const key = text.toLowerCase();
    // Names under five letters are acronyms in capitals ("APi" Group matches "API"): curated only.
    if (text.length < 5 || !PLAIN.test(text) || curated.has(key) || BARE_STOP_LIST.has(text.toUpperCase()))
      return;
    // A company's first word of one or two letters ("T-Mobile", "S&P Global", "A.O. Smith", "GE
    // Aerospace") is no word of its own: the name must be written as listed, and "St. Joe" (Saint:
    // places and people) needs company context. The scanner then tries these names at every "a",
    // "s", "t", "on", "us" (~5% of the words of the accuracy corpus and the X captures), each turned
    // away at its second character. A coin's ("AI Companions") is left to the curated list.
    if ((/^[A-Za-z0-9_]*/.exec(text)?.[0].length ?? 0) < 3) {
      if (!asset.startsWith('stock:')) return;
      flag = /^St\. /.test(text) ? '?' : '=';
    }
    const seen = byText.get(key);
    if (seen === undefined) byText.set(key, [text, asset, flag]);
    else if (seen && seen[1] !== asset) byText.set(key, null); // two assets, one name
  };

  // Coins of the rank snapshot, best rank first.
  const ranked = input.coins.rows
    .filter((c) => input.ranks.rows.has(c.id))
    .sort((a, b) => (input.ranks.rows.get(a.id) ?? 0) - (input.ranks.rows.get(b.id) ?? 0));
  for (const c of ranked) {
    const id = `cg:${c.id}`;
    // Bridged and pegged copies share their original's name; wrapped and staked ones have their own.
    if (curatedAssets.has(id) || /bridged|\(|peg/i.test(c.name)) continue;
    const text = c.name.trim();
    add(text, id, flagFor(text, 'coin'));
  }

  // Companies: the exchange's well-written name where there is one, else the SEC title.
  const listed = new Map<string, ListingRow>();
  for (const l of input.listings.rows) listed.set(normalizeTicker(l.ticker), l);
  const firstWords = new Map<string, number>();
  const companies: Array<{ text: string; asset: string }> = [];
  for (const row of input.sec.rows.slice(0, COMPANY_NAMES_TOP)) {
    const ticker = normalizeTicker(row.ticker);
    const l = listed.get(ticker);
    if (l?.etf) continue;
    const raw = l?.name ?? row.title;
    if (NOT_A_COMPANY.test(raw)) continue;
    const asset = `stock:${ticker}`;
    if (curatedAssets.has(asset) || companies.some((c) => c.asset === asset)) continue;
    const text = companyProseName(raw);
    companies.push({ text, asset });
    const first = text.split(' ')[0] ?? '';
    firstWords.set(first.toLowerCase(), (firstWords.get(first.toLowerCase()) ?? 0) + 1);
  }
  for (const { text, asset } of companies) {
    add(text, asset, flagFor(text, 'company'));
    // "Palantir Technologies" is written "Palantir": the first word alone, when it is no English
    // word, long enough to be a name, and no other company's first word.
    const words = text.split(' ');
    const first = words[0] ?? '';
    // Only before a generic business word: "Simon Property", "Raymond James" are people's names.
    const generic = words.length === 2 && GENERIC.test(words[1] ?? '');
    if (generic && first.length >= 5 && (firstWords.get(first.toLowerCase()) ?? 0) === 1) {
      if (!isEnglishWord(first)) add(first, asset, '=');
    }
  }
  return [...byText.values()]
    .filter((n): n is BuiltName => n !== null)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
