/**
 * Builds the demo and test pages. X pages keep X's real structure (the captured tweet markup in
 * demo/data) with post text swapped in, rendered the way X renders it: cashtags as
 * `/search?q=%24…&src=cashtag_click` links, mentions and hashtags as links, inside
 * `div[data-testid="tweetText"]`. Every piece of text is HTML-escaped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DemoPost } from './posts';

export type XTheme = 'light' | 'dim' | 'dark';

const THEMES: Record<XTheme, { bg: string; fg: string; muted: string }> = {
  light: { bg: 'rgb(255, 255, 255)', fg: 'rgb(15, 20, 25)', muted: 'rgb(83, 100, 113)' },
  dim: { bg: 'rgb(21, 32, 43)', fg: 'rgb(247, 249, 249)', muted: 'rgb(139, 152, 165)' },
  dark: { bg: 'rgb(0, 0, 0)', fg: 'rgb(231, 233, 234)', muted: 'rgb(113, 118, 123)' },
};

/** X's link blue, the same in all three themes. */
const LINK_COLOR = 'rgb(29, 155, 240)';

const TEMPLATE_PATH = resolve(import.meta.dirname, 'data/x-tweet-sample.html');
let template: string | undefined;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders post text the way X does inside tweetText: spans for text, links for $, @, # and URLs. */
export function renderTweetText(text: string): string {
  const link = LINK_COLOR;
  const span = (s: string) =>
    s ? `<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${escapeHtml(s)}</span>` : '';
  const anchor = (href: string, s: string) =>
    `<span class="r-18u37iz"><a dir="ltr" href="${escapeHtml(href)}" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: ${link};">${escapeHtml(s)}</a></span>`;
  const mention = (handle: string) =>
    `<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="/${escapeHtml(handle)}" role="link" class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3 r-1loqt21" style="color: ${link};">@${escapeHtml(handle)}</a></span></div>`;
  // X links cashtags of 1-6 letters (twitter-text's rule), mentions, hashtags and URLs.
  const token =
    /(\$[A-Za-z]{1,6}(?:[._][A-Za-z]{1,2})?)(?![A-Za-z0-9_])|@([A-Za-z0-9_]{1,15})|#([\p{L}\p{N}_]+)|(https?:\/\/\S+)/gu;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(token)) {
    const i = m.index ?? 0;
    const before = i > 0 ? (text[i - 1] ?? '') : '';
    if (/[A-Za-z0-9_$@]/.test(before)) continue;
    out += span(text.slice(last, i));
    if (m[1]) out += anchor(`/search?q=%24${m[1].slice(1).toUpperCase()}&src=cashtag_click`, m[1]);
    else if (m[2]) out += mention(m[2]);
    else if (m[3]) out += anchor(`/hashtag/${encodeURIComponent(m[3])}?src=hashtag_click`, `#${m[3]}`);
    else if (m[4]) out += anchor(m[4], m[4].replace(/^https?:\/\//, '').slice(0, 26));
    last = i + m[0].length;
  }
  return out + span(text.slice(last));
}

/** One tweet in the real captured markup, with this post's author and text. */
export function renderTweet(post: DemoPost, theme: XTheme): string {
  template ??= readFileSync(TEMPLATE_PATH, 'utf8');
  const colors = THEMES[theme];
  let html = removeElement(template, 'data-testid="card.wrapper"');
  html = replaceInner(html, 'data-testid="tweetText"', renderTweetText(post.text));
  html = html
    .replace('lang="en" class="css-146c3p1', `lang="${escapeHtml(post.lang)}" class="css-146c3p1`)
    .replaceAll('Test User Account', escapeHtml(post.name))
    .replaceAll('TestUser123', escapeHtml(post.handle))
    .replaceAll('rgb(231, 233, 234)', colors.fg)
    .replaceAll('rgb(113, 118, 123)', colors.muted);
  return `<div data-testid="cellInnerDiv" data-post-source="${escapeHtml(post.source)}">${html}</div>`;
}

export interface XPageOptions {
  theme?: XTheme;
  title?: string;
  /** Shown above the timeline: what the page is made of. */
  banner?: string;
  /**
   * Lay the cells out as X does: each `position: absolute` and placed with `transform:
   * translateY(…)` from the heights above it, placed again when a cell changes size (default: in
   * normal flow).
   */
  positioned?: boolean;
}

/** X's placement of timeline cells (see XPageOptions.positioned): measured, then translated. */
const POSITIONED_CELLS = `<script>(() => {
  const list = document.querySelector('[aria-label^="Timeline"]');
  list.style.position = 'relative';
  const place = () => {
    let y = 0;
    for (const cell of list.children) {
      const v = 'translateY(' + y + 'px)';
      if (cell.style.transform !== v) cell.style.transform = v;
      y += cell.offsetHeight;
    }
    list.style.height = y + 'px';
  };
  const sizes = new ResizeObserver(() => place());
  const watch = () => { for (const cell of list.children) sizes.observe(cell); place(); };
  new MutationObserver(watch).observe(list, { childList: true });
  watch();
})();</script>`;

function positioned(cell: string, on = false): string {
  return on
    ? cell.replace(
        '<div data-testid="cellInnerDiv"',
        '<div data-testid="cellInnerDiv" style="position: absolute; width: 100%;"',
      )
    : cell;
}

/** An X timeline page: X's shell around real tweet markup. */
export function xTimelinePage(posts: DemoPost[], options: XPageOptions = {}): string {
  const theme = options.theme ?? 'light';
  const c = THEMES[theme];
  const banner = options.banner
    ? `<div role="note" style="padding:12px 16px;border-bottom:1px solid ${c.muted};color:${c.muted};font-size:13px">${escapeHtml(options.banner)}</div>`
    : '';
  return `<!doctype html><html dir="ltr" lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title ?? 'Home / X')}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{margin:0;background-color:${c.bg};color:${c.fg};font:15px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans SC",sans-serif}
main{display:flex;justify-content:center}.css-175oi2r{display:flex;flex-direction:column}[data-testid="primaryColumn"]{width:600px;border-left:1px solid ${c.muted};border-right:1px solid ${c.muted}}
article{padding:12px 16px;border-bottom:1px solid rgba(128,128,128,.3)}[data-testid="tweetText"]{display:block;white-space:pre-wrap;margin-top:4px}
[data-testid="tweetText"] .css-175oi2r{display:inline-flex}a{text-decoration:none;color:inherit}img{max-width:0;max-height:0}svg{width:18px;height:18px}
[data-testid="User-Name"] a{color:inherit}[data-testid="User-Name"]>div{flex-direction:row;gap:4px}
[role="group"],[data-testid="Tweet-User-Avatar"],[data-testid="caret"],button,svg{display:none}</style></head>
<body style="background-color: ${c.bg};"><div id="react-root"><main role="main"><div data-testid="primaryColumn"><section aria-labelledby="timeline" role="region">
<h1 id="timeline" style="font-size:20px;padding:12px 16px;margin:0">Home</h1>${banner}
<div aria-label="Timeline: Your Home Timeline">${posts.map((p) => positioned(renderTweet(p, theme), options.positioned)).join('\n')}</div></section></div></main></div>${options.positioned ? POSITIONED_CELLS : ''}</body></html>`;
}

/** A plain article page (any news site): headline, paragraphs, and a code block that is never read. */
export function articlePage(title: string, paragraphs: string[], code?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{max-width:720px;margin:40px auto;font:18px/1.6 Georgia,"Noto Serif SC",serif;color:#222;padding:0 16px}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${code ? `<pre><code>${escapeHtml(code)}</code></pre>` : ''}<p><input type="text" value="$INPUT ignored" aria-label="search"></p></article></body></html>`;
}

// ── Small balanced-markup helpers for the captured HTML (no DOM on the Node side) ─────────────────

function elementBounds(
  html: string,
  marker: string,
): { open: number; innerStart: number; innerEnd: number; end: number } {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`marker not found in tweet markup: ${marker}`);
  const open = html.lastIndexOf('<', at);
  const tag = /^<([a-z0-9]+)/i.exec(html.slice(open))?.[1];
  if (!tag) throw new Error(`no element at marker ${marker}`);
  const innerStart = html.indexOf('>', at) + 1;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = innerStart;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { open, innerStart, innerEnd: m.index, end: m.index + m[0].length };
  }
  throw new Error(`unbalanced markup at ${marker}`);
}

function replaceInner(html: string, marker: string, inner: string): string {
  const b = elementBounds(html, marker);
  return html.slice(0, b.innerStart) + inner + html.slice(b.innerEnd);
}

function removeElement(html: string, marker: string): string {
  if (!html.includes(marker)) return html;
  const b = elementBounds(html, marker);
  return html.slice(0, b.open) + html.slice(b.end);
}
