/**
 * resolve's documented rules on hand-made registries (handmade.ts), each at its edge: the points a
 * market-cap rank or SEC position is worth, the curated default, chains named near the match (in any
 * letter case, within NEAR units on either side), treasury companies, the ≥10× leader, and the order
 * candidates come in. A registry of two or three invented assets says exactly who contests a symbol.
 */
import { describe, expect, it } from 'vitest';
import type { Match } from '../../../utils/detect/types';
import { NEAR } from '../../../utils/registry/context';
import { resolve } from '../../../utils/registry/resolve';
import type { Registry } from '../../../utils/registry/types';
import { type CoinRow, handmade, type ListingRow } from './handmade';

const SOL_MINT = 'So1MintOfTheSolanaCopy1111111111111111111111';
const EVM = '0x1111111111111111111111111111111111111111';

function ticker(text: string, sub: string, extra: Partial<Match> = {}): Match {
  const start = text.indexOf(sub);
  return {
    kind: 'ticker',
    text: sub,
    start,
    end: start + sub.length,
    symbol: sub.replace(/^\$/, '').toUpperCase(),
    cashtag: sub.startsWith('$'),
    ...extra,
  };
}

/** Resolves the first `$SAME` (or `sub`) of `text` in `reg`. */
const read = (reg: Registry, text: string, sub = '$SAME', extra: Partial<Match> = {}) =>
  resolve(reg, ticker(text, sub, extra), { text });

const coin = (id: string, more: Partial<CoinRow> = {}): CoinRow => ({
  id,
  symbol: 'SAME',
  name: id,
  ...more,
});
const listing = (more: Partial<ListingRow> = {}): ListingRow => ({
  ticker: 'SAME',
  name: 'Same Inc',
  ...more,
});

describe('points before context: market-cap rank', () => {
  it('counts the top 25 above the rest of the top 100', () => {
    // 4 points against 2: decisive; 3 against 2 is not.
    const at25 = read(
      handmade({ coins: [coin('big', { rank: 25 }), coin('small', { rank: 101 })] }),
      '$SAME',
    );
    expect(at25).toMatchObject({ asset: 'cg:big', others: ['cg:small'] });
    const at26 = read(
      handmade({ coins: [coin('big', { rank: 26 }), coin('small', { rank: 101 })] }),
      '$SAME',
    );
    expect(at26.asset).toBeUndefined();
    expect(at26.candidates).toEqual(['cg:big', 'cg:small']);
  });

  it('counts the top 100 above the coins ranked after it', () => {
    // A listing outside the SEC list is worth 1 point: rank 100 (3) leads it by 2, rank 101 (2) by 1.
    const at100 = read(handmade({ coins: [coin('coin', { rank: 100 })], listings: [listing()] }), '$SAME');
    expect(at100).toMatchObject({ asset: 'cg:coin', others: ['stock:SAME'] });
    const at101 = read(handmade({ coins: [coin('coin', { rank: 101 })], listings: [listing()] }), '$SAME');
    expect(at101.candidates).toEqual(['cg:coin', 'stock:SAME']);
  });

  it('counts a ranked coin above an unranked one, and a curated leading coin as mid-sized', () => {
    const ranked = read(handmade({ coins: [coin('ranked', { rank: 900 }), coin('plain')] }), '$SAME');
    expect(ranked).toMatchObject({ asset: 'cg:ranked', others: ['cg:plain'] });
    const leading = handmade({ coins: [coin('lead'), coin('plain')], leading: ['cg:lead'] });
    expect(read(leading, '$SAME')).toMatchObject({ asset: 'cg:lead', others: ['cg:plain'] });
    expect(read(leading, '$SAME').reason).toMatch(
      /^leading project \(curated\) over cg:plain \(unranked coin\)/,
    );
    expect(read(handmade({ coins: [coin('lead'), coin('plain')] }), '$SAME').candidates).toHaveLength(2);
  });

  it('counts a bridged copy below the coin it copies, ranked or not', () => {
    const copy = coin('same-wormhole', { rank: 5, name: 'Same (Wormhole)' });
    // Ranked 5th, but a copy: 1 point against the original's 2 (ranked 500th). The original leads by
    // less than DECISIVE and is chosen as the one original among copies.
    const r = read(handmade({ coins: [copy, coin('same', { rank: 500 })] }), '$SAME');
    expect(r.asset).toBe('cg:same');
    expect(r.reason).toMatch(/only original among copies \(1 bridged or pegged\)/);
    expect(r.others).toBeUndefined();
    // Unranked: the copy's -1 against the original's 0.
    const unranked = read(
      handmade({ coins: [coin('same-peg-x', { name: 'Same peg' }), coin('same')] }),
      '$SAME',
    );
    expect(unranked.asset).toBe('cg:same');
  });
});

describe('bridged and pegged copies', () => {
  it('knows a copy by its id alone or by its name alone', () => {
    const original = coin('same', { rank: 500 });
    for (const copy of [
      coin('same-wormhole', { rank: 5, name: 'Same' }),
      coin('x', { rank: 5, name: 'Same Bridged' }),
    ]) {
      const r = read(handmade({ coins: [copy, original] }), '$SAME');
      expect(r.asset, copy.id).toBe('cg:same');
      expect(r.reason).toMatch(/^the only original among copies/);
    }
  });

  it('answers with the one original only when it also leads', () => {
    // The ranked copy (1 point) leads the unranked original (0): a contest, not the original.
    const copy = coin('same-wormhole', { rank: 5, name: 'Same (Wormhole)' });
    const r = read(handmade({ coins: [copy, coin('same')] }), '$SAME');
    expect(r.asset).toBeUndefined();
    expect(r.candidates).toEqual(['cg:same-wormhole', 'cg:same']);
  });
});

describe('points before context: SEC position of a listing', () => {
  it('counts the SEC top 500 above the rest of the top 2,000', () => {
    // Against a ranked copy (1 point): #500 (3) leads by 2 and is chosen on evidence, with the copy
    // offered as "not this?"; #501 (2) leads by 1 and is chosen only as the one original.
    const copy = coin('same-bridged', { rank: 40, name: 'Bridged Same' });
    const at500 = read(handmade({ coins: [copy], listings: [listing({ rank: 500 })] }), '$SAME');
    expect(at500).toMatchObject({ asset: 'stock:SAME', others: ['cg:same-bridged'] });
    expect(at500.reason).toMatch(/^SEC market-value #500 over cg:same-bridged/);
    const at501 = read(handmade({ coins: [copy], listings: [listing({ rank: 501 })] }), '$SAME');
    expect(at501.asset).toBe('stock:SAME');
    expect(at501.others).toBeUndefined();
  });

  it('counts the SEC top 2,000 above smaller listings, and a curated leading company alike', () => {
    const plain = coin('plain');
    expect(read(handmade({ coins: [plain], listings: [listing({ rank: 2000 })] }), '$SAME')).toMatchObject({
      asset: 'stock:SAME',
      others: ['cg:plain'],
    });
    expect(
      read(handmade({ coins: [plain], listings: [listing({ rank: 2001 })] }), '$SAME').candidates,
    ).toEqual(['stock:SAME', 'cg:plain']);
    const leading = handmade({
      coins: [plain],
      listings: [listing({ rank: 2001 })],
      leading: ['stock:SAME'],
    });
    expect(read(leading, '$SAME')).toMatchObject({ asset: 'stock:SAME', others: ['cg:plain'] });
    expect(read(leading, '$SAME').reason).toMatch(/^leading company \(curated\)/);
    // An ETF outside the SEC list is worth what any small listing is.
    const etf = read(handmade({ coins: [plain], listings: [listing({ etf: true })] }), '$SAME');
    expect(etf.candidates).toEqual(['stock:SAME', 'cg:plain']);
    expect(etf.reason).toBe('2 assets use SAME and the evidence is close');
    // The reasons name what counted for each side.
    const sec2000 = read(
      handmade({ coins: [coin('same-x', { name: 'Same (Wormhole)' })], listings: [listing({ rank: 2000 })] }),
      '$SAME',
    );
    expect(sec2000.reason).toBe('SEC market-value #2000 over cg:same-x (unranked bridged copy)');
    const overEtf = read(
      handmade({ coins: [coin('top', { rank: 3 })], listings: [listing({ etf: true })] }),
      '$SAME',
    );
    expect(overEtf.reason).toBe('market-cap rank 3 over stock:SAME (ETF / trust)');
    const overSmall = read(handmade({ coins: [coin('top', { rank: 3 })], listings: [listing()] }), '$SAME');
    expect(overSmall.reason).toBe('market-cap rank 3 over stock:SAME (small or unranked listing)');
    const overCopy = read(
      handmade({ coins: [coin('top', { rank: 3 }), coin('same-y', { rank: 9, name: 'Same (Wormhole)' })] }),
      '$SAME',
    );
    expect(overCopy.reason).toBe('market-cap rank 3 over cg:same-y (market-cap rank 9, a bridged copy)');
  });
});

describe('the curated default', () => {
  it('adds its points to the asset the hint names, and only to that one', () => {
    const two = [coin('one', { rank: 150 }), coin('two', { rank: 160 })];
    expect(read(handmade({ coins: two }), '$SAME').candidates).toEqual(['cg:one', 'cg:two']);
    const hinted = read(handmade({ coins: two, hints: { SAME: 'cg:two' } }), '$SAME');
    expect(hinted).toMatchObject({ asset: 'cg:two', others: ['cg:one'] });
    expect(hinted.reason).toMatch(
      /^market-cap rank 160, curated default over cg:one \(market-cap rank 150\)/,
    );
    // A hint for another symbol changes nothing here.
    expect(read(handmade({ coins: two, hints: { OTHER: 'cg:two' } }), '$SAME').candidates).toHaveLength(2);
  });
});

describe('chain inference from the words around the match', () => {
  const onSolana = coin('on-solana', { rank: 150, platforms: { solana: SOL_MINT } });
  const onEthereum = coin('on-ethereum', { rank: 150, platforms: { ethereum: EVM } });
  const reg = handmade({ coins: [onEthereum, onSolana] });

  it('reads the chain a post names near the match, in any letter case, on either side', () => {
    for (const text of ['$SAME on solana', '$SAME on SOLANA', 'Solana: $SAME', 'raydium pool for $SAME']) {
      expect(read(reg, text), text).toMatchObject({ asset: 'cg:on-solana', others: ['cg:on-ethereum'] });
    }
    for (const text of ['$SAME is an ERC-20', 'ETHEREUM $SAME', '$SAME etherscan']) {
      expect(read(reg, text).asset, text).toBe('cg:on-ethereum');
    }
    expect(read(reg, '$SAME on solana').reason).toMatch(/on solana over cg:on-ethereum.*; context: solana$/);
  });

  it('counts a chain word as near up to NEAR units away, and only as colour beyond', () => {
    const gap = (n: number) => `$SAME${' '.repeat(n)}solana`;
    expect(read(reg, gap(NEAR)).asset).toBe('cg:on-solana');
    expect(read(reg, gap(NEAR + 1)).asset).toBeUndefined();
    expect(read(reg, gap(NEAR + 1)).candidates).toEqual(['cg:on-solana', 'cg:on-ethereum']);
    const leading = (n: number) => `solana${' '.repeat(n)}$SAME`;
    expect(read(reg, leading(NEAR)).asset).toBe('cg:on-solana');
    expect(read(reg, leading(NEAR + 1)).asset).toBeUndefined();
  });

  it('places a chain’s own coin on its chain, where CoinGecko lists it no contract', () => {
    const native = handmade({
      coins: [
        { id: 'ethereum', symbol: 'ETH', rank: 150 },
        { id: 'eth-on-solana', symbol: 'ETH', rank: 150, platforms: { solana: SOL_MINT } },
      ],
    });
    expect(read(native, 'sent $ETH on ethereum', '$ETH').asset).toBe('cg:ethereum');
    expect(read(native, 'sent $ETH on solana', '$ETH').asset).toBe('cg:eth-on-solana');
    // A chain named that neither lives on: no chain points for either.
    expect(read(native, 'sent $ETH on polygon', '$ETH').candidates).toHaveLength(2);
  });
});

describe('equity and crypto words', () => {
  const two = { coins: [coin('coin', { rank: 150 })], listings: [listing({ rank: 300 })] };

  it('gives equity words to the listing and crypto words to the coin', () => {
    expect(read(handmade(two), '$SAME shares rallied').asset).toBe('stock:SAME');
    expect(read(handmade(two), '$SAME token airdrop').asset).toBe('cg:coin');
    // Without words: 3 points to 2, no lead.
    expect(read(handmade(two), '$SAME').candidates).toEqual(['stock:SAME', 'cg:coin']);
  });

  it('lets crypto words count for a treasury company too', () => {
    // The coin's 2 + 10 against the company's 3 + 10: no longer the coin's alone.
    const treasury = read(handmade({ ...two, treasuries: ['SAME'] }), '$SAME token airdrop');
    expect(treasury.asset).toBeUndefined();
    expect(treasury.candidates).toEqual(['stock:SAME', 'cg:coin']);
  });

  it('takes only the listing when the detector kept a bare ticker for its finance context', () => {
    const r = read(handmade(two), 'SAME的股价', 'SAME', { cashtag: false, listed: true });
    expect(r).toEqual({ asset: 'stock:SAME', reason: 'only asset with symbol SAME' });
    const none = read(handmade({ coins: [coin('coin')] }), 'SAME的股价', 'SAME', {
      cashtag: false,
      listed: true,
    });
    expect(none).toEqual({ reason: 'no asset with symbol SAME' });
  });
});

describe('the ≥10× market-cap leader', () => {
  // Two ranked coins at 2 points each: nothing but their caps can tell them apart.
  const pair = (big: number, small: number, more: CoinRow[] = [], listings: ListingRow[] = []) =>
    handmade({
      coins: [coin('big', { rank: 150, cap: big }), coin('small', { rank: 160, cap: small }), ...more],
      listings,
    });

  it('answers with the coin worth at least ten times every other claimant, and not below', () => {
    const ten = read(pair(1e9, 1e8), '$SAME');
    expect(ten).toEqual({
      asset: 'cg:big',
      reason: 'market cap 10× every other asset using SAME (no context to say otherwise)',
    });
    expect(read(pair(1e9, 1.01e8), '$SAME').candidates).toEqual(['cg:big', 'cg:small']);
    // Listed either way round.
    expect(read(pair(1e8, 2e9), '$SAME').asset).toBe('cg:small');
  });

  it('bounds a claimant the snapshot lacks by the snapshot’s smallest cap', () => {
    const floor = (cap: number) =>
      handmade({
        coins: [
          coin('big', { rank: 150, cap: 1e9 }),
          coin('uncapped', { rank: 160 }),
          coin('elsewhere', { symbol: 'OTHER', cap }),
        ],
      });
    expect(read(floor(1e8), '$SAME').asset).toBe('cg:big');
    expect(read(floor(2e8), '$SAME').candidates).toEqual(['cg:big', 'cg:uncapped']);
  });

  it('never out-caps a listed company in the SEC top 2,000, nor answers with a copy', () => {
    const company = (rank: number) => read(pair(1e12, 1e8, [], [listing({ rank })]), '$SAME');
    expect(company(2000).candidates).toEqual(['cg:big', 'cg:small', 'stock:SAME']);
    expect(company(2001).asset).toBe('cg:big');
    const copy = handmade({
      coins: [
        coin('big-wormhole', { rank: 150, cap: 1e12, name: 'Big (Wormhole)' }),
        coin('other-wormhole', { rank: 150, cap: 1e8, name: 'Other (Wormhole)' }),
      ],
    });
    expect(read(copy, '$SAME').asset).toBeUndefined();
  });

  it('is not asked when the post has words to go on', () => {
    expect(read(pair(1e9, 1e8), '$SAME shares').asset).toBeUndefined();
  });
});

describe('candidates and the assets passed over', () => {
  it('orders a contest by points, then ranked before unranked and lower rank first, then shorter ids', () => {
    const reg = handmade({
      coins: [
        coin('bb'),
        coin('a'),
        coin('ab'),
        coin('c'),
        // The better ranked of the two ranked coins has the longer id: rank decides before length.
        coin('r2', { rank: 700 }),
        coin('r-long', { rank: 600 }),
      ],
    });
    expect(read(reg, '$SAME').candidates).toEqual(['cg:r-long', 'cg:r2', 'cg:a', 'cg:c', 'cg:ab', 'cg:bb']);
  });

  it('orders ranked coins of equal points by rank, whatever order their rows are in', () => {
    const reg = handmade({
      coins: [coin('a1', { rank: 700 }), coin('a2', { rank: 650 }), coin('a3', { rank: 600 })],
    });
    expect(read(reg, '$SAME').candidates).toEqual(['cg:a3', 'cg:a2', 'cg:a1']);
  });

  it('lists at most eight candidates and offers at most three others', () => {
    const many = Array.from({ length: 10 }, (_, i) => coin(`c${i}`));
    expect(read(handmade({ coins: many }), '$SAME').candidates).toEqual(
      ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((id) => `cg:${id}`),
    );
    const led = read(handmade({ coins: [...many, coin('top', { rank: 3 })] }), '$SAME');
    expect(led).toMatchObject({ asset: 'cg:top', others: ['cg:c0', 'cg:c1', 'cg:c2'] });
  });
});

describe('evidence that decides before any points', () => {
  const reg = handmade({
    coins: [
      coin('one', { rank: 150, platforms: { ethereum: EVM } }),
      coin('two', { rank: 150 }),
      coin('three', { symbol: 'OTHER', platforms: { base: '0x2222222222222222222222222222222222222222' } }),
    ],
  });

  it('takes the coin whose contract the post quotes, and ignores a contract of another symbol', () => {
    const text = `$SAME ${EVM}`;
    const address: Match = {
      kind: 'address',
      text: EVM,
      start: 6,
      end: 6 + EVM.length,
      chain: 'evm',
      valid: true,
    };
    const handle: Match = { kind: 'handle', text: '@x', start: 0, end: 2, handle: 'x' };
    expect(resolve(reg, ticker(text, '$SAME'), { text, matches: [handle, address] })).toEqual({
      asset: 'cg:one',
      reason: 'contract address in the same post',
    });
    const other = '0x2222222222222222222222222222222222222222';
    const otherText = `$SAME ${other}`;
    const otherMatch: Match = {
      kind: 'address',
      text: other,
      start: 6,
      end: 6 + other.length,
      chain: 'evm',
      valid: true,
    };
    expect(
      resolve(reg, ticker(otherText, '$SAME'), { text: otherText, matches: [otherMatch] }).candidates,
    ).toHaveLength(2);
  });

  it('takes the asset named before a bracketed symbol only when it uses that symbol', () => {
    expect(read(reg, 'One (SAME)', 'SAME', { asset: 'cg:one', cashtag: false })).toEqual({
      asset: 'cg:one',
      reason: 'its name is written before the bracketed SAME',
    });
    expect(read(reg, 'Three (SAME)', 'SAME', { asset: 'cg:three', cashtag: false }).candidates).toHaveLength(
      2,
    );
    expect(read(reg, 'Gone (SAME)', 'SAME', { asset: 'cg:gone', cashtag: false }).candidates).toHaveLength(2);
  });

  it('finds a share class written with a dot or slash under the SEC’s hyphen', () => {
    const classes = handmade({
      coins: [coin('brk', { symbol: 'BRK.B' })],
      listings: [{ ticker: 'BRK-B', name: 'Berkshire B', rank: 10 }],
    });
    expect(read(classes, '$BRK-B', '$BRK-B')).toEqual({
      asset: 'stock:BRK-B',
      reason: 'only asset with symbol BRK-B',
    });
    // Written with a dot: the coin using "BRK.B" and the listing both claim it; the listing leads.
    expect(read(classes, 'Berkshire $BRK.B', '$BRK.B')).toMatchObject({
      asset: 'stock:BRK-B',
      others: ['cg:brk'],
    });
    // Only the listing is found under the hyphen: a coin whose symbol is "BRK-B" does not claim $BRK.B.
    const hyphenCoin = handmade({
      coins: [coin('brk-coin', { symbol: 'BRK-B' })],
      listings: [{ ticker: 'BRK-B', name: 'Berkshire B', rank: 10 }],
    });
    expect(read(hyphenCoin, '$BRK.B', '$BRK.B')).toEqual({
      asset: 'stock:BRK-B',
      reason: 'only asset with symbol BRK.B',
    });
  });

  it('reads the symbol from the text in upper case when the match carries none', () => {
    const text = 'a $other coin';
    const m: Match = { kind: 'ticker', text: '$other', start: 2, end: 8 };
    expect(resolve(reg, m, { text })).toEqual({ asset: 'cg:three', reason: 'only asset with symbol OTHER' });
    expect(resolve(reg, { ...m, symbol: 'other' }, { text }).asset).toBe('cg:three');
  });

  it('follows a pin before anything else, saying so', () => {
    const pins = new Map([['SAME', 'cg:two']]);
    expect(resolve(reg, ticker('$SAME', '$SAME'), { text: '$SAME' }, pins)).toEqual({
      asset: 'cg:two',
      reason: 'pinned: always read $SAME as cg:two',
    });
  });
});

describe('handles, names, addresses and claims', () => {
  const reg = handmade({ coins: [coin('one')], handles: { one_hq: 'cg:one' } });

  it('reads a handle in lower case, from the text when the match carries none', () => {
    const m: Match = { kind: 'handle', text: '@One_HQ', start: 0, end: 7 };
    expect(resolve(reg, m, { text: '@One_HQ' })).toEqual({ asset: 'cg:one', reason: 'curated X handle' });
    expect(resolve(reg, { ...m, text: '@Nobody', end: 7 }, { text: '@Nobody' })).toEqual({
      reason: 'no asset for @nobody',
    });
    expect(resolve(reg, m, { text: '@One_HQ' }, new Map([['@one_hq', 'cg:other']]))).toEqual({
      asset: 'cg:other',
      reason: 'pinned: always read @one_hq as cg:other',
    });
  });

  it('trusts a name’s curated asset only when the registry knows it', () => {
    const name: Match = { kind: 'name', text: 'One', start: 0, end: 3, nameKey: 'one', asset: 'cg:one' };
    expect(resolve(reg, name, { text: 'One' })).toEqual({ asset: 'cg:one', reason: 'curated name' });
    expect(resolve(reg, { ...name, asset: 'cg:gone' }, { text: 'One' })).toEqual({
      reason: 'no asset for the name one',
    });
    const { nameKey: _, asset: __, ...bare } = name;
    expect(resolve(reg, bare, { text: 'One' })).toEqual({ reason: 'no asset for the name One' });
  });

  it('follows a pin on an address, and names no asset for a claim', () => {
    const address: Match = {
      kind: 'address',
      text: EVM,
      start: 0,
      end: EVM.length,
      chain: 'evm',
      valid: true,
    };
    expect(resolve(reg, address, { text: EVM }, new Map([[EVM, 'cg:one']]))).toEqual({
      asset: 'cg:one',
      reason: `pinned: always read ${EVM} as cg:one`,
    });
    const claim: Match = { kind: 'claim', text: 'no VC', start: 0, end: 5, claim: 'no-vc' };
    expect(resolve(reg, claim, { text: 'no VC' })).toEqual({ reason: 'a launch claim names no asset' });
  });
});
