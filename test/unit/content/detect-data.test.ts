import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../entrypoints/content/text-blocks';
import { decodeSymbols, detectorData, encodeSymbols } from '../../../utils/registry/detect-data';

describe('front-coded symbol set', () => {
  it('round-trips sorted, deduplicated symbols, shared prefixes included', () => {
    const symbols = ['BTC', 'BTC.B', 'BTCB', 'A', '1INCH', 'BRK-B', 'BTC', 'ETH', 'ETHFI', 'E'];
    const encoded = encodeSymbols(symbols);
    expect(decodeSymbols(encoded)).toEqual([...new Set(symbols)].sort());
    expect(encoded.length).toBeLessThan(symbols.join(' ').length);
  });

  it('decodes symbols that each extend the one before', () => {
    expect(decodeSymbols(encodeSymbols(['AB', 'ABC', 'ABCD']))).toEqual(['AB', 'ABC', 'ABCD']);
  });

  it('refuses a symbol with a character the encoding reserves', () => {
    expect(() => encodeSymbols(['btc'])).toThrow(/reserves/);
  });

  it('decodes the bundled set', () => {
    const { symbols } = detectorData();
    expect(symbols.size).toBeGreaterThan(3000);
    for (const s of symbols) expect(s).toMatch(/^[A-Z0-9.-]+$/);
  });
});

describe('text blocks walk', () => {
  const doc = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

  it('skips skipped elements inside a text container, and reads a container nested in a block whole', () => {
    const d = doc(
      '<div>head<div data-testid="tweetText"><span>$BTC </span><svg><text>$NO</text></svg><div><span>@a</span></div></div></div>',
    );
    expect(collectBlocks(d.body).map((b) => b.text)).toEqual(['head', '$BTC @a']);
  });

  it('reads nothing under a root that sits inside a skipped element', () => {
    const d = doc('<div contenteditable="true"><p id="x">$ETH</p></div>');
    const p = d.getElementById('x');
    expect(p && collectBlocks(p)).toEqual([]);
  });
});
