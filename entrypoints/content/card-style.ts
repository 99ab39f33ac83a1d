import { MARK_TINTS } from './painted-marks';
import { MARK_ATTRIBUTE } from './scanner';

// Minified by Vite at build time (`?inline`): the content script's bytes are budgeted.
export { default as CARD_CSS } from './card.css?inline';

/**
 * Page-level styles for the marks made with the CSS Custom Highlight API (no DOM nodes; X's timeline
 * cells paint their own marks inline, painted-marks.ts). Measured in Chromium on the page bench's
 * 500-post timeline:
 * - only a background: a highlight that draws outside its text (an underline, a shadow) makes
 *   Chromium recompute visual overflow up the tree whenever a range changes (~4 ms a frame);
 * - only on elements the scanner flags (`MARK_ATTRIBUTE`, on the parent of marked text): a
 *   `::highlight()` rule matching every element made each frame's overflow pass ~8 ms costlier
 *   per 20-post batch, with no range registered at all.
 */
const ASSET_TINT = MARK_TINTS.asset;
export const MARK_CSS = `
[${MARK_ATTRIBUTE}]::highlight(tickerlens-asset) { background-color: ${ASSET_TINT}; }
[${MARK_ATTRIBUTE}]::highlight(tickerlens-claim) { background-color: ${MARK_TINTS.claim}; }`;

/** X's cashtag and mention links in posts get the same mark through a selector (x-selectors.ts). */
export const xLinkMarkCss = (selector: string) =>
  `${selector} { background-color: ${ASSET_TINT}; border-radius: 2px; }`;
