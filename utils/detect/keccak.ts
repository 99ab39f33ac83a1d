/**
 * Keccak-256 (the pre-standard padding Ethereum uses) and SHA3-256, for EIP-55 address checksums.
 * Pure TypeScript, no dependencies: the extension needs it for a handful of hashes per page, so a
 * clear 32-bit-lane implementation is preferred over an unrolled one.
 *
 * Lanes are 64-bit; JavaScript has no fast 64-bit integers, so each lane is a pair of 32-bit halves
 * in a Uint32Array: lane i has its low half at [2i] and its high half at [2i + 1].
 */

/** Round constants of Keccak-f[1600], as [low, high] 32-bit halves. */
const RC: readonly number[] = [
  0x00000001, 0x00000000, 0x00008082, 0x00000000, 0x0000808a, 0x80000000, 0x80008000, 0x80000000, 0x0000808b,
  0x00000000, 0x80000001, 0x00000000, 0x80008081, 0x80000000, 0x00008009, 0x80000000, 0x0000008a, 0x00000000,
  0x00000088, 0x00000000, 0x80008009, 0x00000000, 0x8000000a, 0x00000000, 0x8000808b, 0x00000000, 0x0000008b,
  0x80000000, 0x00008089, 0x80000000, 0x00008003, 0x80000000, 0x00008002, 0x80000000, 0x00000080, 0x80000000,
  0x0000800a, 0x00000000, 0x8000000a, 0x80000000, 0x80008081, 0x80000000, 0x00008080, 0x80000000, 0x80000001,
  0x00000000, 0x80008008, 0x80000000,
];

/** Rotation offsets (rho) of lane x + 5y. */
const RHO: readonly number[] = [
  0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
];

/** Destination of lane x + 5y under pi: lane y + 5((2x + 3y) mod 5). */
const PI: readonly number[] = Array.from({ length: 25 }, (_, i) => {
  const x = i % 5;
  const y = (i - x) / 5;
  return y + 5 * ((2 * x + 3 * y) % 5);
});

function lane(a: Uint32Array, i: number): number {
  return a[i] ?? 0;
}

/** Keccak-f[1600] on `s` (50 halves), in place; `b` and `c` are scratch buffers. */
function permute(s: Uint32Array, b: Uint32Array, c: Uint32Array): void {
  for (let round = 0; round < 24; round++) {
    // theta: column parities, then each lane xored with its neighbours' parities.
    for (let x = 0; x < 5; x++) {
      const lo = 2 * x;
      c[lo] = lane(s, lo) ^ lane(s, lo + 10) ^ lane(s, lo + 20) ^ lane(s, lo + 30) ^ lane(s, lo + 40);
      c[lo + 1] = lane(s, lo + 1) ^ lane(s, lo + 11) ^ lane(s, lo + 21) ^ lane(s, lo + 31) ^ lane(s, lo + 41);
    }
    for (let x = 0; x < 5; x++) {
      const prev = 2 * ((x + 4) % 5);
      const next = 2 * ((x + 1) % 5);
      const nLo = lane(c, next);
      const nHi = lane(c, next + 1);
      // rotate the next column's parity left by one bit
      const dLo = lane(c, prev) ^ ((nLo << 1) | (nHi >>> 31));
      const dHi = lane(c, prev + 1) ^ ((nHi << 1) | (nLo >>> 31));
      for (let y = 0; y < 25; y += 5) {
        const k = 2 * (x + y);
        s[k] = lane(s, k) ^ dLo;
        s[k + 1] = lane(s, k + 1) ^ dHi;
      }
    }
    // rho and pi: rotate each lane and move it to its new place.
    for (let i = 0; i < 25; i++) {
      const lo = lane(s, 2 * i);
      const hi = lane(s, 2 * i + 1);
      const r = RHO[i] ?? 0;
      const j = 2 * (PI[i] ?? 0);
      if (r === 0) {
        b[j] = lo;
        b[j + 1] = hi;
      } else if (r < 32) {
        b[j] = (lo << r) | (hi >>> (32 - r));
        b[j + 1] = (hi << r) | (lo >>> (32 - r));
      } else if (r === 32) {
        b[j] = hi;
        b[j + 1] = lo;
      } else {
        const m = r - 32;
        b[j] = (hi << m) | (lo >>> (32 - m));
        b[j + 1] = (lo << m) | (hi >>> (32 - m));
      }
    }
    // chi: each lane mixed with the next two in its row.
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const k = 2 * (x + y);
        const k1 = 2 * (((x + 1) % 5) + y);
        const k2 = 2 * (((x + 2) % 5) + y);
        s[k] = lane(b, k) ^ (~lane(b, k1) & lane(b, k2));
        s[k + 1] = lane(b, k + 1) ^ (~lane(b, k1 + 1) & lane(b, k2 + 1));
      }
    }
    // iota
    s[0] = lane(s, 0) ^ (RC[2 * round] ?? 0);
    s[1] = lane(s, 1) ^ (RC[2 * round + 1] ?? 0);
  }
}

const RATE = 136; // bytes, for a 256-bit output (capacity 512)

/** The sponge with a 256-bit output; `domain` is the first padding byte (0x01 Keccak, 0x06 SHA-3). */
function sponge256(input: Uint8Array, domain: number): Uint8Array {
  const s = new Uint32Array(50);
  const b = new Uint32Array(50);
  const c = new Uint32Array(10);
  const absorbByte = (pos: number, byte: number): void => {
    const k = pos >> 2; // which 32-bit half: lanes are little-endian, low half first
    s[k] = lane(s, k) ^ (byte << (8 * (pos & 3)));
  };
  let pos = 0;
  for (let i = 0; i < input.length; i++) {
    absorbByte(pos, input[i] ?? 0);
    if (++pos === RATE) {
      permute(s, b, c);
      pos = 0;
    }
  }
  // pad10*1 with the domain bits; when pos === RATE - 1 both land in the same byte.
  absorbByte(pos, domain);
  absorbByte(RATE - 1, 0x80);
  permute(s, b, c);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = (lane(s, i >> 2) >>> (8 * (i & 3))) & 0xff;
  return out;
}

/** Keccak-256 as Ethereum uses it (padding byte 0x01). */
export function keccak256(input: Uint8Array): Uint8Array {
  return sponge256(input, 0x01);
}

/** FIPS-202 SHA3-256 (padding byte 0x06); the same permutation, exported so tests can cross-check it. */
export function sha3_256(input: Uint8Array): Uint8Array {
  return sponge256(input, 0x06);
}

/** Lower-case hex of a byte array. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] ?? 0).toString(16).padStart(2, '0');
  return out;
}

/** Keccak-256 of a string's UTF-8 bytes, as lower-case hex. */
export function keccak256Hex(text: string): string {
  return toHex(keccak256(new TextEncoder().encode(text)));
}
