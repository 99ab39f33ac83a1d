import { HIGHLIGHT_CLAIM_MARKS, MARK_ATTRIBUTE } from './highlight-window';
import { MARK_TINTS } from './painted-marks';

// Minified by Vite at build time (`?inline`): the content script's bytes are budgeted.
export { default as CARD_CSS } from './card.css?inline';

/**
 * Page-level styles for the marks made with the CSS Custom Highlight API (no DOM nodes; X's timeline
 * cells paint their own marks inline, painted-marks.ts). Measured in Chromium on the page bench's
 * 500-post timeline:
 * - only a background: a highlight that draws outside its text (an underline, a shadow) makes
 *   Chromium recompute visual overflow up the tree whenever a range changes (~4 ms a frame). The
 *   one exception is a claim the data contradicts: its underline is the cue that is not a colour,
 *   and such claims are a few on a page, marked once their verdict comes;
 * - only on elements the scanner flags (`MARK_ATTRIBUTE`, on the parent of marked text): a
 *   `::highlight()` rule matching every element made each frame's overflow pass ~8 ms costlier
 *   per 20-post batch, with no range registered at all.
 */
const ASSET_TINT = MARK_TINTS.asset;
export const MARK_CSS = `
[${MARK_ATTRIBUTE}]::highlight(tickerlens-asset) { background-color: ${ASSET_TINT}; }
[${MARK_ATTRIBUTE}]::highlight(tickerlens-claim) { background-color: ${MARK_TINTS.claim}; }
[${MARK_ATTRIBUTE}]::highlight(${HIGHLIGHT_CLAIM_MARKS.agrees}) { background-color: ${MARK_TINTS.agrees}; }
[${MARK_ATTRIBUTE}]::highlight(${HIGHLIGHT_CLAIM_MARKS.contradicts}) { background-color: ${MARK_TINTS.contradicts}; text-decoration: underline ${MARK_TINTS.contradictsBar} 2px; }`;

/** X's cashtag and mention links in posts get the same mark through a selector (x-selectors.ts). */
export const xLinkMarkCss = (selector: string) =>
  `${selector} { background-color: ${ASSET_TINT}; border-radius: 2px; }`;
