/**
 * Which detections can be the subject of a post's claims (utils/checklist/claim-subject.ts): an
 * address that failed its checksum never is, a symbol with several coin readings is (with no
 * asset), one whose readings are all stocks is not, and an unknown symbol is only as a cashtag.
 */
import { describe, expect, it } from 'vitest';
import { claimSubject } from '@/utils/checklist/claim-subject';
import type { Match } from '@/utils/detect';

/** The detections of a post, placed where their text is in it. */
const post = (text: string, found: Array<[Match['kind'], string, Partial<Match>?]>): Match[] =>
  found.map(([kind, word, extra]) => {
    const start = text.indexOf(word);
    return { kind, text: word, start, end: start + word.length, ...extra };
  });

describe('claim subjects by kind', () => {
  it('passes over an address that failed its checksum for the token named next', () => {
    const text = '0xAbC0000000000000000000000000000000000001 no VC, $ETH';
    const matches = post(text, [
      ['address', '0xAbC0000000000000000000000000000000000001', { chain: 'evm', valid: false }],
      ['claim', 'no VC', { claim: 'no-vc' }],
      ['ticker', '$ETH', { symbol: 'ETH', cashtag: true }],
    ]);
    expect(claimSubject(text, matches, [{}, {}, { asset: 'cg:ethereum' }])).toEqual({
      text: '$ETH',
      asset: 'cg:ethereum',
    });
  });

  it('takes a symbol with several coin readings as the subject without an asset, not one read only as stocks', () => {
    const text = 'SOL fair launch, then ETH';
    const matches = post(text, [
      ['ticker', 'SOL', { symbol: 'SOL', cashtag: false }],
      ['claim', 'fair launch', { claim: 'fair-launch' }],
      ['ticker', 'ETH', { symbol: 'ETH', cashtag: false }],
    ]);
    const coins = [
      { candidates: ['stock:SOL', 'cg:solana', 'cg:sol-wormhole'] },
      {},
      { asset: 'cg:ethereum' },
    ];
    expect(claimSubject(text, matches, coins)).toEqual({ text: 'SOL' });
    const stocks = [{ candidates: ['stock:SOL', 'stock:SOLX'] }, {}, { asset: 'cg:ethereum' }];
    expect(claimSubject(text, matches, stocks)).toEqual({ text: 'ETH', asset: 'cg:ethereum' });
  });

  it('takes an unknown cashtag as the subject, not an unknown bare symbol', () => {
    const text = 'ZZQX no presale. $ETH';
    const bare = post(text, [
      ['ticker', 'ZZQX', { symbol: 'ZZQX', cashtag: false }],
      ['claim', 'no presale', { claim: 'no-presale' }],
      ['ticker', '$ETH', { symbol: 'ETH', cashtag: true }],
    ]);
    expect(claimSubject(text, bare, [{}, {}, { asset: 'cg:ethereum' }])).toEqual({
      text: '$ETH',
      asset: 'cg:ethereum',
    });
    const tagged = '$ZZQX no presale. $ETH';
    const withTag = post(tagged, [
      ['ticker', '$ZZQX', { symbol: 'ZZQX', cashtag: true }],
      ['claim', 'no presale', { claim: 'no-presale' }],
      ['ticker', '$ETH', { symbol: 'ETH', cashtag: true }],
    ]);
    expect(claimSubject(tagged, withTag, [{}, {}, { asset: 'cg:ethereum' }])).toEqual({ text: '$ZZQX' });
  });
});
