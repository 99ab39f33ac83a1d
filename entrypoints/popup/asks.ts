/**
 * The popup's first questions to the worker, each made once: `main.tsx` asks them as soon as the
 * tab's scan comes, before Preact has rendered anything, and the views' effects get the same
 * answers (the popup must answer within 100 ms of opening: `npm run bench -- --only popup`).
 * Questions that wait for the sources, and any asked after a change, go out anew.
 */
import type { ClaimId } from '@/utils/detect/types';
import { assetsMessage, checklistMessage, claimVerdictsMessage } from '@/utils/messages';
import { sendToBackground } from '@/utils/messaging';
import { assetIdsOf, type PageSummary } from './summary';

const first = new Map<string, Promise<unknown>>();

function once<T>(key: string, ask: () => Promise<T>): Promise<T> {
  let p = first.get(key) as Promise<T> | undefined;
  if (!p) {
    p = ask();
    // A failed first ask is asked again by whoever needs it next.
    p.catch(() => first.delete(key));
    first.set(key, p);
  }
  return p;
}

export type VerdictItem = { asset: string; claim: ClaimId; value?: number };

/** The claims about known tokens, as the verdicts message asks for them. */
export function verdictItems(s: PageSummary): VerdictItem[] {
  return s.claims
    .flatMap((g) =>
      g.asset
        ? g.claims.map((c) => ({
            asset: g.asset as string,
            claim: c.claim,
            ...(c.value === undefined ? {} : { value: c.value }),
          }))
        : [],
    )
    .slice(0, 100);
}

/** The token whose checklist shows first: the first a launch claim on the page is about. */
export const firstSubject = (s: PageSummary): string | undefined =>
  s.claims.find((g) => g.asset?.startsWith('cg:'))?.asset;

/** The launch claims the page makes about a token, each once. */
export const claimsAbout = (s: PageSummary, asset: string): ClaimId[] => [
  ...new Set(s.claims.find((g) => g.asset === asset)?.claims.map((c) => c.claim)),
];

export const askAssets = (ids: string[], wait: boolean) =>
  wait
    ? sendToBackground(assetsMessage, { assets: ids, wait })
    : once(`assets|${ids.join()}`, () => sendToBackground(assetsMessage, { assets: ids, wait }));

export const askVerdicts = (items: VerdictItem[], wait: boolean) =>
  wait
    ? sendToBackground(claimVerdictsMessage, { items, wait })
    : once(`verdicts|${JSON.stringify(items)}`, () =>
        sendToBackground(claimVerdictsMessage, { items, wait }),
      );

export const askChecklist = (asset: string, claims: ClaimId[], wait: boolean) =>
  wait
    ? sendToBackground(checklistMessage, { asset, wait, claims })
    : once(`checklist|${asset}|${claims.join()}`, () =>
        sendToBackground(checklistMessage, { asset, wait, claims }),
      );

/** The first questions of a page's popup, asked at once (their answers wait for the views). */
export function askFirst(s: PageSummary): void {
  const ids = assetIdsOf(s);
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);
  if (ids.length) quiet(askAssets(ids, false));
  const items = verdictItems(s);
  if (items.length) quiet(askVerdicts(items, false));
  const subject = firstSubject(s);
  if (subject) quiet(askChecklist(subject, claimsAbout(s, subject), false));
}
