/**
 * Base58 (Bitcoin alphabet, which Solana uses) decoding, only as far as the detector needs it: the
 * decoded byte length of a candidate, to tell a 32-byte Solana public key from other base58 strings
 * (Bitcoin addresses decode to 25 bytes, Solana signatures to 64).
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Digit value of each ASCII code, or -1. */
const DIGITS: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let k = 0; k < ALPHABET.length; k++) t[ALPHABET.charCodeAt(k)] = k;
  return t;
})();

/**
 * Decodes `text.slice(start, end)` from base58. Returns null when a character is outside the
 * alphabet. Quadratic in the length, so callers bound the length first (44 chars for Solana).
 */
export function decodeBase58(text: string, start = 0, end = text.length): Uint8Array | null {
  let zeros = 0;
  while (start + zeros < end && text.charCodeAt(start + zeros) === 0x31) zeros++;
  // log(58) / log(256) ≈ 0.7322: enough room for the big-endian number.
  const size = Math.ceil((end - start - zeros) * 0.7322) + 1;
  const buf = new Uint8Array(size);
  let length = 0; // significant bytes at the end of buf
  for (let i = start + zeros; i < end; i++) {
    const code = text.charCodeAt(i);
    let carry = code < 128 ? (DIGITS[code] ?? -1) : -1;
    if (carry < 0) return null;
    let k = 0;
    for (let j = size - 1; j >= 0 && (carry !== 0 || k < length); j--, k++) {
      carry += 58 * (buf[j] ?? 0);
      buf[j] = carry & 0xff;
      carry >>>= 8;
    }
    length = k;
  }
  const out = new Uint8Array(zeros + length);
  out.set(buf.subarray(size - length), zeros);
  return out;
}

/** Encodes bytes as base58 (used by tests to build known-length candidates). */
export function encodeBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const size = Math.ceil((bytes.length - zeros) * 1.366) + 1; // log(256) / log(58)
  const buf = new Uint8Array(size);
  let length = 0;
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] ?? 0;
    let k = 0;
    for (let j = size - 1; j >= 0 && (carry !== 0 || k < length); j--, k++) {
      carry += 256 * (buf[j] ?? 0);
      buf[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    length = k;
  }
  let out = '1'.repeat(zeros);
  for (let j = size - length; j < size; j++) out += ALPHABET[buf[j] ?? 0];
  return out;
}
