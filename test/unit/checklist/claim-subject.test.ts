/** The token a post's claims are checked against (the card, the popup and the page's marks). */
import { describe, expect, it } from 'vitest';
import { claimSubject, claimSubjectOf } from '@/utils/checklist/claim-subject';
import type { Match } from '@/utils/detect';

describe('claimSubject', () => {
  /** The detections of a post, placed where their text is in it. */
  const post = (text: string, found: Array<[Match['kind'], string, Partial<Match>?]>): Match[] =>
    found.map(([kind, word, extra]) => {
      const start = text.indexOf(word);
      return { kind, text: word, start, end: start + word.length, ...extra };
    });

  it('takes the token named nearest to a claim; equally near, a cashtag before a handle or a name', () => {
    const text = 'Bitcoin was a fair launch. $ETH had an ICO.';
    const matches = post(text, [
      ['name', 'Bitcoin'],
      ['claim', 'fair launch', { claim: 'fair-launch' }],
      ['ticker', '$ETH', { symbol: 'ETH', cashtag: true }],
    ]);
    expect(claimSubject(text, matches, [{ asset: 'cg:bitcoin' }, {}, { asset: 'cg:ethereum' }])).toEqual({
      text: 'Bitcoin',
      asset: 'cg:bitcoin',
    });
    const hype = '$HYPE @HyperliquidX: no VC. $MSTR and $ETH too.';
    const found = post(hype, [
      ['ticker', '$HYPE', { symbol: 'HYPE', cashtag: true }],
      ['handle', '@HyperliquidX', { handle: 'HyperliquidX' }],
      ['claim', 'no VC', { claim: 'no-vc' }],
      ['ticker', '$MSTR', { symbol: 'MSTR', cashtag: true }],
      ['ticker', '$ETH', { symbol: 'ETH', cashtag: true }],
    ]);
    const resolved = [
      { asset: 'cg:hyperliquid' },
      { asset: 'cg:hyperliquid' },
      {},
      { asset: 'stock:MSTR' },
      { asset: 'cg:ethereum' },
    ];
    expect(claimSubject(hype, found, resolved)).toEqual({ text: '@HyperliquidX', asset: 'cg:hyperliquid' });
    // Equally near (both touch the claim): the cashtag.
    const tie = '$TAO no VC 比特币';
    expect(
      claimSubject(
        tie,
        post(tie, [
          ['ticker', '$TAO', { symbol: 'TAO', cashtag: true }],
          ['claim', 'no VC', { claim: 'no-vc' }],
          ['name', '比特币'],
        ]),
        [{ asset: 'cg:bittensor' }, {}, { asset: 'cg:bitcoin' }],
      ),
    ).toEqual({ text: '$TAO', asset: 'cg:bittensor' });
  });

  it('never a stock, a person or an unknown name; none when the post names no token or makes no claim', () => {
    const text = '$MSTR: @saylor says Strategy had no VC.';
    const matches = post(text, [
      ['ticker', '$MSTR', { symbol: 'MSTR', cashtag: true }],
      ['handle', '@saylor', { handle: 'saylor' }],
      ['name', 'Strategy'],
      ['claim', 'no VC', { claim: 'no-vc' }],
    ]);
    expect(
      claimSubject(text, matches, [{ asset: 'stock:MSTR' }, {}, { asset: 'stock:MSTR' }, {}]),
    ).toBeUndefined();
    const plain = post('Bitcoin holds.', [['name', 'Bitcoin']]);
    expect(claimSubject('Bitcoin holds.', plain, [{ asset: 'cg:bitcoin' }])).toBeUndefined();
  });

  it('a contract address first; one no list knows, or a symbol with several readings, is the subject with no asset', () => {
    // The demo's post: a contract nobody lists, then USDC's mint and cashtag.
    const text =
      'Fair launch, 0% tax, LP burned. Contract: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed. Solana mint EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v for $USDC.';
    const matches = post(text, [
      ['claim', 'Fair launch', { claim: 'fair-launch' }],
      ['address', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', { chain: 'evm', valid: true }],
      ['name', 'Solana'],
      ['address', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', { chain: 'solana' }],
      ['ticker', '$USDC', { symbol: 'USDC', cashtag: true }],
    ]);
    const resolved = [{}, {}, { asset: 'cg:solana' }, { asset: 'cg:usd-coin' }, { asset: 'cg:usd-coin' }];
    expect(claimSubject(text, matches, resolved)).toEqual({
      text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    });
    const question = 'Is $STRK a fair launch? Bitcoin was.';
    const strk = post(question, [
      ['ticker', '$STRK', { symbol: 'STRK', cashtag: true }],
      ['claim', 'fair launch', { claim: 'fair-launch' }],
      ['name', 'Bitcoin'],
    ]);
    expect(
      claimSubject(question, strk, [
        { candidates: ['cg:starknet', 'stock:STRK'] },
        {},
        { asset: 'cg:bitcoin' },
      ]),
    ).toEqual({
      text: '$STRK',
    });
  });
});

describe('claimSubjectOf', () => {
  it('gives each claim the token nearest to it: in one post, the presale is EIGEN’s and the TGE ARB’s', () => {
    const text = '$EIGEN had no presale and a 5% airdrop. TGE soon for $ARB.';
    const at = (t: string) => text.indexOf(t);
    const matches: Match[] = [
      { kind: 'ticker', text: '$EIGEN', start: 0, end: 6, symbol: 'EIGEN', cashtag: true },
      {
        kind: 'claim',
        text: 'no presale',
        start: at('no presale'),
        end: at('no presale') + 10,
        claim: 'no-presale',
      },
      {
        kind: 'claim',
        text: '5% airdrop',
        start: at('5% airdrop'),
        end: at('5% airdrop') + 10,
        claim: 'airdrop',
        value: 5,
      },
      {
        kind: 'claim',
        text: 'TGE soon',
        start: at('TGE soon'),
        end: at('TGE soon') + 8,
        claim: 'token-launch',
      },
      { kind: 'ticker', text: '$ARB', start: at('$ARB'), end: at('$ARB') + 4, symbol: 'ARB', cashtag: true },
    ];
    const resolved = [{ asset: 'cg:eigenlayer' }, {}, {}, {}, { asset: 'cg:arbitrum' }];
    const of = (i: number) => claimSubjectOf(text, matches, resolved, matches[i] as Match);
    expect(of(1)).toEqual({ text: '$EIGEN', asset: 'cg:eigenlayer' });
    expect(of(2)).toEqual({ text: '$EIGEN', asset: 'cg:eigenlayer' });
    expect(of(3)).toEqual({ text: '$ARB', asset: 'cg:arbitrum' });
    // Not a claim: no subject of its own.
    expect(of(0)).toBeUndefined();
    // The post's own subject stays the token nearest to any claim.
    expect(claimSubject(text, matches, resolved)).toEqual({ text: '$EIGEN', asset: 'cg:eigenlayer' });
  });
});
