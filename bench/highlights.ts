/**
 * What a CSS Custom Highlight costs the page in Chromium, without the extension: the numbers the
 * scanner's marking is designed around. On the page bench's timeline (real captured post markup),
 * with N ranges registered on post text (a background-only `::highlight` rule on flagged parents,
 * as the content script styles them), 40 times 50 ms apart:
 * - one range added to a highlight (what every change to the marks does);
 * - one unrelated DOM change elsewhere on the page (what the page does all the time);
 * - one range added again, with the posts' cells positioned as X positions them (each one
 *   `position: absolute; transform: translateY(…)` in a relative container, so each is a paint
 *   layer of its own); the page bench lays them out in flow, as the captured markup has it.
 * Main-thread task time per change, median of the runs; no goals, they are the ground the page
 * figures stand on.
 */
import type { CDPSession } from 'playwright-core';
import { xTimelinePage } from '../demo/pages';
import { type DemoPost, realPosts, writtenPosts } from '../demo/posts';
import { launchPlain } from '../test/support/chromium';
import type { BenchFigure, BenchSection } from './report';

const COUNTS = [0, 20, 50, 200];
const POSITIONED_COUNTS = [20, 200];
const CHANGES = 40;
const GAP_MS = 50;
const RUNS = 3;

function page(positioned: boolean): string {
  const all = [...writtenPosts, ...realPosts];
  const posts = Array.from({ length: 300 }, (_, i): DemoPost => {
    const base = all[i % all.length] as DemoPost;
    return { ...base, id: `${base.id}-${i}` };
  });
  // __mark(n): n ranges on the first long text nodes of posts, each in an element flagged for the
  // mark style. __change(kind): CHANGES changes GAP_MS apart, each one range added or one node.
  const script = `<script>
if (${positioned}) {
  const list = document.querySelector('[aria-label^="Timeline"]');
  const inner = document.createElement('div');
  inner.style.position = 'relative';
  const cells = [...list.children];
  inner.append(...cells);
  list.append(inner);
  for (const c of cells) { c.style.position = 'absolute'; c.style.width = '100%'; }
  const heights = cells.map((c) => c.getBoundingClientRect().height);
  let top = 0;
  cells.forEach((c, i) => { c.style.transform = 'translateY(' + top + 'px)'; top += heights[i]; });
  inner.style.minHeight = top + 'px';
}
const sheet = new CSSStyleSheet();
sheet.replaceSync('[data-mark]::highlight(bench){background-color:rgba(29,155,240,.16)}');
document.adoptedStyleSheets = [sheet];
const hl = new Highlight();
CSS.highlights.set('bench', hl);
window.__mark = (n) => {
  let k = 0;
  for (const t of document.querySelectorAll('[data-testid="tweetText"]')) {
    const w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
    for (let x = w.nextNode(); x && k < n; x = w.nextNode()) {
      if (x.data.length < 8) continue;
      hl.add(new StaticRange({ startContainer: x, startOffset: 0, endContainer: x, endOffset: 5 }));
      x.parentElement.setAttribute('data-mark', '');
      k++;
    }
    if (k >= n) break;
  }
  return k;
};
const spare = document.createElement('div');
spare.style.display = 'none';
document.body.append(spare);
window.__change = (kind) => new Promise((done) => {
  const text = document.querySelector('[data-testid="tweetText"] span').firstChild;
  let left = ${CHANGES};
  const id = setInterval(() => {
    if (kind === 'range') hl.add(new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 2 }));
    else spare.append(document.createTextNode('x'));
    if (--left === 0) { clearInterval(id); setTimeout(done, 100); }
  }, ${GAP_MS});
});
</script>`;
  return xTimelinePage(posts).replace('</body>', `${script}</body>`);
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2;
};

export default async function run(): Promise<BenchSection> {
  const pages = { flow: page(false), positioned: page(true) };
  const plain = await launchPlain();
  const perChange = new Map<string, number[]>();
  try {
    await plain.context.route('https://**/*', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: route.request().url().endsWith('/positioned') ? pages.positioned : pages.flow,
      }),
    );
    const cases = [
      ...COUNTS.flatMap((n) => [
        { n, kind: 'range', layout: 'flow' },
        { n, kind: 'node', layout: 'flow' },
      ]),
      ...POSITIONED_COUNTS.map((n) => ({ n, kind: 'range', layout: 'positioned' })),
    ];
    for (let run = 0; run < RUNS; run++) {
      for (const { n, kind, layout } of cases) {
        const tab = await plain.context.newPage();
        const cdp = await plain.context.newCDPSession(tab);
        await cdp.send('Performance.enable');
        await tab.goto(`https://bench.example/highlights/${layout}`);
        await tab.evaluate(() => window.scrollTo(0, 3000));
        await tab.evaluate((k) => (window as unknown as { __mark(n: number): number }).__mark(k), n);
        await tab.waitForTimeout(300);
        const before = await taskMs(cdp);
        await tab.evaluate(
          (k) => (window as unknown as { __change(kind: string): Promise<void> }).__change(k),
          kind,
        );
        const key = `${kind} ${n} ${layout}`;
        perChange.set(key, [...(perChange.get(key) ?? []), ((await taskMs(cdp)) - before) / CHANGES]);
        await tab.close();
      }
    }
  } finally {
    await plain.close();
  }
  const figures: BenchFigure[] = [
    ...COUNTS.flatMap((n) => [
      {
        name: `one range added, ${n} registered`,
        value: median(perChange.get(`range ${n} flow`) ?? []),
        unit: 'ms',
        note: 'main-thread task time per change',
      },
      {
        name: `one page node added, ${n} registered`,
        value: median(perChange.get(`node ${n} flow`) ?? []),
        unit: 'ms',
      },
    ]),
    ...POSITIONED_COUNTS.map((n) => ({
      name: `one range added, ${n} registered, cells positioned as on X`,
      value: median(perChange.get(`range ${n} positioned`) ?? []),
      unit: 'ms',
    })),
  ];
  return {
    title: 'Highlight cost in Chromium (no extension): a change to the marks against a change to the page',
    figures,
    notes: [
      `${CHANGES} changes ${GAP_MS} ms apart, median of ${RUNS} runs per figure; 300 posts of real captured markup, scrolled to 3,000 px.`,
      'Every change to a registered highlight makes Chromium rebuild and repaint every highlighted text, wherever it is on the page; a page change elsewhere does not. So the scanner keeps ranges to a window around the viewport and changes them as rarely as it can.',
      'In flow (the page bench’s layout) that repaint is the whole timeline’s layer, whatever the count; with cells positioned as on X, each cell is a layer of its own and the cost grows with the marked ranges.',
    ],
  };
}
