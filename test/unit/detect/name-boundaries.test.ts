/**
 * The edges of a name (name-matcher.ts, and the person rule of detector.ts): what may come right
 * before and after a Latin name, a multi-word name cut short, capitals, Chinese names cut short, and
 * where a given name before a company's name makes it a person's surname. Hand-made texts; the
 * person rule runs on the worker's real given names (as person-and-pair-names.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../utils/detect';
import { detectorData } from '../../../utils/registry/detect-data';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('a Latin name', () => {
  it('ends before punctuation, a possessive or a hyphen; not before a word character or a foreign letter', () => {
    for (const t of ['Bitcoin.', 'Bitcoin.5', 'Bitcoin ', "Bitcoin's", 'Bitcoin-based'])
      expect(detect(t), t).toEqual(['name:bitcoin:Bitcoin']);
    for (const t of ['Bitcoin_', 'Bitcoin2', 'Bitcoinção', 'bitcoin@x', 'bitcoin.org is the site'])
      expect(detect(t), t).toEqual([]);
  });

  it('starts after no word character, foreign letter, "$" or at sign', () => {
    for (const t of ['3Bitcoin', '_Bitcoin', 'éBitcoin', '$$Bitcoin', '5$Bitcoin', 'a@Bitcoin', 'a＠Bitcoin'])
      expect(detect(t), t).toEqual([]);
  });

  it('a multi-word name needs spaces between its words, on one line', () => {
    expect(detect('Bank of America')).toEqual(['name:bank-of-america:Bank of America']);
    expect(detect('Bank ofAmerica')).toEqual([]);
    expect(detect('Bitcoin \nCash')).toEqual(['name:bitcoin:Bitcoin']);
  });

  it('a multi-word name cut short, or glued to a letter, is its first word', () => {
    expect(detect('Bitcoin Ca')).toEqual(['name:bitcoin:Bitcoin']);
    expect(detect('Bitcoin Cashé')).toEqual(['name:bitcoin:Bitcoin']);
    expect(detect('Bitcoin\tCash.')).toEqual(['name:bitcoin-cash:Bitcoin\tCash']);
  });

  it('before a legal ending: a company’s name stays the company, a coin’s becomes part of one', () => {
    expect(detect('Tesla Inc. reported record deliveries')).toEqual(['name:tesla:Tesla']);
    expect(detect('Tesla Corp shares')).toEqual(['name:tesla:Tesla']);
    expect(detect('Bitcoin Corp shares')).toEqual([]);
  });

  it('a name with its own capitals: as written or all in capitals, never mixed otherwise', () => {
    expect(detect('Tesla shares')).toEqual(['name:tesla:Tesla']);
    expect(detect('TESLA shares')).toEqual(['name:tesla:TESLA']);
    for (const t of ['tesla shares', 'TeSLA shares']) expect(detect(t), t).toEqual([]);
  });
});

describe('a Chinese name', () => {
  it('is the longest entry that is whole in the text', () => {
    expect(detect('比特币现')).toEqual(['name:bitcoin:比特币']);
    expect(detect('以太坊經典')).toEqual(['name:ethereum:以太坊']);
    expect(detect('比特')).toEqual([]);
  });

  it('after a middle dot, the surname of a full name only when CJK comes before the dot', () => {
    for (const dot of ['·', '・', '•', '‧', '･']) expect(detect(`尼古拉${dot}特斯拉`), dot).toEqual([]);
    // a coin's name is no surname ("market·Bitcoin", a heading)
    expect(detect('行情·比特币')).toEqual(['name:bitcoin:比特币']);
    expect(detect('·特斯拉')).toEqual(['name:tesla:特斯拉']);
    expect(detect('A·特斯拉')).toEqual(['name:tesla:特斯拉']);
  });
});

describe('a company named in Chinese is company context', () => {
  it('for an ambiguous company nearby, where a coin is not', () => {
    expect(detect('特斯拉和苹果')).toEqual(['name:tesla:特斯拉', 'name:apple:苹果']);
    expect(detect('比特币和苹果')).toEqual(['name:bitcoin:比特币']);
  });
});

describe('a given name before a company’s name', () => {
  const detector = createDetector(detectorData());
  const names = (text: string) => detector.detect(text).map((m) => `${m.text}@${m.start}`);

  it('makes it a surname when capitalised, a word of its own, one space between', () => {
    expect(names('Nikola Tesla')).toEqual([]);
    expect(names('x Nikola Tesla')).toEqual([]);
    expect(names("O'Nikola Tesla")).toEqual([]);
  });

  it('only before a company’s name: a coin’s name stays the coin', () => {
    expect(names('I told Michael Bitcoin would hit 100k')).toEqual(['Bitcoin@15']);
  });

  // Dell, not Tesla: "Tesla" alone also needs the text to show a company (person-names.ts).
  it('not in lower case, nor glued to a digit or a foreign letter, nor two spaces away', () => {
    expect(names('Michael Dell')).toEqual([]);
    expect(names('michael Dell')).toEqual(['Dell@8']);
    expect(names('Michael  Dell')).toEqual(['Dell@9']);
    expect(names('3Michael Dell')).toEqual(['Dell@9']);
    expect(names('éMichael Dell')).toEqual(['Dell@9']);
  });
});
