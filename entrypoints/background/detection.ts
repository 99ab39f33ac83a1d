/**
 * Detection and resolution of page text, for the content scripts. The detector lives here, built
 * once per worker: its symbol set and name tables are megabytes of heap that would otherwise sit in
 * every page (walked by each of the page's garbage collections) and be built at every page load, on
 * the page's main thread. A content script sends the text of the blocks it reads and gets their
 * matches with their resolutions in one answer. The text stays inside the browser.
 */
import { createDetector, type Detector, type Match } from '@/utils/detect';
import { isDetectableText, type ResolutionReply, resolveBlockSchema } from '@/utils/messages';
import { resolve } from '@/utils/registry';
import { candidateInfo } from '@/utils/registry/candidate-info';
import { detectorDataWith } from '@/utils/registry/detect-data';
import { withLearntHandles } from '@/utils/registry/learnt-handles';
import type { Registry } from '@/utils/registry/types';
import { currentPins, currentRegistry, database } from './runtime';

let detector: Detector | undefined;
/**
 * The registry the detector reads the names of bracketed symbols from ("Jupiter (JUP)"): the
 * current one, set before each detection (never the bundled module: 1.7 MB the worker's script
 * leaves to a packaged file, utils/registry/packaged.ts).
 */
let namesFrom: Registry | undefined;

/** The worker's detector, built on first use (a content script's hello warms it up). */
export function pageDetector(): Detector {
  detector ??= createDetector(detectorDataWith(() => namesFrom));
  return detector;
}

/** Resolves each block's matches with the block's text as context, pins and learnt handles. */
export async function resolveBlocks(
  blocks: ReadonlyArray<{ text: string; matches: readonly Match[] }>,
): Promise<ResolutionReply[][]> {
  const reg = await currentRegistry();
  const pins = await currentPins();
  const replies = blocks.map((b) => {
    const matches = b.matches as Match[];
    return matches.map((m): ResolutionReply => {
      const r = resolve(reg, m, { text: b.text, matches }, pins);
      return {
        ...(r.asset ? { asset: r.asset } : {}),
        ...(r.candidates?.length
          ? { candidates: r.candidates, candidateInfo: r.candidates.map((id) => candidateInfo(reg, id)) }
          : {}),
        ...(r.others?.length ? { alternatives: r.others.map((id) => candidateInfo(reg, id)) } : {}),
        ...(r.unknownAddress ? { unknownAddress: r.unknownAddress } : {}),
      };
    });
  });
  await withLearntHandles(blocks, replies, (keys) => database().assetsByHandles(keys));
  return replies;
}

/** Detects each text and resolves what it finds; blocks with nothing found cost no resolution. */
export async function detectBlocks(
  texts: readonly string[],
): Promise<Array<{ matches: Match[]; resolutions: ResolutionReply[] }>> {
  namesFrom = await currentRegistry();
  const d = pageDetector();
  // Each text on its own: one past the limit finds nothing, the others are detected as ever.
  const blocks = texts.map((text) => ({ text, matches: isDetectableText(text) ? d.detect(text) : [] }));
  const found = blocks.filter((b) => b.matches.length > 0);
  const resolved = found.length ? await resolveBlocks(found) : [];
  const byBlock = new Map(found.map((b, i) => [b, resolved[i] ?? []]));
  return blocks.map((b) => ({ matches: b.matches, resolutions: byBlock.get(b) ?? [] }));
}

/**
 * Resolves a request's blocks, each checked on its own: a malformed block (too long a text, a bad
 * match) is answered with no resolutions and never fails the others.
 */
export async function resolveEach(blocks: readonly unknown[]): Promise<ResolutionReply[][]> {
  const parsed = blocks.map((b) => resolveBlockSchema.safeParse(b));
  const good = parsed.flatMap((p) => (p.success ? [p.data as { text: string; matches: Match[] }] : []));
  const resolved = good.length ? await resolveBlocks(good) : [];
  let next = 0;
  return parsed.map((p) => (p.success ? (resolved[next++] ?? []) : []));
}
