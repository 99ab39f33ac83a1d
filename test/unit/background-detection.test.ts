/**
 * The worker's detection of page text (background/detection.ts) with the real detector and the
 * bundled registry, over stand-ins for the user's pins and the handles learnt from stored profiles:
 * each text answered on its own and in order, a text past the limit or a malformed block answered
 * with nothing and never failing the others, pins and learnt handles applied, ambiguity with names.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TEXT } from '../../utils/messages';
import { bundledRegistry } from '../../utils/registry/bundled';

const world = vi.hoisted(() => ({
  pins: new Map<string, string>(),
  learnt: new Map<string, string>(),
  handleAsks: [] as string[][],
}));

vi.mock('../../entrypoints/background/runtime', () => ({
  currentRegistry: async () => bundledRegistry(),
  currentPins: async () => world.pins,
  database: () => ({
    assetsByHandles: async (keys: readonly string[]) => {
      world.handleAsks.push([...keys]);
      return new Map([...world.learnt].filter(([k]) => keys.includes(k)));
    },
  }),
}));

const { detectBlocks, resolveEach } = await import('../../entrypoints/background/detection');

beforeEach(() => {
  world.pins = new Map();
  world.learnt = new Map();
  world.handleAsks = [];
});

describe('detecting page text in the worker', () => {
  it('answers each text in order, with a resolution for each match, and nothing for a text with none', async () => {
    const [a, none, b] = await detectBlocks(['Bitcoin and $ETH', 'nothing here', 'Solana (SOL) is up']);
    expect(a?.matches.map((m) => m.text)).toEqual(['Bitcoin', '$ETH']);
    expect(a?.resolutions.map((r) => r.asset)).toEqual(['cg:bitcoin', 'cg:ethereum']);
    // What else the symbol could be (Grayscale's BTC and ETH trusts) comes by name, never as a bare id.
    expect(a?.resolutions.some((r) => (r.alternatives?.length ?? 0) > 0)).toBe(true);
    for (const alt of a?.resolutions.flatMap((r) => r.alternatives ?? []) ?? [])
      expect(alt.name).toMatch(/\S/);
    expect(none).toEqual({ matches: [], resolutions: [] });
    expect(b?.resolutions.map((r) => r.asset)).toContain('cg:solana');
  });

  it('a text past the limit finds nothing; the texts around it are detected as ever', async () => {
    const [before, long, after] = await detectBlocks(['$BTC', `$BTC ${'x'.repeat(MAX_TEXT)}`, '$SOL']);
    expect(before?.resolutions.map((r) => r.asset)).toEqual(['cg:bitcoin']);
    expect(long).toEqual({ matches: [], resolutions: [] });
    expect(after?.resolutions.map((r) => r.asset)).toEqual(['cg:solana']);
  });

  it('a pin decides a symbol; an ambiguous one comes with its candidates, by name', async () => {
    const [open] = await detectBlocks(['$ZK']);
    const r = open?.resolutions[0];
    expect(r?.asset).toBeUndefined();
    expect(r?.candidates?.length ?? 0).toBeGreaterThan(1);
    expect(r?.candidateInfo?.map((c) => c.id)).toEqual(r?.candidates);
    for (const c of r?.candidateInfo ?? []) expect(c.name).toMatch(/\S/);
    const choice = r?.candidates?.[1] ?? '';
    world.pins = new Map([['ZK', choice]]);
    const [pinned] = await detectBlocks(['$ZK']);
    expect(pinned?.resolutions[0]?.asset).toBe(choice);
    expect(pinned?.resolutions[0]).not.toHaveProperty('candidates');
  });

  it('reads each symbol in its own text: "$META" is the stock, "$META" among tokens is not', async () => {
    const [plain, tokens] = await detectBlocks([
      '$META earnings beat',
      'staking $META tokens on the protocol',
    ]);
    expect(plain?.resolutions[0]?.asset).toBe('stock:META');
    expect(tokens?.resolutions[0]?.asset).not.toBe('stock:META');
  });

  it('names a symbol written bare after the asset it belongs to, from the registry', async () => {
    const [text] = await detectBlocks(['The Official Trump token, also known as TRUMP, fell']);
    expect(text?.matches.map((m) => m.text)).toContain('TRUMP');
    expect(text?.resolutions.map((r) => r.asset)).toContain('cg:official-trump');
  });

  it('an address no list knows says so, for the contract path', async () => {
    const address = `0x${'1234567890abcdef'.repeat(3).slice(0, 40)}`;
    const [a] = await detectBlocks([`CA: ${address}`]);
    expect(a?.matches.map((m) => m.kind)).toEqual(['address']);
    expect(a?.resolutions[0]?.unknownAddress).toBeDefined();
  });

  it('a handle no list knows resolves from a stored profile, asked once for the whole request', async () => {
    world.learnt = new Map([['someproject_xyz', 'cg:some-project']]);
    const [a, b] = await detectBlocks(['gm @someproject_xyz', 'and @nobody_knows']);
    expect(a?.resolutions).toEqual([{ asset: 'cg:some-project' }]);
    expect(b?.resolutions).toEqual([{}]);
    expect(world.handleAsks).toHaveLength(1);
  });
});

describe('resolving blocks a content script sends', () => {
  it('a malformed block is answered with nothing and never fails the others', async () => {
    const good = {
      text: 'gm $BTC',
      matches: [{ kind: 'ticker', text: '$BTC', start: 3, end: 7, symbol: 'BTC', cashtag: true }],
    };
    const replies = await resolveEach([
      good,
      { text: 42, matches: [] },
      { text: 'x'.repeat(MAX_TEXT + 1), matches: [] },
      null,
      good,
    ]);
    expect(replies.map((r) => r.map((x) => x.asset))).toEqual([['cg:bitcoin'], [], [], [], ['cg:bitcoin']]);
  });

  it('nothing well formed, nothing resolved', async () => {
    await expect(resolveEach([{ nope: true }])).resolves.toEqual([[]]);
    expect(world.handleAsks).toEqual([]);
  });
});
