import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type ClaimSubject, claimSubjectOf } from '@/utils/checklist/claim-subject';
import type { Match } from '@/utils/detect';
import {
  claimVerdictsRoute,
  detectRoute,
  helloRoute,
  type MarkKindsReply,
  type PageCounts,
  pageDetectedRoute,
  type ResolutionReply,
  resolveRoute,
  type ScanItem,
  type ScanResult,
} from '@/utils/messages';
import { BackgroundPort, sendToBackground } from '@/utils/messaging';
import { CardController } from './card-controller';
import { CardHost } from './card-host';
import { MARK_CSS } from './card-style';
import { ClaimMarks } from './claim-marks';
import { type Detected, DetectionClient } from './detection-client';
import { HoverController, type HoverTarget } from './hover';
import { nextTarget, visibleTargets } from './keyboard';
import { detectInPieces, resolveInPieces } from './long-texts';
import { PageScanner, type ScannedMatch } from './scanner';
import { siteFor } from './sites';
import { guardScriptStarted } from './start-guard';
import { tabDispatcher } from './tab-api';
import { X_MATCHES } from './x-selectors';

/** The shortest time between two reports of the page's detections. */
const REPORT_MS = 1000;
/** When, after the background's port dropped, to look whether the extension is still there. */
const ORPHAN_CHECKS_MS = [50, 1000];

export default defineContentScript({
  matches: X_MATCHES,
  runAt: 'document_idle',
  // WXT tells an older copy of the script to stop with a DOM event, and by default also with a
  // `window.postMessage` to the page. That call took 8-22 ms at every page load, about 12 ms of
  // the main thread's CPU (Chromium notes where a message was posted from, and V8 parsed the whole
  // script again for its source positions), and every message listener of the page heard it. The
  // DOM event does the job.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // On an enabled site the script can be injected twice (registered, and started on the open tab
    // when the user enabled it): the first live one wins. One left over from an extension that was
    // reloaded or updated is no longer valid, and a new one takes over.
    const scope = globalThis as { __tickerlens?: ContentScriptContext };
    if (scope.__tickerlens?.isValid) return;
    scope.__tickerlens = ctx;
    // A page's script must not be able to stop this one with WXT's own "started" event.
    guardScriptStarted(ctx);
    const hello = await sendToBackground(helloRoute, {}).catch(() => undefined);
    startTickerlens(ctx, { marks: hello?.marks ?? true, kinds: hello?.kinds ?? EVERY_KIND });
  },
});

/** Without an answer from the background, every kind is marked (the settings' defaults). */
const EVERY_KIND: MarkKindsReply = { ticker: true, name: true, handle: true, address: true, claim: true };

interface MarkOptions {
  marks: boolean;
  kinds: MarkKindsReply;
}

function startTickerlens(ctx: ContentScriptContext, options: MarkOptions): void {
  /**
   * What the reader wants marked, as the background last said (`tickerlens:marks-changed`). The
   * page's mark machinery is set up once, from the options at start: marks switched on later (off
   * at load) take the next page load; switched off, or a kind off, they go at once.
   */
  let marking = options;
  const site = siteFor(location.hostname);
  const card = new CardHost(document);
  /**
   * The frequent messages (detection, the page's counts) go over one long-lived connection. When it
   * drops because the extension was reloaded or updated, this script is orphaned: `ctx.isValid`
   * then finds the runtime gone and tears everything down (marks, stylesheet, card). Chromium
   * clears `runtime.id` a few milliseconds after the port's disconnect event, not before it, so
   * the check waits; a worker that merely stopped leaves the id in place, and nothing happens.
   */
  const port = new BackgroundPort({
    onDisconnect: () => {
      for (const ms of ORPHAN_CHECKS_MS) setTimeout(() => ctx.isValid, ms);
    },
  });
  /**
   * @handles that name no asset: detected and reported, but not marked. Every post's author line
   * holds one, nearly always a person's, and marking it would mark nearly every post (and, on X,
   * make the page paint nearly every cell a second time when its marks arrive).
   */
  const quiet = new WeakSet<Match>();
  /**
   * The background detects and resolves in one answer; the client keeps both, by text, for the
   * marks, the cards and the badge. A text past a message's limit goes in pieces (long-texts.ts):
   * one giant block never fails the rest.
   */
  const client = new DetectionClient(
    async (texts): Promise<Detected[]> => {
      const blocks = await detectInPieces(texts, async (pieces) => {
        const reply = await port.send(detectRoute, { texts: pieces });
        return reply.blocks;
      });
      for (const { matches, resolutions } of blocks) {
        matches.forEach((m, j) => {
          const r = resolutions[j];
          if (m.kind === 'handle' && !r?.asset && !r?.candidates?.length) quiet.add(m);
        });
      }
      return blocks;
    },
    async (blocks) =>
      (
        await resolveInPieces(
          blocks,
          async (batch) => (await sendToBackground(resolveRoute, { blocks: batch })).blocks,
        )
      ).map((r) => r.map((one) => one ?? {})),
  );
  /** What the data says of the page's claims: their marks show it (claim-marks.ts). */
  const claimMarks = new ClaimMarks(
    async (items) => (await port.send(claimVerdictsRoute, { items, wait: true })).verdicts,
    () => scanner.restyleClaims(),
    (text) => client.resolutionsOf(text),
  );
  const scanner = new PageScanner(document, client, {
    highlight: options.marks,
    // X's posts not coming (its markup changed): what was left unread is read generically.
    roots: site.roots(document, () => scanner.reread()),
    marked: (m) => marking.marks && marking.kinds[m.kind] && !quiet.has(m),
    claimMark: (entry, m) => claimMarks.markOf(entry.block.text, entry.matches, m),
    ...(site.markedLinks ? { markedLinks: site.markedLinks.selector } : {}),
    ...(site.unitOf ? { unitOf: site.unitOf } : {}),
    ...(site.paintOn ? { paintOn: site.paintOn } : {}),
    onUpdate: () => {
      reportSoon();
      hover.refresh();
    },
    // Detection answers with resolutions; a block whose were dropped since (a pin changed) asks
    // again once it nears the viewport.
    onNear: (entry) => void client.resolve(entry.block.text, entry.matches),
    // The pointer is heard only inside blocks that hold detections (hover.ts).
    onEntry: (entry) => hover.watchBlock(entry.block.el),
  });
  client.onResolved(() => reportSoon());
  /** Links the page's stylesheet can mark (X's cashtags) get a rule, kept only while tickers are marked. */
  const markCss = ({ marks, kinds }: MarkOptions) =>
    site.markedLinks && marks && kinds.ticker ? `${MARK_CSS}\n${site.markedLinks.css}` : MARK_CSS;
  const markStyles = options.marks ? adoptStyles(markCss(options)) : undefined;
  /** The reader changed what is marked (the options page): marks, and hover, follow at once. */
  function setMarking(next: MarkOptions): void {
    if (JSON.stringify(next) === JSON.stringify(marking)) return;
    marking = next;
    markStyles?.replaceSync(markCss(next));
    scanner.remark();
    const open = hover.currentTarget;
    if (open && !scanner.isMarked(open.match)) hover.closeNow();
  }

  /** Set while the keyboard command opens a card: that card says its asset and price aloud. */
  let openingByKeyboard = false;
  const cards = new CardController(
    card,
    client,
    () => hover.closeNow(),
    (t) => site.postText?.(t.entry.block.el) ?? t.entry.block.text,
    claimMarks,
  );
  const hover = new HoverController(document, scanner, {
    // An orphaned script (its extension reloaded before the port noticed) opens nothing and stops.
    open: (target) => {
      if (ctx.isValid) void cards.open(target, false, { announce: openingByKeyboard });
    },
    close: () => cards.close(),
    isInsideCard: (node) => card.contains(node),
  });

  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReport = '';
  /**
   * Reports the page's detections to the background (the badge, prefetch of what is on screen) at
   * most once a second while they change: each report counts every live detection and costs a
   * message, and a timeline changes every few hundred milliseconds while it is scrolled.
   */
  function reportSoon(): void {
    if (reportTimer !== undefined) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      const counts: PageCounts = { ticker: 0, name: 0, handle: 0, address: 0, claim: 0 };
      const assets = new Set<string>();
      for (const entry of scanner.liveEntries()) {
        const resolved = client.resolutionsOf(entry.block.text);
        entry.matches.forEach((m, i) => {
          counts[m.kind] += 1;
          const asset = toScanItem(m, resolved?.[i]).asset;
          if (asset && assets.size < 500) assets.add(asset);
        });
      }
      const key = JSON.stringify([counts, [...assets]]);
      if (key === lastReport || !ctx.isValid) return;
      lastReport = key;
      port.send(pageDetectedRoute, { counts, assets: [...assets] }).catch(() => undefined);
    }, REPORT_MS);
  }

  /** The detection whose card the "next ticker" command opened last. */
  let lastByKeyboard: HoverTarget | null = null;
  const onMessage = tabDispatcher({
    // The site was disabled: everything goes, as when the extension is reloaded.
    'tickerlens:stop': () => {
      ctx.notifyInvalidated();
      return undefined;
    },
    'tickerlens:marks-changed': ({ marks, kinds }) => {
      setMarking({ marks, kinds });
      return undefined;
    },
    // A pin made here or in another tab: what is on screen is resolved again at once (the badge
    // follows); the rest when its card opens or the page is scanned (the popup).
    'tickerlens:pins-changed': () => {
      client.dropResolutions();
      claimMarks.clear();
      for (const entry of scanner.entriesInView()) void client.resolve(entry.block.text, entry.matches);
      return undefined;
    },
    'tickerlens:next-mark': () => {
      // After Esc, the next press goes on from the card that was closed, not from the top.
      const next = nextTarget(
        visibleTargets(scanner, { width: innerWidth, height: innerHeight }),
        hover.currentTarget ?? lastByKeyboard,
      );
      if (!next) return undefined;
      lastByKeyboard = next;
      openingByKeyboard = true;
      try {
        hover.openNow(next);
      } finally {
        openingByKeyboard = false;
      }
      // The card renders its first state synchronously; focus moves into it.
      card.focus();
      return undefined;
    },
    'tickerlens:scan': () => scanWholeDocument(),
  });

  /** Contract §2: every detection in the whole document now, in order, resolved. */
  async function scanWholeDocument(): Promise<ScanResult> {
    const found = await scanner.scanDocument();
    const byText = new Map<string, ScannedMatch['matches']>();
    for (const f of found) byText.set(f.text, f.matches);
    const resolvedOf = new Map(
      await Promise.all(
        [...byText].map(
          async ([text, matches]) => [text, await client.resolve(text, matches, true)] as const,
        ),
      ),
    );
    const items = found.map((f) => {
      const resolved = resolvedOf.get(f.text);
      const item = toScanItem(f.match, resolved?.[f.index]);
      if (item.kind !== 'claim') return item;
      // Each claim with the token it is about (the post may name several).
      return withClaimContext(
        item,
        f.match,
        f.text,
        claimSubjectOf(f.text, f.matches, resolved ?? [], f.match),
      );
    });
    return { url: location.href, items };
  }
  browser.runtime.onMessage.addListener(onMessage);

  ctx.addEventListener(document, 'keydown', hover.onKeyDown);
  scanner.start();

  ctx.onInvalidated(() => {
    clearTimeout(reportTimer);
    browser.runtime.onMessage.removeListener(onMessage);
    hover.dispose();
    claimMarks.stop();
    scanner.stop();
    port.close();
    // A card still loading is dropped when its answer lands: nothing comes back after teardown.
    cards.dispose();
    // X's links lose their marks with the rest (an extension reloaded or updated, a site disabled).
    if (markStyles) unadoptStyles(markStyles);
  });
}

/** What the automation contract reports for one detection (§2). */
export function toScanItem(m: Match, resolved?: ResolutionReply): ScanItem {
  const item: ScanItem = { kind: m.kind, text: m.text };
  if (m.kind === 'claim' && m.claim) item.claim = m.claim;
  if (m.kind === 'address' && m.chain) item.chain = m.chain;
  if (m.valid === false) item.invalid = 'checksum';
  if (m.kind === 'claim' || m.valid === false) return item;
  const asset = resolved ? resolved.asset : m.asset;
  if (asset) item.asset = asset;
  else if (resolved?.candidates?.length) item.candidates = resolved.candidates;
  return item;
}

/** Mark styles go in an adopted stylesheet: no node is added to the page for them. */
function adoptStyles(css: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  pageDocument().adoptedStyleSheets.push(sheet);
  return sheet;
}

function unadoptStyles(sheet: CSSStyleSheet): void {
  const sheets = pageDocument().adoptedStyleSheets;
  const at = sheets.indexOf(sheet);
  if (at >= 0) sheets.splice(at, 1);
}

/**
 * The document whose `adoptedStyleSheets` the script can change. A Firefox content script sees the
 * page's objects through Xray wrappers, which refuse that list ("Accessing from Xray wrapper is not
 * supported": the content script stopped there, scripts/firefox-proof.ts); the page's own view of
 * the document (`wrappedJSObject`) takes the sheet. Chromium has no such wrapper.
 */
function pageDocument(): Document {
  return (document as Document & { wrappedJSObject?: Document }).wrappedJSObject ?? document;
}

/** A post's text kept with a claim in the scan: enough to quote it in a note saved from the popup. */
const CONTEXT_CAP = 1_000;

/** A claim's scan item with its number, the token it is about (claimSubject) and its post's text. */
export function withClaimContext(
  item: ScanItem,
  m: Match,
  text: string,
  about: ClaimSubject | undefined,
): ScanItem {
  return {
    ...item,
    ...(m.value === undefined ? {} : { value: m.value }),
    ...(about ? { aboutText: about.text, ...(about.asset ? { about: about.asset } : {}) } : {}),
    context: text.length > CONTEXT_CAP ? `${text.slice(0, CONTEXT_CAP - 1)}…` : text,
  };
}
