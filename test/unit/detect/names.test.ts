import { describe, expect, it } from 'vitest';
import { createDetector, DEFAULT_NAMES, type NameEntry } from '../../../utils/detect';
import { loadCoinsList, loadSecTickers, loadSymbols } from './fixture-data';
import { brief, ofKind, realDetector } from './helpers';

const names = (text: string) => ofKind(realDetector().detect(text), 'name');
const keys = (text: string) => names(text).map((m) => `${m.nameKey}:${m.text}`);

describe('the dictionary', () => {
  it('every asset hint exists in the shared fixtures (CoinGecko ids, SEC tickers)', () => {
    const ids = new Set(loadCoinsList().map((c) => c.id));
    const tickers = new Set(loadSecTickers().map((t) => t.ticker));
    const bad: string[] = [];
    for (const e of DEFAULT_NAMES) {
      if (!e.asset) continue;
      const [ns, id] = e.asset.split(':');
      if (ns === 'cg' ? !ids.has(id ?? '') : ns === 'stock' ? !tickers.has(id ?? '') : true)
        bad.push(`${e.text} → ${e.asset}`);
    }
    expect(bad).toEqual([]);
  });

  it('one key, one asset; no spelling listed twice; scripts match the language tag', () => {
    const assetByKey = new Map<string, string | undefined>();
    const seen = new Set<string>();
    for (const e of DEFAULT_NAMES) {
      if (assetByKey.has(e.key)) expect(assetByKey.get(e.key), e.key).toBe(e.asset);
      assetByKey.set(e.key, e.asset);
      expect(seen.has(e.text), e.text).toBe(false);
      seen.add(e.text);
      const script = /[\u3040-\u30ff]/.test(e.text)
        ? 'ja'
        : /[\uac00-\ud7af]/.test(e.text)
          ? 'ko'
          : /[\u3400-\u9fff]/.test(e.text)
            ? 'zh'
            : 'en';
      expect(script, e.text).toBe(e.lang.startsWith('zh') ? 'zh' : e.lang);
      if (e.ambiguous) expect(e.domain, e.text).toBeDefined();
    }
  });

  it('covers the names the issue lists, with their asset hints', () => {
    const expected: [string, string][] = [
      ['Bitcoin', 'cg:bitcoin'],
      ['比特币', 'cg:bitcoin'],
      ['比特幣', 'cg:bitcoin'],
      ['Ethereum', 'cg:ethereum'],
      ['以太坊', 'cg:ethereum'],
      ['Solana', 'cg:solana'],
      ['Dogecoin', 'cg:dogecoin'],
      ['狗狗币', 'cg:dogecoin'],
      ['狗狗幣', 'cg:dogecoin'],
      ['Ripple', 'cg:ripple'],
      ['Cardano', 'cg:cardano'],
      ['Tron', 'cg:tron'],
      ['波场', 'cg:tron'],
      ['Chainlink', 'cg:chainlink'],
      ['Hyperliquid', 'cg:hyperliquid'],
      ['Bittensor', 'cg:bittensor'],
      ['Starknet', 'cg:starknet'],
      ['NVIDIA', 'stock:NVDA'],
      ['Nvidia', 'stock:NVDA'],
      ['英伟达', 'stock:NVDA'],
      ['輝達', 'stock:NVDA'],
      ['TSMC', 'stock:TSM'],
      ['台积电', 'stock:TSM'],
      ['台積電', 'stock:TSM'],
      ['Micron', 'stock:MU'],
      ['美光', 'stock:MU'],
      ['Tesla', 'stock:TSLA'],
      ['特斯拉', 'stock:TSLA'],
      ['MicroStrategy', 'stock:MSTR'],
      ['Coinbase', 'stock:COIN'],
      ['Robinhood', 'stock:HOOD'],
    ];
    for (const [text, asset] of expected) {
      const found = names(`据报道 ${text} 今天`);
      expect(
        found.map((m) => [m.text, m.asset]),
        text,
      ).toEqual([[text, asset]]);
    }
  });
});

describe('company names that are common words (issue 28)', () => {
  it('Apple, Block, Target, Visa only with company context', () => {
    expect(names('据报道 Apple 股价 今天').map((m) => m.asset)).toEqual(['stock:AAPL']);
    expect(names('Apple shares fell 3%').map((m) => m.asset)).toEqual(['stock:AAPL']);
    expect(names('Tesla and Apple reported; MicroStrategy bought more').map((m) => m.asset)).toEqual([
      'stock:TSLA',
      'stock:AAPL',
      'stock:MSTR',
    ]);
    for (const t of [
      'Apple pie for dessert',
      'Block party tonight',
      'Target audience first',
      'Visa on arrival',
    ])
      expect(names(t), t).toEqual([]);
    expect(names('Target shares slid after earnings').map((m) => m.asset)).toEqual(['stock:TGT']);
  });
});

describe('Latin names: whole words, case rules', () => {
  it('matches in any case when the name is no ordinary word', () => {
    expect(keys('bitcoin, BITCOIN and Bitcoin; solana; nvidia')).toEqual([
      'bitcoin:bitcoin',
      'bitcoin:BITCOIN',
      'bitcoin:Bitcoin',
      'solana:solana',
      'nvidia:nvidia',
    ]);
  });

  it('whole words only: not "Bitcoiner", "Metaverse", "blink", "bitcoin.org"; possessives and "-based" count', () => {
    expect(
      keys("Bitcoiners love Bitcoin's design; Metaverse; blink; bitcoin.org; Ethereum-based apps"),
    ).toEqual(['bitcoin:Bitcoin', 'ethereum:Ethereum']);
  });

  it('lower-case common words never match', () => {
    const text =
      'the graph shows we render near the link; block it; meta commentary; compound interest; sonic boom; pepe; ' +
      'a strategy; an apple; 5 tesla magnets; a ripple; 3 micron; amazon rainforest; stellar work; the oracle said';
    expect(names(text)).toEqual([]);
  });

  it('the longest entry wins', () => {
    expect(
      keys('Bitcoin Cash and Bitcoin; Meta Platforms; NEAR Protocol; Render Network; Ethereum Classic'),
    ).toEqual([
      'bitcoin-cash:Bitcoin Cash',
      'bitcoin:Bitcoin',
      'meta:Meta Platforms',
      'near:NEAR Protocol',
      'render:Render Network',
      'ethereum-classic:Ethereum Classic',
    ]);
  });

  it('a multi-word name allows any run of spaces but not a line break', () => {
    expect(keys('Bitcoin  Cash')).toEqual(['bitcoin-cash:Bitcoin  Cash']);
    expect(keys('Bitcoin\nCash')).toEqual(['bitcoin:Bitcoin']);
  });
});

describe('ambiguous names need capitals and context', () => {
  const cases: [string, string[]][] = [
    ['Meta shares rose 3% after earnings', ['meta:Meta']],
    ['Meta is hiring again', []],
    ['Meta (META) beat estimates', ['meta:Meta']],
    ['Block Inc reported revenue growth', ['block:Block']],
    ['Block the exit and run', []],
    ['Render ($RENDER) is up today', ['render:Render']],
    ['Render the scene twice', []],
    ['Near the top, take profit', []],
    ['Near staking yields 9% on the network', ['near:Near']],
    ['Strategy bought more bitcoin, Saylor said', ['strategy:Strategy', 'bitcoin:bitcoin']],
    ['Strategy matters more than tactics', []],
    ['The Graph indexing rewards for subgraphs', ['the-graph:The Graph']],
    ['The Graph below shows the trend', []],
    ['Compound governance token holders voted', ['compound:Compound']],
    ['Compound growth is the eighth wonder', []],
    ['Sonic the hedgehog is back', []],
    ['Sonic ($S) chain TVL doubled', ['sonic:Sonic']],
    ['苹果股价今天上涨', ['apple:苹果']],
    ['我今天吃了一个苹果', []],
    ['蘋果公司發表新手機', ['apple:蘋果']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      expect(keys(text)).toEqual(expected);
    });
  }

  it('context too far away (beyond the window) does not count', () => {
    const filler = ' lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor';
    expect(keys(`Meta is quiet.${filler}${filler} The shares fell.`)).toEqual([]);
  });

  it('many ambiguous candidates cost a linear sweep and keep document order', () => {
    const unit = 'Meta Platforms; Meta shares; Block; Near; Render ($RENDER); NVIDIA';
    expect(keys(unit)).toEqual([
      'meta:Meta Platforms',
      'meta:Meta',
      'block:Block',
      'render:Render',
      'nvidia:NVIDIA',
    ]);
    const found = names(Array(50).fill(unit).join(' | '));
    expect(found.length).toBe(50 * 5);
    for (let k = 1; k < found.length; k++)
      expect((found[k]?.start ?? 0) > (found[k - 1]?.start ?? 0)).toBe(true);
  });
});

describe('Chinese names', () => {
  it('match inside CJK runs without spaces', () => {
    expect(keys('比特幣突破十萬美元，以太坊跟涨，狗狗币和波场下跌')).toEqual([
      'bitcoin:比特幣',
      'ethereum:以太坊',
      'dogecoin:狗狗币',
      'tron:波场',
    ]);
  });

  it('longest first: 比特币现金 is Bitcoin Cash, not Bitcoin', () => {
    expect(keys('比特币现金和比特币')).toEqual(['bitcoin-cash:比特币现金', 'bitcoin:比特币']);
  });

  it('companies in both scripts', () => {
    expect(keys('英伟达、輝達、台积电、台積電、美光、特斯拉、微策略')).toEqual([
      'nvidia:英伟达',
      'nvidia:輝達',
      'tsmc:台积电',
      'tsmc:台積電',
      'micron:美光',
      'tesla:特斯拉',
      'strategy:微策略',
    ]);
  });
});

describe('a custom dictionary', () => {
  it('replaces the built-in one', () => {
    const entries: NameEntry[] = [{ text: 'Fancy Coin', key: 'fancy', asset: 'cg:fancy', lang: 'en' }];
    const d = createDetector({ symbols: loadSymbols(), names: entries });
    expect(brief(d.detect('Fancy Coin beats Bitcoin'))).toEqual(['name:fancy:Fancy Coin']);
  });
});
