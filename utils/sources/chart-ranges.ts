/** The card chart's ranges and size: constants only, so the content script carries no source code. */
export const CHART_RANGES = ['1d', '7d', '30d'] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

/** At most this many points reach the card: two per pixel of its widest chart. */
export const CHART_MAX_POINTS = 300;
