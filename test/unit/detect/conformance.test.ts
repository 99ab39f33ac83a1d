/**
 * twitter-text's cashtag conformance suite, loaded from the shared YAML at test time: extract.yml
 * `cashtags` and `cashtags_with_indices`, and every cashtag case of autolink.yml. Each case runs
 * against a detector that knows no symbols (the pure 2012 rule) and against the real symbol set.
 *
 * Deliberate deviations are listed in DEVIATIONS beside the case they override, as
 * description → our expected output → why; each is asserted both ways: twitter-text (the npm package,
 * run live) gives the YAML's answer, the detector gives ours.
 */
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../utils/detect';
import { detectCashtags } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { detectorWith, loadConformance, realDetector } from './helpers';

interface Case {
  description: string;
  text: string;
  expected: unknown;
}

function cases(section: unknown): Case[] {
  if (!Array.isArray(section)) throw new Error('section is not a list');
  return section.map((c: unknown) => {
    const o = c as Partial<Case>;
    if (typeof o.description !== 'string' || typeof o.text !== 'string') throw new Error('bad case');
    return { description: o.description, text: o.text, expected: o.expected };
  });
}

/** The cashtag bodies as written ("TEST.T", "symbol"), as twitter-text reports them. */
function bodies(detector: Detector, text: string): string[] {
  return detector
    .detect(text)
    .filter((m) => m.kind === 'ticker' && m.cashtag)
    .map((m) => m.text.slice(1));
}

function withIndices(detector: Detector, text: string): { cashtag: string; indices: [number, number] }[] {
  return detector
    .detect(text)
    .filter((m) => m.kind === 'ticker' && m.cashtag)
    .map((m) => ({ cashtag: m.text.slice(1), indices: [m.start, m.end] }));
}

const extract = loadConformance('extract.yml');
const autolink = loadConformance('autolink.yml');

const detectors: [string, Detector, ReadonlySet<string>][] = [
  ['no symbols (2012 rule)', detectorWith([]), new Set()],
  ['real symbol set', realDetector(), loadSymbols()],
];

describe('twitter-text conformance: extract.yml cashtags', () => {
  const list = cases(extract.cashtags);
  it('has the cases we expect to run', () => {
    expect(list.length).toBeGreaterThanOrEqual(8);
  });
  for (const [label, detector, symbols] of detectors) {
    for (const c of list) {
      it(`${label}: ${c.description}`, () => {
        expect(bodies(detector, c.text)).toEqual(c.expected);
        // the cashtag-only fast path agrees with the full detector
        expect(detectCashtags(c.text, symbols).map((m) => m.text.slice(1))).toEqual(c.expected);
      });
    }
  }
});

describe('twitter-text conformance: extract.yml cashtags_with_indices', () => {
  const list = cases(extract.cashtags_with_indices);
  for (const [label, detector] of detectors) {
    for (const c of list) {
      it(`${label}: ${c.description}`, () => {
        expect(withIndices(detector, c.text)).toEqual(c.expected);
      });
    }
  }
});

describe('twitter-text conformance: autolink.yml cashtag cases', () => {
  const list: Case[] = [];
  for (const section of Object.values(autolink)) {
    for (const c of cases(section)) {
      if (
        typeof c.expected === 'string' &&
        (c.expected.includes('cashtag') || /cashtag/i.test(c.description))
      )
        list.push(c);
    }
  }
  it('finds the cashtag cases (autolink `cashtags` and `all`)', () => {
    expect(list.length).toBeGreaterThanOrEqual(3);
  });
  for (const [label, detector] of detectors) {
    for (const c of list) {
      it(`${label}: ${c.description}: ${c.text}`, () => {
        const linked = [...String(c.expected).matchAll(/class="tweet-url cashtag">\$([^<]+)<\/a>/g)].map(
          (m) => m[1],
        );
        expect(bodies(detector, c.text)).toEqual(linked);
      });
    }
  }
});

/**
 * Deliberate deviations from twitter-text. `overrides` names the conformance case (or rule) the
 * deviation departs from; `twitter` is what twitter-text returns, `ours` what the detector returns.
 */
const DEVIATIONS: {
  overrides: string;
  text: string;
  symbols?: string[];
  twitter: string[];
  ours: string[];
  why: string;
}[] = [
  {
    overrides: 'Do not extract cashtags if they contain numbers',
    text: '$1INCH $test123',
    symbols: ['1INCH', 'TEST123'],
    twitter: [],
    ours: ['1INCH', 'test123'],
    why: 'crypto symbols contain digits; a symbol the registry knows counts',
  },
  {
    overrides: 'Do not extract too long cashtags',
    text: '$BITCOIN $FARTCOIN $CashtagMustBeLessThanSixCharacter',
    symbols: ['BITCOIN', 'FARTCOIN'],
    twitter: [],
    ours: ['BITCOIN', 'FARTCOIN'],
    why: 'crypto symbols run past six letters; known ones count, unknown long ones still do not',
  },
  {
    overrides: 'Do not extract cashtags if there is no space before $ (opening brackets and quotes)',
    text: 'Bittensor ($TAO) and “$SOL” and "$ETH"',
    twitter: [],
    ours: ['TAO', 'SOL', 'ETH'],
    why: 'articles write "Name ($TICKER)" and quote tickers; a bracket or quote is a boundary, not a word',
  },
  {
    overrides: 'Do not extract cashtags if there is no space before $ (trading pairs)',
    text: '$ETH/$BTC ratio',
    twitter: ['ETH'],
    ours: ['ETH', 'BTC'],
    why: 'pairs are written "$ETH/$BTC"; the slash separates two tickers',
  },
  {
    overrides: 'Do not extract cashtags if there is no space before $ (CJK and emoji)',
    text: '买入$BTC 🚀$PEPE',
    twitter: [],
    ours: ['BTC', 'PEPE'],
    why: 'Chinese has no spaces between words, and emoji sit flush against tickers in crypto posts',
  },
  {
    overrides: 'cashtag must be followed by whitespace or ASCII punctuation',
    text: '$BTC突破10万 $SOL🚀',
    twitter: [],
    ours: ['BTC', 'SOL'],
    why: 'a CJK character or an emoji right after the symbol ends it just as well as a space',
  },
];

describe('deliberate deviations from twitter-text', () => {
  for (const d of DEVIATIONS) {
    it(`${d.overrides}: ${d.text} → ${JSON.stringify(d.ours)} (${d.why})`, () => {
      expect(twitter.extractCashtagsWithIndices(d.text).map((c) => c.cashtag)).toEqual(d.twitter);
      const detector = detectorWith(d.symbols ?? []);
      expect(bodies(detector, d.text)).toEqual(d.ours);
    });
  }

  it('prices are never cashtags, even when a symbol set lists the same string (21M, 100X are CoinGecko symbols)', () => {
    const text = '$61,000 $67k $1.5B $0.05 $100-a-month $21M $100x $5T $2.5bn';
    expect(twitter.extractCashtagsWithIndices(text)).toEqual([]);
    const detector = detectorWith(['21M', '100X', '67K', '5T']);
    expect(bodies(detector, text)).toEqual([]);
    expect(bodies(realDetector(), text)).toEqual([]);
  });

  it('`symbol` is upper-cased while `text` keeps the spelling (twitter-text keeps "symbol")', () => {
    const [m] = realDetector().detect('Example: $symbol test');
    expect(m).toMatchObject({ text: '$symbol', symbol: 'SYMBOL', cashtag: true, start: 9, end: 16 });
  });
});
