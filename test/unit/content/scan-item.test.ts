/** What the scan message (contract §2) reports for one detection, and what a claim carries. */
import { describe, expect, it, vi } from 'vitest';
import type { Match } from '@/utils/detect';

vi.mock('wxt/browser', () => ({ browser: { runtime: { onMessage: { addListener() {} } } } }));
const { toScanItem, withClaimContext } = await import('@/entrypoints/content/index');

describe('scan items', () => {
  it('flags an EVM address whose mixed case fails EIP-55 as invalid, and never gives it an asset', () => {
    const bad: Match = {
      kind: 'address',
      text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
      start: 0,
      end: 42,
      chain: 'evm',
      valid: false,
    };
    expect(toScanItem(bad, { asset: 'cg:whatever' })).toEqual({
      kind: 'address',
      text: bad.text,
      chain: 'evm',
      invalid: 'checksum',
    });
  });

  it('gives a claim its number, the token it is about and its post (capped)', () => {
    const claim: Match = {
      kind: 'claim',
      text: '28% airdrop',
      start: 0,
      end: 11,
      claim: 'airdrop',
      value: 28,
    };
    const item = withClaimContext(toScanItem(claim), claim, `28% airdrop for $HYPE ${'x'.repeat(2000)}`, {
      text: '$HYPE',
      asset: 'cg:hyperliquid',
    });
    expect(item).toMatchObject({
      kind: 'claim',
      claim: 'airdrop',
      value: 28,
      aboutText: '$HYPE',
      about: 'cg:hyperliquid',
    });
    expect(item.context?.length).toBe(1000);
    expect(item.context?.endsWith('…')).toBe(true);
    expect(withClaimContext(toScanItem(claim), claim, 'short', undefined)).toEqual({
      kind: 'claim',
      text: '28% airdrop',
      claim: 'airdrop',
      value: 28,
      context: 'short',
    });
  });
});
