/**
 * Tickerlens detection engine: pure text in, matches out. No DOM, no extension imports.
 *
 *   const detector = createDetector({ symbols });   // build once per symbol set (< 1 ms)
 *   detector.detect('Bittensor ($TAO) airdropped 28% of supply, no VC');
 *   // → name Bittensor (cg:bittensor), ticker $TAO, claim airdrop (value 28), claim no-vc
 *
 *   detectCashtags(text, symbols);                  // cashtags only, '$'-first fast path
 *
 * Every Match carries `kind`, the exact `text` and its UTF-16 `start`/`end` (end exclusive); matches
 * come in document order and never overlap. Where the rules live:
 *   detector.ts   the scan and the precedence between kinds
 *   cashtags.ts   cashtags, prices, deviations from twitter-text
 *   bare.ts       tickers without '$', the curated list and the stop list
 *   names.ts      the names dictionary (data); name-matcher.ts, context.ts: matching and ambiguity
 *   handles.ts    X handles
 *   addresses.ts  EVM (EIP-55, Keccak-256 from @noble/hashes) and Solana (base58 from @scure/base)
 *   claims.ts     launch claims and negation; claim-patterns.ts holds the phrases, claim-trie.ts the matcher
 *   urls.ts       URL spans (only addresses are reported inside them)
 */
export { isEvmAddressRun, isSolanaAddressRun, isValidEip55, toChecksumAddress } from './addresses';
export { BARE_STOP_LIST, DEFAULT_BARE_SYMBOLS, LOWERCASE_BARE } from './bare';
export { detectCashtags, matchCashtagAt } from './cashtags';
export { EN_CLAIM_PATTERNS, ZH_CLAIM_PHRASES } from './claim-patterns';
export { createDetector } from './detector';
export { MAX_HANDLE_LENGTH, matchHandleAt } from './handles';
export { DEFAULT_NAMES } from './names';
export type {
  ClaimId,
  Detector,
  DetectorData,
  Match,
  MatchKind,
  NameDomain,
  NameEntry,
  NameLang,
} from './types';
export { CLAIM_IDS } from './types';
