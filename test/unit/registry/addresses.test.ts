/**
 * Addresses → asset only from contract lists: USDC on every EVM chain of the recorded CoinGecko
 * contract lookup, Jupiter-validated mints; anything else is an unknown token with an explorer link.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolve } from '../../../utils/registry/resolve';
import { sharedFixture } from '../../support/paths';
import { matchIn, registry, resolveIn } from './support';

/** The recorded `/coins/{platform}/contract/{address}` response: 3 header lines, then JSON. */
const usdcPlatforms = z
  .object({ id: z.literal('usd-coin'), platforms: z.record(z.string(), z.string()) })
  .parse(
    JSON.parse(
      readFileSync(sharedFixture('coingecko/recorded/GetAssetDetailsFromContract.txt'), 'utf8')
        .split('\n')
        .slice(3)
        .join('\n'),
    ),
  ).platforms;
const evmUsdc = Object.entries(usdcPlatforms).filter(([, a]) => /^0x[0-9a-f]{40}$/i.test(a));

describe('EVM contracts', () => {
  it('the recorded lookup covers USDC on several EVM chains', () => {
    expect(evmUsdc.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        'ethereum',
        'base',
        'arbitrum-one',
        'polygon-pos',
        'optimistic-ethereum',
        'avalanche',
      ]),
    );
  });

  it.each(evmUsdc)('USDC on %s (%s) → cg:usd-coin, in any letter case', (platform, address) => {
    const upper = `0x${address.slice(2).toUpperCase()}`;
    for (const a of [address, upper]) {
      expect(resolveIn(`CA: ${a}`, a, { kind: 'address' })).toEqual({
        asset: 'cg:usd-coin',
        reason: `contract on ${platform}`,
      });
    }
  });

  it('an unknown EVM address is an unknown token with an etherscan link, never a guess', () => {
    const a = '0x000000000000000000000000000000000000dEaD';
    expect(resolveIn(`send to ${a}`, a, { kind: 'address' })).toEqual({
      reason: 'unknown EVM token',
      unknownAddress: { chain: 'evm', address: a, explorer: `https://etherscan.io/token/${a}` },
    });
  });

  it('a known contract with a bad EIP-55 checksum is reported, not resolved', () => {
    const [, address] = evmUsdc[0] ?? ['', ''];
    const post = `CA ${address}`;
    const tampered = { ...matchIn(post, address, 'address'), valid: false };
    expect(resolve(registry, tampered, { text: post })).toEqual({
      reason: 'EIP-55 checksum mismatch: a typo or a tampered address, not resolved',
      unknownAddress: { chain: 'evm', address, explorer: `https://etherscan.io/token/${address}` },
    });
  });
});

describe('Solana mints', () => {
  it.each([
    ['EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', 'cg:usd-coin'],
    ['Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', 'cg:tether'],
    ['So11111111111111111111111111111111111111112', 'cg:wrapped-solana'],
    ['DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263', 'cg:bonk'],
    ['JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN', 'cg:jupiter-exchange-solana'],
    ['EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm', 'cg:dogwifcoin'],
    ['HRw8mqK8N3ASKFKJGMJpy4FodwR3GKvCFKPDQNqUNuEP', 'cg:trumpcoin'],
  ])('%s → %s', (mint, id) => {
    expect(resolveIn(`CA ${mint}`, mint, { kind: 'address' })).toMatchObject({ asset: id });
  });

  it('a Jupiter-validated mint without a CoinGecko id is reported with its name, not guessed', () => {
    const mint = 'CbNYA9n3927uXUukee2Hf4tm3xxkffJPPZvGazc2EAH1';
    const r = resolveIn(mint, mint, { kind: 'address' });
    expect(r.asset).toBeUndefined();
    expect(r.unknownAddress).toEqual({
      chain: 'solana',
      address: mint,
      explorer: `https://solscan.io/token/${mint}`,
      symbol: 'agEUR',
      name: 'agEUR (Portal)',
    });
  });

  it('an unknown mint is an unknown token with a solscan link', () => {
    // The System Program id: a valid base58 public key that is no token.
    const mint = '11111111111111111111111111111111';
    expect(resolveIn(mint, mint, { kind: 'address' })).toEqual({
      reason: 'unknown Solana token',
      unknownAddress: { chain: 'solana', address: mint, explorer: `https://solscan.io/token/${mint}` },
    });
  });
});

describe('a contract in the post decides a ticker', () => {
  it('$DJT with the TrumpCoin mint in the post is the coin, even beside "shares"', () => {
    const mint = 'HRw8mqK8N3ASKFKJGMJpy4FodwR3GKvCFKPDQNqUNuEP';
    const post = `$DJT shares? no, the token: ${mint}`;
    const others = [matchIn(post, mint, 'address')];
    expect(resolveIn(post, '$DJT', { others })).toEqual({
      asset: 'cg:trumpcoin',
      reason: 'contract address in the same post',
    });
  });

  it('a contract of another symbol says nothing about the ticker', () => {
    const mint = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
    const post = `$DJT shares, paid in USDC ${mint}`;
    const others = [matchIn(post, mint, 'address')];
    expect(resolveIn(post, '$DJT', { others }).asset).toBe('stock:DJT');
  });

  it('a pin on an address wins, in any letter case of an EVM address; a bad checksum is never pinned', () => {
    const [, address] = evmUsdc[0] ?? ['', ''];
    const pins = new Map([[address.toLowerCase(), 'cg:tether']]);
    const upper = `0x${address.slice(2).toUpperCase()}`;
    for (const a of [address, upper])
      expect(resolveIn(`CA: ${a}`, a, { kind: 'address', pins }).asset).toBe('cg:tether');
    const post = `CA ${address}`;
    const tampered = { ...matchIn(post, address, 'address'), valid: false };
    expect(resolve(registry, tampered, { text: post }, pins).asset).toBeUndefined();
  });
});
