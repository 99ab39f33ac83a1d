/** Styles of the hover card, scoped by its shadow root. */
export const CARD_CSS = `
:host {
  all: initial;
  position: fixed;
  z-index: 2147483647;
  display: block;
  --bg: #ffffff; --fg: #0f1419; --muted: #536471; --border: #cfd9de; --accent: #1d9bf0;
  --warn-bg: #fff4e5; --warn-fg: #8a4b00; --shadow: 0 8px 28px rgba(0,0,0,.18);
}
:host([data-theme="dim"]) {
  --bg: #1e2732; --fg: #f7f9f9; --muted: #8b98a5; --border: #38444d; --accent: #1d9bf0;
  --warn-bg: #3d2a12; --warn-fg: #ffc46b; --shadow: 0 8px 28px rgba(0,0,0,.5);
}
:host([data-theme="dark"]) {
  --bg: #16181c; --fg: #e7e9ea; --muted: #71767b; --border: #2f3336; --accent: #1d9bf0;
  --warn-bg: #3d2a12; --warn-fg: #ffc46b; --shadow: 0 8px 28px rgba(255,255,255,.08);
}
.card {
  box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px); padding: 12px 14px;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 12px;
  box-shadow: var(--shadow); font: 14px/1.4 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto,
  "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
header { display: flex; align-items: baseline; gap: 8px; }
h2 { margin: 0; font-size: 17px; font-weight: 700; overflow-wrap: anywhere; }
h3 { margin: 8px 0 4px; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; }
.kind { color: var(--muted); font-size: 12px; }
.close { margin-left: auto; border: 0; background: none; color: var(--muted); font-size: 18px; cursor: pointer;
  line-height: 1; padding: 0 2px; }
.close:focus-visible { outline: 2px solid var(--accent); border-radius: 4px; }
p { margin: 6px 0; }
.meta { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.claim { font-weight: 600; }
.warn { background: var(--warn-bg); color: var(--warn-fg); padding: 6px 8px; border-radius: 8px; font-size: 13px; }
.note { color: var(--muted); font-size: 12px; }
ul { margin: 0; padding-left: 18px; }
footer { margin-top: 8px; color: var(--muted); font-size: 11px; }
`;

/** Page-level styles for the marks, applied through the CSS Custom Highlight API (no DOM nodes). */
export const MARK_CSS = `
::highlight(tickerlens-asset) { text-decoration: underline dotted 2px; text-decoration-color: #1d9bf0; text-underline-offset: 3px; }
::highlight(tickerlens-claim) { background-color: rgba(255, 196, 0, 0.22); }
`;
