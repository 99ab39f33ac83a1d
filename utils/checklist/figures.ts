/**
 * Figures as the checklist's reasons say them: the card's own formats (components/format.ts, `Intl`
 * in the browser's language), so a figure reads the same in the popup and on the card. The reasons
 * are built in the worker and the words around the figures come from the catalogues where shown.
 */
import { amount, pct, usd } from '@/components/format';

/** A share of supply: 18.2% · 0.04% · 100%. */
export const figurePct = (x: number): string => pct(x, false);

/** Money: $1,470,000 · $1.47M · $0.40. */
export const usdWhole = (x: number): string => usd(x);

/** Token amounts: 9.9M · 1.2B · 4.21E17. */
export const tokens = (x: number): string => amount(x);

/** Ratios such as price-to-revenue: 12×, 1.5×, 0.35×. */
export function times(x: number): string {
  const locale = globalThis.navigator?.language || 'en';
  return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: x >= 10 ? 3 : 2 }).format(x)}×`;
}

/** The schedule's own section names, quoted as the source writes them, at most four. */
export function names(labels: readonly string[]): string {
  const shown = labels.slice(0, 4).map((l) => `“${l}”`);
  return labels.length > 4 ? `${shown.join(', ')} …` : shown.join(', ');
}
