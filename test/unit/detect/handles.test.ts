/**
 * Handles: twitter-text's mention conformance cases (extract.yml `mentions`, `mentions_with_indices`,
 * loaded at test time) plus the rules X applies today.
 */
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { brief, loadConformance, ofKind, realDetector } from './helpers';

const handles = (text: string) => ofKind(realDetector().detect(text), 'handle');

const extract = loadConformance('extract.yml');

function list(section: unknown): { description: string; text: string; expected: unknown }[] {
  if (!Array.isArray(section)) throw new Error('not a list');
  return section as { description: string; text: string; expected: unknown }[];
}

describe('twitter-text conformance: mentions', () => {
  for (const c of list(extract.mentions)) {
    it(c.description, () => {
      expect(handles(c.text).map((m) => m.handle)).toEqual(c.expected);
    });
  }
  for (const c of list(extract.mentions_with_indices)) {
    it(`with indices: ${c.description}`, () => {
      expect(handles(c.text).map((m) => ({ screen_name: m.handle, indices: [m.start, m.end] }))).toEqual(
        c.expected,
      );
    });
  }
});

describe('handles', () => {
  it('reports the handle with and without @', () => {
    expect(handles('follow @bittensor_ and @HyperliquidX')).toEqual([
      { kind: 'handle', text: '@bittensor_', start: 7, end: 18, handle: 'bittensor_' },
      { kind: 'handle', text: '@HyperliquidX', start: 23, end: 36, handle: 'HyperliquidX' },
    ]);
  });

  it('deviation: more than 15 characters is not a handle (twitter-text links the first 20)', () => {
    const text = 'hi @abcdefghijklmnopqrstu and @abcdefghijklmno';
    expect(twitter.extractMentions(text)).toEqual(['abcdefghijklmnopqrst', 'abcdefghijklmno']);
    expect(handles(text).map((m) => m.handle)).toEqual(['abcdefghijklmno']);
  });

  it('e-mail addresses are not handles', () => {
    expect(handles('write to team@tesla.com or ir@bittensor.org')).toEqual([]);
  });

  it('the fullwidth at sign counts', () => {
    expect(handles('关注＠elonmusk')).toMatchObject([{ text: '＠elonmusk', handle: 'elonmusk' }]);
  });

  it('a handle beats the name inside it', () => {
    expect(brief(realDetector().detect('@Tesla @bittensor @Solana'))).toEqual([
      'handle:@Tesla',
      'handle:@bittensor',
      'handle:@Solana',
    ]);
  });

  it('not inside URLs', () => {
    expect(handles('https://medium.com/@someone/post and https://x.com/@user')).toEqual([]);
  });
});
