/**
 * Issue 29 (5): what is stored stays bounded. Cached data of assets not kept fresh is pruned (never
 * notes, pins or overrides); series are thinned; extremes of a huge series never spread arguments.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', async () => (await import('../../support/i18n')).catalogueBrowser({ locale: 'en' }));
const { PriceChart } = await import('../../../components/PriceChart');

import { TickerlensDb } from '../../../utils/db';
import { extent, thin } from '../../../utils/series';
import { CHART_MAX_POINTS, cleanPoints } from '../../../utils/sources/price-chart';

const quote = (assetId: string, fetchedAt: number) => ({
  assetId,
  symbol: 'X',
  name: 'X',
  price: {
    source: 'coingecko' as const,
    fetchedAt,
    usd: 1,
    change24hPct: null,
    change7dPct: null,
    asOf: null,
  },
  fetchedAt,
});
const unlocks = (cgId: string, fetchedAt: number) => ({
  cgId,
  slug: cgId,
  shape: 2 as const,
  events: [],
  sections: [],
  allocation: null,
  totalSupply: null,
  sources: [],
  notes: [],
  source: 'llamaDatasets' as const,
  fetchedAt,
});

describe('pruning the cache', () => {
  it('drops old rows of assets not kept, keeps kept, recent and noted ones, and every note and pin', async () => {
    const db = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const DAY = 86_400_000;
    const now = 100 * DAY;
    await db.putQuotes([
      quote('cg:old', now - 30 * DAY),
      quote('cg:pinned', now - 30 * DAY),
      quote('cg:noted', now - 30 * DAY),
      quote('cg:recent', now - DAY),
    ]);
    await db.putUnlocks(unlocks('old', now - 30 * DAY));
    await db.putUnlocks(unlocks('pinned', now - 30 * DAY));
    await db.pin('PIN', 'cg:pinned', now);
    await db.addNote('cg:noted', 'mine', now - 60 * DAY);
    const keep = new Set(['cg:pinned', ...(await db.notedAssets())]);
    const pruned = await db.pruneCache(keep, now - 7 * DAY);
    expect(pruned).toBe(2);
    expect(await db.getQuote('cg:old')).toBeUndefined();
    expect(await db.getUnlocks('old')).toBeUndefined();
    for (const id of ['cg:pinned', 'cg:noted', 'cg:recent']) expect(await db.getQuote(id)).toBeDefined();
    expect(await db.getUnlocks('pinned')).toBeDefined();
    expect(await db.countNotes()).toBe(1);
    expect(await db.pins()).toHaveLength(1);
  });
});

describe('series', () => {
  const huge = Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i) * 100 + (i === 777 ? -1e6 : 0));

  it('finds extremes of a million points, where a spread throws', () => {
    expect(() => Math.min(...huge)).toThrow(RangeError);
    expect(extent(huge)).toEqual({ min: -1e6 + Math.sin(777) * 100, max: expect.any(Number) });
    expect(extent([Number.NaN, Number.POSITIVE_INFINITY])).toBeUndefined();
  });

  it('thins to the most points asked, keeping the last', () => {
    const out = thin(huge, 84);
    expect(out).toHaveLength(84);
    expect(out.at(-1)).toBe(huge.at(-1));
    expect(thin([1, 2], 84)).toEqual([1, 2]);
  });

  it('charts a million points (an older or hostile record): thinned in the worker, drawn without a spread', () => {
    const points = cleanPoints(huge.map((v, i) => [i, Math.abs(v) + 1] as const));
    expect(points.length).toBeLessThanOrEqual(CHART_MAX_POINTS);
    const { document } = parseHTML('<!doctype html><html><body><div id="r"></div></body></html>');
    // Preact creates elements through the global document.
    vi.stubGlobal('document', document);
    const root = document.getElementById('r') as unknown as Element;
    render(h(PriceChart, { view: { range: '7d', points, loading: false }, onRange: () => {} }), root);
    vi.unstubAllGlobals();
    const path = root.querySelector('path')?.getAttribute('d') ?? '';
    expect(path.split('L').length).toBeLessThanOrEqual(CHART_MAX_POINTS);
  });
});
