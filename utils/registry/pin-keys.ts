/**
 * The keys of the reader's pins ("always use this"), shared by the card (content script) and
 * resolution (background); no dependency, so the content script carries nothing of the registry.
 */
import type { Match } from '../detect/types';

/** The pin key of an address: EVM addresses lower-cased (their case is only a checksum). */
export function addressPinKey(match: Pick<Match, 'text' | 'chain'>): string {
  const evm = (match.chain ?? (match.text.startsWith('0x') ? 'evm' : 'solana')) === 'evm';
  return evm ? match.text.toLowerCase() : match.text;
}
