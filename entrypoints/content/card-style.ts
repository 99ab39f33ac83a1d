/** Styles of the hover card, scoped by its shadow root. */
export const CARD_CSS = `
:host {
  all: initial;
  position: fixed;
  z-index: 2147483647;
  display: block;
  --bg: #ffffff; --fg: #0f1419; --muted: #536471; --border: #cfd9de; --accent: #1d9bf0;
  --warn-bg: #fff4e5; --warn-fg: #8a4b00; --shadow: 0 8px 28px rgba(0,0,0,.18);
  --up: #00875a; --down: #c92a2a;
}
:host([data-theme="dim"]) {
  --bg: #1e2732; --fg: #f7f9f9; --muted: #8b98a5; --border: #38444d; --accent: #1d9bf0;
  --warn-bg: #3d2a12; --warn-fg: #ffc46b; --shadow: 0 8px 28px rgba(0,0,0,.5);
  --up: #3ddc97; --down: #ff8787;
}
:host([data-theme="dark"]) {
  --bg: #16181c; --fg: #e7e9ea; --muted: #71767b; --border: #2f3336; --accent: #1d9bf0;
  --warn-bg: #3d2a12; --warn-fg: #ffc46b; --shadow: 0 8px 28px rgba(255,255,255,.08);
  --up: #3ddc97; --down: #ff8787;
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
.sym { color: var(--muted); font-weight: 600; }
ul { margin: 0; padding-left: 0; list-style: none; }
li { margin: 2px 0; }
section { margin-top: 8px; border-top: 1px solid var(--border); padding-top: 6px; }
.price-row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 6px 0; }
.price { font-size: 20px; font-weight: 700; }
.chg { font-size: 13px; font-weight: 600; }
.up { color: var(--up); }
.down { color: var(--down); }
.spark { margin-left: auto; }
.grid { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 2px 8px; margin: 4px 0; font-size: 13px; }
.grid dt { color: var(--muted); }
.grid dd { margin: 0; font-weight: 600; text-align: right; }
.unlocks li { display: grid; grid-template-columns: 6.5em 4.5em 3.5em 1fr; gap: 6px; font-size: 12.5px; }
.unlocks li.insider { color: var(--warn-fg); background: var(--warn-bg); border-radius: 6px; padding: 1px 4px; font-weight: 600; }
.cat { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.claims li { font-size: 13px; }
.verdict-contradicts strong { color: var(--down); }
.verdict-agrees strong { color: var(--up); }
.candidates li { display: flex; justify-content: space-between; gap: 8px; font-size: 13px; }
.link { border: 0; background: none; color: var(--accent); cursor: pointer; padding: 0; font: inherit; }
.link:focus-visible, .err button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); border-radius: 4px; }
a { color: var(--accent); }
.stale { color: var(--warn-fg); }
.err button { margin-top: 4px; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--border);
  background: transparent; color: inherit; cursor: pointer; }
.loading { font-style: italic; }
footer { margin-top: 8px; color: var(--muted); font-size: 11px; }
`;

/** Page-level styles for the marks, applied through the CSS Custom Highlight API (no DOM nodes). */
export const MARK_CSS = `
::highlight(tickerlens-asset) { text-decoration: underline dotted 2px; text-decoration-color: #1d9bf0; text-underline-offset: 3px; }
::highlight(tickerlens-claim) { background-color: rgba(255, 196, 0, 0.22); }
`;
