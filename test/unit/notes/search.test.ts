import { describe, expect, it } from 'vitest';
import type { NoteRow } from '../../../utils/notes/schema';
import { buildIndex, EMPTY_QUERY, facets, type NotesQuery, searchNotes } from '../../../utils/notes/search';
import { changeSinceSaved, type PriceNow } from '../../../utils/notes/view';
import { NOTES } from './fixtures';

/** A fourth note on TAO saved at $200: +50% at today's $300, where note 1 (at $361.24) is −17%. */
const CHEAP = {
  ...NOTES[0],
  id: 4,
  uid: 'd4d4d4d4-0000-4000-8000-000000000004',
  createdAt: 0,
  capture: { ...NOTES[0]?.capture, priceUsd: 200 },
} as NoteRow;
const ROWS = [...(NOTES as NoteRow[]), CHEAP];
const PRICES = new Map<string, PriceNow>([
  ['cg:bittensor', { usd: 300, source: 'coingecko', fetchedAt: 0, asOf: null, stale: false }],
]);
const index = buildIndex(ROWS, PRICES, 'No asset');
const find = (q: Partial<NotesQuery>) =>
  searchNotes(index, { ...EMPTY_QUERY, ...q }, (n) => changeSinceSaved(n, PRICES.get(n.assetId))).map(
    (e) => e.note.id,
  );

describe('notes search', () => {
  it('finds words in the text, the quote, the asset and the tags, Chinese and English, any case', () => {
    expect(find({ text: '解锁' })).toEqual([1, 4]);
    expect(find({ text: 'bitcoin HOLDS' })).toEqual([1, 4]);
    expect(find({ text: 'hyperliquid' })).toEqual([2]);
    expect(find({ text: '$tao' })).toEqual([1, 4]);
    expect(find({ text: '#观察', asset: 'cg:bittensor' })).toEqual([1, 4]);
    expect(find({ text: 'ＴＡＯ' })).toEqual([1, 4]);
    expect(find({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by asset, tag and claim, and sorts by time or change since saved', () => {
    expect(find({})).toEqual([3, 2, 1, 4]);
    expect(find({ sort: 'oldest' })).toEqual([4, 1, 2, 3]);
    expect(find({ asset: 'cg:hyperliquid' })).toEqual([2]);
    expect(find({ tag: 'risk' })).toEqual([3]);
    expect(find({ tag: 'ai' })).toEqual([1, 4]);
    expect(find({ claim: 'airdrop' })).toEqual([2]);
    // Notes without a change (no price then, or none now) follow, newest first.
    expect(find({ sort: 'gain' })).toEqual([4, 1, 3, 2]);
    expect(find({ sort: 'loss' })).toEqual([1, 4, 3, 2]);
  });

  it('lists the assets, tags and claims present for the filters, by name', () => {
    const f = facets(index);
    expect(f.assets.map((a) => a.title)).toEqual(['Bittensor (TAO)', 'Hyperliquid (HYPE)', 'No asset']);
    expect(f.tags.map((t) => t.tag)).toContain('观察');
    expect(f.claims).toEqual([
      { claim: 'no-vc', count: 1 },
      { claim: 'airdrop', count: 1 },
    ]);
  });
});
