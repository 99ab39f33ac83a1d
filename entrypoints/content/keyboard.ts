/**
 * Keyboard access: marks are highlights, not focusable elements, so a command ("next ticker",
 * Alt+Shift+K by default, changeable in the browser's shortcut settings) opens the card of the next
 * detection in view, in reading order, and moves focus into it. Esc closes it.
 */
import type { HoverTarget } from './hover';
import type { BlockEntry, PageScanner } from './scanner';

/** Detections whose marks are in the viewport now, in reading order (top to bottom, then left). */
export function visibleTargets(scanner: PageScanner, view: { width: number; height: number }): HoverTarget[] {
  // The entries of the posts on screen, whether their marks are in place yet or not (the list must
  // not change while the reader steps through it). The search assumes units run top to bottom in
  // document order; when it finds none on screen, every entry is looked at.
  const near = collect(scanner.entriesInView(), scanner, view);
  return near.length ? near : collect(scanner.liveEntries(), scanner, view);
}

function collect(
  entries: Iterable<BlockEntry>,
  scanner: PageScanner,
  view: { width: number; height: number },
): HoverTarget[] {
  const out: Array<HoverTarget & { top: number; left: number }> = [];
  for (const entry of entries) {
    for (const match of entry.matches) {
      if (!scanner.isMarked(match)) continue;
      const range = scanner.rangeOf(entry, match);
      if (!range) continue;
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.bottom < 0 || r.top > view.height || r.right < 0 || r.left > view.width)
        continue;
      out.push({ entry, match, range, top: Math.round(r.top), left: r.left });
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** The target after `current` (wrapping), or the first one. */
export function nextTarget(
  targets: readonly HoverTarget[],
  current: HoverTarget | null,
): HoverTarget | undefined {
  if (!targets.length) return undefined;
  const i = current ? targets.findIndex((t) => t.match === current.match) : -1;
  return targets[(i + 1) % targets.length];
}
