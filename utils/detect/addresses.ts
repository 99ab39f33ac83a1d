/**
 * Contract-address recognition on one ASCII word run (a maximal run of [A-Za-z0-9_] found by the
 * detector's scanner). Working on whole runs is what keeps these checks safe: an address is never
 * cut out of a longer hex or base58 string, because the run would then be longer than an address.
 *
 * EVM: "0x" + exactly 40 hex digits. "0x" + 64 hex digits is a transaction hash or storage slot and
 * is not reported; any other length is not an address either.
 *
 * Solana: 32–44 characters of the base58 alphabet that decode to exactly 32 bytes, and that contain
 * at least one digit, one upper-case and one lower-case letter. Random 32-byte keys almost always do
 * (a 44-character key lacks a digit with probability (49/58)^44 ≈ 0.06%), while long English words,
 * hashtags and identifiers almost never do all three, so the rule removes ordinary-text false hits at
 * a negligible cost in recall. Real mints such as EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v,
 * So11111111111111111111111111111111111111112 and pump.fun's …pump mints all pass.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58 } from '@scure/base';
import * as charclass from './charclass';

// Module-local bindings of the hot imports: a test runner that rewrites imports into property reads
// (vitest's SSR transform) would otherwise pay a getter call per character; bundlers hoist them anyway.
const { BASE58, CLASS, DIGIT, HEX, LOWER, UPPER } = charclass;

export const EVM_ADDRESS_LENGTH = 42;
export const SOLANA_MIN_LENGTH = 32;
export const SOLANA_MAX_LENGTH = 44;

/** Whether `text.slice(start, end)` is "0x"/"0X" followed by exactly 40 hex digits. */
export function isEvmAddressRun(text: string, start: number, end: number): boolean {
  if (end - start !== EVM_ADDRESS_LENGTH) return false;
  if (text.charCodeAt(start) !== 0x30) return false;
  const x = text.charCodeAt(start + 1);
  if (x !== 0x78 && x !== 0x58) return false;
  for (let i = start + 2; i < end; i++) {
    if (((CLASS[text.charCodeAt(i)] ?? 0) & HEX) === 0) return false;
  }
  return true;
}

/**
 * EIP-55: an address whose 40 hex digits are all lower case or all upper case carries no checksum
 * and is valid. Otherwise the case of each letter must follow the Keccak-256 of the lower-case hex:
 * upper case exactly where the matching hash nibble is ≥ 8.
 */
export function isValidEip55(text: string, start = 0): boolean {
  let upper = false;
  let lower = false;
  for (let i = start + 2; i < start + EVM_ADDRESS_LENGTH; i++) {
    const f = CLASS[text.charCodeAt(i)] ?? 0;
    if (f & UPPER) upper = true;
    else if (f & LOWER) lower = true;
  }
  if (!(upper && lower)) return true;
  // The same contract is pasted into post after post (and re-read each time X re-renders one):
  // a hash is a few hundred microseconds before the JIT warms up, a Map lookup is not.
  const address = text.slice(start, start + EVM_ADDRESS_LENGTH);
  const known = checked.get(address);
  if (known !== undefined) return known;
  const valid = checksumMatches(text, start);
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(address, valid);
  return valid;
}

/** Mixed-case addresses already checked, with the verdict; bounded so a long session stays small. */
const checked = new Map<string, boolean>();
const MAX_CHECKED = 512;

function checksumMatches(text: string, start: number): boolean {
  const hash = keccak_256(lowerHexBytes(text, start));
  for (let k = 0; k < 40; k++) {
    const f = CLASS[text.charCodeAt(start + 2 + k)] ?? 0;
    if ((f & (UPPER | LOWER)) === 0) continue; // digits carry no case
    const byte = hash[k >> 1] ?? 0;
    const nibble = k & 1 ? byte & 0x0f : byte >> 4;
    if (nibble >= 8 !== ((f & UPPER) !== 0)) return false;
  }
  return true;
}

function lowerHexBytes(text: string, start: number): Uint8Array {
  const bytes = new Uint8Array(40);
  for (let k = 0; k < 40; k++) {
    // folds A-F onto a-f; digits and a-f already have the bit
    bytes[k] = text.charCodeAt(start + 2 + k) | 0x20;
  }
  return bytes;
}

/** The EIP-55 checksummed form of a 0x + 40-hex address (any case in, mixed case out). */
export function toChecksumAddress(address: string): string {
  if (!isEvmAddressRun(address, 0, address.length)) throw new Error(`not an EVM address: ${address}`);
  const hash = keccak_256(lowerHexBytes(address, 0));
  let out = '0x';
  for (let k = 0; k < 40; k++) {
    const ch = address.charAt(2 + k).toLowerCase();
    const byte = hash[k >> 1] ?? 0;
    const nibble = k & 1 ? byte & 0x0f : byte >> 4;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Whether the word run `text.slice(start, end)` is a Solana public key. `orFlags` is the OR of the
 * run's character classes and `andFlags` their AND, both already computed by the scanner, so the
 * cheap tests run before any decoding.
 */
export function isSolanaAddressRun(
  text: string,
  start: number,
  end: number,
  orFlags: number,
  andFlags: number,
): boolean {
  const len = end - start;
  if (len < SOLANA_MIN_LENGTH || len > SOLANA_MAX_LENGTH) return false;
  if ((andFlags & BASE58) === 0) return false;
  const needed = DIGIT | UPPER | LOWER;
  if ((orFlags & needed) !== needed) return false;
  // Every character is in the alphabet (BASE58 above), so the decoder cannot throw.
  return base58.decode(text.slice(start, end)).length === 32;
}
