/**
 * The content script's reading path on X, per post, in Chromium: finding a freshly mounted cell's
 * text roots (sites/x.ts) and reading them into text blocks (text-blocks.ts), the part of the page
 * bench's per-batch JS that grows with every post and that no message, timer or paint is in.
 *
 * The page bench's timeline page, with its posts (real captured markup, real and written text);
 * each run, the page's world mounts 200 cells it has just made from that markup, and the content
 * script's modules, bundled into an isolated world as the extension's are, read them. Timed over
 * the 200 cells in one go (the world's clock is coarsened to 0.1 ms), the best of RUNS runs after
 * two to warm up: the page bench's own figures swing by ±20% between runs on a two-core machine,
 * and this one is meant to show a change of a few microseconds a post.
 */
import { resolve } from 'node:path';
import { launchPlain } from '../test/support/chromium';
import { browserBundle } from './browser/bundle';
import type { ReadingTimes } from './browser/reading-bench';
import { benchPage, serve } from './page';
import { type BenchSection, median } from './report';

const CELLS = 200;
const WARMUP = 2;
const RUNS = 15;
const URL = 'https://x.com/bench/reading';

export default async function run(): Promise<BenchSection> {
  const script = await browserBundle(resolve(import.meta.dirname, 'browser/reading-bench.ts'));
  const html = benchPage();
  const plain = await launchPlain();
  try {
    await serve(plain.context, html, URL);
    const page = await plain.context.newPage();
    await page.goto(URL);
    const cdp = await plain.context.newCDPSession(page);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'tickerlens-reading-bench',
    })) as { executionContextId: number };
    const inWorld = async <T>(expression: string): Promise<T> => {
      const r = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId: executionContextId,
        returnByValue: true,
      })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (r.exceptionDetails) throw new Error(`reading bench: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
    await inWorld(script);
    const runs: ReadingTimes[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // The page's world mounts fresh cells (a string: tsx's helpers do not exist in the page).
      await page.evaluate(`(() => {
        let host = document.getElementById('reading-bench');
        if (!host) { host = document.createElement('div'); host.id = 'reading-bench'; document.body.append(host); }
        const cells = [];
        for (let i = 0; i < ${CELLS}; i++) {
          const t = document.createElement('template');
          t.innerHTML = templates[(i * 7 + ${i}) % templates.length];
          cells.push(t.content.firstElementChild);
        }
        host.replaceChildren(...cells);
        document.body.offsetHeight;
      })()`);
      const times = await inWorld<ReadingTimes>('__readingBench()');
      if (i >= WARMUP) runs.push(times);
    }
    const best = (f: (t: ReadingTimes) => number) => Math.min(...runs.map(f));
    const total = (t: ReadingTimes) => t.roots + t.blocks;
    const first = runs[0] as ReadingTimes;
    return {
      title: 'Reading X posts (content-script modules in an isolated world, Chromium)',
      figures: [
        {
          name: 'finding a cell’s text roots',
          value: best((t) => t.roots),
          unit: 'µs/post',
          note: `median ${median(runs.map((t) => t.roots)).toFixed(1)}`,
        },
        {
          name: 'reading its roots into blocks',
          value: best((t) => t.blocks),
          unit: 'µs/post',
          note: `median ${median(runs.map((t) => t.blocks)).toFixed(1)}`,
        },
        {
          name: 'reading a post, in all',
          value: best(total),
          unit: 'µs/post',
          note: `median ${median(runs.map(total)).toFixed(1)}; ${(first.rootCount / CELLS).toFixed(2)} roots and ${(first.chars / CELLS).toFixed(0)} characters a post`,
        },
      ],
      notes: [
        `${CELLS} freshly mounted cells a run, best of ${RUNS} runs after ${WARMUP} to warm up (median beside it); no goal: the page bench's per-batch figures are the goals, and this is the part of them that grows with every post.`,
      ],
    };
  } finally {
    await plain.close();
  }
}
