/**
 * Issue 29 (1): a pin sent by a content script names one of the assets its key could read as, and
 * the table is bounded (background/pin-rules.ts).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getURL: (p: string) => `chrome-extension://x${p}`, getManifest: () => ({ version: '0' }) },
    storage: { local: { get: async () => ({}) }, onChanged: { addListener: () => undefined } },
    tabs: { query: async () => [] },
  },
}));

// The packaged registry is a file the extension fetches: here, the same data from the module.
vi.mock('../../utils/registry/packaged', async () => {
  const { bundledRegistry } = await import('../../utils/registry');
  return { packagedRegistry: async () => bundledRegistry() };
});

const { pinTargets, checkPin, MAX_PINS } = await import('../../entrypoints/background/pin-rules');
const { bundledRegistry } = await import('../../utils/registry');
const { database } = await import('../../entrypoints/background/runtime');

describe('pins', () => {
  const reg = bundledRegistry();

  it('reads a symbol’s candidates, an address’s tokens and a handle’s asset', () => {
    const btc = pinTargets(reg, 'BTC');
    expect(btc.has('cg:bitcoin')).toBe(true);
    expect(btc.has('cg:ethereum')).toBe(false);
    expect(pinTargets(reg, 'NOT-A-SYMBOL-AT-ALL').size).toBe(0);
    const [address, tokens] = [...reg.byAddress.entries()][0] ?? ['', []];
    expect(pinTargets(reg, address)).toEqual(new Set(tokens.map((t) => t.id)));
    const [handle, asset] = [...reg.byHandle.entries()][0] ?? ['', ''];
    expect(pinTargets(reg, `@${handle}`)).toEqual(new Set([asset]));
  });

  it('refuses an asset the key cannot read as, and a pin past the cap', async () => {
    await expect(checkPin('BTC', 'cg:ethereum')).rejects.toThrow(/not one of the assets/);
    await expect(checkPin('BTC', `cg:${'x'.repeat(150)}`)).rejects.toThrow(/not one of the assets/);
    await expect(checkPin('BTC', 'cg:bitcoin')).resolves.toBeUndefined();
    const db = database();
    for (let i = 0; i < MAX_PINS; i++) await db.pin(`K${i}`, 'cg:bitcoin', i);
    await expect(checkPin('BTC', 'cg:bitcoin')).rejects.toThrow(/At most/);
    // Changing a pin already there is still allowed at the cap.
    await db.pin('BTC', 'cg:bitcoin', 0);
    await expect(checkPin('BTC', 'cg:bitcoin')).resolves.toBeUndefined();
  });
});

describe('what content scripts may add a minute', () => {
  it('is PAGE_ADDS_PER_MINUTE notes and pins, each, and starts over after a minute', async () => {
    const { takePageQuota, PAGE_ADDS_PER_MINUTE } = await import('../../entrypoints/background/page-quota');
    const t0 = 1_000_000;
    for (let i = 0; i < PAGE_ADDS_PER_MINUTE; i++) expect(takePageQuota('note', t0 + i)).toBe(true);
    expect(takePageQuota('note', t0 + 100)).toBe(false);
    expect(takePageQuota('pin', t0 + 100)).toBe(true);
    expect(takePageQuota('note', t0 + 60_001)).toBe(true);
  });
});
