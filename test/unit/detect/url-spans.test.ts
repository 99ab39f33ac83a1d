/**
 * Where a URL starts and ends (urls.ts, and the scanner's use of it in detector.ts): inside one only
 * addresses count; what opens one (a scheme in any case with "://", "www."), what does not, and each
 * character that ends one. Hand-made texts in the shape of the links in X posts (t.co, x.com,
 * truncated with "…", in angle brackets or quotes).
 */
import { describe, expect, it } from 'vitest';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

describe('what opens a URL', () => {
  it('http:// or https:// in any case, or www. in any case', () => {
    for (const t of [
      'HTTPS://x.com/Tesla',
      'Https://x.com/Tesla',
      'http://x.com/Tesla',
      'WWW.x.com/Tesla',
      'www.x.com/Tesla',
    ])
      expect(detect(t), t).toEqual([]);
  });

  // Nvidia, not Tesla: "Tesla" alone also needs the text to show a company (person-names.ts).
  it('not a scheme without its "://", another word, or "ww."', () => {
    for (const t of [
      'http:/Nvidia',
      'https:Nvidia',
      'http//Nvidia',
      'http;//Nvidia',
      'http:x/Nvidia',
      'httpx://Nvidia',
      'htt://Nvidia',
      'ww.Nvidia',
    ])
      expect(detect(t), t).toEqual(['name:nvidia:Nvidia']);
    expect(detect('www Nvidia')).toEqual(['name:nvidia:Nvidia']);
    expect(detect('www/Nvidia')).toEqual(['name:nvidia:Nvidia']);
  });

  it('a scheme glued to a word before it is no URL opener ("xhttps")', () => {
    expect(detect('xhttps://x.com/Nvidia')).toEqual(['name:nvidia:Nvidia']);
  });

  it('a URL after a colon still opens one', () => {
    expect(detect('see:https://x.com/Tesla')).toEqual([]);
  });
});

describe('what ends a URL', () => {
  it('whitespace, a CJK character, a quote, an angle bracket, a backtick, a control character', () => {
    for (const t of [
      'https://x.com/a Bitcoin',
      'https://x.com/a\tBitcoin',
      'https://x.com/a\u3000Bitcoin',
      'https://x.com/a"Bitcoin',
      "https://x.com/a'Bitcoin",
      '<https://x.com/a>Bitcoin',
      'https://x.com/a<Bitcoin',
      'https://x.com/a`Bitcoin',
      'https://x.com/a\u007fBitcoin',
    ])
      expect(detect(t), JSON.stringify(t)).toEqual(['name:bitcoin:Bitcoin']);
    expect(detect('https://x.com/a比特币')).toEqual(['name:bitcoin:比特币']);
  });

  it('a non-ASCII character that is no letter, such as the "…" of a truncated link', () => {
    expect(detect('https://x.com/a…Bitcoin')).toEqual(['name:bitcoin:Bitcoin']);
  });

  it('not an accented or other alphabetic letter (IRIs)', () => {
    expect(detect('https://de.wikipedia.org/wiki/Bitcoinção Bitcoin')).toEqual(['name:bitcoin:Bitcoin']);
    expect(detect('https://x.com/Ω/Bitcoin')).toEqual([]);
  });

  it('mentions before and after a URL keep their offsets', () => {
    const found = realDetector().detect('Bitcoin https://x.com/Bitcoin Bitcoin');
    expect(found.map((m) => [m.text, m.start, m.end])).toEqual([
      ['Bitcoin', 0, 7],
      ['Bitcoin', 30, 37],
    ]);
  });
});

describe('addresses inside a URL', () => {
  const a = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
  const b = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
  const mint = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';

  it('every address of the path, each with its offsets and checksum', () => {
    const text = `https://etherscan.io/address/${a}/${b}`;
    const found = realDetector().detect(text);
    expect(found.map((m) => [m.text, m.start, m.end])).toEqual([
      [a, 29, 71],
      [b, 72, 114],
    ]);
    // one letter's case changed: the checksum fails
    expect(detect('https://a.b/0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual([
      'address:evm:invalid:0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    ]);
  });

  it('a Solana mint after www.', () => {
    expect(detect(`www.x.com/${mint}`)).toEqual([`address:solana:valid:${mint}`]);
  });

  it('not a run that only looks like one', () => {
    expect(detect(`http://a.b/${a.slice(0, -1)}X`)).toEqual([]);
  });
});
