/**
 * The bundled data as `npm run registry` wrote it: parsed by the same schema the extension uses, with
 * its date and sources, every real list in full, the licence rule kept, the content-script part small.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectorData } from '../../../utils/registry/detect-data';
import { parseRegistryData } from '../../../utils/registry/schema';
import { sharedFixture } from '../../support/paths';

const dataPath = new URL('../../../utils/registry/data/registry.json', import.meta.url);
const raw = readFileSync(dataPath, 'utf8');
const data = parseRegistryData(JSON.parse(raw));

describe('registry.json', () => {
  it('records its build date and every source', () => {
    expect(data.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const s of [
      'coins_list_2026',
      'coins_markets_usd_2025-02-09',
      'recorded',
      'public_treasury',
      'sec_company_tickers',
      'nasdaqlisted',
      'jupiter',
      'curated',
    ]) {
      expect(data.sources.join('\n')).toContain(s);
    }
  });

  it('keeps every CoinGecko coin (all are needed for symbol → candidates), ranks only where the snapshot has them', () => {
    const list = JSON.parse(
      readFileSync(sharedFixture('coingecko/coins_list_2026.json'), 'utf8'),
    ) as unknown[];
    expect(data.coins.id).toHaveLength(list.length);
    const ranked = Object.keys(data.coinRanks).length;
    expect(ranked).toBeGreaterThan(240);
    expect(ranked).toBeLessThanOrEqual(250);
    expect(data.coinRanks.bitcoin).toBe(1);
  });

  it('holds the US listings of the SEC and Nasdaq Trader files, with exchange and ETF flags', () => {
    const { equities } = data;
    expect(equities.ticker.length).toBeGreaterThan(10_000);
    const row = (t: string): unknown[] => {
      const i = equities.ticker.indexOf(t);
      return [
        equities.ticker[i],
        equities.name[i],
        equities.exchange[i],
        equities.rank[i],
        data.etfs.includes(t),
      ];
    };
    expect(row('NVDA')).toEqual(['NVDA', 'NVIDIA Corporation', 'NASDAQ', 1, false]);
    expect(row('BRK-B')).toEqual(['BRK-B', 'Berkshire Hathaway Inc.', 'NYSE', 9, false]);
    expect(row('BTC')[4]).toBe(true);
  });

  it('derives nothing from the DefiLlama GPL file', () => {
    expect(data.sources.join('\n')).not.toMatch(/defillama/i);
    expect(readFileSync(new URL('../../../scripts/registry.ts', import.meta.url), 'utf8')).not.toMatch(
      /defillama-app_public_tokens/,
    );
  });

  it('is in the order the lookups binary-search (the schema check throws otherwise)', () => {
    expect(() => parseRegistryData(JSON.parse(raw))).not.toThrow();
    const shuffled = JSON.parse(raw) as { equities: { ticker: string[] } };
    shuffled.equities.ticker.reverse();
    expect(() => parseRegistryData(shuffled)).toThrow(/order/);
  });

  it('stays small enough for the background worker to parse quickly', () => {
    expect(statSync(dataPath).size).toBeLessThan(3_000_000);
  });
});

describe('detect-symbols.json (content script)', () => {
  it('carries only the symbol set, well under the content-script budget', () => {
    const size = statSync(new URL('../../../utils/registry/data/detect-symbols.json', import.meta.url)).size;
    expect(size).toBeLessThan(60_000);
    const d = detectorData();
    for (const s of ['BITCOIN', 'FARTCOIN', '1INCH', 'TAO', 'NVDA', 'MSTR'])
      expect(d.symbols.has(s), s).toBe(true);
    expect(d.symbols.has('2026')).toBe(false);
  });
});
