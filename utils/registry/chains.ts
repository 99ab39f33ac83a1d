/**
 * Chains by the names people use, from CoinGecko's platform ids ("binance-smart-chain" → "BNB
 * Chain"): where a token lives is shown by name, never by an internal id. An id this list lacks is
 * shown in words when it is one ("flow-evm" → "Flow Evm"), and not at all when it is not (a number).
 */
const NAMES: Readonly<Record<string, string>> = {
  ethereum: 'Ethereum',
  solana: 'Solana',
  'binance-smart-chain': 'BNB Chain',
  'polygon-pos': 'Polygon',
  'arbitrum-one': 'Arbitrum',
  'optimistic-ethereum': 'Optimism',
  base: 'Base',
  avalanche: 'Avalanche',
  tron: 'TRON',
  fantom: 'Fantom',
  sonic: 'Sonic',
  'near-protocol': 'NEAR',
  polkadot: 'Polkadot',
  flow: 'Flow',
  stellar: 'Stellar',
  'hedera-hashgraph': 'Hedera',
  zksync: 'zkSync',
  celo: 'Celo',
  'the-open-network': 'TON',
  sui: 'Sui',
  aptos: 'Aptos',
  linea: 'Linea',
  scroll: 'Scroll',
  blast: 'Blast',
  mantle: 'Mantle',
  hyperevm: 'HyperEVM',
  cronos: 'Cronos',
  osmosis: 'Osmosis',
  cosmos: 'Cosmos',
  algorand: 'Algorand',
  cardano: 'Cardano',
  xdai: 'Gnosis',
  moonbeam: 'Moonbeam',
  kava: 'Kava',
  starknet: 'Starknet',
  'sei-v2': 'Sei',
  berachain: 'Berachain',
  unichain: 'Unichain',
};

export function chainName(platform: string): string | undefined {
  const known = NAMES[platform];
  if (known) return known;
  if (!/^[a-z][a-z-]*$/.test(platform)) return undefined;
  return platform
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
