/**
 * An extension's content-script JS in thread CPU time, from a Chromium trace of the page, and the
 * CPU profile recorded in the same trace (for bench/attribution.ts).
 *
 * Chromium does not say in every version which world a call into JS ran in: its 156 put the world's
 * name on `v8.callFunction`, its 150 (Debian's, installed here on 2026-12-06) puts nothing there,
 * and a count keyed on that name read 0 for every build. What both say, and what this counts:
 * - `FunctionCall` and `EvaluateScript` ("devtools.timeline"), which name the script a call enters:
 *   one whose URL is `chrome-extension://…` is the extension's, counted whole (thread CPU), with
 *   whatever it calls (DOM methods, a forced layout, the microtasks drained when it returns);
 * - calls into JS that name no script (the extension runtime handing the worker's answer to
 *   `runtime.sendMessage`'s caller, a listener run from inside the page's own call, a microtask
 *   checkpoint after the page's task): the V8 sampling profiler's samples ("v8.cpu_profiler", about
 *   one every 0.15 ms) with an extension frame on the stack there, each weighing one sampling
 *   interval scaled by its enclosing call's thread CPU over wall time. On this page that second
 *   part is about a seventh of Tickerlens's JS and none of the rungs'.
 */

export interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    src_func?: string;
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
}

/** A thread's CPU profile from a trace: its nodes, and each sample's time and leaf node. */
export interface TraceProfile {
  nodes: Map<number, ProfileNode>;
  samples: Array<{ ts: number; node: number }>;
  /** The median time between samples, µs. */
  intervalUs: number;
}

/** What a trace needs for `extensionJs` (and the profile bench/attribution.ts reads). */
export const JS_TRACE_CATEGORIES = 'toplevel,v8,devtools.timeline,disabled-by-default-v8.cpu_profiler';

const EXTENSION = 'chrome-extension://';
/** Events that are a call into JS (or run queued JS): the slices the samples are placed in. */
const JS_SLICES = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.callFunction',
  'v8.run',
  'v8.evaluateModule',
  'v8.newInstance',
  'RunMicrotasks',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
]);
/** The rendering work a page does, counted where the extension's JS forced it. */
const LAYOUT = new Set(['Layout', 'UpdateLayoutTree']);

const threadOf = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
const cpuUs = (e: TraceEvent) => e.tdur ?? e.dur ?? 0;
const endOf = (e: TraceEvent) => e.ts + (e.dur ?? 0);

/** The renderers' main threads (`CrRendererMain`). */
export function mainThreads(events: TraceEvent[]): Set<string> {
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(threadOf),
  );
}

/** The complete (`X`) events of one thread whose name is in `names`, outermost only, in time order. */
export function outermost(events: TraceEvent[], thread: string, names: Set<string>): TraceEvent[] {
  const list = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && names.has(e.name) && threadOf(e) === thread)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of list) {
    if (e.ts < end) continue;
    end = endOf(e);
    out.push(e);
  }
  return out;
}

/** The event of a time-ordered, non-overlapping list that holds `ts`. */
export function holding<T extends { ts: number; dur?: number }>(list: T[], ts: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = list[mid] as T;
    if (e.ts + (e.dur ?? 0) < ts) lo = mid + 1;
    else if (e.ts > ts) hi = mid - 1;
    else return e;
  }
  return undefined;
}

/** Each thread's CPU profile in the trace ("v8.cpu_profiler"), by thread. */
export function traceProfiles(events: TraceEvent[]): Map<string, TraceProfile> {
  const out = new Map<string, TraceProfile>();
  for (const start of events.filter((e) => e.name === 'Profile')) {
    const nodes = new Map<number, ProfileNode>();
    const samples: TraceProfile['samples'] = [];
    let ts = start.args?.data?.startTime ?? start.ts;
    // The chunks come from the profiler's own thread, tied to the profile by its id.
    const chunks = events
      .filter((e) => e.name === 'ProfileChunk' && e.pid === start.pid && e.id === start.id)
      .sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const data = chunk.args?.data;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        ts += deltas[i] ?? 0;
        samples.push({ ts, node: ids[i] ?? 0 });
      }
    }
    const gaps = samples
      .slice(1)
      .map((s, i) => s.ts - (samples[i]?.ts ?? 0))
      .sort((a, b) => a - b);
    out.set(threadOf(start), { nodes, samples, intervalUs: gaps[gaps.length >> 1] ?? 0 });
  }
  return out;
}

/** Whether a profile node has an extension frame at or above it (memoised per profile). */
export function onExtensionStack(profile: TraceProfile): (id: number) => boolean {
  const known = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const node = profile.nodes.get(id);
    const result =
      !!node &&
      (!!node.callFrame.url?.startsWith(EXTENSION) || (node.parent !== undefined && ours(node.parent)));
    known.set(id, result);
    return result;
  };
  return ours;
}

export interface ExtensionJs {
  /** The extension's JS, thread CPU ms. */
  ms: number;
  /** Of which: counted from samples (calls that name no script), ms. */
  sampledMs: number;
  /** Style and layout run inside the extension's calls (a forced layout), thread CPU ms. */
  layoutMs: number;
}

/** The extension's JS on the renderers' main threads, thread CPU (see the file's comment). */
export function extensionJs(events: TraceEvent[]): ExtensionJs {
  const profiles = traceProfiles(events);
  let named = 0;
  let sampled = 0;
  let layout = 0;
  for (const thread of mainThreads(events)) {
    const entries = outermost(
      events.filter(
        (e) =>
          (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
          !!e.args?.data?.url?.startsWith(EXTENSION),
      ),
      thread,
      new Set(['FunctionCall', 'EvaluateScript']),
    );
    for (const e of entries) named += cpuUs(e);
    for (const e of events)
      if (e.ph === 'X' && LAYOUT.has(e.name) && threadOf(e) === thread && holding(entries, e.ts))
        layout += cpuUs(e);
    const profile = profiles.get(thread);
    if (!profile) continue;
    const slices = outermost(events, thread, JS_SLICES);
    const ours = onExtensionStack(profile);
    for (const s of profile.samples) {
      if (!ours(s.node) || holding(entries, s.ts)) continue;
      const slice = holding(slices, s.ts);
      const busy = slice?.dur ? cpuUs(slice) / slice.dur : 1;
      sampled += profile.intervalUs * busy;
    }
  }
  return { ms: (named + sampled) / 1000, sampledMs: sampled / 1000, layoutMs: layout / 1000 };
}

/** Thread CPU ms of the page's Paint and PrePaint (outermost of each) on the renderers' main threads. */
export function paintMs(events: TraceEvent[]): number {
  let us = 0;
  for (const thread of mainThreads(events))
    for (const name of ['Paint', 'PrePaint'])
      for (const e of outermost(events, thread, new Set([name]))) us += cpuUs(e);
  return us / 1000;
}
