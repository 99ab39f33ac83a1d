/** The public API: shapes, precedence between kinds, document order, and the documented options. */
import { describe, expect, it } from 'vitest';
import * as api from '../../../utils/detect';
import { createDetector, DEFAULT_BARE_SYMBOLS, DEFAULT_NAMES, type Match } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { brief, invariantViolation, realDetector } from './helpers';

describe('public API', () => {
  it('exports the documented entry points', () => {
    for (const name of [
      'createDetector',
      'detectCashtags',
      'DEFAULT_NAMES',
      'DEFAULT_BARE_SYMBOLS',
      'CLAIM_IDS',
      'isValidEip55',
      'toChecksumAddress',
    ]) {
      expect(name in api, name).toBe(true);
    }
  });

  it('returns one Match per mention, with exact UTF-16 offsets', () => {
    const text = '🚀 @bittensor_ 比特幣 $TAO: 28% airdrop, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    const found = realDetector().detect(text);
    expect(invariantViolation(text, found)).toBeNull();
    const expected: Match[] = [
      { kind: 'handle', text: '@bittensor_', start: 3, end: 14, handle: 'bittensor_' },
      { kind: 'name', text: '比特幣', start: 15, end: 18, nameKey: 'bitcoin', asset: 'cg:bitcoin' },
      { kind: 'ticker', text: '$TAO', start: 19, end: 23, symbol: 'TAO', cashtag: true },
      { kind: 'claim', text: '28% airdrop', start: 25, end: 36, claim: 'airdrop', value: 28 },
      {
        kind: 'address',
        text: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        start: 38,
        end: 80,
        chain: 'evm',
        valid: true,
      },
    ];
    expect(found).toEqual(expected);
  });

  it('empty and whitespace-only text', () => {
    expect(realDetector().detect('')).toEqual([]);
    expect(realDetector().detect(' \n\t ')).toEqual([]);
  });

  it('defaults: the built-in dictionary and curated bare list', () => {
    const d = createDetector({ symbols: new Set() });
    expect(brief(d.detect('Bitcoin and ETH'))).toEqual(['name:bitcoin:Bitcoin', 'ticker:ETH']);
    expect(DEFAULT_NAMES.length).toBeGreaterThan(150);
    expect(DEFAULT_BARE_SYMBOLS.size).toBeGreaterThan(8);
  });

  it('a caller bare list replaces the default one', () => {
    const d = createDetector({ symbols: loadSymbols(), bareSymbols: new Set(['HYPE']) });
    expect(brief(d.detect('HYPE and ETH'))).toEqual(['ticker:HYPE']);
  });
});

describe('precedence (non-overlapping, first kind wins at a position)', () => {
  const cases: [string, string[]][] = [
    ['$BTC BTC', ['ticker:$BTC', 'ticker:BTC']],
    ['@Tesla Tesla', ['handle:@Tesla', 'name:tesla:Tesla']],
    [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      ['address:evm:valid:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ],
    ['Bitcoin Cash', ['name:bitcoin-cash:Bitcoin Cash']],
    ['比特币现金', ['name:bitcoin-cash:比特币现金']],
    ['TGE即將來臨', ['claim:token-launch:TGE即將來臨']],
    ['LP已销毁', ['claim:liquidity-locked:LP已销毁']],
    ['500 NEAR', ['ticker:NEAR']],
    [
      'https://etherscan.io/token/0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed?a=Bitcoin',
      ['address:evm:valid:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      expect(brief(realDetector().detect(text))).toEqual(expected);
    });
  }
});

describe('bidi overrides (hostile text)', () => {
  const detect = (text: string) => brief(realDetector().detect(text));

  it('detects nothing a bidi override reorders: what is read is what is shown', () => {
    // Shown as "LOS$" and "VC on".
    expect(detect('\u202e$SOL\u202c')).toEqual([]);
    expect(detect('\u202dno VC\u202c')).toEqual([]);
    expect(detect('gm $BTC \u202eemos\u202c and $ETH')).toEqual(['ticker:$BTC', 'ticker:$ETH']);
  });

  it('ends an override at its PDF, at the end of its isolate and at the end of the paragraph', () => {
    expect(detect('\u2067\u202e$SOL\u2069 $ETH')).toEqual(['ticker:$ETH']);
    expect(detect('\u202eabc\n$SOL')).toEqual(['ticker:$SOL']);
    expect(detect('\u202e\u202b$BTC\u202c$SOL\u202c $ETH')).toEqual(['ticker:$ETH']);
  });

  it('reads through embeddings and isolates, which keep a word’s letters in order', () => {
    expect(detect('a \u202b$SOL\u202c b \u2067$ETH\u2069')).toEqual(['ticker:$SOL', 'ticker:$ETH']);
  });
});
