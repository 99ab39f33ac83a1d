/**
 * The icon files (rendered from assets/icon.svg by scripts/icons.ts): `on` is the extension's icon
 * and the toolbar's on a tab where Tickerlens runs, `off` the toolbar's elsewhere. Read by the
 * manifest (wxt.config.ts) and the worker (entrypoints/background/toolbar.ts), so both say the same.
 */
export const ICON_SIZES = [16, 32, 48, 128] as const;

const iconSet = (dir: 'icon' | 'icon-off'): Record<string, string> =>
  Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icon${dir === 'icon' ? '' : '-off'}/${s}.png`]));

export const ICONS = { on: iconSet('icon'), off: iconSet('icon-off') };
