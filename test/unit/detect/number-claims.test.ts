/**
 * Claims that carry a number ("28% airdrop", "0% tax", "空投28%"): where the number starts and ends,
 * how its value is read, and the forms of the percent sign. Hand-made texts in the shapes of the
 * issue's examples and of the corpus (test/fixtures/accuracy/corpus.json).
 */
import { describe, expect, it } from 'vitest';
import { brief, ofKind, realDetector } from './helpers';

const claims = (text: string) => brief(ofKind(realDetector().detect(text), 'claim'));

describe('the percent sign', () => {
  it('"%", full-width "％", "percent" and "pct" in any case, with or without a space', () => {
    expect(claims('28% airdrop')).toEqual(['claim:airdrop:28% airdrop=28']);
    expect(claims('5％ airdrop')).toEqual(['claim:airdrop:5％ airdrop=5']);
    expect(claims('5 Percent airdrop')).toEqual(['claim:airdrop:5 Percent airdrop=5']);
    expect(claims('5 PCT airdrop')).toEqual(['claim:airdrop:5 PCT airdrop=5']);
    expect(claims('12.5 % airdrop')).toEqual(['claim:airdrop:12.5 % airdrop=12.5']);
    expect(claims('100%airdrop')).toEqual(['claim:airdrop:100%airdrop=100']);
    expect(claims('0 %tax')).toEqual(['claim:zero-tax:0 %tax=0']);
  });

  it('not across a line break, and only before a whole word', () => {
    expect(claims('5%\nairdrop')).toEqual([]);
    expect(claims('28% airdropx')).toEqual([]);
  });
});

describe('a zero opens claims with a word right after it', () => {
  it('"0 VC", "00 VC", "0 tax", "0/0 tax"', () => {
    expect(claims('0 VC')).toEqual(['claim:no-vc:0 VC=0']);
    expect(claims('00 VC')).toEqual(['claim:no-vc:00 VC=0']);
    expect(claims('0 tax')).toEqual(['claim:zero-tax:0 tax=0']);
    expect(claims('0/0 tax')).toEqual(['claim:zero-tax:0/0 tax=0']);
    expect(claims('0 / 0 taxes')).toEqual(['claim:zero-tax:0 / 0 taxes=0']);
  });

  it('any other number needs a percent sign', () => {
    expect(claims('5 VC')).toEqual([]);
    expect(claims('5 tax')).toEqual([]);
  });
});

describe('where a number starts', () => {
  it('never inside a longer number: the digits after a decimal point or comma', () => {
    // a 1% tax, not a zero tax
    expect(claims('1.0% tax')).toEqual([]);
    expect(claims('a 1.0% tax')).toEqual([]);
    expect(claims('a 1,0% tax')).toEqual([]);
    expect(claims('3.0% airdrop')).toEqual(['claim:airdrop:3.0% airdrop=3']);
  });

  it('after a full stop that ends a sentence', () => {
    expect(claims('Fair launch.0% tax')).toEqual([
      'claim:fair-launch:Fair launch',
      'claim:zero-tax:0% tax=0',
    ]);
  });

  it('never glued to the end of a word', () => {
    expect(claims('v0% tax')).toEqual([]);
    expect(claims('A0% tax')).toEqual([]);
  });
});

describe('the value of a number', () => {
  it('thousands separators and decimals', () => {
    expect(claims('1,000% airdrop')).toEqual(['claim:airdrop:1,000% airdrop=1000']);
    expect(claims('0.5% airdrop')).toEqual(['claim:airdrop:0.5% airdrop=0.5']);
  });

  it('a decimal comma is a decimal, not a thousands separator', () => {
    expect(claims('10,5% airdrop')).toEqual(['claim:airdrop:10,5% airdrop=10.5']);
  });

  it('a run of digits and points that is no number (a version) carries no claim', () => {
    expect(claims('2.5.1% airdrop')).toEqual([]);
  });
});

describe('Chinese airdrops: the percentage after or before 空投', () => {
  it('after it, past up to three spaces or fillers (了 约 高达 …)', () => {
    expect(claims('空投28%给社区')).toEqual(['claim:airdrop:空投28%=28']);
    expect(claims('空投了约28%')).toEqual(['claim:airdrop:空投了约28%=28']);
    expect(claims('空投了约 28%')).toEqual(['claim:airdrop:空投了约 28%=28']);
    expect(claims('空投了约高达28%')).toEqual(['claim:airdrop:空投']);
  });

  it('before it, with 的 or spaces between', () => {
    expect(claims('28%空投')).toEqual(['claim:airdrop:28%空投=28']);
    expect(claims('28%的空投')).toEqual(['claim:airdrop:28%的空投=28']);
    expect(claims('28% 空投')).toEqual(['claim:airdrop:28% 空投=28']);
    expect(claims('28 %空投')).toEqual(['claim:airdrop:空投']);
  });

  it('only an airdrop takes a percentage: the one after a fair launch is the next airdrop’s', () => {
    expect(claims('公平发射 28%空投')).toEqual(['claim:fair-launch:公平发射', 'claim:airdrop:28%空投=28']);
    expect(claims('公平发射28%空投')).toEqual(['claim:fair-launch:公平发射', 'claim:airdrop:28%空投=28']);
  });

  it('a number glued to a word is no percentage of the airdrop', () => {
    expect(claims('v2%空投')).toEqual(['claim:airdrop:空投']);
    expect(claims('Q2%空投')).toEqual(['claim:airdrop:空投']);
  });

  it('the whole number, with its thousands separator or decimal comma', () => {
    expect(claims('空投1,000%')).toEqual(['claim:airdrop:空投1,000%=1000']);
    expect(claims('1,000%空投')).toEqual(['claim:airdrop:1,000%空投=1000']);
    expect(claims('10,5%空投')).toEqual(['claim:airdrop:10,5%空投=10.5']);
    expect(claims('空投10,5%')).toEqual(['claim:airdrop:空投10,5%=10.5']);
    expect(claims('空投12.5%')).toEqual(['claim:airdrop:空投12.5%=12.5']);
  });

  it('no number that is no number (a version)', () => {
    expect(claims('空投2.5.1%')).toEqual(['claim:airdrop:空投']);
    expect(claims('2.5.1%空投')).toEqual(['claim:airdrop:空投']);
    expect(claims('空投.5%')).toEqual(['claim:airdrop:空投']);
  });
});
