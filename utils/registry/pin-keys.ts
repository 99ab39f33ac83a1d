/**
 * The keys of the reader's pins ("always use this"), shared by the card (content script), which
 * stores a pin, and resolution (background), which reads it: one function, so the two never
 * disagree. No dependency, so the content script carries nothing of the registry.
 */
import type { Match } from '../detect/types';

/**
 * A detection's pin key: the upper-case symbol, the lower-case @handle, or the address (EVM
 * addresses lower-cased: their case is only a checksum; one with a bad checksum is never pinned).
 * None for names and claims.
 */
export function pinKey(
  m: Pick<Match, 'kind' | 'text' | 'symbol' | 'handle' | 'chain' | 'valid'>,
): string | undefined {
  switch (m.kind) {
    case 'ticker':
      return (m.symbol ?? m.text.replace(/^\$/, '')).toUpperCase();
    case 'handle':
      return `@${(m.handle ?? m.text.replace(/^@/, '')).toLowerCase()}`;
    case 'address': {
      if (m.valid === false) return undefined;
      const evm = (m.chain ?? (m.text.startsWith('0x') ? 'evm' : 'solana')) === 'evm';
      return evm ? m.text.toLowerCase() : m.text;
    }
    default:
      return undefined;
  }
}
