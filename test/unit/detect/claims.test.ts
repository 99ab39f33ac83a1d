import { describe, expect, it } from 'vitest';
import { CLAIM_IDS, type ClaimId } from '../../../utils/detect';
import { brief, ofKind, realDetector } from './helpers';

const claims = (text: string) => ofKind(realDetector().detect(text), 'claim');
const ids = (text: string) => claims(text).map((m) => m.claim);

describe('claim ids (automation contract)', () => {
  it('are exactly the ten ids of the issue, in order', () => {
    expect(CLAIM_IDS).toEqual([
      'no-vc',
      'no-insiders',
      'community-only',
      'fair-launch',
      'no-presale',
      'airdrop',
      'zero-tax',
      'token-launch',
      'buyback-burn',
      'liquidity-locked',
    ]);
  });
});

/** The examples of the table, English and Chinese, each expected to yield its id. */
const EXAMPLES: Record<ClaimId, string[]> = {
  'no-vc': [
    'no VC',
    'no VCs',
    'zero VC',
    'no investors',
    'no private round',
    '没有风投',
    '沒有風投',
    '无风投',
    '無VC',
  ],
  'no-insiders': ['no insiders', 'no team allocation', '沒有內部人', '没有内部人'],
  'community-only': ['community only', '100% community', 'community-owned', '只有社區', '只有社区'],
  'fair-launch': ['fair launch', 'stealth launch', '公平发射', '公平發射'],
  'no-presale': ['no presale', 'no private sale', 'skipped the presale', '跳過了預售', '无预售'],
  airdrop: ['28% airdrop', 'airdropped 28% of supply', '空投'],
  'zero-tax': ['0% tax', 'zero tax', 'no buy or sell tax', '零税'],
  'token-launch': ['TGE soon', 'launching a token', 'token launch', 'TGE即將來臨', '发币'],
  'buyback-burn': ['buybacks', 'buyback and burn', 'fees routed to buy back', '回購', '回购', '销毁'],
  'liquidity-locked': ['LP burned', 'LP locked', 'ownership renounced'],
};

describe('every claim of the table, alone and inside a sentence', () => {
  for (const [claim, examples] of Object.entries(EXAMPLES)) {
    for (const ex of examples) {
      it(`${claim}: ${ex}`, () => {
        expect(claims(ex)).toMatchObject([{ kind: 'claim', claim, text: ex, start: 0, end: ex.length }]);
        const zh = /[\u3400-\u9fff]/.test(ex);
        const sentence = zh ? `这个项目${ex}。` : `The team says ${ex}, believe it or not.`;
        const found = claims(sentence);
        expect(
          found.map((m) => [m.claim, m.text]),
          sentence,
        ).toEqual([[claim, ex]]);
      });
    }
  }
});

describe('values', () => {
  it('the percentage of airdrop claims', () => {
    expect(claims('28% airdrop')[0]?.value).toBe(28);
    expect(claims('airdropped 28% of supply')[0]).toMatchObject({
      text: 'airdropped 28% of supply',
      value: 28,
    });
    expect(claims('airdrop of 12.5% of the total supply')[0]).toMatchObject({ value: 12.5 });
    expect(claims('10 percent airdrop')[0]).toMatchObject({ text: '10 percent airdrop', value: 10 });
    expect(claims('空投28%给社区')[0]).toMatchObject({ text: '空投28%', value: 28 });
    expect(claims('28%空投')[0]).toMatchObject({ text: '28%空投', value: 28 });
    expect(claims('空投了 5％')[0]).toMatchObject({ text: '空投了 5％', value: 5 });
    expect(claims('空投')[0]?.value).toBeUndefined();
  });
  it('hyphenated forms', () => {
    expect(ids('no-VC, no-presale, zero-tax, fair-launched, community-owned, buy-backs, pre-sale')).toEqual([
      'no-vc',
      'no-presale',
      'zero-tax',
      'fair-launch',
      'community-only',
      'buyback-burn',
    ]);
  });

  it('numbers in other claims', () => {
    expect(claims('0% tax')[0]).toMatchObject({ claim: 'zero-tax', value: 0 });
    expect(claims('100% community')[0]).toMatchObject({ claim: 'community-only', value: 100 });
    expect(claims('tax 0/0')[0]).toMatchObject({ claim: 'zero-tax', text: 'tax 0/0' });
  });
});

describe('negation', () => {
  const negated = [
    'this is NOT a fair launch',
    'not community only',
    "it wasn't fair launched",
    'there is no fair launch here',
    'this is never a fair launch',
    'They will not launch a token',
    'no airdrop, no 28% airdrop',
    '不是公平发射',
    '这不是一个公平发射',
    '沒有空投',
    '不是没有风投',
    '并非只有社区',
    '不回购',
  ];
  for (const t of negated) {
    it(`negated: ${t}`, () => {
      expect(claims(t)).toEqual([]);
    });
  }

  const kept: [string, ClaimId[]][] = [
    ['Not financial advice. Fair launch, no VC', ['fair-launch', 'no-vc']],
    ['not only a fair launch but also 0% tax', ['fair-launch', 'zero-tax']],
    ['no insiders no VC no presale', ['no-insiders', 'no-vc', 'no-presale']],
    ['不仅公平发射，而且没有预售', ['fair-launch', 'no-presale']],
    ['没有风投公平发射', ['no-vc', 'fair-launch']],
    ['Is it a fair launch? Yes: LP burned', ['fair-launch', 'liquidity-locked']],
  ];
  for (const [t, expected] of kept) {
    it(`kept: ${t}`, () => {
      expect(ids(t)).toEqual(expected);
    });
  }

  it('a negated claim is skipped whole, none of its parts reported', () => {
    expect(brief(realDetector().detect('not a fair launch, but $TAO'))).toEqual(['ticker:$TAO']);
  });
});

describe('near misses are not claims', () => {
  const texts = [
    'Fair enough, but $100/mo API is not enough',
    'no one from the team answered',
    'airdrop farming season',
    'community notes are great',
    'the fair is launching next week',
    'burns my eyes',
    'LP tokens are in my wallet',
    'no VCx',
    'launch date TBD',
    'tax season',
  ];
  for (const t of texts) {
    it(t, () => {
      expect(claims(t)).toEqual([]);
    });
  }
});

describe('a real-world style announcement', () => {
  it('@HyperliquidX airdropped 28% of supply, no VC', () => {
    expect(brief(realDetector().detect('@HyperliquidX airdropped 28% of supply, no VC'))).toEqual([
      'handle:@HyperliquidX',
      'claim:airdrop:airdropped 28% of supply=28',
      'claim:no-vc:no VC',
    ]);
  });
  it('這個項目沒有風投，只有社區', () => {
    expect(brief(realDetector().detect('這個項目沒有風投，只有社區'))).toEqual([
      'claim:no-vc:沒有風投',
      'claim:community-only:只有社區',
    ]);
  });
});
