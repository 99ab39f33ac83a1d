/**
 * Where a contract is looked at: each chain's block explorer and DEX Screener's name for the chain,
 * by CoinGecko platform id. Links only: nothing is fetched from them.
 */

/** Platform id → the explorer's token page (the address is appended). */
const EXPLORERS: Readonly<Record<string, string>> = {
  ethereum: 'https://etherscan.io/token/',
  base: 'https://basescan.org/token/',
  'binance-smart-chain': 'https://bscscan.com/token/',
  'arbitrum-one': 'https://arbiscan.io/token/',
  'optimistic-ethereum': 'https://optimistic.etherscan.io/token/',
  'polygon-pos': 'https://polygonscan.com/token/',
  avalanche: 'https://snowtrace.io/token/',
  linea: 'https://lineascan.build/token/',
  scroll: 'https://scrollscan.com/token/',
  blast: 'https://blastscan.io/token/',
  mantle: 'https://mantlescan.xyz/token/',
  sonic: 'https://sonicscan.org/token/',
  unichain: 'https://uniscan.xyz/token/',
  berachain: 'https://berascan.com/token/',
  zksync: 'https://era.zksync.network/token/',
  celo: 'https://celoscan.io/token/',
  xdai: 'https://gnosisscan.io/token/',
  cronos: 'https://cronoscan.com/token/',
  fantom: 'https://ftmscan.com/token/',
  solana: 'https://solscan.io/token/',
  tron: 'https://tronscan.org/#/token20/',
  sui: 'https://suiscan.xyz/mainnet/coin/',
  'the-open-network': 'https://tonviewer.com/',
};

/** DEX Screener's chain ids, for the platforms it covers. */
const DEX_SCREENER: Readonly<Record<string, string>> = {
  ethereum: 'ethereum',
  base: 'base',
  'binance-smart-chain': 'bsc',
  'arbitrum-one': 'arbitrum',
  'optimistic-ethereum': 'optimism',
  'polygon-pos': 'polygon',
  avalanche: 'avalanche',
  linea: 'linea',
  scroll: 'scroll',
  blast: 'blast',
  mantle: 'mantle',
  sonic: 'sonic',
  unichain: 'unichain',
  berachain: 'berachain',
  zksync: 'zksync',
  solana: 'solana',
  tron: 'tron',
  sui: 'sui',
  'the-open-network': 'ton',
  hyperevm: 'hyperevm',
};

/** The explorer's page of a token, or undefined for a chain without one we know. */
export function explorerTokenUrl(platform: string, address: string): string | undefined {
  const base = Object.hasOwn(EXPLORERS, platform) ? EXPLORERS[platform] : undefined;
  return base ? base + encodeURIComponent(address) : undefined;
}

/** The explorer's host name ("etherscan.io"), for the link's words. */
export function explorerName(platform: string): string | undefined {
  const base = Object.hasOwn(EXPLORERS, platform) ? EXPLORERS[platform] : undefined;
  return base ? new URL(base).hostname : undefined;
}

export function dexScreenerUrl(platform: string, address: string): string | undefined {
  const chain = Object.hasOwn(DEX_SCREENER, platform) ? DEX_SCREENER[platform] : undefined;
  return chain ? `https://dexscreener.com/${chain}/${encodeURIComponent(address)}` : undefined;
}

/** An address detected on a page: EVM addresses are looked up on Ethereum's explorer first. */
export const DETECTED_CHAIN_PLATFORM = { evm: 'ethereum', solana: 'solana' } as const;
