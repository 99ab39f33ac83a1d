/**
 * Keyboard access ("next ticker"): which detections count as in view, in what order the command
 * steps through them, and where it goes after the last. The scanner is stood in for with entries
 * whose ranges report a fixed layout; the command and focus run in Chromium (test/browser).
 */
import { describe, expect, it } from 'vitest';
import type { HoverTarget } from '../../../entrypoints/content/hover';
import { nextTarget, visibleTargets } from '../../../entrypoints/content/keyboard';
import type { BlockEntry, PageScanner } from '../../../entrypoints/content/scanner';
import type { Match } from '../../../utils/detect';

interface Box {
  top: number;
  left: number;
  width?: number;
  height?: number;
}

/** A detection laid out at `box` (20 × 10 px unless said). */
function laid(text: string, box: Box | null, marked = true) {
  const match: Match = { kind: 'ticker', text, start: 0, end: text.length };
  const { top, left, width = 20, height = 10 } = box ?? { top: 0, left: 0 };
  const rect = { top, left, width, height, bottom: top + height, right: left + width };
  return { match, rect: box ? rect : null, marked };
}

/** A stand-in scanner: entries in view, the rest of the page, which matches are marked, their ranges. */
function scannerOf(
  inView: Array<Array<ReturnType<typeof laid>>>,
  elsewhere: Array<Array<ReturnType<typeof laid>>> = [],
) {
  const toEntry = (items: Array<ReturnType<typeof laid>>) =>
    ({ matches: items.map((i) => i.match), items }) as unknown as BlockEntry & { items: typeof items };
  const near = inView.map(toEntry);
  const far = elsewhere.map(toEntry);
  const all = [...near, ...far];
  const itemOf = (m: Match) => all.flatMap((e) => e.items).find((i) => i.match === m);
  return {
    entriesInView: () => near,
    liveEntries: () => all.values(),
    isMarked: (m: Match) => itemOf(m)?.marked ?? false,
    rangeOf: (_e: BlockEntry, m: Match) => {
      const rect = itemOf(m)?.rect;
      return rect ? { getBoundingClientRect: () => rect } : null;
    },
  } as unknown as PageScanner;
}

const VIEW = { width: 300, height: 200 };
const texts = (targets: HoverTarget[]) => targets.map((t) => t.match.text);

describe('visibleTargets', () => {
  it('lists the detections in view in reading order: top to bottom, then left to right', () => {
    const scanner = scannerOf([
      [laid('$C', { top: 100, left: 10 }), laid('$B', { top: 50, left: 200 })],
      [laid('$A', { top: 50, left: 20 }), laid('$D', { top: 100.4, left: 5 })],
    ]);
    // $D's top rounds to $C's line: on one line, left comes first.
    expect(texts(visibleTargets(scanner, VIEW))).toEqual(['$A', '$B', '$D', '$C']);
  });

  it('counts a detection touching an edge of the viewport as in view, and one past it as not', () => {
    const scanner = scannerOf([
      [
        laid('$TOP', { top: -10, left: 10 }),
        laid('$ABOVE', { top: -10.5, left: 10 }),
        laid('$BOTTOM', { top: 200, left: 10 }),
        laid('$BELOW', { top: 200.5, left: 10 }),
        laid('$LEFT', { top: 50, left: -20 }),
        laid('$OFFLEFT', { top: 50, left: -20.5 }),
        laid('$RIGHT', { top: 60, left: 300 }),
        laid('$OFFRIGHT', { top: 60, left: 300.5 }),
      ],
    ]);
    expect(texts(visibleTargets(scanner, VIEW))).toEqual(['$TOP', '$LEFT', '$RIGHT', '$BOTTOM']);
  });

  it('leaves out what is not marked, has no range, or takes no room on the page', () => {
    const scanner = scannerOf([
      [
        laid('@someone', { top: 10, left: 10 }, false),
        laid('$GONE', null),
        laid('$HIDDEN', { top: 20, left: 10, width: 0 }),
        laid('$BTC', { top: 30, left: 10 }),
      ],
    ]);
    expect(texts(visibleTargets(scanner, VIEW))).toEqual(['$BTC']);
  });

  it('gives each target its entry, match and range', () => {
    const scanner = scannerOf([[laid('$BTC', { top: 30, left: 10 })]]);
    const [target] = visibleTargets(scanner, VIEW);
    const entry = scanner.entriesInView()[0] as BlockEntry;
    expect(target?.entry).toBe(entry);
    expect(target?.match).toBe(entry.matches[0]);
    expect(target?.range.getBoundingClientRect().top).toBe(30);
  });

  it('looks at every entry of the page when none of those in view has a detection on screen', () => {
    const scanner = scannerOf(
      [[laid('$OFF', { top: 500, left: 10 })]],
      [[laid('$ETH', { top: 80, left: 10 })], [laid('$BTC', { top: 40, left: 10 })]],
    );
    expect(texts(visibleTargets(scanner, VIEW))).toEqual(['$BTC', '$ETH']);
  });

  it('keeps to the entries in view when they have one', () => {
    const scanner = scannerOf(
      [[laid('$BTC', { top: 40, left: 10 })]],
      [[laid('$ETH', { top: 10, left: 10 })]],
    );
    expect(texts(visibleTargets(scanner, VIEW))).toEqual(['$BTC']);
  });

  it('finds nothing on a page with nothing in view', () => {
    expect(visibleTargets(scannerOf([], [[laid('$OFF', { top: -100, left: 0 })]]), VIEW)).toEqual([]);
  });
});

describe('nextTarget', () => {
  const scanner = scannerOf([
    [laid('$A', { top: 10, left: 0 }), laid('$B', { top: 20, left: 0 }), laid('$C', { top: 30, left: 0 })],
  ]);
  const targets = visibleTargets(scanner, VIEW);

  it('starts with the first detection in view', () => {
    expect(nextTarget(targets, null)?.match.text).toBe('$A');
  });

  it('steps to the one after the card open now, and from the last back to the first', () => {
    expect(nextTarget(targets, targets[0] as HoverTarget)?.match.text).toBe('$B');
    expect(nextTarget(targets, targets[1] as HoverTarget)?.match.text).toBe('$C');
    expect(nextTarget(targets, targets[2] as HoverTarget)?.match.text).toBe('$A');
  });

  it('knows the open card by its detection, whichever way it was opened', () => {
    // The pointer opened $B's card: another target object for the same detection.
    const hovered = { ...(targets[1] as HoverTarget) };
    expect(nextTarget(targets, hovered)?.match.text).toBe('$C');
  });

  it('starts again from the first when the open card is not in view', () => {
    const elsewhere = { ...(targets[0] as HoverTarget), match: { ...(targets[0] as HoverTarget).match } };
    expect(nextTarget(targets, elsewhere)?.match.text).toBe('$A');
  });

  it('has nothing to step to on a page with nothing in view', () => {
    expect(nextTarget([], null)).toBeUndefined();
    expect(nextTarget([], targets[0] as HoverTarget)).toBeUndefined();
  });
});
