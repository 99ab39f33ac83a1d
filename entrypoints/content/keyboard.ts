/**
 * Keyboard access: marks are highlights, not focusable elements, so a command ("next ticker",
 * Alt+Shift+T by default, changeable in the browser's shortcut settings) opens the card of the next
 * detection in view, in reading order, and moves focus into it. Esc closes it.
 */
import type { HoverTarget } from './hover';
import type { PageScanner } from './scanner';

/** Detections whose marks are in the viewport now, in reading order (top to bottom, then left). */
export function visibleTargets(scanner: PageScanner, view: { width: number; height: number }): HoverTarget[] {
  const near = collect(scanner, view, true);
  // Right after a page change the marked window may not have been placed yet: look at all.
  return near.length ? near : collect(scanner, view, false);
}

function collect(
  scanner: PageScanner,
  view: { width: number; height: number },
  nearOnly: boolean,
): HoverTarget[] {
  const out: Array<HoverTarget & { top: number; left: number }> = [];
  for (const entry of scanner.liveEntries()) {
    if (nearOnly && !entry.ranges.length) continue;
    for (const match of entry.matches) {
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
