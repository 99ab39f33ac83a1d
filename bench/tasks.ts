/**
 * Where the main-thread time the extension adds on the page bench's timeline goes, by kind of task:
 * the page's frames (style, layout, paint, and the observer callbacks run in them), timers (the
 * content script's reading slices and waits), messages from the extension's worker, garbage
 * collection, and the rest. Chromium's own trace of its top-level tasks ("toplevel", cheap enough
 * not to weigh on the page) gives each task's thread CPU time, which, unlike the wall time the page
 * section's TaskDuration counts, leaves out the time the main thread waited for one of this
 * machine's two cores. No goal: the page section holds the goals; this says what to work on.
 *
 * Each round traces BATCHES batches of 20 posts (BENCH_TASK_BATCHES, default 6), after the first
 * 200, with the extension disabled, with Tickerlens, and (BENCH_FLOOR=1) with bench/floor, one
 * browser each, alternating. Thread CPU time is steadier than wall time but not steady: the added
 * time of single rounds has read from 4 to 42 ms on this machine, so each round's is printed.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { launchPlain, launchWithExtension } from '../test/support/chromium';
import { BATCH, benchPage, floorDirectory, scrollThrough, URL } from './page';
import { type BenchFigure, type BenchSection, median } from './report';

const BATCHES = Math.max(1, Number(process.env.BENCH_TASK_BATCHES ?? 6));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const KINDS = ['frames', 'timers', 'messages', 'gc', 'other'] as const;
type Kind = (typeof KINDS)[number];
/** Per batch: thread CPU ms and number of top-level tasks, by kind. */
type Tasks = Record<Kind, { ms: number; count: number }>;

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

/** What a top-level task is, from where Chromium posted it. */
function kindOf(e: TraceEvent): Kind {
  const from = e.args?.src_func ?? '';
  if (from.includes('BeginMainFrame')) return 'frames';
  if (from.includes('DOMTimer')) return 'timers';
  if (from === 'Accept') return 'messages';
  if (/Sweeper|Marking|MinorGC|GarbageCollection|Marker/i.test(from)) return 'gc';
  return 'other';
}

/** The top-level tasks of the page's main thread (the renderer main thread with the most of them). */
function tasksPerBatch(events: TraceEvent[]): Tasks {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(key)) continue;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const main = [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  main.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = Object.fromEntries(KINDS.map((k) => [k, { ms: 0, count: 0 }])) as Tasks;
  let end = Number.NEGATIVE_INFINITY;
  for (const e of main) {
    if (e.ts < end) continue; // nested in the task before
    end = e.ts + (e.dur ?? 0);
    const slot = out[kindOf(e)];
    slot.ms += (e.tdur ?? 0) / 1000 / BATCHES;
    slot.count += 1 / BATCHES;
  }
  return out;
}

async function traced(context: BrowserContext, html: string): Promise<Tasks> {
  await context.route('https://**/*', (route) =>
    route.request().url().startsWith(URL)
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await page.goto(URL);
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await page.waitForTimeout(1000);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  for (let b = 0; b < BATCHES; b++) {
    await page.evaluate((n) => (window as unknown as { __tl: { add(n: number): void } }).__tl.add(n), BATCH);
    await scrollThrough(page);
    await page.waitForTimeout(300);
  }
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return tasksPerBatch(events);
}

const total = (t: Tasks) => KINDS.reduce((n, k) => n + t[k].ms, 0);

/** Each kind's median over the runs: CPU ms (and tasks) per batch. */
function describe(runs: Tasks[]): string {
  return KINDS.map(
    (k) =>
      `${k} ${median(runs.map((r) => r[k].ms)).toFixed(1)} ms (${median(runs.map((r) => r[k].count)).toFixed(1)} tasks)`,
  ).join(', ');
}

export default async function run(): Promise<BenchSection> {
  const html = benchPage();
  const floorDir = process.env.BENCH_FLOOR === '1' ? floorDirectory() : undefined;
  const runs: Record<'disabled' | 'tickerlens' | 'floor', Tasks[]> = {
    disabled: [],
    tickerlens: [],
    floor: [],
  };
  const withExtension = async (dir?: string) => {
    const ext = await launchWithExtension(dir ? { extensionDir: dir } : {});
    try {
      return await traced(ext.context, html);
    } finally {
      await ext.close();
    }
  };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await launchPlain();
      try {
        runs.disabled.push(await traced(plain.context, html));
      } finally {
        await plain.close();
      }
      runs.tickerlens.push(await withExtension(process.env.BENCH_EXTENSION_DIR));
      if (floorDir) runs.floor.push(await withExtension(floorDir));
    }
  } finally {
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
  // Added: each round's run against that round's disabled run, the median of those.
  const added = (of: Tasks[]) => median(of.map((t, i) => total(t) - total(runs.disabled[i] as Tasks)));
  const figures: BenchFigure[] = [
    {
      name: 'main-thread CPU per batch, disabled',
      value: median(runs.disabled.map(total)),
      unit: 'ms',
      note: describe(runs.disabled),
    },
    {
      name: 'main-thread CPU per batch added, Tickerlens',
      value: added(runs.tickerlens),
      unit: 'ms',
      note: `${runs.tickerlens.map((t, i) => (total(t) - total(runs.disabled[i] as Tasks)).toFixed(1)).join(', ')} by round; ${describe(runs.tickerlens)}`,
    },
  ];
  if (floorDir)
    figures.push({
      name: 'main-thread CPU per batch added, floor',
      value: added(runs.floor),
      unit: 'ms',
      note: `${runs.floor.map((t, i) => (total(t) - total(runs.disabled[i] as Tasks)).toFixed(1)).join(', ')} by round; ${describe(runs.floor)}`,
    });
  return {
    title: 'Main-thread tasks on the page bench (Chromium trace, thread CPU time)',
    figures,
    notes: [
      `${ROUNDS} rounds of ${BATCHES} batches of ${BATCH} posts after the first 200, the page section's timeline and scrolling; per batch, the median over the rounds. Added: each round against its own disabled run.`,
    ],
  };
}
