import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articlePage, escapeHtml, renderTweetText, xTimelinePage } from '../../demo/pages';
import { realPosts, writtenPosts } from '../../demo/posts';

describe('demo and test pages', () => {
  it('keep X’s real structure: tweet articles, tweetText, cashtag links, User-Name', () => {
    const { document } = parseHTML(xTimelinePage([...writtenPosts.slice(0, 2), ...realPosts.slice(0, 2)]));
    expect(document.querySelectorAll('article[data-testid="tweet"]')).toHaveLength(4);
    expect(document.querySelectorAll('div[data-testid="tweetText"]')).toHaveLength(4);
    expect(document.querySelector('a[href="/search?q=%24BTC&src=cashtag_click"]')?.textContent).toBe('$BTC');
    expect(document.querySelector('a[href="/HyperliquidX"]')?.textContent).toBe('@HyperliquidX');
    expect(document.querySelectorAll('[data-testid="User-Name"]')).toHaveLength(4);
    // The captured link card (another post's preview) is removed.
    expect(document.querySelector('[data-testid="card.wrapper"]')).toBeNull();
    const texts = [...document.querySelectorAll('[data-testid="tweetText"]')].map((el) => el.textContent);
    // Like X, links show without their scheme.
    const shown = (t: string) => t.replace(/https?:\/\/(\S+)/g, (_, rest: string) => rest.slice(0, 26));
    expect(texts).toEqual([...writtenPosts.slice(0, 2), ...realPosts.slice(0, 2)].map((p) => shown(p.text)));
  });

  it('escape every piece of text: hostile post text stays text', () => {
    const html = renderTweetText('<img src=x onerror=alert(1)> $BTC "quoted" & done');
    expect(html).not.toContain('<img');
    const { document } = parseHTML(`<div>${html}</div>`);
    expect(document.querySelector('div')?.textContent).toBe(
      '<img src=x onerror=alert(1)> $BTC "quoted" & done',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });

  it('builds a plain article page with a code block and a form field', () => {
    const { document } = parseHTML(articlePage('T', ['Bitcoin rose.'], '$BTC in code'));
    expect(document.querySelector('article p')?.textContent).toBe('Bitcoin rose.');
    expect(document.querySelector('pre code')?.textContent).toBe('$BTC in code');
  });

  it('uses real posts from the fixtures, each with its source', () => {
    expect(realPosts.length).toBeGreaterThan(50);
    for (const p of realPosts) expect(p.source).toMatch(/^x\/graphql\//);
    for (const p of writtenPosts) expect(p.source).toBe('written for the demo');
  });
});
