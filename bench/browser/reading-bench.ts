/**
 * Runs in an isolated world of the page bench's timeline (bench/reading.ts): the content script's
 * reading path, its own modules, on cells the page's world has just mounted, as X mounts them.
 */
import { xRoots } from '@/entrypoints/content/sites/x';
import { collectBlocks } from '@/entrypoints/content/text-blocks';

export interface ReadingTimes {
  /** Microseconds per cell: finding its text roots, then reading every root into blocks. */
  roots: number;
  blocks: number;
  /** What was read, to check every run read the same. */
  rootCount: number;
  chars: number;
}

const rootsOf = xRoots(document, () => undefined);

(globalThis as unknown as { __readingBench(): ReadingTimes }).__readingBench = () => {
  const cells = [...(document.getElementById('reading-bench')?.children ?? [])];
  const t0 = performance.now();
  const roots = cells.map((cell) => rootsOf(cell));
  const t1 = performance.now();
  let chars = 0;
  for (const list of roots)
    for (const root of list) for (const b of collectBlocks(root, undefined, true)) chars += b.text.length;
  const t2 = performance.now();
  const per = 1000 / Math.max(1, cells.length);
  return {
    roots: (t1 - t0) * per,
    blocks: (t2 - t1) * per,
    rootCount: roots.reduce((n, list) => n + list.length, 0),
    chars,
  };
};
