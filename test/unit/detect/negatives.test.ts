/** Text that must yield nothing: prices, acronyms, common lower-case words, e-mails, hashes, URLs. */
import { describe, expect, it } from 'vitest';
import { loadXPostTexts } from './fixture-data';
import { brief, realDetector } from './helpers';

const detect = (text: string) => brief(realDetector().detect(text));

const NOTHING: Record<string, string[]> = {
  prices: [
    'It sold for $61,000 yesterday',
    'Quotes: $67k, $1.5B, $0.05, $100-a-month, $42,000/month, $15/user/month',
    'From prototype (100$) to business (42K$)',
    'such a stupid decision for ＄42000 per month',
    'pay US$100 or HK$800',
  ],
  acronyms: [
    'The AI CEO filed for an IPO; the ETF NAV fell; GPU and API costs rose',
    'NFT DEX volume, GDP, the US SEC, BI dashboards and ERC standards',
    'APY and APR, TVL and ATH, FOMO and FUD, KYC and AML, P2P and OTC',
    'Meet at 5 PM EST; ships in 10 GB chunks; 24 HRS left',
  ],
  'common lower-case words': [
    'the graph shows we render near the link; block it; meta jokes',
    'compound interest, a sonic boom, a pepe sticker, a clear strategy',
    'an apple a day, a tesla coil, a ripple effect, 3 micron dust, the amazon river',
    'a stellar quarter, an oracle at delphi, stacks of paper, the polygon mesh, a mantle piece',
    'blink twice, the linked list, a blockchain-free life',
  ],
  'e-mails': ['write to ir@tesla.com, press@coinbase.com or team@bittensor.org', 'foo@bar@baz'],
  hashes: [
    `tx 0x${'9f'.repeat(32)} confirmed`,
    `storage slot 0x${'0'.repeat(64)}`,
    `block hash 0x${'ab'.repeat(31)}cd`,
    `sha256 ${'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'}`,
  ],
  URLs: [
    'https://x.com/Tesla/status/1234567890',
    'see https://www.coinbase.com/price/bitcoin?q=no+vc&fair=launch',
    'www.bitcoin.org/en/ and https://t.co/a4Rv89h19G',
    'https://medium.com/@satoshi/fair-launch-no-vc-5d3f',
  ],
  'near misses of claims': [
    'Fair enough, but no one asked',
    'the fair is launching next week',
    'tax season is here, no way',
    'burns my eyes; the community notes are great',
  ],
};

describe('negatives', () => {
  for (const [group, texts] of Object.entries(NOTHING)) {
    for (const t of texts) {
      it(`${group}: ${t}`, () => {
        expect(detect(t)).toEqual([]);
      });
    }
  }

  it('the real X posts yield no tickers, addresses or claims (they mention none)', () => {
    for (const t of loadXPostTexts()) {
      const found = realDetector()
        .detect(t)
        .filter((m) => m.kind === 'ticker' || m.kind === 'address' || m.kind === 'claim');
      expect(found, t).toEqual([]);
    }
  });
});
