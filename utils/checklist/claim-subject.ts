/**
 * Which token a post's launch claims are about: the card, the popup and the page's claim marks all
 * ask this one function, so they never judge a claim against different assets.
 */
import type { Match } from '../detect/types';
import type { ResolutionReply } from '../messages';

/** The token's text as on the page, and its asset when one is known. */
export interface ClaimSubject {
  text: string;
  asset?: string;
}

/** A sentence's end: claims are about a token named in their own sentence before any other. */
const SENTENCE_END = /[.!?](?:\s|$)|[。！？\n]/;
const ACROSS_SENTENCES = 10_000;

/** How surely each kind of detection names a token (lower: more), to part equally near ones. */
const SUBJECT_RANK: Record<Exclude<Match['kind'], 'claim'>, number> = {
  address: 0,
  ticker: 1,
  handle: 2,
  name: 3,
};

/**
 * The token a post's claims ("no VC", "fair launch", "28% airdrop") are about. A contract address
 * in the post, if there is one (the first): a launch post gives its contract. Else the token named
 * nearest to a claim, in its own sentence first ("Bitcoin was a fair launch. $ETH had an ICO."),
 * a cashtag before a symbol, a project's @handle and a name when equally near. Claims of this sort
 * are about tokens, so a stock is never the subject, nor a person's @handle or a name no list
 * knows. An address or cashtag no list knows, or a symbol with several readings, is still the
 * subject, with no asset: the claims are then about a token whose data is not known, and no other
 * asset's data stands in for it. None when the post makes no claim or names no token.
 */
export function claimSubject(
  text: string,
  matches: readonly Match[],
  resolved: readonly ResolutionReply[],
): ClaimSubject | undefined {
  return subjectNear(
    text,
    matches,
    resolved,
    matches.filter((m) => m.kind === 'claim'),
  );
}

/**
 * The token one claim is about, by the same rules with the distance to that claim alone: in "$EIGEN
 * had no presale. TGE soon for $ARB." the presale is EIGEN's and the TGE ARB's. The popup, the
 * page's marks and the card judge each claim against its own token.
 */
export function claimSubjectOf(
  text: string,
  matches: readonly Match[],
  resolved: readonly ResolutionReply[],
  claim: Match,
): ClaimSubject | undefined {
  return claim.kind === 'claim' ? subjectNear(text, matches, resolved, [claim]) : undefined;
}

function subjectNear(
  text: string,
  matches: readonly Match[],
  resolved: readonly ResolutionReply[],
  claims: readonly Match[],
): ClaimSubject | undefined {
  if (!claims.length) return undefined;
  /** Characters between two places of the text, a sentence's worth more across a sentence's end. */
  const gap = (from: number, to: number) =>
    to - from + (SENTENCE_END.test(text.slice(from, to)) ? ACROSS_SENTENCES : 0);
  const distance = (m: Match) =>
    Math.min(
      ...claims.map((c) =>
        m.end <= c.start ? gap(m.end, c.start) : m.start >= c.end ? gap(c.end, m.start) : 0,
      ),
    );
  let best: { key: number[]; match: Match; res: ResolutionReply } | undefined;
  matches.forEach((m, i) => {
    if (m.kind === 'claim' || m.valid === false) return;
    const res = resolved[i] ?? {};
    if (res.asset?.startsWith('stock:')) return;
    const open = !res.asset && !!res.candidates?.some((id) => id.startsWith('cg:'));
    // A contract address or a cashtag no list knows: a token nobody has data for (yet).
    const unknownToken = m.kind === 'address' || (m.kind === 'ticker' && !!m.cashtag);
    if (!res.asset && !open && !unknownToken) return;
    const rank = SUBJECT_RANK[m.kind] + (m.kind === 'ticker' && !m.cashtag ? 0.5 : 0);
    const key = m.kind === 'address' ? [0, 0, 0] : [1, distance(m), rank];
    if (!best || before(key, best.key)) best = { key, match: m, res };
  });
  if (!best) return undefined;
  return { text: best.match.text, ...(best.res.asset ? { asset: best.res.asset } : {}) };
}

/** Whether one key sorts before another, element by element (a tie keeps the earlier detection). */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}
