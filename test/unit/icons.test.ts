/**
 * The toolbar icons: the committed PNGs are the drawing rendered at each size, and both tiles (on
 * and off) stand out from light and dark toolbars, with the white glyph standing out from the tile.
 * Toolbar colours: Chromium's default light (#ffffff) and dark (#202124, #35363a) frames, Firefox's
 * light (#f9f9fb) and dark (#2b2a33).
 */
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcons, staleIcons } from '../../scripts/icons';

const LIGHT = ['#ffffff', '#f9f9fb'];
const DARK = ['#202124', '#35363a', '#2b2a33'];

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}
const hex = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('icons', () => {
  const icons = renderIcons();

  it('are committed as rendered from assets/icon.svg, at every size', () => {
    expect(staleIcons()).toEqual([]);
    for (const variant of ['icon', 'icon-off'])
      expect(icons.filter((i) => i.variant === variant).map((i) => i.size)).toEqual([...ICON_SIZES]);
    for (const { png, size } of icons) {
      // PNG IHDR: width and height at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('read on light and dark toolbars at every size', () => {
    for (const { pixels, size, path } of icons) {
      // The tile, just inside its bottom edge in the middle (no glyph there), fully opaque.
      const y = Math.floor(size * 0.9);
      const at = (y * size + Math.floor(size / 2)) * 4;
      const tile = [...pixels.subarray(at, at + 4)];
      expect(tile[3], path).toBe(255);
      for (const bg of [...LIGHT, ...DARK])
        expect(contrast(tile.slice(0, 3), hex(bg)), `${path} on ${bg}`).toBeGreaterThanOrEqual(3);
      expect(contrast(tile.slice(0, 3), [255, 255, 255]), `${path}: glyph on tile`).toBeGreaterThanOrEqual(3);
    }
  });
});
