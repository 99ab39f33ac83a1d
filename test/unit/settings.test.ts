import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BASE_URLS,
  DEFAULT_SETTINGS,
  MARK_KINDS,
  migrateSettings,
  SETTINGS_VERSION,
} from '../../utils/settings';

describe('settings (contract §6)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS.sources.coingecko).toEqual({
      baseUrl: 'https://api.coingecko.com/api/v3',
      apiKey: '',
    });
    expect(DEFAULT_SETTINGS.sources.llamaCoins.baseUrl).toBe('https://coins.llama.fi');
    expect(DEFAULT_SETTINGS.sources.llamaApi.baseUrl).toBe('https://api.llama.fi');
    expect(DEFAULT_SETTINGS.sources.llamaDatasets.baseUrl).toBe('https://defillama-datasets.llama.fi');
    expect(DEFAULT_SETTINGS.sources.goplus.baseUrl).toBe('https://api.gopluslabs.io');
    expect(DEFAULT_SETTINGS.sources.stocks.baseUrl).toBe('https://query1.finance.yahoo.com');
    expect(DEFAULT_SETTINGS.version).toBe(SETTINGS_VERSION);
  });

  it('completes a partial object from the defaults instead of rejecting it', () => {
    const s = migrateSettings({ sources: { coingecko: { baseUrl: 'http://127.0.0.1:4000/cg/' } } });
    expect(s.sources.coingecko).toEqual({ baseUrl: 'http://127.0.0.1:4000/cg', apiKey: '' });
    expect(s.sources.goplus.baseUrl).toBe(DEFAULT_BASE_URLS.goplus);
    expect(s.marks).toBe(true);
  });

  it('replaces invalid fields one by one and keeps the valid ones', () => {
    const s = migrateSettings({
      sources: {
        coingecko: { baseUrl: 'javascript:alert(1)', apiKey: 'CG-abc' },
        stocks: 42,
        llamaApi: null,
      },
      enabledSites: ['https://www.coindesk.com', 'not a site', 'https://www.coindesk.com'],
      marks: 'yes',
    });
    expect(s.sources.coingecko).toEqual({ baseUrl: DEFAULT_BASE_URLS.coingecko, apiKey: 'CG-abc' });
    expect(s.sources.stocks.baseUrl).toBe(DEFAULT_BASE_URLS.stocks);
    expect(s.sources.llamaApi.baseUrl).toBe(DEFAULT_BASE_URLS.llamaApi);
    expect(s.enabledSites).toEqual(['https://www.coindesk.com']);
    expect(s.marks).toBe(true);
  });

  it('migrates the unversioned shape (version 0) and anything that is not an object', () => {
    // Fixture of the old shape: the same fields without `version`.
    const v0 = { sources: { llamaCoins: { baseUrl: 'https://proxy.example/llama' } }, marks: false };
    const s = migrateSettings(v0);
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.sources.llamaCoins.baseUrl).toBe('https://proxy.example/llama');
    expect(s.marks).toBe(false);
    for (const junk of [undefined, null, 'x', 3, [], [1, 2]])
      expect(migrateSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 1 (no markKinds) to every kind marked, keeping what the reader chose', () => {
    // Fixture of the version-1 shape as the options page stored it (utils/settings.ts before v2).
    const v1 = {
      version: 1,
      sources: { coingecko: { baseUrl: 'https://pro-api.coingecko.com/api/v3', apiKey: 'CG-key' } },
      enabledSites: ['https://www.coindesk.com'],
      marks: false,
    };
    const s = migrateSettings(v1);
    expect(s.version).toBe(2);
    expect(s.markKinds).toEqual({ ticker: true, name: true, handle: true, address: true, claim: true });
    expect(s.marks).toBe(false);
    expect(s.sources.coingecko).toEqual({
      baseUrl: 'https://pro-api.coingecko.com/api/v3',
      apiKey: 'CG-key',
    });
    expect(s.enabledSites).toEqual(['https://www.coindesk.com']);
  });

  it('keeps the kinds switched off and completes the rest, kind by kind', () => {
    const s = migrateSettings({ version: 2, markKinds: { claim: false, handle: 'no', name: false } });
    expect(s.markKinds).toEqual({ ticker: true, name: false, handle: true, address: true, claim: false });
    expect(migrateSettings({ markKinds: 'claims' }).markKinds).toEqual(DEFAULT_SETTINGS.markKinds);
    expect(Object.keys(DEFAULT_SETTINGS.markKinds)).toEqual([...MARK_KINDS]);
  });
});
