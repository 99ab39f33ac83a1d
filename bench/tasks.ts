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
 *
 * The content script's own JS in thread CPU time, for the first 200 posts (load, then scrolled
 * through) and per batch: a second run of each extension, traced with the "v8" category as well,
 * whose calls into JS carry the name of the world they run in (an extension's isolated world is
 * named after the extension). Every call into that world counts, whatever started it (observers,
 * timers, the worker's answers, events), with the microtasks it left, and the evaluation of the
 * script. The page section's JS figures are the CPU profiler's samples, which count wall time:
 * on this two-core machine they include the time the main thread waited for a core, and read
 * 1.5-2× these. The "v8" category itself adds about a tenth to the main thread's CPU time.
 *
 * The same run then moves the pointer over the posts on screen, POINTER_MOVES times, one move a
 * frame or so, without scrolling: what a reader's mouse costs the content script (hover intent
 * hit-tests the pointer), per move, in the same thread CPU.
 *
 * BENCH_BASELINE_DIR=<an unpacked build> measures another build of Tickerlens (an earlier commit's
 * `.output/chrome-mv3`, copied aside) in the same rounds, alternating, for the main-thread time it
 * adds and for its content script's JS: two builds differ by less than either drifts between runs
 * of this section, so a change is judged against its baseline in one run.
 */
import { rmSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchPlain, launchWithExtension } from '../test/support/chromium';
import { BATCH, benchPage, floorDirectory, scrollThrough, serve, URL } from './page';
import { type BenchFigure, type BenchSection, median } from './report';
import { RUNGS, type Rung, rungDirectories } from './rungs';

const BATCHES = Math.max(1, Number(process.env.BENCH_TASK_BATCHES ?? 6));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const POINTER_MOVES = 300;
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
  args?: { name?: string; src_func?: string; worldName?: string };
}

/**
 * The content script's JS, thread CPU: the first 200 posts and per batch after them (ms), and per
 * pointer move (µs).
 */
interface ScriptCpu {
  firstMs: number;
  batchMs: number;
  pointerUs: number;
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

/**
 * The calls into an isolated world on the renderers' main threads, thread CPU ms: the world with
 * the most calls (the extension's; Playwright's utility worlds left out), calls nested in another
 * counted once.
 */
function worldCpuMs(events: TraceEvent[]): number {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const calls = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.dur !== undefined &&
      e.args?.worldName &&
      !e.args.worldName.startsWith('__playwright') &&
      mains.has(`${e.pid}:${e.tid}`),
  );
  const perWorld = new Map<string, number>();
  for (const e of calls)
    perWorld.set(e.args?.worldName ?? '', (perWorld.get(e.args?.worldName ?? '') ?? 0) + 1);
  const world = [...perWorld].sort((a, b) => b[1] - a[1])[0]?.[0];
  const ours = calls
    .filter((e) => e.args?.worldName === world)
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let ms = 0;
  let thread = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const e of ours) {
    const key = `${e.pid}:${e.tid}`;
    if (key === thread && e.ts < end) continue; // nested in the call before
    thread = key;
    end = e.ts + (e.dur ?? 0);
    ms += (e.tdur ?? 0) / 1000;
  }
  return ms;
}

/** Chromium's trace (these categories) of what happens in the page while `during` runs. */
async function trace(
  cdp: CDPSession,
  categories: string,
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return events;
}

/** A tab on the bench's timeline (not loaded yet), with a CDP session on it. */
async function timelineTab(context: BrowserContext, html: string): Promise<{ page: Page; cdp: CDPSession }> {
  await serve(context, html);
  const page = await context.newPage();
  return { page, cdp: await context.newCDPSession(page) };
}

/** The first 200 posts: the timeline loaded, then scrolled through. */
async function firstPosts(page: Page): Promise<void> {
  await page.goto(URL);
  await page.waitForTimeout(500);
  await scrollThrough(page);
  await page.waitForTimeout(1000);
}

/** BATCHES batches of 20 posts appended and scrolled through. */
async function batches(page: Page): Promise<void> {
  for (let b = 0; b < BATCHES; b++) {
    await page.evaluate((n) => (window as unknown as { __tl: { add(n: number): void } }).__tl.add(n), BATCH);
    await scrollThrough(page);
    await page.waitForTimeout(300);
  }
}

/** The pointer moved over the posts on screen, down and across, POINTER_MOVES times. */
async function pointerMoves(page: Page): Promise<void> {
  for (let i = 0; i < POINTER_MOVES; i++) {
    const y = 100 + ((i * 6) % 600);
    await page.mouse.move(300 + (y % 200), y);
  }
}

async function traced(context: BrowserContext, html: string): Promise<Tasks> {
  const { page, cdp } = await timelineTab(context, html);
  await firstPosts(page);
  const events = await trace(cdp, 'toplevel', () => batches(page));
  await page.close();
  return tasksPerBatch(events);
}

async function scriptTraced(context: BrowserContext, html: string): Promise<ScriptCpu> {
  const { page, cdp } = await timelineTab(context, html);
  const first = await trace(cdp, 'toplevel,v8', () => firstPosts(page));
  const later = await trace(cdp, 'toplevel,v8', () => batches(page));
  const pointer = await trace(cdp, 'toplevel,v8', () => pointerMoves(page));
  await page.close();
  return {
    firstMs: worldCpuMs(first),
    batchMs: worldCpuMs(later) / BATCHES,
    pointerUs: (worldCpuMs(pointer) * 1000) / POINTER_MOVES,
  };
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
  const rungDirs = floorDir ? rungDirectories() : undefined;
  const runs: Record<'disabled' | 'tickerlens' | 'baseline' | 'floor', Tasks[]> = {
    disabled: [],
    tickerlens: [],
    baseline: [],
    floor: [],
  };
  const scripts: Record<'tickerlens' | 'baseline' | 'floor' | Rung, ScriptCpu[]> = {
    tickerlens: [],
    baseline: [],
    floor: [],
    observer: [],
    reading: [],
  };
  const baselineDir = process.env.BENCH_BASELINE_DIR;
  /** One browser with the extension, for one traced run. */
  const withExtension = async <T>(dir: string | undefined, run: (context: BrowserContext) => Promise<T>) => {
    const ext = await launchWithExtension(dir ? { extensionDir: dir } : {});
    try {
      return await run(ext.context);
    } finally {
      await ext.close();
    }
  };
  const tickerlensDir = process.env.BENCH_EXTENSION_DIR;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const plain = await launchPlain();
      try {
        runs.disabled.push(await traced(plain.context, html));
      } finally {
        await plain.close();
      }
      runs.tickerlens.push(await withExtension(tickerlensDir, (c) => traced(c, html)));
      scripts.tickerlens.push(await withExtension(tickerlensDir, (c) => scriptTraced(c, html)));
      if (baselineDir) {
        runs.baseline.push(await withExtension(baselineDir, (c) => traced(c, html)));
        scripts.baseline.push(await withExtension(baselineDir, (c) => scriptTraced(c, html)));
      }
      if (floorDir) {
        runs.floor.push(await withExtension(floorDir, (c) => traced(c, html)));
        scripts.floor.push(await withExtension(floorDir, (c) => scriptTraced(c, html)));
      }
      if (rungDirs)
        for (const rung of RUNGS)
          scripts[rung].push(await withExtension(rungDirs[rung], (c) => scriptTraced(c, html)));
    }
  } finally {
    for (const dir of [floorDir, ...Object.values(rungDirs ?? {})])
      if (dir) rmSync(dir, { recursive: true, force: true });
  }
  // Added: each round's run against that round's disabled run, the median of those.
  const addedByRound = (of: Tasks[]) => of.map((t, i) => total(t) - total(runs.disabled[i] as Tasks));
  /** The main-thread CPU one extension adds per batch: each round against its own disabled run. */
  const addedFigure = (who: string, of: Tasks[]): BenchFigure => ({
    name: `main-thread CPU per batch added, ${who}`,
    value: median(addedByRound(of)),
    unit: 'ms',
    note: `${addedByRound(of)
      .map((ms) => ms.toFixed(1))
      .join(', ')} by round; ${describe(of)}`,
  });
  const figures: BenchFigure[] = [
    {
      name: 'main-thread CPU per batch, disabled',
      value: median(runs.disabled.map(total)),
      unit: 'ms',
      note: describe(runs.disabled),
    },
    addedFigure('Tickerlens', runs.tickerlens),
  ];
  if (baselineDir) figures.push(addedFigure('baseline', runs.baseline));
  if (floorDir) figures.push(addedFigure('floor', runs.floor));
  const byRound = (xs: ScriptCpu[], f: (x: ScriptCpu) => number) => xs.map((x) => f(x).toFixed(1)).join(', ');
  const othersNote = (f: (x: ScriptCpu) => number, unit = 'ms') =>
    (baselineDir
      ? `; baseline ${median(scripts.baseline.map(f)).toFixed(2)} ${unit} (${byRound(scripts.baseline, f)})`
      : '') +
    (floorDir
      ? `; floor ${median(scripts.floor.map(f)).toFixed(2)} ${unit} (${byRound(scripts.floor, f)})` +
        RUNGS.map(
          (rung) =>
            `; rung ${rung} ${median(scripts[rung].map(f)).toFixed(2)} ${unit} (${byRound(scripts[rung], f)})`,
        ).join('')
      : '');
  const batchJs = median(scripts.tickerlens.map((x) => x.batchMs));
  const firstJs = median(scripts.tickerlens.map((x) => x.firstMs));
  figures.push(
    {
      name: 'content-script JS per batch, thread CPU, Tickerlens',
      value: batchJs,
      unit: 'ms',
      note: `${byRound(scripts.tickerlens, (x) => x.batchMs)} by round${othersNote((x) => x.batchMs)}; the script's JS alone, against 2 ms for all the time added`,
    },
    {
      name: 'content-script JS, first 200 posts, thread CPU, Tickerlens',
      value: firstJs,
      unit: 'ms',
      goal: '≤ 15 ms',
      pass: firstJs <= 15,
      note: `${byRound(scripts.tickerlens, (x) => x.firstMs)} by round, script evaluation included${othersNote((x) => x.firstMs)}`,
    },
    {
      name: 'content-script JS per pointer move, thread CPU, Tickerlens',
      value: median(scripts.tickerlens.map((x) => x.pointerUs)),
      unit: 'µs',
      note: `${byRound(scripts.tickerlens, (x) => x.pointerUs)} by round${othersNote((x) => x.pointerUs, 'µs')}; ${POINTER_MOVES} moves over the posts on screen, no scrolling`,
    },
  );
  return {
    title: 'Main-thread tasks on the page bench (Chromium trace, thread CPU time)',
    figures,
    notes: [
      `${ROUNDS} rounds of ${BATCHES} batches of ${BATCH} posts after the first 200, the page section's timeline and scrolling; per batch, the median over the rounds. Added: each round against its own disabled run.`,
      "Content-script JS: a run of its own per extension and round, traced with the \"v8\" category too; every call into the extension's isolated world (its observers, timers, the worker's answers, events, with their microtasks, and the script's evaluation), thread CPU time. The page section's JS figures count the profiler's wall-time samples, which on this two-core machine include waits for a core.",
      ...(rungDirs
        ? [
            'Rungs (BENCH_FLOOR=1, bench/rungs.ts), content-script JS only: `observer` is a MutationObserver on the document with an empty callback; `reading` is that observer reading the text of each added post and author line and nothing more. Below the floor, which also asks its worker and paints: what any extension that marks these posts pays before it marks anything.',
          ]
        : []),
    ],
  };
}
