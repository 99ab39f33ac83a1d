/**
 * The checklist and the claim verdicts, answered from IndexedDB by the pure modules of
 * utils/checklist (the card, the popup and the page's marks read the same ones). The first answer
 * comes from the cache at once; with `wait`, what the boxes read is fetched first, within the
 * sources' budgets (the card's refreshes, GoPlus for the token's contract).
 */
import { reasonText } from '@/components/reason';
import { checklist } from '@/utils/checklist/boxes';
import { type ClaimVerdict, claimVerdict, type VerdictExtras } from '@/utils/checklist/claim-verdicts';
import type { BoxId, ChecklistSnapshot } from '@/utils/checklist/types';
import type { ClaimId } from '@/utils/detect/types';
import type { BackgroundReply, BackgroundRequest } from '@/utils/messages';
import { GAS_TOKENS } from '@/utils/registry/curated/gas-coins';
import { goplusChainId, type TokenSecurity } from '@/utils/sources/goplus';
import { cachedCard, cardFor } from './cards';
import { currentRegistry, database, dataService } from './runtime';

type Security = Pick<VerdictExtras, 'security' | 'securityAt' | 'securityMissing'>;

/**
 * GoPlus's answer for the token's first contract on a chain GoPlus covers: from the cache, or (with
 * `wait`) asked for. A coin with no contract (a chain's own coin) has none to check.
 */
async function securityOf(asset: string, wait: boolean): Promise<Security & { pending: boolean }> {
  const reg = await currentRegistry();
  const platforms = reg.asset(asset)?.platforms ?? {};
  const entry = Object.entries(platforms).find(([chain, address]) => goplusChainId(chain) && address);
  if (!entry) {
    const missing = Object.keys(platforms).length ? 'reasonChainNotCovered' : 'reasonNoContract';
    return { security: null, securityMissing: missing, pending: false };
  }
  const [chain, address] = entry;
  const key = `${goplusChainId(chain)}:${address.toLowerCase()}`;
  if (!wait) {
    const stored = await database().getSecurity(key);
    return stored
      ? { security: stored.data, securityAt: stored.fetchedAt, pending: false }
      : { security: null, securityMissing: 'reasonSecurityNotFetched', pending: true };
  }
  const answer = await (await dataService()).tokenSecurity(chain, address);
  return answer.data
    ? { security: answer.data, ...(answer.fetchedAt ? { securityAt: answer.fetchedAt } : {}), pending: false }
    : { security: null as TokenSecurity | null, securityMissing: 'reasonSecurityFailed', pending: false };
}

export async function checklistFor(
  asset: string,
  wait: boolean,
  claimsOnPage: readonly ClaimId[] = [],
): Promise<BackgroundReply<'tickerlens:checklist'>> {
  const [reply, security, stored] = await Promise.all([
    wait ? cardFor(asset, true) : cachedCard(asset).then((c) => ({ card: c.card, refreshing: c.missing })),
    securityOf(asset, wait),
    database().getChecklist(asset),
  ]);
  const gasOf = GAS_TOKENS[asset];
  return checklist({
    assetId: asset,
    card: reply.card,
    ...security,
    ...(gasOf ? { gasOf } : {}),
    ...(reply.card?.revenue?.value.governance ? { governance: reply.card.revenue.value.governance } : {}),
    overrides: stored?.overrides ?? {},
    claimsOnPage,
    loading: reply.refreshing || security.pending,
    tried: wait,
  });
}

/** Sets (or with a null verdict, clears) the user's verdict on one box. */
export async function overrideBox(
  req: BackgroundRequest<'tickerlens:checklist-override'>,
): Promise<BackgroundReply<'tickerlens:checklist'>> {
  const db = database();
  const now = Date.now();
  const stored = await db.getChecklist(req.asset);
  const overrides = { ...(stored?.overrides ?? {}) };
  const box: BoxId = req.box;
  if (req.verdict) overrides[box] = { verdict: req.verdict, reason: req.reason.trim(), at: now };
  else delete overrides[box];
  await db.putChecklist({ assetId: req.asset, overrides, updatedAt: now });
  return checklistFor(req.asset, false);
}

/** Verdicts of claims about tokens, each asset's figures read once for all its claims. */
export async function claimVerdictsFor(
  req: BackgroundRequest<'tickerlens:claim-verdicts'>,
): Promise<BackgroundReply<'tickerlens:claim-verdicts'>> {
  const assets = [...new Set(req.items.map((i) => i.asset))];
  const wait = req.wait ?? false;
  const ground = new Map(
    await Promise.all(
      assets.map(async (asset) => {
        const needsSecurity = req.items.some(
          (i) => i.asset === asset && (i.claim === 'zero-tax' || i.claim === 'liquidity-locked'),
        );
        const [card, security] = await Promise.all([
          wait ? cardFor(asset, true) : cachedCard(asset),
          needsSecurity ? securityOf(asset, wait) : Promise.resolve({}),
        ]);
        return [asset, { card: card.card, security }] as const;
      }),
    ),
  );
  return {
    verdicts: req.items.map((item) => {
      const g = ground.get(item.asset);
      const v: ClaimVerdict = claimVerdict(item.claim as ClaimId, item.value, g?.card ?? null, {
        ...g?.security,
        // Asked with `wait`, a figure still missing could not be read (not "not read yet").
        tried: wait,
      });
      return {
        asset: item.asset,
        claim: item.claim,
        ...(item.value === undefined ? {} : { value: item.value }),
        verdict: v.verdict,
        reason: v.reason,
        ...(v.source ? { source: v.source } : {}),
        ...(v.asOf !== undefined ? { asOf: v.asOf } : {}),
      };
    }),
  };
}

/** The checklist as it stands now, from the cache, to keep with a note (evidence in the UI language). */
export async function checklistSnapshot(
  asset: string,
  claimsOnPage: readonly ClaimId[] = [],
): Promise<ChecklistSnapshot> {
  const result = await checklistFor(asset, false, claimsOnPage);
  return {
    assetId: asset,
    at: Date.now(),
    score: result.score,
    boxes: result.boxes.map((b) => {
      const evidence = b.evidence
        .map((e) => reasonText(e))
        .filter(Boolean)
        .join(' ');
      return {
        box: b.box,
        verdict: b.verdict,
        ...(evidence ? { evidence } : {}),
        ...(b.override ? { override: { verdict: b.override.verdict, reason: b.override.reason } } : {}),
      };
    }),
  };
}
