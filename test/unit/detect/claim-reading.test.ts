/**
 * How a launch claim is read, beyond claims.test.ts and the negation files: where the English
 * lookback for a negator stops, which Chinese characters negate a phrase that is itself negative,
 * the percentage around 空投, a longer pattern that starts but does not finish, the word and
 * number boundaries a claim must end at, and the claim trie on its own: it compares characters,
 * not only hashes, and refuses malformed patterns with a message naming them.
 */
import { describe, expect, it } from 'vitest';
import { hashWord } from '../../../utils/detect/charclass';
import { ClaimTrie, numberValue, Tokens } from '../../../utils/detect/claim-trie';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('the English negation lookback', () => {
  it('stops at a line break', () => {
    expect(detect('Not financial advice\nFair launch, no VC')).toEqual([
      'claim:fair-launch:Fair launch',
      'claim:no-vc:no VC',
    ]);
  });

  it('takes "no" as a negator only right before the claim', () => {
    expect(detect('no doubt this was a fair launch')).toEqual(['claim:fair-launch:fair launch']);
    expect(detect('no fair launch here')).toEqual([]);
  });
});

describe('Chinese negation of a phrase that is itself negative', () => {
  it('only 不是, 并非, 並非 negate it; a negator character inside another word does not', () => {
    // 未来 is "the future": 未 negates a positive phrase, never 没有风投
    expect(detect('未来也没有风投')).toEqual(['claim:no-vc:没有风投']);
    expect(detect('不是没有风投')).toEqual([]);
  });
});

describe('the percentage of 空投', () => {
  it('before it, with a full-width sign, 的 and spaces between', () => {
    expect(detect('28％空投')).toEqual(['claim:airdrop:28％空投=28']);
    expect(detect('28% 的空投')).toEqual(['claim:airdrop:28% 的空投=28']);
  });

  it('only with a percent sign: a year before it is no share of the supply', () => {
    expect(detect('2024空投季')).toEqual(['claim:airdrop:空投']);
    const [m] = realDetector().detect('2024空投季');
    expect(m).not.toHaveProperty('value');
  });
});

describe('a claim without a number', () => {
  it('carries no value field at all', () => {
    for (const m of realDetector().detect('Fair launch, no VC, 公平发射')) {
      expect(m.kind).toBe('claim');
      expect(Object.keys(m)).not.toContain('value');
    }
  });
});

describe('the longest pattern', () => {
  it('a longer pattern that begins but does not finish leaves the shorter claim', () => {
    // "tge is coming|live|soon|confirmed" begins with "TGE is"; "TGE" alone is a claim
    expect(detect('TGE is next week')).toEqual(['claim:token-launch:TGE']);
    expect(detect('TGE is live')).toEqual(['claim:token-launch:TGE is live']);
  });
});

describe('where a claim may end', () => {
  it('at the end of a word: not before a digit or an underscore glued to it', () => {
    expect(detect('no VC2 fund')).toEqual([]);
    expect(detect('no VC_fund')).toEqual([]);
    expect(detect('fair launch2')).toEqual([]);
    expect(detect('no VC, fair launch')).toEqual(['claim:no-vc:no VC', 'claim:fair-launch:fair launch']);
  });

  it('after a number, at the end of the text or before a word', () => {
    expect(detect('Tax: 0/0')).toEqual(['claim:zero-tax:Tax: 0/0=0']);
    expect(detect('Tax 0/0 forever')).toEqual(['claim:zero-tax:Tax 0/0=0']);
  });

  it('a full stop after a number ends the number: "0. VCs" is no "0 VCs"', () => {
    expect(detect('Presale buyers: 0. VCs: plenty.')).toEqual([]);
    expect(detect('0 VCs, 0 presale')).toEqual(['claim:no-vc:0 VCs=0']);
  });
});

describe('numberValue', () => {
  it('groups thousands only before exactly three digits; any other comma is a decimal comma', () => {
    expect(numberValue('1,000')).toBe(1000);
    expect(numberValue('1,000,000')).toBe(1_000_000);
    expect(numberValue('1,0000')).toBe(1);
    expect(numberValue('12,3456')).toBe(12.3456);
    expect(numberValue('10,5')).toBe(10.5);
  });
});

describe('the claim trie on its own', () => {
  const longest = (trie: ClaimTrie, text: string) => {
    const tokens = new Tokens();
    tokens.reset(text, 0);
    const m = trie.longest(tokens);
    return m ? { claim: m.terminal?.claim, tokens: m.tokens } : null;
  };

  it('matches a word by its characters, not only by its hash', () => {
    // hand-found collisions of the 30-bit folded hash, one of equal length and one not
    expect(hashWord('hyujme')).toBe(hashWord('vfkdmp'));
    expect(hashWord('suckg')).toBe(hashWord('mukmlul'));
    const trie = new ClaimTrie([
      ['no-vc', 'no vfkdmp'],
      ['no-presale', 'no mukmlul'],
    ]);
    expect(longest(trie, 'no vfkdmp')).toEqual({ claim: 'no-vc', tokens: 2 });
    expect(longest(trie, 'NO VFKDMP')).toEqual({ claim: 'no-vc', tokens: 2 });
    expect(longest(trie, 'no hyujme')).toBeNull();
    expect(longest(trie, 'no mukmlul')).toEqual({ claim: 'no-presale', tokens: 2 });
    expect(longest(trie, 'no suckg')).toBeNull();
  });

  it('refuses two pattern words that share a hash, naming both', () => {
    expect(
      () =>
        new ClaimTrie([
          ['no-vc', 'no vfkdmp'],
          ['no-vc', 'no hyujme'],
        ]),
    ).toThrow('claim trie: hash collision between "vfkdmp" and "hyujme"');
  });

  it('refuses a malformed element or opening, quoting the pattern', () => {
    expect(() => new ClaimTrie([['no-vc', 'no VC']])).toThrow('claim pattern: bad element "VC"');
    expect(() => new ClaimTrie([['no-vc', 'no? vc']])).toThrow(
      'claim pattern must open with a required word or number: no? vc',
    );
    expect(() => new ClaimTrie([['no-vc', '- vc']])).toThrow(
      'claim pattern must open with a required word or number: - vc',
    );
  });
});
