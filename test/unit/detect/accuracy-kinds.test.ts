/**
 * Issue 28's kinds, with the worker's real data (the built names, the bare-stock list and the
 * bundled registry's names for brackets): bare listed tickers by finance context in several
 * languages, company and coin names from the lists with their guards, symbols in brackets after
 * their names, trading pairs. The issue's examples and our own.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, type Match } from '../../../utils/detect';
import { bundledRegistry } from '../../../utils/registry/bundled';
import { detectorDataWith } from '../../../utils/registry/detect-data';
import { resolve } from '../../../utils/registry/resolve';

const reg = bundledRegistry();
const detector = createDetector(detectorDataWith(() => reg));

/** "kind:text→asset" for every match, resolved in its text. */
function read(text: string): string[] {
  const ms: Match[] = detector.detect(text);
  return ms.map((m) => `${m.kind}:${m.text}→${resolve(reg, m, { text, matches: ms }).asset ?? '?'}`);
}

describe('bare listed tickers with finance context', () => {
  it.each([
    ['HOOD的股价大涨', ['ticker:HOOD→stock:HOOD']],
    ['持有 TSLA', ['ticker:TSLA→stock:TSLA']],
    ['昨晚 NVDA 盘后下跌', ['ticker:NVDA→stock:NVDA']],
    ['le azioni COIN sono salite', ['ticker:COIN→stock:COIN']],
    ['Il titolo PLTR in rialzo', ['ticker:PLTR→stock:PLTR']],
    ['las acciones de MSTR subieron', ['ticker:MSTR→stock:MSTR']],
    ['Die Aktie von NVDA', ['ticker:NVDA→stock:NVDA']],
    ['NVDA and AVGO both rallied', ['ticker:NVDA→stock:NVDA', 'ticker:AVGO→stock:AVGO']],
    ['NVDA and AMD both rallied', ['ticker:NVDA→stock:NVDA', 'ticker:AMD→stock:AMD']],
    ['HOOD +7% premarket', ['ticker:HOOD→stock:HOOD']],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('acronyms never count, whatever the context', () => {
    for (const t of ['IT and CEO shares fell', 'AI stocks rallied', 'USA ETF GPU earnings', 'AI股价大涨'])
      expect(read(t), t).toEqual([]);
  });

  it('Latin abbreviations of Chinese text are no tickers, whatever listing shares them', () => {
    for (const t of ['下载APP领取', '他们是CP', '这个IP很火', '支持AR眼镜', 'OPEN一下', '找KEY', 'MA均线'])
      expect(read(t), t).toEqual([]);
    // with a finance word they are
    expect(read('OPEN股价暴涨')).toEqual(['ticker:OPEN→stock:OPEN']);
    expect(read('MU的股价')).toEqual(['ticker:MU→stock:MU']);
  });

  it('a ticker that is an English word needs its finance word right beside it', () => {
    for (const t of [
      'Stocks are LOW right now',
      'KEY takeaways from earnings season',
      'The market will OPEN higher after earnings',
      'WELL, shares fell',
    ])
      expect(read(t), t).toEqual([]);
    expect(read('Shares of OPEN rose 5%')).toEqual(['ticker:OPEN→stock:OPEN']);
    expect(read('OPEN stock is up')).toEqual(['ticker:OPEN→stock:OPEN']);
    expect(read('持有 COIN')).toEqual(['ticker:COIN→stock:COIN']);
  });

  it('without context a listed ticker in capitals is no mention', () => {
    expect(read('HOOD is what I wear when it rains')).toEqual([]);
    expect(read('Call me at the NOW office')).toEqual([]);
  });
});

describe('names from the SEC, Nasdaq and coin lists', () => {
  it('companies beyond the curated set, English and Chinese', () => {
    expect(read('CrowdStrike and Boeing reported; Snowflake shares jumped')).toEqual([
      'name:CrowdStrike→stock:CRWD',
      'name:Boeing→stock:BA',
      'name:Snowflake→stock:SNOW',
    ]);
    expect(read('沃尔玛和优步的财报；诺和诺德股价暴跌')).toEqual([
      'name:沃尔玛→stock:WMT',
      'name:优步→stock:UBER',
      'name:诺和诺德→stock:NVO',
    ]);
    // names that are also Chinese words need company context
    expect(read('万事如意，百事顺心；花旗参很贵')).toEqual([]);
    expect(read('花旗银行股价')).toEqual(['name:花旗→stock:C']);
    expect(read('英特尔、甲骨文股价和波音')).toEqual([
      'name:英特尔→stock:INTC',
      'name:甲骨文→stock:ORCL',
      'name:波音→stock:BA',
    ]);
  });

  it('guards: common words and people’s names need context', () => {
    for (const t of [
      'Apple pie for dessert',
      'Block party tonight',
      'Target audience first',
      'Snowflake falling outside',
      'Brady threw three touchdowns',
    ])
      expect(read(t), t).toEqual([]);
  });

  it('coin names, long and odd', () => {
    expect(read('Fartcoin, Pudgy Penguins, Official Trump and Peanut the Squirrel')).toEqual([
      'name:Fartcoin→cg:fartcoin',
      'name:Pudgy Penguins→cg:pudgy-penguins',
      'name:Official Trump→cg:official-trump',
      'name:Peanut the Squirrel→cg:peanut-the-squirrel',
    ]);
    expect(read('official trump')).toEqual([]);
  });
});

describe('a symbol in brackets after its name; trading pairs', () => {
  it('the name and the bracket agree', () => {
    expect(read('Jupiter (JUP) and Floki (FLOKI)')).toEqual([
      'name:Jupiter→cg:jupiter-exchange-solana',
      'ticker:JUP→cg:jupiter-exchange-solana',
      'name:Floki→cg:floki',
      'ticker:FLOKI→cg:floki',
    ]);
    expect(read('Aster (ASTER) soared')).toEqual(['name:Aster→cg:aster-2', 'ticker:ASTER→cg:aster-2']);
    expect(read('Ethena（ENA）')).toEqual(['name:Ethena→cg:ethena', 'ticker:ENA→cg:ethena']);
    expect(read('jupiter (JUP)')).toEqual([
      'name:jupiter→cg:jupiter-exchange-solana',
      'ticker:JUP→cg:jupiter-exchange-solana',
    ]);
  });

  it('a bracket that does not agree with the words before it is no evidence', () => {
    expect(read('the team (JUP) said')).toEqual([]);
    expect(read('artificial intelligence (AI)')).toEqual([]);
  });

  it('the base of a trading pair, not its quote', () => {
    expect(read('JUP/USDT breaks out')).toEqual(['ticker:JUP→cg:jupiter-exchange-solana']);
    expect(read('ENA/USDC').map((s) => s.split('→')[0])).toEqual(['ticker:ENA']);
    expect(read('AND/OR logic')).toEqual([]);
  });
});

describe('more evidence and guards (found on the real corpus)', () => {
  it('a symbol in capitals whose asset the same text names', () => {
    expect(read('The Official Trump token, also known as TRUMP, is a meme token')).toEqual([
      'name:Official Trump→cg:official-trump',
      'ticker:TRUMP→cg:official-trump',
    ]);
    expect(read('ENS: Ethereum Name Service')).toEqual([
      'ticker:ENS→cg:ethereum-name-service',
      'name:Ethereum Name Service→cg:ethereum-name-service',
    ]);
    expect(read('TRUMP said so')).toEqual([]);
  });

  it('a coin name inside a company’s name is the company’s', () => {
    expect(read('Advanced Bitcoin Technologies AG')).toEqual([]);
    expect(read('Bitcoin Depot Inc. opened kiosks; Bitcoin fell')).toEqual(['name:Bitcoin→cg:bitcoin']);
  });

  it('option contracts and leveraged funds name the stock', () => {
    expect(read('AAPL Jun 2025 210.000 put')).toEqual(['ticker:AAPL→stock:AAPL']);
    expect(read('Direxion Daily AAPL Bull 2X Shares')).toEqual(['ticker:AAPL→stock:AAPL']);
  });

  it('an npm scope is no X account', () => {
    expect(read('npm install @defillama/api')).toEqual([]);
    expect(read("import { DefiLlama } from '@defillama/api'")).toEqual([]);
    expect(read('thanks @defillama/team').map((x) => x.split('→')[0])).toEqual(['handle:@defillama']);
  });

  it('Bitcoin, Ethereum, Solana, Dogecoin in Japanese and Korean', () => {
    expect(read('ビットコインとイーサリアム')).toEqual([
      'name:ビットコイン→cg:bitcoin',
      'name:イーサリアム→cg:ethereum',
    ]);
    expect(read('비트코인 가격')).toEqual(['name:비트코인→cg:bitcoin']);
  });
});

describe('invariants with the worker’s data (brackets, pairs, bare stocks, built names)', () => {
  /** A deterministic generator (mulberry32): the same texts on every run. */
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pool = [
    'Jupiter',
    '(JUP)',
    '（ENA）',
    'Ethena',
    'JUP/USDT',
    'NVDA',
    'HOOD',
    '的股价',
    '大涨',
    'shares',
    'rallied',
    'Apple',
    'Target',
    'Official',
    'Trump',
    'TRUMP',
    'Bitcoin',
    'Technologies',
    'AG',
    'Inc.',
    '+5%',
    'Jun',
    '2025',
    'put',
    '@defillama/api',
    "'@x/y'",
    '$SOL',
    'AI',
    'CEO',
    'ENS:',
    'Ethereum Name Service',
    '(',
    ')',
    ' ',
    ' ',
    ' ',
    '\n',
    ',',
    '.',
    'the',
    'and',
    '比特币',
    'ビットコイン',
    'Floki',
    '(FLOKI)',
    'no VC',
    'AAPL',
  ];

  it('matches stay in document order, never overlap, and are exactly their text', () => {
    const next = rng(28);
    for (let round = 0; round < 400; round++) {
      let text = '';
      const words = 1 + Math.floor(next() * 40);
      for (let k = 0; k < words; k++)
        text += `${pool[Math.floor(next() * pool.length)]}${next() < 0.7 ? ' ' : ''}`;
      const ms = detector.detect(text);
      let end = 0;
      for (const m of ms) {
        expect(m.start, text).toBeGreaterThanOrEqual(end);
        expect(text.slice(m.start, m.end), text).toBe(m.text);
        end = m.end;
      }
    }
  });
});
