/**
 * Saving a note in the worker (background/save-note.ts) over stand-ins for the database, the
 * registry and the checklist module: what a note keeps of the moment it was saved (the price then
 * with its source and time, the asset's name, the claims as judged now, the checklist), what it
 * takes from a card versus the popup, the link it keeps, and the clear refusal past the cap.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        `[${key}${subs ? ` ${[subs].flat().join(' ')}` : ''}]`,
    },
  },
}));

const world = vi.hoisted(() => ({
  count: 0,
  quotes: new Map<string, unknown>(),
  added: [] as unknown[][],
  snapshots: [] as Array<[string, string[]]>,
  verdictAsks: [] as unknown[],
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  currentRegistry: async () => ({
    asset: (id: string) =>
      id === 'cg:hyperliquid' ? { id, name: 'Hyperliquid', symbol: 'HYPE' } : undefined,
  }),
  database: () => ({
    countNotes: async () => world.count,
    getQuote: async (id: string) => world.quotes.get(id),
    addNote: async (...args: unknown[]) => {
      world.added.push(args);
      return world.added.length;
    },
  }),
}));

vi.mock('../../entrypoints/background/checklist', () => ({
  checklistSnapshot: async (asset: string, claims: string[]) => {
    world.snapshots.push([asset, claims]);
    return { assetId: asset, at: 1, score: 2, boxes: [] };
  },
  claimVerdictsFor: async (req: { items: Array<{ asset: string; claim: string; value?: number }> }) => {
    world.verdictAsks.push(req);
    return {
      verdicts: req.items.map((i) => ({
        ...i,
        verdict: i.claim === 'no-vc' ? 'contradicts' : 'agrees',
        reason: { key: 'reasonInvestors', subs: ['a16z'] },
      })),
    };
  },
}));

const { MAX_NOTES, noteUrl, saveNote } = await import('../../entrypoints/background/save-note');

beforeEach(() => {
  world.count = 0;
  world.quotes = new Map();
  world.added = [];
  world.snapshots = [];
  world.verdictAsks = [];
});

/** What the note keeps of the moment (addNote's fourth argument) of the n-th note added. */
const capture = (n: number) => (world.added[n]?.[3] ?? {}) as Record<string, unknown>;

const base = {
  asset: 'cg:hyperliquid',
  quote: 'HYPE: no VC, 28% airdrop',
  url: 'https://x.com/a/status/1',
  detected: '$HYPE',
};

describe('a note keeps the moment it was saved', () => {
  it('the price then, with its source and its own time at the source, and the asset’s name', async () => {
    world.quotes.set('cg:hyperliquid', {
      name: 'Hyperliquid (quote)',
      symbol: 'hype',
      price: { usd: 41.5, source: 'coingecko', fetchedAt: 2_000, asOf: 1_500 },
    });
    await expect(saveNote({ ...base, text: 'watch the unlock', tags: ['perps'] }, true)).resolves.toEqual({
      id: 1,
      priceUsd: 41.5,
    });
    const [asset, text, , capture, extra] = world.added[0] ?? [];
    expect([asset, text]).toEqual(['cg:hyperliquid', 'watch the unlock']);
    expect(capture).toMatchObject({
      quote: base.quote,
      url: base.url,
      detected: '$HYPE',
      priceUsd: 41.5,
      priceSource: 'coingecko',
      priceAt: 1_500,
    });
    expect(extra).toStrictEqual({ assetName: 'Hyperliquid', assetSymbol: 'HYPE', tags: ['perps'] });
  });

  it('without a time at the source, the fetch time; without a price, none; names from the quote', async () => {
    world.quotes.set('cg:other', {
      name: 'Other',
      symbol: 'OTH',
      price: { usd: 1, source: 'defillama', fetchedAt: 3_000 },
    });
    await saveNote({ ...base, asset: 'cg:other' }, true);
    expect(world.added[0]?.[3]).toMatchObject({ priceSource: 'defillama', priceAt: 3_000 });
    expect(world.added[0]?.[4]).toStrictEqual({ assetName: 'Other', assetSymbol: 'OTH' });
    await expect(saveNote({ ...base, asset: 'cg:unpriced' }, true)).resolves.toEqual({
      id: 2,
      priceUsd: null,
    });
    const unpriced = capture(1);
    expect(unpriced.priceUsd).toBeNull();
    expect('priceSource' in unpriced || 'priceAt' in unpriced).toBe(false);
    expect(world.added[1]?.[4]).toStrictEqual({});
  });

  it('the post’s claims as the data judges them now, in words, and the token’s checklist', async () => {
    await saveNote(
      {
        ...base,
        claim: 'no-vc',
        claims: [{ claim: 'airdrop', value: 28 }, { claim: 'no-vc' }],
      },
      true,
    );
    expect(world.verdictAsks).toEqual([
      {
        items: [
          { claim: 'airdrop', value: 28, asset: 'cg:hyperliquid' },
          { claim: 'no-vc', asset: 'cg:hyperliquid' },
        ],
      },
    ]);
    expect(capture(0).claims).toStrictEqual([
      { claim: 'airdrop', value: 28, verdict: 'agrees', reason: '[reasonInvestors a16z]' },
      { claim: 'no-vc', verdict: 'contradicts', reason: '[reasonInvestors a16z]' },
    ]);
    // each claim once
    expect(world.snapshots).toEqual([['cg:hyperliquid', ['airdrop', 'no-vc']]]);
    expect(world.added[0]?.[3]).toMatchObject({ claim: 'no-vc', checklist: { assetId: 'cg:hyperliquid' } });
  });

  it('a note without claims asks for no verdicts; the checklist reads the claims the note has', async () => {
    await saveNote(base, true);
    expect(world.verdictAsks).toEqual([]);
    expect(world.added[0]?.[3]).not.toHaveProperty('claims');
    await saveNote({ ...base, claim: 'no-vc' }, true);
    expect(world.snapshots).toEqual([
      ['cg:hyperliquid', []],
      ['cg:hyperliquid', ['no-vc']],
    ]);
  });

  it('a claim noted without an asset has nothing to be judged against; a stock has no checklist', async () => {
    await saveNote({ ...base, asset: '', claim: 'fair-launch' }, true);
    expect(world.verdictAsks).toEqual([]);
    expect(capture(0).claims).toEqual([{ claim: 'fair-launch', verdict: 'unknown' }]);
    await saveNote({ ...base, asset: 'stock:TSLA' }, true);
    expect(world.snapshots).toEqual([]);
    expect(world.added[1]?.[3]).not.toHaveProperty('checklist');
    expect(world.added[1]?.[3]).not.toHaveProperty('claims');
  });
});

describe('what a note takes from its sender', () => {
  it('from a card, the words typed there up to the card’s cap; from the popup, whole', async () => {
    const long = 'x'.repeat(2_500);
    await saveNote({ ...base, text: long }, false);
    await saveNote({ ...base, text: long }, true);
    await saveNote(base, false);
    expect(world.added.map((a) => (a[1] as string).length)).toEqual([2_000, 2_500, 0]);
  });

  it('past the cap, a clear refusal and nothing added', async () => {
    world.count = MAX_NOTES;
    await expect(saveNote(base, true)).rejects.toThrow(`[noteLimitReached ${MAX_NOTES}]`);
    world.count = MAX_NOTES - 1;
    await expect(saveNote(base, true)).resolves.toMatchObject({ id: 1 });
    expect(world.added).toHaveLength(1);
  });
});

describe('the link a note keeps', () => {
  it('keeps a web page’s URL whole when it fits, and nothing that is not a web page', () => {
    expect(noteUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(noteUrl('http://example.org/')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'chrome-extension://abc/notes.html',
      'file:///etc/passwd',
      'not a url',
    ])
      expect(noteUrl(bad), bad).toBe('');
  });

  it('too long: without its fragment, then without its query, then cut, never lost', () => {
    const path = 'https://example.org/p';
    const hash = `#${'h'.repeat(2_000)}`;
    expect(noteUrl(`${path}?q=1${hash}`)).toBe(`${path}?q=1`);
    const query = `?q=${'v'.repeat(2_000)}`;
    expect(noteUrl(`${path}${query}#top`)).toBe(path);
    const longPath = `https://example.org/${'p'.repeat(2_500)}`;
    const kept = noteUrl(`${longPath}?q=1`);
    expect(kept).toHaveLength(2_000);
    expect(longPath.startsWith(kept)).toBe(true);
    // Exactly at the limit, a URL is kept as it is, fragment and all; so is one that fits once
    // its fragment is gone, query and all.
    const fill = (head: string, tail: string) =>
      `${head}${'e'.repeat(2_000 - head.length - tail.length)}${tail}`;
    const exact = fill('https://example.org/', '#frag');
    expect(exact).toHaveLength(2_000);
    expect(noteUrl(exact)).toBe(exact);
    const withQuery = fill('https://example.org/p?q=', '');
    expect(noteUrl(`${withQuery}#frag`)).toBe(withQuery);
  });
});
