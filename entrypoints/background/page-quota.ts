/**
 * How fast content scripts may add notes and pins, all tabs together. A reader clicks "Save note"
 * or "Always use this" a few times a minute at most; a page's compromised content script could
 * otherwise fill the 20,000 notes or 2,000 pins in seconds and lock the reader out of saving. The
 * extension's own pages are not limited. Kept in memory: a worker restart starts it over, which
 * still holds a flood to a trickle.
 */
export const PAGE_ADDS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;
const recent: Record<'note' | 'pin', number[]> = { note: [], pin: [] };

/** Whether a content script may add one more `kind` now (and counts it when it may). */
export function takePageQuota(kind: 'note' | 'pin', now = Date.now()): boolean {
  const times = recent[kind].filter((at) => now - at < WINDOW_MS);
  recent[kind] = times;
  if (times.length >= PAGE_ADDS_PER_MINUTE) return false;
  times.push(now);
  return true;
}
