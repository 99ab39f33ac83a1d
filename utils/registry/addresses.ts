/**
 * Address matches → asset: only from contract lists (CoinGecko platforms, Jupiter-validated mints).
 * An address no list knows is reported as an unknown token with an explorer link, never guessed.
 */
import type { Match } from '../detect/types';
import type { Registry, Resolution, UnknownAddress } from './types';

export function explorerUrl(chain: 'evm' | 'solana', address: string): string {
  return chain === 'solana' ? `https://solscan.io/token/${address}` : `https://etherscan.io/token/${address}`;
}

function unknown(chain: 'evm' | 'solana', address: string): UnknownAddress {
  return { chain, address, explorer: explorerUrl(chain, address) };
}

export function resolveAddress(registry: Registry, match: Match): Resolution {
  const chain = match.chain ?? (match.text.startsWith('0x') ? 'evm' : 'solana');
  const address = match.text;
  if (match.valid === false) {
    return {
      reason: 'EIP-55 checksum mismatch: a typo or a tampered address, not resolved',
      unknownAddress: unknown(chain, address),
    };
  }
  const key = chain === 'evm' ? address.toLowerCase() : address;
  const hits = registry.byAddress.get(key);
  if (hits && hits.length > 0) {
    const ids = [...new Set(hits.map((h) => h.id))];
    const platforms = hits.map((h) => h.platform).join(', ');
    const [only] = ids;
    if (ids.length === 1 && only) return { asset: only, reason: `contract on ${platforms}` };
    // The same EVM address deployed as different tokens on different chains: the post must say which.
    return { candidates: ids, reason: `contract of several assets (${platforms})` };
  }
  const listed = chain === 'solana' ? registry.solanaTokens.get(address) : undefined;
  if (listed) {
    return {
      reason: `Jupiter-validated Solana token ${listed.name} (${listed.symbol}) with no CoinGecko id`,
      unknownAddress: { ...unknown(chain, address), symbol: listed.symbol, name: listed.name },
    };
  }
  return {
    reason: `unknown ${chain === 'evm' ? 'EVM' : 'Solana'} token`,
    unknownAddress: unknown(chain, address),
  };
}
