/**
 * Where a negation stops reaching (claims.ts, negatedEn and negatedZh), beyond the cases of
 * claims.test.ts and negation-window.test.ts: what counts as a word between the negator and the
 * claim, what ends the lookback (a line break, a clause mark, an earlier match), the words that
 * strengthen instead of negating, and the exact reach of a Chinese negator. Hand-made sentences in
 * the style of the corpus's launch posts.
 */
import { describe, expect, it } from 'vitest';
import { brief, ofKind, realDetector } from './helpers';

const ids = (text: string) => ofKind(realDetector().detect(text), 'claim').map((m) => m.claim);

describe('English', () => {
  it('emoji, quotes and curly apostrophes between the negator and the claim are no words', () => {
    expect(ids('not 🚀🚀 fair launch')).toEqual([]);
    expect(ids('not "fair launch"')).toEqual([]);
    expect(ids('isn’t fair launched')).toEqual([]);
    expect(ids('Never a fair launch')).toEqual([]);
    expect(ids('a fake fair launch')).toEqual([]);
  });

  it('a line break, a clause mark or an earlier match ends the lookback', () => {
    expect(ids('not\nfair launch')).toEqual(['fair-launch']);
    expect(ids('it’s not, in fact, a fair launch')).toEqual(['fair-launch']);
    expect(brief(realDetector().detect('not $TAO fair launch'))).toEqual([
      'ticker:$TAO',
      'claim:fair-launch:fair launch',
    ]);
  });

  it('"not only" and "not just" strengthen', () => {
    expect(ids('not only a fair launch')).toEqual(['fair-launch']);
    expect(ids('not just a fair launch')).toEqual(['fair-launch']);
  });

  it('"no" negates only the word right after it, and only a claim that is not negative itself', () => {
    expect(ids('no 100% airdrop')).toEqual([]);
    expect(ids('No doubt it is a fair launch')).toEqual(['fair-launch']);
    expect(ids('no insiders no VC')).toEqual(['no-insiders', 'no-vc']);
  });
});

describe('Chinese', () => {
  it('a negator among the eight characters before the claim, not the ninth', () => {
    expect(ids('不我们的项目真的公平发射')).toEqual([]);
    expect(ids('不我们的项目真的是公平发射')).toEqual(['fair-launch']);
  });

  it('a clause mark ends the lookback', () => {
    expect(ids('不，公平发射')).toEqual(['fair-launch']);
    expect(ids('不是公平发射，是空投')).toEqual(['airdrop']);
  });

  it('every negator of a positive phrase', () => {
    for (const t of ['还未空投', '非公平发射', '别回购', '這不是公平發射', '沒有空投', '无回购'])
      expect(ids(t), t).toEqual([]);
  });

  it('不仅, 不僅, 不只, 不但 ("not only") strengthen', () => {
    for (const t of ['不仅公平发射', '不僅公平發射', '不只公平发射', '不但公平发射'])
      expect(ids(t), t).toEqual(['fair-launch']);
  });

  it('so do 非但, 非仅, 非僅, 非只, the written forms of "not only"', () => {
    for (const t of ['非但公平发射，而且没有预售', '非仅公平发射', '非僅公平發射', '非只公平发射'])
      expect(ids(t)[0], t).toEqual('fair-launch');
    // 非 alone still negates, and other negators before 只 keep negating
    expect(ids('非公平发射')).toEqual([]);
    expect(ids('没只公平发射')).toEqual([]);
  });

  it('a negative phrase is negated only by 不是, 并非, 並非', () => {
    expect(ids('不是没有风投')).toEqual([]);
    expect(ids('并非无风投')).toEqual([]);
    expect(ids('並非無風投')).toEqual([]);
    expect(ids('没有风投，无预售')).toEqual(['no-vc', 'no-presale']);
  });
});
