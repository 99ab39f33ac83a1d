/**
 * On-page cost of the content script, in Chromium, against the same page with no extension. The
 * page is a synthetic X timeline built from the real captured tweet markup and real post text
 * (demo/pages.ts), grown by a page script the way X's virtualised timeline grows: cells of 20
 * posts appended (old cells recycled in the heap phase), each batch scrolled through the way a
 * reader flicks past it, so every post nears the viewport and is read.
 *
 * Figures (issue "On the page"):
 * - extension main-thread JS per 20-post batch (CPU profile samples in the content script), and the
 *   main-thread task time of the batch with and without the extension;
 * - main-thread JS to annotate the first 200 posts (loaded, then scrolled through);
 * - card ready after hover intent (p95);
 * - DOM nodes added to the page;
 * - JS heap after 200 and after 2,000 posts scrolled through (GC forced), with and without.
 *
 * BENCH_FLOOR=1 adds, in the same rounds, bench/floor: a bare extension that marks every post the
 * way Tickerlens does on X, the same matches, and does nothing else, for the cost of the design
 * itself.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { renderTweet, xTimelinePage } from '../demo/pages';
import { type DemoPost, realPosts, writtenPosts } from '../demo/posts';
import { collectBlocks, locate } from '../entrypoints/content/text-blocks';
import { X } from '../entrypoints/content/x-selectors';
import { launchPlain, launchWithExtension } from '../test/support/chromium';
import { createDetector } from '../utils/detect';
import { detectorData } from '../utils/registry/detect-data';
import { type BenchFigure, type BenchSection, median } from './report';

export const URL = 'https://x.com/bench/timeline';
const FIRST = 200;
export const BATCH = 20;
/** 200 at load and 15 batches of 20: the timeline of 500 posts. */
const BATCHES = 15;
const HEAP_POSTS = 2000;
const KEEP_CELLS = 60;
const HOVERS = 25;
const INTENT_MS = 120;
/**
 * Scrolling through: 400 px per step, 50 ms apart (8,000 px a second, a fast flick): X updates its
 * cells at most every 100 ms while scrolling, and faster steps would carry some posts past
 * unrendered.
 */
const SCROLL_STEP = 400;
const SCROLL_PAUSE_MS = 50;

/** Posts cycle through the real and written texts; a serial number makes every text unique. */
function post(i: number): DemoPost {
  const all = [...writtenPosts, ...realPosts];
  const base = all[i % all.length] as DemoPost;
  return { ...base, id: `${base.id}-${i}`, text: `${base.text} · ${i}` };
}

/**
 * The timeline's layout. `virtual` (the default) is X's: cells positioned absolutely in a container
 * as tall as the whole list, and only those near the viewport in the DOM. `flow`
 * (BENCH_LAYOUT=flow) keeps every post in the DOM in normal flow: a heavier page than X ever is,
 * which makes every paint (the page's and the marks') dearer.
 */
const LAYOUT = process.env.BENCH_LAYOUT === 'flow' ? 'flow' : 'virtual';

/**
 * The page script for `virtual`, modelled on X's web timeline (its VirtualScroller, as described
 * publicly and as read from its client): each cell `position: absolute` with `transform:
 * translateY(…)`, heights measured when a cell is rendered (400 px assumed before), and cells kept
 * from 0.5 viewport above to 0.5 below while scrolling (the ones already there stay, up to 50 cells)
 * and from 2.5 above to 2.5 below once scrolling has been over for 200 ms. Updates run in an
 * animation frame, at most every 100 ms while scrolling. Cells enter and leave the DOM as the reader
 * scrolls, in list order, as X's do.
 */
const VIRTUAL_SCRIPT = `
  const list = document.querySelector('[aria-label^="Timeline"]');
  const inner = document.createElement('div');
  inner.style.position = 'relative';
  list.replaceChildren(inner);
  const ASSUMED = 400, MIN_RATIO = 0.5, IDLE_RATIO = 2.5, MAX_KEPT = 50;
  const heights = [];
  const cells = new Map();
  window.__rendered = new Set();
  let slice = { start: 0, end: 0 };
  let idle = true;
  let frame = 0;
  let lastUpdate = 0;
  let idleTimer = 0;
  let throttleTimer = 0;
  const heightOf = (i) => heights[i] ?? ASSUMED;
  const render = (i) => {
    const t = document.createElement('template');
    t.innerHTML = templates[i % templates.length];
    const cell = t.content.firstElementChild;
    serial(cell, i);
    window.__rendered.add(i);
    window.__renders = (window.__renders ?? 0) + 1;
    cell.style.position = 'absolute';
    cell.style.width = '100%';
    return cell;
  };
  function update() {
    frame = 0;
    lastUpdate = performance.now();
    const top = scrollY - (list.getBoundingClientRect().top + scrollY);
    const ratio = idle ? IDLE_RATIO : MIN_RATIO;
    const from = top - ratio * innerHeight;
    const to = top + innerHeight + ratio * innerHeight;
    let y = 0, start = -1, end = 0;
    for (let i = 0; i < count; i++) {
      const h = heightOf(i);
      if (y + h > from && y < to) { if (start < 0) start = i; end = i + 1; }
      y += h;
    }
    if (start < 0) start = end = 0;
    let next = { start, end };
    if (!idle && start < slice.end && end > slice.start) {
      // While scrolling, cells already in place stay, up to MAX_KEPT, trimmed on the far side.
      next = { start: Math.min(start, slice.start), end: Math.max(end, slice.end) };
      while (next.end - next.start > MAX_KEPT) {
        if (start - next.start > next.end - end) next.start++;
        else next.end--;
      }
    }
    slice = next;
    for (const [i, cell] of cells) if (i < slice.start || i >= slice.end) { cell.remove(); cells.delete(i); }
    const added = [];
    let after = null;
    for (let i = slice.end - 1; i >= slice.start; i--) {
      let cell = cells.get(i);
      if (!cell) { cell = render(i); cells.set(i, cell); inner.insertBefore(cell, after); added.push(i); }
      after = cell;
    }
    // Heights measured once a cell is rendered; every cell placed from the heights known.
    let measured = false;
    for (const i of added) if (heights[i] === undefined) { heights[i] = cells.get(i).offsetHeight; measured = true; }
    y = 0;
    for (let i = 0; i < count; i++) {
      const cell = cells.get(i);
      if (cell) { const v = 'translateY(' + y + 'px)'; if (cell.style.transform !== v) cell.style.transform = v; }
      y += heightOf(i);
    }
    inner.style.height = y + 'px';
    window.__maxCells = Math.max(window.__maxCells ?? 0, cells.size);
    // Heights now known change which cells the range takes in: placed again at the next frame.
    if (measured) schedule();
  }
  const schedule = () => { if (!frame) frame = requestAnimationFrame(update); };
  addEventListener('scroll', () => {
    idle = false;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => { idle = true; schedule(); }, 200);
    const wait = 100 - (performance.now() - lastUpdate);
    if (wait <= 0) schedule();
    else if (!throttleTimer) throttleTimer = setTimeout(() => { throttleTimer = 0; schedule(); }, wait);
  }, { passive: true });
  window.__tl = { add(n) { count += n; update(); } };
  update();
`;

/** The page script for `flow`: cells appended to the list, the oldest removed beyond `keep`. */
const FLOW_SCRIPT = `
  const list = document.querySelector('[aria-label^="Timeline"]');
  window.__tl = {
    add(n, keep) {
      for (let i = 0; i < n; i++, count++) {
        list.insertAdjacentHTML('beforeend', templates[count % templates.length]);
        serial(list.lastElementChild, count);
      }
      if (keep) while (list.children.length > keep) list.firstElementChild.remove();
    },
  };
`;

/** Every post's markup the timeline cycles through, each with its first serial number. */
const postTemplates = () => [...writtenPosts, ...realPosts].map((_, i) => renderTweet(post(i), 'light'));

/**
 * A copy of bench/floor with its answers: for the text of each post and of each author's name line
 * as the floor reads them (a root's `textContent`, serial number left out), the [start, end] pairs
 * of what Tickerlens finds there: its own detector, run on the blocks Tickerlens reads the root as
 * (a name line is several: name, @handle, time), the matches placed back in the whole text. The
 * caller removes the directory.
 */
export function floorDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerlens-floor-'));
  cpSync(resolve(import.meta.dirname, 'floor'), dir, { recursive: true });
  const detector = createDetector(detectorData());
  const answers: Record<string, number[]> = {};
  for (const html of postTemplates()) {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    for (const root of document.querySelectorAll(`${X.tweetText}, ${X.userName}`)) {
      // Where each text node starts in the root's textContent.
      const starts = new Map<Node, number>();
      let at = 0;
      const walk = (node: Node) => {
        for (let c = node.firstChild; c; c = c.nextSibling) {
          if (c.nodeType === 3) {
            starts.set(c, at);
            at += (c as Text).data.length;
          } else walk(c);
        }
      };
      walk(root);
      const pairs: number[] = [];
      for (const block of collectBlocks(root, undefined, true)) {
        for (const m of detector.detect(block.text)) {
          const a = locate(block, m.start);
          const b = locate(block, m.end, true);
          if (!a || !b) continue;
          pairs.push((starts.get(a.node) ?? 0) + a.offset, (starts.get(b.node) ?? 0) + b.offset);
        }
      }
      answers[(root.textContent ?? '').replace(/ · \d+$/, '')] = pairs;
    }
  }
  writeFileSync(join(dir, 'answers.js'), `self.FLOOR_ANSWERS = ${JSON.stringify(answers)};\n`);
  return dir;
}

/** Serves `html` at `url` (the timeline's, by default) in a browser context, and nothing else. */
export async function serve(context: BrowserContext, html: string, url = URL): Promise<void> {
  await context.route('https://**/*', (route) =>
    route.request().url().startsWith(url)
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
}

export function benchPage(): string {
  const templates = postTemplates();
  const shell = xTimelinePage(LAYOUT === 'flow' ? Array.from({ length: FIRST }, (_, i) => post(i)) : [], {
    theme: 'light',
  });
  // The page script: the timeline's posts; each copy of a text gets its own serial number.
  const script = `<script>
  const templates = ${JSON.stringify(templates).replace(/</g, '\\u003c')};
  let count = ${FIRST};
  const serial = (cell, i) => {
    const spans = cell.querySelectorAll('[data-testid="tweetText"] > span');
    const last = spans[spans.length - 1];
    if (last) last.textContent = last.textContent.replace(/ · \\d+$/, ' · ' + i);
  };
  ${LAYOUT === 'flow' ? FLOW_SCRIPT : VIRTUAL_SCRIPT}
  window.__longTasks = 0;
  new PerformanceObserver((l) => { window.__longTasks += l.getEntries().length; }).observe({ type: 'longtask' });
  </script>`;
  return shell.replace('</body>', `${script}</body>`);
}

interface Profile {
  nodes: Array<{
    id: number;
    callFrame: { url: string; functionName?: string; lineNumber?: number };
    children?: number[];
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Time (ms) of samples taken while an extension script was on the stack: its own frames, and the
 * browser's native functions it called (`querySelectorAll`, `JSON.parse`, `Highlight.add` and the
 * like are frames of their own, with no URL, in a CPU profile).
 */
function extensionSelfMs(profile: Profile): number {
  const ours = onExtensionStack(profile);
  let us = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) if (ours(samples[i] ?? -1)) us += deltas[i + 1] ?? deltas[i] ?? 0;
  return us / 1000;
}

/** Whether a profile node has an extension script's frame at or above it. */
function onExtensionStack(profile: Profile): (id: number) => boolean {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const known = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const up = parent.get(id);
    const result =
      !!byId.get(id)?.callFrame.url.startsWith('chrome-extension://') || (up !== undefined && ours(up));
    known.set(id, result);
    return result;
  };
  return ours;
}

/**
 * BENCH_TOP=1: the extension's hottest functions (and the browser functions they call) by self
 * time, summed over the given profiles, so a regression can be traced without opening DevTools
 * (names: build with TICKERLENS_UNMINIFIED=1 into a copy and point BENCH_EXTENSION_DIR at it).
 */
function printTopFunctions(label: string, profiles: Profile[], count = 25): void {
  const byName = new Map<string, number>();
  for (const profile of profiles) {
    const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const ours = onExtensionStack(profile);
    for (let i = 0; i < samples.length; i++) {
      const frame = frames.get(samples[i] ?? -1);
      if (!frame || !ours(samples[i] ?? -1)) continue;
      const file = frame.url ? frame.url.slice(frame.url.lastIndexOf('/') + 1) : '(native)';
      const key = `${frame.functionName || '(anonymous)'} ${file}:${(frame.lineNumber ?? 0) + 1}`;
      byName.set(key, (byName.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    }
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, count);
  console.log(`\n  top functions, ${label} (self ms):`);
  for (const [name, ms] of top) console.log(`  ${ms.toFixed(2).padStart(8)}  ${name}`);
  // Inclusive: a sample counts for every function on its stack (once each), so the callbacks the
  // browser runs (observer, timers, messages) show what they cost with everything they call.
  const inclusive = new Map<string, number>();
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const ours = onExtensionStack(profile);
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const id = samples[i] ?? -1;
      if (!ours(id)) continue;
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        if (!frame?.url.startsWith('chrome-extension://')) continue;
        const key = `${frame.functionName || '(anonymous)'} :${(frame.lineNumber ?? 0) + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      }
    }
  }
  console.log(`\n  top functions, ${label} (inclusive ms):`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, count))
    console.log(`  ${ms.toFixed(2).padStart(8)}  ${name}`);
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

const settle = (page: Page, ms = 400) => page.waitForTimeout(ms);

/**
 * Scrolls down to the end of the page a step at a time, as a reader flicking through the timeline
 * does: every post passes through the viewport (the extension reads posts as they near it).
 */
export async function scrollThrough(
  page: Page,
  step = SCROLL_STEP,
  pauseMs = SCROLL_PAUSE_MS,
): Promise<void> {
  for (;;) {
    const atEnd = await page.evaluate((by) => {
      const end = document.documentElement.scrollHeight - innerHeight;
      window.scrollTo(0, Math.min(end, scrollY + by));
      return scrollY >= end - 1;
    }, step);
    await page.waitForTimeout(pauseMs);
    if (atEnd) return;
  }
}
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;
};

interface RunFigures {
  firstJsMs: number;
  firstTaskMs: number;
  batchJsMs: number[];
  batchTaskMs: number[];
  longTasks: number;
  nodes: number;
  /** Nodes back at the top after the batches, card closed: what the card-open count is compared with. */
  nodesAtTop: number;
  nodesCardOpen: number;
  cardMs: number[];
  /** Timed hovers; one whose card showed no data within 3 s has no entry in `cardMs`. */
  hovers: number;
  /** Marks whose card had no data to show even after a first hover (nothing cached for them). */
  uncachedHovers: number;
  heap200: number;
  heap2000: number;
  /** Posts that entered the DOM during the first 200 and the batches, and the most cells at once. */
  rendered: number;
  maxCells: number;
}

/**
 * One run. With `profile`, the CPU profiler samples the load and the batches, for the content
 * script's own JS, and the run ends there; without it, the same steps give the task times (the
 * profiler slows every sampled script, the page's and ours, so it must not run while they are
 * timed), then the card, DOM and heap figures.
 */
async function measure(
  context: BrowserContext,
  html: string,
  withExtension: boolean,
  profile: boolean,
  batchesOnly = false,
): Promise<RunFigures> {
  await serve(context, html);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  const startProfile = async () => {
    if (profile) await cdp.send('Profiler.start');
  };
  const stopProfile = async (): Promise<Profile> =>
    profile ? ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile : { nodes: [] };

  // First 200 posts: from navigation, through a scroll past all of them, until the page is quiet.
  await startProfile();
  const t0 = await taskMs(cdp);
  await page.goto(URL);
  await settle(page, 500);
  await scrollThrough(page);
  await settle(page, 1000);
  const firstTaskMs = (await taskMs(cdp)) - t0;
  const first = await stopProfile();
  const firstJsMs = extensionSelfMs(first);
  const top = withExtension && profile && process.env.BENCH_TOP === '1';
  if (top) printTopFunctions('first 200 posts', [first]);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);

  // Scroll batches of 20 posts.
  const batchJsMs: number[] = [];
  const batchTaskMs: number[] = [];
  const batchProfiles: Profile[] = [];
  const longBefore = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
  for (let b = 0; b < BATCHES; b++) {
    await startProfile();
    const before = await taskMs(cdp);
    await page.evaluate((n) => (window as unknown as { __tl: { add(n: number): void } }).__tl.add(n), BATCH);
    await scrollThrough(page);
    await settle(page, 300);
    batchTaskMs.push((await taskMs(cdp)) - before);
    const batchProfile = await stopProfile();
    batchJsMs.push(extensionSelfMs(batchProfile));
    if (top) batchProfiles.push(batchProfile);
  }
  if (top) printTopFunctions(`${BATCHES} batches`, batchProfiles);
  const longTasks =
    (await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks)) - longBefore;

  const { rendered, maxCells } = await page.evaluate(() => {
    const w = window as unknown as { __rendered?: Set<number>; __maxCells?: number };
    const inDom = document.querySelectorAll('[data-testid="cellInnerDiv"]').length;
    return { rendered: w.__rendered?.size ?? inDom, maxCells: w.__maxCells ?? inDom };
  });
  // Taken by both kinds of run; a profiled run stops here (its card and heap figures are unused), as
  // does the floor's (`batchesOnly`).
  const sampled = {
    firstJsMs,
    firstTaskMs,
    batchJsMs,
    batchTaskMs,
    longTasks,
    nodes,
    rendered,
    maxCells,
  };
  if (profile || batchesOnly) {
    await page.close();
    const none = Number.NaN;
    return {
      ...sampled,
      nodesAtTop: none,
      nodesCardOpen: none,
      cardMs: [],
      hovers: 0,
      uncachedHovers: 0,
      heap200: none,
      heap2000: none,
    };
  }

  // Card ready after hover intent, on marks in view.
  const cardMs: number[] = [];
  let hovers = 0;
  let uncachedHovers = 0;
  // Back at the top (both runs alike: the cells a virtualised timeline shows depend on the place).
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page, 500);
  const nodesAtTop = await page.evaluate(() => document.getElementsByTagName('*').length);
  let nodesCardOpen = nodesAtTop;
  if (withExtension) {
    const points = await page.evaluate(() => {
      const h = CSS.highlights.get('tickerlens-asset');
      const out: Array<{ x: number; y: number }> = [];
      // Marks in view: highlight ranges, and X's cashtag links (marked by a stylesheet rule).
      const links = document.querySelectorAll('[data-testid="tweetText"] a[href*="src=cashtag_click"]');
      for (const r of [...((h ?? []) as Iterable<Range>), ...links]) {
        const rect = r.getBoundingClientRect();
        if (rect.top > 40 && rect.bottom < innerHeight - 300 && rect.width > 4) {
          out.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
        }
      }
      return out;
    });
    /** Hovers a point; the time from hover intent to data on the card, or -1 after 3 s. */
    const hover = async (pt: { x: number; y: number }): Promise<number> => {
      await page.mouse.move(pt.x - 40, pt.y - 40);
      await page.waitForTimeout(50);
      // A string, not a function: tsx's name-keeping helpers do not exist in the page.
      const waitReady = page.evaluate<number>(`new Promise((resolve) => {
        let last = 0;
        const onMove = () => { last = performance.now(); };
        document.addEventListener('mousemove', onMove, { capture: true });
        const mo = new MutationObserver(() => {
          // Data on screen: fresh, or cached and marked stale (the bench has no network).
          if (document.querySelector('tickerlens-card[data-state="ready"], tickerlens-card[data-state="stale"]')) {
            mo.disconnect();
            document.removeEventListener('mousemove', onMove, { capture: true });
            resolve(performance.now() - last);
          }
        });
        mo.observe(document.documentElement, { childList: true, attributes: true, subtree: true, attributeFilter: ['data-state'] });
        setTimeout(() => resolve(-1), 3000);
      })`);
      await page.mouse.move(pt.x, pt.y, { steps: 3 });
      const ms = await waitReady;
      nodesCardOpen = await page.evaluate(() => document.getElementsByTagName('*').length);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(30);
      return ms < 0 ? -1 : Math.max(0, ms - INTENT_MS);
    };
    // The goal is for cached data: a first pass caches what the background can get (here, the
    // built-in snapshot), a second is timed on the marks whose card then had data.
    const targets = points.slice(0, HOVERS);
    const cached: typeof targets = [];
    for (const pt of targets) if ((await hover(pt)) >= 0) cached.push(pt);
    for (const pt of cached) {
      hovers++;
      const ms = await hover(pt);
      if (ms >= 0) cardMs.push(ms);
    }
    uncachedHovers += targets.length - cached.length;
  }

  // Heap: 2,000 posts through a virtualised timeline (old cells recycled).
  const heap200 = await heapMb(cdp);
  // Back to the end of the timeline in one jump, then on as before.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await settle(page, 300);
  for (let n = FIRST + BATCHES * BATCH; n < HEAP_POSTS; n += BATCH) {
    await page.evaluate(
      ([k, keep]) =>
        (window as unknown as { __tl: { add(n: number, keep: number): void } }).__tl.add(k, keep),
      [BATCH, KEEP_CELLS] as const,
    );
    // Faster, in steps twice as long: most posts are still rendered, and read.
    await scrollThrough(page, 2 * SCROLL_STEP);
  }
  await settle(page, 800);
  const heap2000 = await heapMb(cdp);
  await page.close();
  return { ...sampled, nodesAtTop, nodesCardOpen, cardMs, hovers, uncachedHovers, heap200, heap2000 };
}

/**
 * Several rounds, the disabled and the enabled run alternating, so drift in the machine's load hits
 * both alike; per-batch figures pool every batch of every round, per-run figures take the median.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

function combine(runs: RunFigures[]): RunFigures {
  const med = (f: (r: RunFigures) => number) => median(runs.map(f));
  const last = runs[runs.length - 1] as RunFigures;
  return {
    firstJsMs: med((r) => r.firstJsMs),
    firstTaskMs: med((r) => r.firstTaskMs),
    batchJsMs: runs.flatMap((r) => r.batchJsMs),
    batchTaskMs: runs.flatMap((r) => r.batchTaskMs),
    longTasks: med((r) => r.longTasks),
    nodes: last.nodes,
    nodesAtTop: last.nodesAtTop,
    nodesCardOpen: last.nodesCardOpen,
    cardMs: runs.flatMap((r) => r.cardMs),
    hovers: runs.reduce((n, r) => n + r.hovers, 0),
    uncachedHovers: runs.reduce((n, r) => n + r.uncachedHovers, 0),
    heap200: med((r) => r.heap200),
    heap2000: med((r) => r.heap2000),
    rendered: Math.min(...runs.map((r) => r.rendered)),
    maxCells: Math.max(...runs.map((r) => r.maxCells)),
  };
}

/** A figure against the disabled run's. */
const ratio = (a: number, b: number) => (b > 0 ? `×${(a / b).toFixed(2)} of the disabled run` : 'n/a');

/** The floor's figures (BENCH_FLOOR=1), each as the goal's figure is given. */
function floorNote(base: RunFigures, floor: RunFigures, profiled: RunFigures): string {
  const added = median(floor.batchTaskMs) - median(base.batchTaskMs);
  return `Floor (BENCH_FLOOR=1, bench/floor: a content script that only reads each post's text and name line, asks its worker, and paints the matches Tickerlens's detector finds there as the cell's background): task time per batch added ${added.toFixed(2)} ms (${ratio(median(floor.batchTaskMs), median(base.batchTaskMs))}), JS per batch ${median(profiled.batchJsMs).toFixed(2)} ms (median), JS for the first 200 posts ${profiled.firstJsMs.toFixed(1)} ms (page load task time ${ratio(floor.firstTaskMs, base.firstTaskMs)}).`;
}

export default async function run(): Promise<BenchSection> {
  const html = benchPage();
  // BENCH_EXTENSION_DIR: bench a private copy of a build while someone else rebuilds .output.
  const extensionDir = process.env.BENCH_EXTENSION_DIR;
  const baseRuns: RunFigures[] = [];
  const extRuns: RunFigures[] = [];
  const profiledRuns: RunFigures[] = [];
  /** One run in a browser of its own with an extension loaded (default: the build). */
  const runWith = async (dir: string | undefined, run: (context: BrowserContext) => Promise<RunFigures>) => {
    const ext = await launchWithExtension(dir ? { extensionDir: dir } : {});
    try {
      return await run(ext.context);
    } finally {
      await ext.close();
    }
  };
  const withExtension = (profile: boolean) =>
    runWith(extensionDir, (context) => measure(context, html, true, profile));
  /**
   * BENCH_FLOOR=1: the same steps, in the same rounds, with bench/floor, the least an extension can
   * do to mark every post the way Tickerlens does (read the post text and name line, ask a worker,
   * paint the matches Tickerlens's detector finds as the cell's background). What it adds is what
   * any such design costs the page.
   */
  const floorDir = process.env.BENCH_FLOOR === '1' ? floorDirectory() : undefined;
  const floorRuns: RunFigures[] = [];
  const floorProfiledRuns: RunFigures[] = [];
  const withFloor = (profile: boolean) =>
    runWith(floorDir, (context) => measure(context, html, false, profile, true));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await launchPlain();
      try {
        baseRuns.push(await measure(plain.context, html, false, false));
      } finally {
        await plain.close();
      }
      extRuns.push(await withExtension(false));
      profiledRuns.push(await withExtension(true));
      if (floorDir) {
        floorRuns.push(await withFloor(false));
        floorProfiledRuns.push(await withFloor(true));
      }
    }
  } finally {
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
  const base = combine(baseRuns);
  const withExt = combine(extRuns);
  const profiled = combine(profiledRuns);
  withExt.firstJsMs = profiled.firstJsMs;
  withExt.batchJsMs = profiled.batchJsMs;

  const batchTaskAdded = median(withExt.batchTaskMs) - median(base.batchTaskMs);
  const figures: BenchFigure[] = [
    {
      // Wall-time samples, shown as part of all the main-thread time the extension adds; issue
      // 27's goal on the script's JS is the tasks section's (thread CPU, a ratio to `reading`).
      name: 'content-script JS per 20-post batch (median)',
      value: median(withExt.batchJsMs),
      unit: 'ms',
      note: `max ${Math.max(...withExt.batchJsMs).toFixed(2)} ms`,
    },
    {
      // No goal: issue 27 withdrew the ≤ 2 ms one (this swings by 20 ms between rounds here) for
      // ratios to the `reading` rung, which the tasks section measures.
      name: 'main-thread task time per batch, added',
      value: batchTaskAdded,
      unit: 'ms',
      note: `${median(withExt.batchTaskMs).toFixed(2)} vs ${median(base.batchTaskMs).toFixed(2)} ms disabled, ${ratio(median(withExt.batchTaskMs), median(base.batchTaskMs))}`,
    },
    {
      name: 'long tasks during the batches',
      value: withExt.longTasks,
      unit: 'tasks',
      goal: 'none added',
      pass: withExt.longTasks <= base.longTasks,
      note: `${base.longTasks} with the extension disabled`,
    },
    {
      // No goal here either: issue 27's is a ratio to the `reading` rung (tasks section).
      name: 'content-script JS, first 200 posts',
      value: withExt.firstJsMs,
      unit: 'ms',
      note: `page load task time ${withExt.firstTaskMs.toFixed(0)} vs ${base.firstTaskMs.toFixed(0)} ms disabled, ${ratio(withExt.firstTaskMs, base.firstTaskMs)}`,
    },
    {
      name: 'card ready after hover intent (p95)',
      value: p95(withExt.cardMs),
      unit: 'ms',
      goal: '≤ 50 ms',
      // Every hover must show data: one that never does is a failure, not a sample left out.
      pass:
        withExt.cardMs.length > 0 && withExt.cardMs.length === withExt.hovers && p95(withExt.cardMs) <= 50,
      note: `${withExt.cardMs.length} of ${withExt.hovers} hovers on cached data showed it (ready, or stale: no network), median ${median(withExt.cardMs).toFixed(1)} ms; ${withExt.uncachedHovers} marks had nothing cached`,
    },
    {
      name: 'DOM nodes added to the page',
      value: withExt.nodes - base.nodes,
      unit: 'nodes',
      // Issue 27: none added by the marks; the card, open, is one host element (its content is in
      // a shadow root), reported beside it.
      goal: '0',
      pass: withExt.nodes - base.nodes <= 0,
      note: `${withExt.nodesCardOpen - base.nodesAtTop} with the card open, against the same page at the same place disabled (its content is in a shadow root)`,
    },
    {
      name: 'JS heap growth, 200 → 2,000 posts',
      value: withExt.heap2000 - withExt.heap200,
      unit: 'MB',
      goal: 'no growth beyond the disabled run',
      pass: withExt.heap2000 - withExt.heap200 <= Math.max(0.5, base.heap2000 - base.heap200 + 0.5),
      note: `${withExt.heap200.toFixed(1)} → ${withExt.heap2000.toFixed(1)} MB; disabled ${base.heap200.toFixed(1)} → ${base.heap2000.toFixed(1)} MB`,
    },
  ];
  return {
    title: 'On the page (Chromium, synthetic X timeline of real markup and real post text)',
    figures,
    notes: [
      `${ROUNDS} rounds, disabled and enabled alternating; ${FIRST} posts at load, then ${BATCHES} batches of ${BATCH} (${FIRST + BATCHES * BATCH} posts); every post is scrolled past (${SCROLL_STEP} px steps, ${SCROLL_PAUSE_MS} ms apart), so every one is read; heap after ${HEAP_POSTS} posts.`,
      LAYOUT === 'virtual'
        ? `Layout: X's (cells positioned absolutely, only those near the viewport in the DOM; BENCH_LAYOUT=flow for every post in flow): ${withExt.rendered} of ${FIRST + BATCHES * BATCH} posts were rendered in each run, at most ${withExt.maxCells} cells at once.`
        : `Layout: every post in the DOM, in normal flow (BENCH_LAYOUT=flow; the default is X's virtualised layout); ${KEEP_CELLS} cells kept in the heap phase.`,
      'Content-script JS is CPU-profile time (50 µs sampling) with a chrome-extension:// frame on the stack (the browser functions it calls included), from a run of its own; task time is Chromium’s TaskDuration metric in runs without the profiler, which slows every script it samples.',
      ...(floorDir ? [floorNote(base, combine(floorRuns), combine(floorProfiledRuns))] : []),
    ],
  };
}
