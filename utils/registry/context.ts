/**
 * Words around a match that tell an equity from a coin, and which chain a coin lives on.
 *
 * One scan per post: the hits (position, kind, chain) are cached for the last text seen, because a
 * post with ten cashtags is resolved ten times in a row. Latin words match whole words, any case;
 * Chinese words match anywhere (no spaces between words in Chinese).
 */

export type Domain = 'equity' | 'crypto';

export interface ContextHit {
  start: number;
  end: number;
  domain: Domain;
  /** CoinGecko platform id the word points to ("solana", "base"), when it names a chain. */
  chain?: string;
}

/** Equity words: listing, share classes, filings. "ETF" is left out: "$BTC ETF inflows" is about the coin. */
const EQUITY_WORDS = [
  'share',
  'shares',
  'shareholder',
  'shareholders',
  'stock',
  'stocks',
  'equity',
  'preferred',
  'preferreds',
  'nasdaq',
  'nyse',
  'earnings',
  'dividend',
  'dividends',
  'premarket',
  'pre-market',
  'after hours',
  'after-hours',
  'ipo',
  'price target',
  'eps',
  's&p 500',
  '10-k',
  '10-q',
  'adr',
  '股票',
  '股价',
  '股價',
  '优先股',
  '優先股',
  '美股',
  '个股',
  '個股',
  '财报',
  '財報',
  '股东',
  '股東',
  '纳斯达克',
  '納斯達克',
  '纳指',
  '納指',
  '纽交所',
  '紐交所',
];

/**
 * Crypto words: tokens, chains, on-chain venues. "crypto" and "bitcoin" are left out: posts about
 * listed miners and treasury companies use them all the time.
 */
const CRYPTO_WORDS = [
  'token',
  'tokens',
  'memecoin',
  'memecoins',
  'meme coin',
  'altcoin',
  'altcoins',
  'airdrop',
  'onchain',
  'on-chain',
  'dex',
  'defi',
  'tvl',
  'staking',
  'mainnet',
  'testnet',
  'l1',
  'l2',
  'layer 2',
  'layer-2',
  'rollup',
  'contract address',
  'dexscreener',
  'uniswap',
  'web3',
  '代币',
  '代幣',
  '币',
  '幣',
  '空投',
  '链上',
  '鏈上',
  '公链',
  '公鏈',
  '主网',
  '主網',
  '质押',
  '質押',
  '土狗',
];

/** Chain words: crypto evidence that also names the chain (CoinGecko platform ids). */
const CHAIN_WORDS: Record<string, readonly string[]> = {
  solana: ['solana', 'spl', 'pump.fun', 'pumpfun', 'raydium', 'solscan', '索拉纳', '索拉納'],
  ethereum: ['ethereum', 'erc-20', 'erc20', 'etherscan', '以太坊'],
  base: ['on base', 'base chain', 'basescan'],
  'binance-smart-chain': ['bsc', 'bep-20', 'bep20', 'bnb chain', 'bscscan'],
  'arbitrum-one': ['arbitrum'],
  'polygon-pos': ['polygon'],
  'optimistic-ethereum': ['optimism'],
  starknet: ['starknet'],
};

const LATIN = /^[\x20-\x7e]+$/;
const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface WordInfo {
  domain: Domain;
  chain?: string;
}

const WORDS = new Map<string, WordInfo>();
for (const w of EQUITY_WORDS) WORDS.set(w, { domain: 'equity' });
for (const w of CRYPTO_WORDS) WORDS.set(w, { domain: 'crypto' });
for (const [chain, words] of Object.entries(CHAIN_WORDS)) {
  for (const w of words) WORDS.set(w, { domain: 'crypto', chain });
}

/** One alternation, longest first so "layer 2" wins over "l2"-style prefixes. */
function buildPattern(): RegExp {
  const parts = [...WORDS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      LATIN.test(w) ? `(?<![\\p{L}\\p{N}_$@#])${escapeRegExp(w)}(?![\\p{L}\\p{N}_])` : escapeRegExp(w),
    );
  return new RegExp(parts.join('|'), 'giu');
}

const PATTERN = buildPattern();

let lastText: string | undefined;
let lastHits: readonly ContextHit[] = [];

/** Every context word in `text`, in order. Cached for the last text. */
export function contextHits(text: string): readonly ContextHit[] {
  if (text === lastText) return lastHits;
  const hits: ContextHit[] = [];
  PATTERN.lastIndex = 0;
  for (const m of text.matchAll(PATTERN)) {
    const info = WORDS.get(m[0].toLowerCase());
    if (!info) continue;
    const hit: ContextHit = { start: m.index, end: m.index + m[0].length, domain: info.domain };
    if (info.chain) hit.chain = info.chain;
    hits.push(hit);
  }
  lastText = text;
  lastHits = hits;
  return hits;
}

/** A word this close to the match (in UTF-16 units between them) speaks about it; farther ones only colour the post. */
export const NEAR = 60;
const NEAR_WEIGHT = 5;
const FAR_WEIGHT = 1;
/** Two near words are as sure as context gets; more repetition should not outvote everything else. */
const MAX_DOMAIN_SCORE = 10;

export interface ContextScore {
  equity: number;
  crypto: number;
  /** Chains named near the match. */
  chains: ReadonlySet<string>;
  /** The words that counted, for the reason string. */
  words: string[];
}

export function scoreContext(text: string, start: number, end: number): ContextScore {
  let equity = 0;
  let crypto = 0;
  const chains = new Set<string>();
  const words: string[] = [];
  for (const hit of contextHits(text)) {
    // A match's own text is never its context ("STRK" inside "$STRK" cannot happen, but a name match can overlap).
    if (hit.end > start && hit.start < end) continue;
    const gap = hit.end <= start ? start - hit.end : hit.start - end;
    const near = gap <= NEAR;
    const weight = near ? NEAR_WEIGHT : FAR_WEIGHT;
    if (hit.domain === 'equity') equity += weight;
    else crypto += weight;
    if (near && hit.chain) chains.add(hit.chain);
    if (near) words.push(text.slice(hit.start, hit.end));
  }
  return {
    equity: Math.min(equity, MAX_DOMAIN_SCORE),
    crypto: Math.min(crypto, MAX_DOMAIN_SCORE),
    chains,
    words,
  };
}
