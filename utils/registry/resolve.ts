/**
 * resolve: one detected match → an asset id, or the ranked candidates when the evidence is close.
 * A wrong answer on a hover card is worse than none, so a ticker resolves only when its best candidate
 * leads the next one by DECISIVE points; otherwise the card shows the candidates.
 *
 * Evidence for a ticker, strongest first:
 *   1. a user pin ("always read $X as Y"): key is the upper-case symbol, or '@handle' for handles;
 *   2. a contract address in the same post that is the contract of a coin with this symbol;
 *   3. points per candidate (scoreCandidate): market-cap rank or SEC position (prior), a curated
 *      default (hints), words around the match (equity / crypto / chain), treasury companies.
 */
import type { Match } from '../detect/types';
import { resolveAddress } from './addresses';
import { type ContextScore, scoreContext } from './context';
import { normalizeTicker } from './load';
import { pinKey } from './pin-keys';
import type { Registry, RegistryAsset, Resolution, ResolveContext } from './types';

/** Lead the best candidate needs over the runner-up to be answered alone. */
export const DECISIVE = 2;
/** At most this many candidates are returned (59 coins use USDC). */
const MAX_CANDIDATES = 8;
/** "Not this?" offers this many of the assets passed over (each travels with every detection). */
const MAX_OTHERS = 3;
const HINT_POINTS = 2;
/**
 * With no context, a coin whose market cap is at least this many times every other claimant's wins
 * alone: nobody means a micro-cap namesake by default. A claimant the cap snapshot lacks is known
 * only to be smaller than the snapshot's smallest cap, so that is its bound.
 */
export const LEADER_FACTOR = 10;
/** Companies' values are unknown here: one in the SEC top 2,000 is a real contest, never out-capped. */
const CONTESTING_SEC_RANK = 2000;
const CHAIN_POINTS = 2;

/**
 * Bridged and pegged copies of another chain's asset: never the default reading of a symbol. "Wrapped"
 * alone is not a copy marker: Wrapped Bitcoin is the original WBTC.
 */
const COPY = /bridged|binance-peg|-peg-|\bpeg\b|wormhole|allbridge|osmosis-all|\(portal\)/i;
/**
 * "HarryPotterObamaSonic10Inu (ETH)", "Wrapped Bitcoin (PulseChain)": a name qualified by a chain is a
 * copy. A note of a former name is not a chain: "POL (ex-MATIC)", "EigenCloud (prev. EigenLayer)",
 * "MATIC (migrated to POL)" are the originals.
 */
const CHAIN_QUALIFIED = /\s\((?!ex-|prev\.|formerly |migrated )[^)]+\)$/i;

const isCopy = (a: RegistryAsset): boolean =>
  COPY.test(a.id) || COPY.test(a.name) || CHAIN_QUALIFIED.test(a.name);

/** Chains a coin lives on natively, where CoinGecko lists no contract for it. */
const NATIVE_CHAIN: Record<string, string> = {
  'cg:ethereum': 'ethereum',
  'cg:solana': 'solana',
  'cg:starknet': 'starknet',
  'cg:binancecoin': 'binance-smart-chain',
};

interface Scored {
  asset: RegistryAsset;
  points: number;
  why: string[];
}

/**
 * Points before any context: how likely a reader means this asset when nothing else is said.
 * Coins: market-cap rank (2025-02 snapshot, top 250 only); equities: SEC market-value position.
 * The curated leading assets (names dictionary) count as mid-sized even where the lists rank them
 * low or not at all (coins launched after the snapshot, foreign filers at the SEC list's tail).
 */
function prior(registry: Registry, a: RegistryAsset, why: string[]): number {
  const leading = registry.leading.has(a.id);
  if (a.kind === 'crypto') {
    const copy = isCopy(a);
    if (a.rank !== undefined) {
      why.push(`market-cap rank ${a.rank}${copy ? ', a bridged copy' : ''}`);
      if (copy) return 1;
      return a.rank <= 25 ? 4 : a.rank <= 100 ? 3 : 2;
    }
    if (leading) {
      why.push('leading project (curated)');
      return 2;
    }
    why.push(copy ? 'unranked bridged copy' : 'unranked coin');
    return copy ? -1 : 0;
  }
  const secRank = a.rank ?? Number.POSITIVE_INFINITY;
  if (secRank <= 500) {
    why.push(`SEC market-value #${secRank}`);
    return 3;
  }
  if (secRank <= 2000) {
    why.push(`SEC market-value #${secRank}`);
    return 2;
  }
  if (leading) {
    why.push('leading company (curated)');
    return 2;
  }
  why.push(a.etf ? 'ETF / trust' : 'small or unranked listing');
  return 1;
}

function onChain(a: RegistryAsset, chains: ReadonlySet<string>): string | undefined {
  for (const chain of chains) {
    if (NATIVE_CHAIN[a.id] === chain || a.platforms?.[chain] !== undefined) return chain;
  }
  return undefined;
}

function scoreCandidate(registry: Registry, a: RegistryAsset, symbol: string, ctx: ContextScore): Scored {
  const why: string[] = [];
  let points = prior(registry, a, why);
  if (registry.hints.get(symbol) === a.id) {
    points += HINT_POINTS;
    why.push('curated default');
  }
  if (a.kind === 'equity') {
    points += ctx.equity;
    // Treasury companies (MSTR, MARA, COIN …) are what crypto posts talk about: crypto words fit them too.
    if (registry.treasuries.has(a.symbol)) points += ctx.crypto;
  } else {
    points += ctx.crypto;
    const chain = onChain(a, ctx.chains);
    if (chain) {
      points += CHAIN_POINTS;
      why.push(`on ${chain}`);
    }
  }
  return { asset: a, points, why };
}

/** Ties: ranked before unranked, lower rank first, originals before copies, shorter (older) ids first. */
function compare(x: Scored, y: Scored): number {
  if (y.points !== x.points) return y.points - x.points;
  const rx = x.asset.rank ?? Number.POSITIVE_INFINITY;
  const ry = y.asset.rank ?? Number.POSITIVE_INFINITY;
  if (rx !== ry) return rx - ry;
  return x.asset.id.length - y.asset.id.length || (x.asset.id < y.asset.id ? -1 : 1);
}

export function candidatesFor(registry: Registry, symbol: string): RegistryAsset[] {
  const direct = registry.withSymbol(symbol);
  const ticker = normalizeTicker(symbol);
  if (ticker === symbol) return [...direct];
  const equity = registry.withSymbol(ticker).filter((a) => a.kind === 'equity');
  return [...direct, ...equity];
}

/** Coins whose contract is quoted in the same post: the author told us which one. */
function addressEvidence(registry: Registry, symbol: string, ctx: ResolveContext): string | undefined {
  for (const m of ctx.matches ?? []) {
    if (m.kind !== 'address') continue;
    const r = resolveAddress(registry, m);
    if (r.asset && registry.asset(r.asset)?.symbol === symbol) return r.asset;
  }
  return undefined;
}

function resolveTicker(
  registry: Registry,
  match: Match,
  ctx: ResolveContext,
  pins: ReadonlyMap<string, string> | undefined,
): Resolution {
  const symbol = (match.symbol ?? match.text.replace(/^\$/, '')).toUpperCase();
  const pinned = pinnedAsset(match, pins);
  if (pinned) return { asset: pinned, reason: `pinned: always read $${symbol} as ${pinned}` };

  const byAddress = addressEvidence(registry, symbol, ctx);
  if (byAddress) return { asset: byAddress, reason: 'contract address in the same post' };

  // "Jupiter (JUP)": the name before the bracket named the asset, and it uses this symbol.
  if (match.asset && registry.asset(match.asset)?.symbol === symbol)
    return { asset: match.asset, reason: `its name is written before the bracketed ${symbol}` };

  // A bare ticker kept for its finance context ("HOOD的股价") is the listed company's.
  const all = match.listed
    ? candidatesFor(registry, symbol).filter((a) => a.kind === 'equity')
    : candidatesFor(registry, symbol);
  const [first] = all;
  if (!first) return { reason: `no asset with symbol ${symbol}` };
  if (all.length === 1) return { asset: first.id, reason: `only asset with symbol ${symbol}` };

  const context = scoreContext(ctx.text, match.start, match.end);
  const scored = all.map((a) => scoreCandidate(registry, a, symbol, context)).sort(compare);
  const [best, next] = scored;
  const words = context.words.length > 0 ? `; context: ${context.words.join(', ')}` : '';
  if (best && next && best.points - next.points >= DECISIVE) {
    return {
      asset: best.asset.id,
      others: scored.slice(1, MAX_OTHERS + 1).map((s) => s.asset.id),
      reason: `${best.why.join(', ')} over ${next.asset.id} (${next.why.join(', ')})${words}`,
    };
  }
  if (context.words.length === 0 && context.chains.size === 0) {
    const leader = capLeader(registry, all);
    if (leader) return { asset: leader.id, reason: leader.reason };
  }
  // The one original among its bridged and pegged copies: a copy is never the default reading. (A
  // name qualified by its chain is no proof of a copy here: "HarryPotterObamaSonic10Inu (ETH)" is
  // the first of two memecoins, so $BITCOIN stays a contest.)
  const originals = scored.filter((s) => !COPY.test(s.asset.id) && !COPY.test(s.asset.name));
  const [original] = originals;
  if (original && originals.length === 1 && original === best) {
    return {
      asset: original.asset.id,
      reason: `the only original among copies (${scored.length - 1} bridged or pegged)`,
    };
  }
  return {
    candidates: scored.slice(0, MAX_CANDIDATES).map((s) => s.asset.id),
    reason: `${all.length} assets use ${symbol} and the evidence is close${words}`,
  };
}

let capFloorOf: { registry: Registry; floor: number } | undefined;

/** The smallest market cap the registry's snapshot holds: every coin it lacks is below it. */
function capFloor(registry: Registry): number {
  if (capFloorOf?.registry !== registry) {
    const caps = Object.values(registry.data.coinCaps ?? {});
    capFloorOf = { registry, floor: caps.length ? Math.min(...caps) : Number.POSITIVE_INFINITY };
  }
  return capFloorOf.floor;
}

/**
 * The coin that out-caps every other claimant of its symbol by LEADER_FACTOR, or undefined. Copies
 * (bridged, pegged) of the leader never contest it; a listed company in the SEC top 2,000 always does.
 */
function capLeader(
  registry: Registry,
  all: readonly RegistryAsset[],
): { id: string; reason: string } | undefined {
  const floor = capFloor(registry);
  if (!Number.isFinite(floor)) return undefined;
  let leader: RegistryAsset | undefined;
  for (const a of all) {
    if (a.kind === 'equity' && (a.rank ?? Number.POSITIVE_INFINITY) <= CONTESTING_SEC_RANK) return undefined;
    if (a.kind === 'crypto' && a.marketCap !== undefined && a.marketCap > (leader?.marketCap ?? 0))
      leader = a;
  }
  if (!leader?.marketCap || isCopy(leader)) return undefined;
  let next = 0;
  for (const a of all) {
    if (a === leader) continue;
    next = Math.max(next, a.marketCap ?? floor);
  }
  if (leader.marketCap < LEADER_FACTOR * next) return undefined;
  const ratio = next > 0 ? Math.floor(leader.marketCap / next) : Number.POSITIVE_INFINITY;
  return {
    id: leader.id,
    reason: `market cap ${ratio}× every other asset using ${leader.symbol} (no context to say otherwise)`,
  };
}

/** The asset the reader pinned this detection's symbol, handle or address to, if any. */
function pinnedAsset(match: Match, pins: ReadonlyMap<string, string> | undefined): string | undefined {
  const key = pinKey(match);
  return key === undefined ? undefined : pins?.get(key);
}

export function resolve(
  registry: Registry,
  match: Match,
  ctx: ResolveContext,
  pins?: ReadonlyMap<string, string>,
): Resolution {
  switch (match.kind) {
    case 'ticker':
      return resolveTicker(registry, match, ctx, pins);
    case 'handle': {
      const handle = (match.handle ?? match.text.replace(/^@/, '')).toLowerCase();
      const pinned = pinnedAsset(match, pins);
      if (pinned) return { asset: pinned, reason: `pinned: always read @${handle} as ${pinned}` };
      const asset = registry.byHandle.get(handle);
      return asset ? { asset, reason: 'curated X handle' } : { reason: `no asset for @${handle}` };
    }
    case 'name': {
      // The names dictionary carries curated hints; trust one only if the registry knows the asset.
      if (match.asset && registry.asset(match.asset)) return { asset: match.asset, reason: 'curated name' };
      return { reason: `no asset for the name ${match.nameKey ?? match.text}` };
    }
    case 'address': {
      // One address deployed as different tokens on different chains: the reader's pick, if any.
      const pinned = pinnedAsset(match, pins);
      if (pinned) return { asset: pinned, reason: `pinned: always read ${match.text} as ${pinned}` };
      return resolveAddress(registry, match);
    }
    case 'claim':
      return { reason: 'a launch claim names no asset' };
  }
}
