// `npm run icons`: renders the one icon drawing (assets/icon.svg) to the PNG sizes the browsers ask
// for (16, 32, 48, 128): public/icon/<size>.png, the extension's icon and the toolbar's on a tab
// where Tickerlens runs, and public/icon-off/<size>.png, the toolbar's elsewhere (the same drawing
// on a grey tile). `--check` renders in memory and fails if a committed PNG differs (npm run lint:store).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES } from '../utils/icons';

export { ICON_SIZES };

export const ON_TILE = '#5c7cfa';
/** Grey with 3:1 contrast or more against light and dark toolbars, like the blue (test/unit/icons.test.ts). */
export const OFF_TILE = '#868e96';

const root = resolve(import.meta.dirname, '..');

export interface RenderedIcon {
  variant: 'icon' | 'icon-off';
  size: number;
  /** Path from the repository root. */
  path: string;
  png: Buffer;
  /** RGBA, row by row. */
  pixels: Buffer;
}

export function renderIcons(): RenderedIcon[] {
  const svg = readFileSync(resolve(root, 'assets/icon.svg'), 'utf8');
  if (!svg.includes(`fill="${ON_TILE}"`)) throw new Error(`assets/icon.svg: no tile filled ${ON_TILE}`);
  const variants = {
    icon: svg,
    'icon-off': svg.replace(`fill="${ON_TILE}"`, `fill="${OFF_TILE}"`),
  } as const;
  return (Object.keys(variants) as Array<keyof typeof variants>).flatMap((variant) =>
    ICON_SIZES.map((size) => {
      const image = new Resvg(variants[variant], { fitTo: { mode: 'width', value: size } }).render();
      return {
        variant,
        size,
        path: `public/${variant}/${size}.png`,
        png: image.asPng(),
        pixels: image.pixels,
      };
    }),
  );
}

/** Committed PNGs that differ from a fresh render of the drawing (missing ones included). */
export function staleIcons(): string[] {
  return renderIcons()
    .filter(({ path, png }) => {
      const file = resolve(root, path);
      return !existsSync(file) || !readFileSync(file).equals(png);
    })
    .map((i) => i.path);
}

if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes('--check')) {
    const stale = staleIcons();
    if (stale.length) {
      console.error(`Icons out of date with assets/icon.svg (run npm run icons): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('Icons match assets/icon.svg.');
  } else {
    for (const { path, png } of renderIcons()) {
      const file = resolve(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      console.log(`${path} (${png.length} bytes)`);
    }
  }
}
