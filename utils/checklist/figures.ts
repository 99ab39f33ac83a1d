/**
 * Figures as the checklist's reasons say them, in the browser's language. The reasons are built in
 * the background (pure modules, no i18n catalogue), so the numbers are formatted here with `Intl`
 * and the words around them come from the catalogues where they are shown.
 */

const locale = (): string => {
  try {
    return globalThis.navigator?.language || 'en';
  } catch {
    return 'en';
  }
};

/** 18.2% · 0.4% · 100% · <0.1% (a share above zero never reads as 0%). */
export function figurePct(x: number): string {
  if (x > 0 && x < 0.05)
    return `<${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(0.1)}%`;
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: x < 100 ? 1 : 0 }).format(x)}%`;
}

/** $1,234,567 · $1.2B (compact from a billion). */
export function usdWhole(x: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: Math.abs(x) >= 1e9 ? 1 : 0,
    ...(Math.abs(x) >= 1e9 ? { notation: 'compact' as const } : {}),
  }).format(x);
}

/** Ratios such as price-to-revenue: 12×, 1.5×, 0.35×. */
export function times(x: number): string {
  return `${new Intl.NumberFormat(locale(), { maximumSignificantDigits: x >= 10 ? 3 : 2 }).format(x)}×`;
}

/** Token amounts: 9.9M · 1.2B (compact). */
export function tokens(x: number): string {
  return new Intl.NumberFormat(locale(), { notation: 'compact', maximumSignificantDigits: 3 }).format(x);
}

/** The schedule's own section names, quoted as the source writes them, at most four. */
export function names(labels: readonly string[]): string {
  const shown = labels.slice(0, 4).map((l) => `“${l}”`);
  return labels.length > 4 ? `${shown.join(', ')} …` : shown.join(', ');
}
