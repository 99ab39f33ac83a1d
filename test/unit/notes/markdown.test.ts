import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../../utils/db/records';
import {
  blockQuote,
  escapeInline,
  notesToMarkdown,
  pageLink,
  paragraphs,
} from '../../../utils/notes/markdown';
import type { PriceNow } from '../../../utils/notes/view';
import { MD_WORDS, NOTES } from './fixtures';

/**
 * A renderer as permissive as any: raw HTML on, bare URLs linked (GFM's autolinks), typographer
 * off. If the export is safe here, it is safe in stricter ones.
 */
const md = new MarkdownIt({ html: true, linkify: true });
const render = (text: string) => md.render(text);

const HOSTILE = [
  '[click here](javascript:alert(1)) ![tracker](https://evil.example/pixel.png)',
  '<img src=x onerror=alert(1)> <script>alert(1)</script> &lt;b&gt;',
  '`code` *bold* _em_ ~~gone~~ | a | b |',
  'https://evil.example/phish and www.evil.example and mail@evil.example',
  '[ref]: https://evil.example',
  '# Not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list either',
  '    not code',
  '===',
  '<https://evil.example>',
].join('\n');

function noteWith(text: string, quote = text, url = 'https://x.com/a'): NoteRecord {
  return { ...(NOTES[2] as NoteRecord), text, capture: { quote, url, detected: '$X', priceUsd: null } };
}

describe('notes Markdown export', () => {
  it('groups notes by asset, quotes the post line by line and links the page', () => {
    const prices = new Map<string, PriceNow>([
      ['cg:bittensor', { usd: 397.364, source: 'coingecko', fetchedAt: 0, asOf: null, stale: true }],
    ]);
    const out = notesToMarkdown(NOTES, prices, MD_WORDS, Date.UTC(2026, 11, 6));
    const headings = out.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Bittensor \\(TAO\\)', '## Hyperliquid \\(HYPE\\)', '## No asset']);
    expect(out).toContain('> Bitcoin holds while $TAO runs.\\\n> 比特币横盘，"TAO" 领涨, 不是吗？');
    expect(out).toContain('- Source: [x.com](https://x.com/someone/status/1?ref=a,b)');
    expect(out).toContain('- Price now: $397.364 \\(+10.0%, out of date\\)');
    const html = render(out);
    expect(html).toContain('<blockquote>');
    expect(html).toContain('子网排放还在增长，注意 &quot;dTAO&quot; 之后的解锁。<br>');
    expect(html).toContain('<a href="https://x.com/someone/status/1?ref=a,b">x.com</a>');
  });

  it('lets no link, image or HTML through from page text, only its own page links', () => {
    const html = render(notesToMarkdown([noteWith(HOSTILE)], new Map(), MD_WORDS, 0));
    expect(html).not.toMatch(/<img|<script|<b>|<code>|<strong>|<em>|<s>|<table|<h[1-6]>Not|<ol|<pre/);
    // The only link is the note's own source.
    expect([...html.matchAll(/<a /g)]).toHaveLength(1);
    expect(html).toContain('<a href="https://x.com/a">x.com</a>');
    // What was written is still what is read.
    const text = html.replace(/<[^>]+>/g, '');
    for (const piece of [
      '[click here](javascript:alert(1))',
      '# Not a heading',
      '- not a list',
      '1. not a list either',
    ])
      expect(text).toContain(piece.replace(/&/g, '&amp;'));
  });

  it.each([
    ['[a](b)', '\\[a\\]\\(b\\)'],
    ['![i](u)', '\\!\\[i\\]\\(u\\)'],
    ['<b>', '\\<b\\>'],
    ['`x`', '\\`x\\`'],
    ['*a* _b_', '\\*a\\* \\_b\\_'],
    ['https://a.example', 'https\\://a.example'],
    ['比特币，没有风投', '比特币，没有风投'],
  ])('escapes %j as %j', (text, expected) => {
    expect(escapeInline(text)).toBe(expected);
  });

  it('escapes what starts a block at the start of a line, and keeps line breaks', () => {
    expect(paragraphs('# h\n> q\n- l\n+ p\n12. n\n   = s')).toEqual([
      '\\# h\\\n\\> q\\\n\\- l\\\n\\+ p\\\n12\\. n\\\n\\= s',
    ]);
    expect(paragraphs('one\n\n\ntwo')).toEqual(['one', 'two']);
    expect(blockQuote('first\n\nsecond')).toBe('> first\n>\n> second');
  });

  it('links only http(s) pages, with the destination unable to end early', () => {
    expect(pageLink('javascript:alert(1)')).toBe('');
    expect(pageLink('data:text/html,x')).toBe('');
    expect(pageLink('https://news.example/a (b)/c d?q=<x>')).toBe(
      '[news.example](https://news.example/a%20%28b%29/c%20d?q=%3Cx%3E)',
    );
    const html = render(`${pageLink('https://news.example/a)[x](javascript:alert(1))')}`);
    expect([...html.matchAll(/<a /g)]).toHaveLength(1);
    expect(html).toContain('href="https://news.example/a%29%5Bx%5D%28javascript:alert%281%29%29"');
  });
});
