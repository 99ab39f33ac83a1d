// Minified by Vite at build time (`?inline`): the content script's bytes are budgeted.
export { default as CARD_CSS } from './card.css?inline';

/** Page-level styles for the marks, applied through the CSS Custom Highlight API (no DOM nodes). */
/** X's cashtag and mention links in posts get the same mark through a selector (x-selectors.ts). */
export const xLinkMarkCss = (selector: string) =>
  `${selector} { text-decoration: underline dotted 2px; text-decoration-color: #1d9bf0; text-underline-offset: 3px; }`;

export const MARK_CSS = `
::highlight(tickerlens-asset) { text-decoration: underline dotted 2px; text-decoration-color: #1d9bf0; text-underline-offset: 3px; }
::highlight(tickerlens-claim) { background-color: rgba(255, 196, 0, 0.22); }
`;
