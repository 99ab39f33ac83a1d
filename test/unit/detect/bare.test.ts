import { describe, expect, it } from 'vitest';
import { BARE_STOP_LIST, createDetector, DEFAULT_BARE_SYMBOLS } from '../../../utils/detect';
import { loadSymbols } from './fixture-data';
import { brief, ofKind, realDetector } from './helpers';

const tickers = (text: string) => ofKind(realDetector().detect(text), 'ticker');

describe('bare symbols', () => {
  it('curated majors count without $', () => {
    expect(brief(tickers('BTC, ETH and SOL; USDC/USDT pairs; XRP BNB DOGE'))).toEqual([
      'ticker:BTC',
      'ticker:ETH',
      'ticker:SOL',
      'ticker:USDC',
      'ticker:USDT',
      'ticker:XRP',
      'ticker:BNB',
      'ticker:DOGE',
    ]);
    expect(tickers('ETH')[0]).toEqual({
      kind: 'ticker',
      text: 'ETH',
      start: 0,
      end: 3,
      symbol: 'ETH',
      cashtag: false,
    });
  });

  it('a known symbol bound to an amount counts', () => {
    expect(
      tickers('Strategy bought 21,454 BTC; I hold 3.125 BTC, 500 TAO, 1.2M PEPE and 10k HYPE').map(
        (m) => m.text,
      ),
    ).toEqual(['BTC', 'BTC', 'TAO', 'PEPE', 'HYPE']);
  });

  it('a known symbol without an amount does not (HYPE, PEPE, LINK are words too)', () => {
    expect(tickers('HYPE is real, PEPE the frog, LINK in bio')).toEqual([]);
  });

  it('acronyms never, with or without an amount', () => {
    const acronyms = [
      'AI',
      'CEO',
      'IPO',
      'ETF',
      'GPU',
      'API',
      'NFT',
      'DEX',
      'GDP',
      'US',
      'SEC',
      'NAV',
      'BI',
      'ERC',
      'USD',
      'PM',
      'TVL',
      'APY',
      'ATH',
      'CPI',
      'FOMC',
    ];
    for (const a of acronyms) {
      expect(BARE_STOP_LIST.has(a), a).toBe(true);
      expect(tickers(`the ${a} said 5 ${a} and 10 ${a}s`), a).toEqual([]);
    }
  });

  it('the stop list wins over a caller-supplied bare list', () => {
    const d = createDetector({ symbols: loadSymbols(), bareSymbols: new Set(['AI', 'BTC']) });
    expect(brief(d.detect('AI and BTC'))).toEqual(['ticker:BTC']);
  });

  it('all-caps headlines do not bind amounts ("TOP 10 COINS TO BUY")', () => {
    expect(tickers('TOP 10 COINS TO BUY NOW')).toEqual([]);
    expect(tickers('BUY 500 MORE')).toEqual([]);
  });

  it('lower-case spellings only for unmistakable majors', () => {
    expect(tickers('stacking btc and eth, some usdt').map((m) => m.symbol)).toEqual(['BTC', 'ETH', 'USDT']);
    expect(tickers('sol y playa, ada lovelace, the tao of pooh, much doge')).toEqual([]);
  });

  it('not inside words, domains, handles or cashtags', () => {
    expect(tickers('BTCUSD xBTC BTC.com @BTC ETHBTC ethereum')).toEqual([]);
  });

  it('the default curated list holds the majors the issue names', () => {
    for (const s of ['BTC', 'ETH', 'SOL', 'USDC', 'USDT', 'XRP', 'BNB', 'DOGE'])
      expect(DEFAULT_BARE_SYMBOLS.has(s)).toBe(true);
    for (const s of DEFAULT_BARE_SYMBOLS) expect(BARE_STOP_LIST.has(s), s).toBe(false);
  });
});
