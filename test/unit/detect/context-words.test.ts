/**
 * Which words confirm an ambiguous name (context.ts: ContextVocabulary and `relevant`), beyond
 * names.test.ts: a domain word in any case but only whole, the entry's own words in any case, its
 * tickers in capitals only (and never a one-letter ticker), and only the words of its own domain.
 * Hand-made texts in the shape of names.test.ts's cases.
 */
import { describe, expect, it } from 'vitest';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('a domain word', () => {
  it('in any case, singular or plural, but whole', () => {
    for (const t of ['Meta shares', 'Meta Shares', 'Meta SHARES', 'Meta share'])
      expect(detect(t), t).toEqual(['name:meta:Meta']);
    expect(detect('Meta sharesx')).toEqual([]);
  });

  it('only of the entry’s own domain: company words for a company, crypto words for a coin', () => {
    expect(detect('Visa shares')).toEqual(['name:visa:Visa']);
    expect(detect('Visa token')).toEqual([]);
    expect(detect('Sonic chain')).toEqual(['name:sonic:Sonic']);
    expect(detect('Sonic shares')).toEqual([]);
    expect(detect('苹果公司')).toEqual(['name:apple:苹果']);
    expect(detect('苹果币')).toEqual([]);
    expect(detect('Sonic 链')).toEqual(['name:sonic:Sonic']);
  });
});

describe('the entry’s own words', () => {
  it('its context words in any case', () => {
    for (const t of ['Strategy, Saylor said', 'Strategy, saylor said', 'Strategy, SAYLOR said'])
      expect(detect(t), t).toEqual(['name:strategy:Strategy']);
  });

  it('its tickers in capitals only, of two letters or more', () => {
    expect(detect('Meta META')).toEqual(['name:meta:Meta']);
    expect(detect('Near NEAR')).toEqual(['name:near:Near']);
    expect(detect('Meta meta')).toEqual([]);
    expect(detect('Near near')).toEqual([]);
    expect(detect('Visa V')).toEqual([]);
  });

  it('not the name itself again', () => {
    expect(detect('Meta Meta')).toEqual([]);
  });
});
