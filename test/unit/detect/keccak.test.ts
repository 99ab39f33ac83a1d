import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keccak256, keccak256Hex, sha3_256, toHex } from '../../../utils/detect';
import { prng } from './helpers';

describe('keccak256', () => {
  // Published Keccak-256 (Ethereum) vectors.
  const vectors: [string, string][] = [
    ['', 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'],
    ['abc', '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45'],
    [
      'The quick brown fox jumps over the lazy dog',
      '4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15',
    ],
    [
      'The quick brown fox jumps over the lazy dog.',
      '578951e24efd62a3d63a86f7cd19aaa53c898fe287d2552133220370240b572d',
    ],
    // the ERC-20 transfer(address,uint256) selector (a9059cbb…) and the Transfer event topic
    ['transfer(address,uint256)', 'a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b'],
    ['Transfer(address,address,uint256)', 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef'],
  ];
  for (const [input, hex] of vectors) {
    it(`keccak256(${JSON.stringify(input)})`, () => {
      expect(keccak256Hex(input)).toBe(hex);
    });
  }

  it('returns 32 bytes', () => {
    expect(keccak256(new Uint8Array(0))).toHaveLength(32);
  });
});

describe('sha3_256 (same permutation, FIPS padding) against node:crypto', () => {
  // Lengths around the 136-byte rate exercise single-block, exact-block and multi-block absorption.
  const random = prng(55);
  for (const n of [0, 1, 55, 135, 136, 137, 271, 272, 273, 1000, 4096]) {
    it(`${n} bytes`, () => {
      const input = new Uint8Array(n);
      for (let i = 0; i < n; i++) input[i] = Math.floor(random() * 256);
      expect(toHex(sha3_256(input))).toBe(createHash('sha3-256').update(input).digest('hex'));
    });
  }
});
