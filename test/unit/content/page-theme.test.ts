/**
 * Which theme the card takes (card-host.tsx `pageTheme`): X's light, dim and lights-out body
 * colours, any other page's dark or light body, and the reader's `prefers-color-scheme` where the
 * page paints no background of its own.
 */
import { describe, expect, it } from 'vitest';
import { pageTheme } from '../../../entrypoints/content/card-host';

function page(backgroundColor: string, prefersDark = false): Document {
  const body = {};
  const view = {
    getComputedStyle: (el: unknown) => ({ backgroundColor: el === body ? backgroundColor : '' }),
    matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && prefersDark }),
  };
  return { body, defaultView: view } as unknown as Document;
}

describe('card theme', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(21, 32, 43)', 'dim'],
    ['rgb(0, 0, 0)', 'dark'],
  ])('X’s body %s is %s', (bg, theme) => {
    expect(pageTheme(page(bg))).toBe(theme);
    // The page's own colour wins over the reader's preference.
    expect(pageTheme(page(bg, true))).toBe(theme);
  });

  it('reads another page’s body colour by its luminance', () => {
    expect(pageTheme(page('rgb(30, 30, 30)'))).toBe('dark');
    expect(pageTheme(page('rgba(250, 248, 240, 1)'))).toBe('light');
  });

  it('follows prefers-color-scheme where the page paints no background', () => {
    expect(pageTheme(page('rgba(0, 0, 0, 0)', true))).toBe('dark');
    expect(pageTheme(page('rgba(0, 0, 0, 0)', false))).toBe('light');
    expect(pageTheme(page('rgba(20, 20, 20, 0.2)', true))).toBe('dark');
  });
});
