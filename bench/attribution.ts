/**
 * BENCH_ATTRIBUTE=1 (tasks section): where Tickerlens's content-script JS goes, by part of the
 * pipeline, from the CPU profile in the traces of an unminified build with source maps
 * (TICKERLENS_UNMINIFIED=1, built aside by the bench). Each sample with an extension frame on its
 * stack is placed by its frames' function names and original source files: "self" by the innermost
 * extension frame (the browser functions it calls, `getBoundingClientRect`, `querySelectorAll`,
 * count with it), "total" by every part on the stack, once each.
 *
 * The mapping is CATEGORY_RULES below, the one place it is written: the first rule whose file and
 * function patterns both match a frame decides. File patterns name the files before and after the
 * rebuild of issue 27 (e9f7006: watcher, detection client, markers, sites); function patterns name
 * the methods of `scanner.ts`, which held several parts at once before it.
 * Anonymous functions take the name of the function their source sits in (`(in start)`), read from
 * the source map's copy of the source, and are placed as that function.
 *
 * Also: the style and layout the extension's calls force (`Layout`, `UpdateLayoutTree` trace events
 * with a sample inside whose stack holds an extension frame), by the innermost extension function.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import {
  mainThreads,
  onExtensionStack,
  type ProfileNode,
  type TraceEvent,
  type TraceProfile,
  traceProfiles,
} from './trace-js';

export const CATEGORIES = [
  'watcher',
  'reader',
  'messaging',
  'resolution',
  'marking',
  'hover index',
  'card',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** In `entrypoints/content/` (where today's scanner.ts and its successors live). */
const CONTENT = /entrypoints\/content\//;

/**
 * Frame → part of the pipeline: the first rule whose patterns all match (file: the original source
 * path). Files first, the parts' own files after the rebuild of issue 27 included; then the names of
 * the methods of scanner.ts, which held several parts before it (and still puts them together).
 */
export const CATEGORY_RULES: ReadonlyArray<{ category: Category; file?: RegExp; fn?: RegExp }> = [
  // detection-client.ts holds the cache of matches and resolutions and the batcher that asks.
  {
    category: 'resolution',
    file: /content\/detection-client\.ts$/,
    fn: /^#?(matchesOf|resolutionsOf|onResolved|resolve|keep|dropResolutions)$/,
  },
  // Hover: the hit-test index and the pointer's handling.
  { category: 'hover index', file: /content\/(hover|hit-test|hover-index)[^/]*\.ts$/ },
  // Marking: the markers (cell painter, highlight window), claim marks.
  {
    category: 'marking',
    file: /content\/(painted-marks|claim-marks|marker|markers|highlight[^/]*|cell-painter)\.ts$/,
  },
  // Resolution: the per-text caches, asking for resolutions.
  { category: 'resolution', file: /content\/(resolutions|recent-cache|text-cache|cache)\.ts$/ },
  // Messaging: asking the worker (the batcher, the polyfill, zod checking both ways).
  {
    category: 'messaging',
    file: /utils\/(messages|messaging|queue\/batcher)\.ts$|content\/(long-texts|detection-client|tab-api|messages)\.ts$|node_modules\/(zod|webextension-polyfill|@wxt-dev\/webextension-polyfill)\//,
  },
  // Reader: a root into text blocks; which roots (the site's adapter).
  {
    category: 'reader',
    file: /content\/(text-blocks|roots|x-selectors|reader|adapter[^/]*|sites?\/[^/]+)\.ts$/,
  },
  // Watcher: the mutation observer and its queue.
  { category: 'watcher', file: /content\/watcher[^/]*\.ts$/ },
  // The card and its Preact tree.
  { category: 'card', file: /content\/card[^/]*\.tsx?$|components\/|node_modules\/preact\// },
  // scanner.ts by method.
  { category: 'hover index', file: CONTENT, fn: /^(hitTest|rangeOf|holdsDetection|isMarked|entriesInView)$/ },
  {
    category: 'marking',
    file: CONTENT,
    fn: /^#?(markerOf|onMarked|onEdges|checkJump|moveWindow|settleWait|flushAfter|watchEdges|unitsWithin|firstReaching|compactOrder|insertOrdered|mayFlushNow|requestFlush|flushHighlights|highlightOf|unhighlight|restyleClaims|restyle|remark|markParents|styledByPage|announce|onScroll|listenForScroll|makeRange|watch|repaint)$|^nodeIndexAt$/,
  },
  { category: 'resolution', file: CONTENT, fn: /^#?(settle|settleParked)$/ },
  { category: 'messaging', file: CONTENT, fn: /^#?(ask|askSoon|retryLater|scanDocument)$/ },
  { category: 'reader', file: CONTENT, fn: /^#?scanNode$/ },
  {
    category: 'watcher',
    file: /content\/scanner\.ts$/,
    fn: /^#?(enqueue|schedule|runSlice|nextRoot|removeEntry|judgeEditability|reread|start|stop|onWork)$/,
  },
  // The content script's hooks into the parts (index.ts).
  { category: 'resolution', file: /content\/index\.ts$/, fn: /^onNear$/ },
  { category: 'messaging', file: /content\/index\.ts$/, fn: /^(reportSoon|detect)$/ },
  { category: 'marking', file: /content\/index\.ts$/, fn: /^(marked|claimMark|paintOn)$/ },
];

/** Per category, sample time (µs): self, and total (on the stack at all). */
export type Attribution = Record<Category, { selfUs: number; totalUs: number }>;

export interface AttributionRun {
  byCategory: Attribution;
  /** Self time by function (µs), for the top of each category. */
  byFunction: Map<string, { category: Category; us: number }>;
  /** Style and layout forced by the extension's calls (thread CPU µs), by innermost extension function. */
  forcedLayout: Map<string, number>;
  /** Sample time with an extension frame on the stack, µs. */
  extensionUs: number;
}

/** Source-mapped place of a profile frame, with its category. */
interface Placed {
  name: string;
  file: string;
  category: Category;
}

/** Places the frames of an unminified build's scripts by their source maps (read once per script). */
export function framePlacer(extensionDir: string): (node: ProfileNode) => Placed | undefined {
  const maps = new Map<string, { map: SourceMap; sources: Map<string, string[]> } | null>();
  const placed = new Map<string, Placed>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const path = join(extensionDir, new URL(url).pathname);
      try {
        const payload = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapPayload & {
          sourcesContent?: string[];
        };
        const sources = new Map(
          payload.sources.map((s, i) => [s, (payload.sourcesContent?.[i] ?? '').split('\n')]),
        );
        maps.set(url, { map: new SourceMap(payload), sources });
      } catch {
        maps.set(url, null); // no map: the build is minified, or the script is not the build's
      }
    }
    return maps.get(url) ?? undefined;
  };
  return (node) => {
    const { url, functionName, lineNumber = 0, columnNumber = 0 } = node.callFrame;
    if (!url?.startsWith('chrome-extension://')) return undefined;
    const key = `${url}:${lineNumber}:${columnNumber}:${functionName}`;
    const known = placed.get(key);
    if (known) return known;
    const mapped = mapOf(url);
    const entry = mapped?.map.findEntry(lineNumber, columnNumber) as
      | { originalSource?: string; originalLine?: number }
      | undefined;
    const file = entry?.originalSource ?? url;
    const name =
      functionName ||
      `(in ${enclosingFunction(mapped?.sources.get(file) ?? [], entry?.originalLine ?? -1) ?? 'anonymous'})`;
    // An anonymous function is placed as the function it sits in.
    const bare = name.replace(/^\(in (.*)\)$/, '$1');
    const category =
      CATEGORY_RULES.find((r) => (!r.file || r.file.test(file)) && (!r.fn || r.fn.test(bare)))?.category ??
      'other';
    const result = { name, file, category };
    placed.set(key, result);
    return result;
  };
}

/** The name of the method or function whose header is the nearest above `line`, less indented. */
function enclosingFunction(lines: string[], line: number): string | undefined {
  const indent = (s: string) => s.length - s.trimStart().length;
  let limit = indent(lines[line] ?? '');
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i] ?? '';
    if (!text.trim() || indent(text) >= limit) continue;
    limit = indent(text);
    const header =
      /^\s*(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*)?(?:readonly\s+|static\s+|private\s+)*(#?[A-Za-z_$][\w$]*)\s*(?:=\s*(?:async\s*)?\(|<[^>]*>\s*\(|\()/.exec(
        text,
      );
    if (header && !/^(if|for|while|switch|catch|return|async|function)$/.test(header[1] ?? ''))
      return header[1];
  }
  return undefined;
}

function emptyAttribution(): Attribution {
  return Object.fromEntries(CATEGORIES.map((c) => [c, { selfUs: 0, totalUs: 0 }])) as Attribution;
}

/** One trace's attribution (the pages' main threads). */
export function attribute(
  events: TraceEvent[],
  place: (node: ProfileNode) => Placed | undefined,
): AttributionRun {
  const out: AttributionRun = {
    byCategory: emptyAttribution(),
    byFunction: new Map(),
    forcedLayout: new Map(),
    extensionUs: 0,
  };
  const profiles = traceProfiles(events);
  for (const thread of mainThreads(events)) {
    const profile = profiles.get(thread);
    if (!profile) continue;
    const ours = onExtensionStack(profile);
    const stackOf = stacks(profile, place);
    for (const s of profile.samples) {
      if (!ours(s.node)) continue;
      const frames = stackOf(s.node);
      const inner = frames[0];
      if (!inner) continue;
      const us = profile.intervalUs;
      out.extensionUs += us;
      out.byCategory[inner.category].selfUs += us;
      const fn = `${inner.name} ${inner.file.replace(/^.*?(entrypoints|utils|components|node_modules)\//, '$1/')}`;
      const slot = out.byFunction.get(fn) ?? { category: inner.category, us: 0 };
      slot.us += us;
      out.byFunction.set(fn, slot);
      for (const c of new Set(frames.map((f) => f.category))) out.byCategory[c].totalUs += us;
    }
    // Forced style and layout: a sample inside the event with the extension on its stack.
    const samples = profile.samples;
    for (const e of events) {
      if (
        e.ph !== 'X' ||
        (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree') ||
        `${e.pid}:${e.tid}` !== thread
      )
        continue;
      const end = e.ts + (e.dur ?? 0);
      let i = firstAtOrAfter(samples, e.ts);
      for (; i < samples.length && (samples[i]?.ts ?? end + 1) <= end; i++) {
        const node = samples[i]?.node ?? 0;
        if (!ours(node)) continue;
        const by = stackOf(node)[0];
        const key = `${e.name} in ${by?.name ?? '?'}`;
        out.forcedLayout.set(key, (out.forcedLayout.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0));
        break;
      }
    }
  }
  return out;
}

/** The extension frames of a sample's stack, innermost first (memoised per leaf). */
function stacks(
  profile: TraceProfile,
  place: (node: ProfileNode) => Placed | undefined,
): (id: number) => Placed[] {
  const known = new Map<number, Placed[]>();
  return (id) => {
    const cached = known.get(id);
    if (cached) return cached;
    const frames: Placed[] = [];
    for (
      let n = profile.nodes.get(id);
      n;
      n = n.parent === undefined ? undefined : profile.nodes.get(n.parent)
    ) {
      const p = place(n);
      if (p) frames.push(p);
    }
    known.set(id, frames);
    return frames;
  };
}

function firstAtOrAfter(samples: TraceProfile['samples'], ts: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid]?.ts ?? 0) < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds one run into a running total. */
export function addRun(into: AttributionRun, run: AttributionRun): void {
  for (const c of CATEGORIES) {
    into.byCategory[c].selfUs += run.byCategory[c].selfUs;
    into.byCategory[c].totalUs += run.byCategory[c].totalUs;
  }
  for (const [k, v] of run.byFunction) {
    const slot = into.byFunction.get(k) ?? { category: v.category, us: 0 };
    slot.us += v.us;
    into.byFunction.set(k, slot);
  }
  for (const [k, v] of run.forcedLayout) into.forcedLayout.set(k, (into.forcedLayout.get(k) ?? 0) + v);
  into.extensionUs += run.extensionUs;
}

export function emptyRun(): AttributionRun {
  return { byCategory: emptyAttribution(), byFunction: new Map(), forcedLayout: new Map(), extensionUs: 0 };
}

/**
 * The table: per category, self and total as shares of the sampled extension time and as ms per
 * batch of the build's content-script JS (thread CPU, `jsPerBatchMs`), with each category's top
 * functions by self time; then the forced style and layout per batch.
 */
export function attributionTable(run: AttributionRun, jsPerBatchMs: number, batches: number): string[] {
  const all = run.extensionUs || 1;
  const lines = [
    `| part | self % | self ms/batch | total % | total ms/batch | top functions (self %) |`,
    `| --- | --- | --- | --- | --- | --- |`,
  ];
  for (const c of CATEGORIES) {
    const { selfUs, totalUs } = run.byCategory[c];
    const top = [...run.byFunction]
      .filter(([, v]) => v.category === c)
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, 4)
      .map(([k, v]) => `${k} ${((100 * v.us) / all).toFixed(1)}`)
      .join('; ');
    lines.push(
      `| ${c} | ${((100 * selfUs) / all).toFixed(1)} | ${((jsPerBatchMs * selfUs) / all).toFixed(2)} | ${((100 * totalUs) / all).toFixed(1)} | ${((jsPerBatchMs * totalUs) / all).toFixed(2)} | ${top} |`,
    );
  }
  const forced = [...run.forcedLayout].sort((a, b) => b[1] - a[1]);
  const forcedMs = forced.reduce((n, [, us]) => n + us, 0) / 1000 / batches;
  lines.push(
    `forced style and layout in the extension's calls: ${forcedMs.toFixed(2)} ms per batch (thread CPU)${
      forced.length
        ? `: ${forced
            .slice(0, 6)
            .map(([k, us]) => `${k} ${(us / 1000 / batches).toFixed(2)}`)
            .join('; ')}`
        : ''
    }`,
  );
  return lines;
}
