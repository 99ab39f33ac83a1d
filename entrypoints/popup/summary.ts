/**
 * The page at a glance, from the scan (contract §2): one row per asset however it was written
 * ($HYPE, Hyperliquid, @HyperliquidX), ambiguous symbols with their candidates, and the claims
 * grouped by the token they are about (claimSubject, as the card judges them).
 */
import type { ClaimId } from '@/utils/detect/types';
import type { ScanItem } from '@/utils/messages';

export type MentionKind = Exclude<ScanItem['kind'], 'claim'>;

export interface AssetMention {
  key: string;
  /** The asset, when resolved. */
  asset?: string;
  /** The assets still in play, best first, when the symbol is ambiguous. */
  candidates?: string[];
  /** The texts as on the page ("$HYPE", "Hyperliquid"), each once, most frequent first. */
  texts: string[];
  count: number;
  kinds: MentionKind[];
}

export interface ClaimMention {
  claim: ClaimId;
  value?: number;
  /** The claim's words as on the page, each once. */
  texts: string[];
  count: number;
  /** The post it was first seen in (capped by the content script). */
  context?: string;
}

export interface ClaimGroup {
  key: string;
  /** The token the claims are about, and its text on the page; neither when the post names none. */
  asset?: string;
  subjectText?: string;
  claims: ClaimMention[];
}

export interface PageSummary {
  assets: AssetMention[];
  /** Handles that name no asset (post authors, mostly): counted, not listed. */
  hiddenHandles: number;
  /** Cashtags, names and addresses no list knows. */
  unknown: AssetMention[];
  claims: ClaimGroup[];
}

const KIND_ORDER: MentionKind[] = ['ticker', 'name', 'handle', 'address'];

function addText(texts: Map<string, number>, text: string): void {
  texts.set(text, (texts.get(text) ?? 0) + 1);
}

const sortedTexts = (texts: Map<string, number>) => [...texts].sort((a, b) => b[1] - a[1]).map(([t]) => t);

export function summarise(items: readonly ScanItem[]): PageSummary {
  const rows = new Map<string, { row: AssetMention; texts: Map<string, number>; kinds: Set<MentionKind> }>();
  const claimGroups = new Map<
    string,
    { group: ClaimGroup; claims: Map<string, { c: ClaimMention; texts: Map<string, number> }> }
  >();
  let hiddenHandles = 0;
  for (const item of items) {
    if (item.kind === 'claim') {
      if (!item.claim) continue;
      const key = item.about ?? (item.aboutText ? `text:${item.aboutText.toUpperCase()}` : '');
      let g = claimGroups.get(key);
      if (!g) {
        g = {
          group: {
            key,
            ...(item.about ? { asset: item.about } : {}),
            ...(item.aboutText ? { subjectText: item.aboutText } : {}),
            claims: [],
          },
          claims: new Map(),
        };
        claimGroups.set(key, g);
      }
      const ck = `${item.claim}|${item.value ?? ''}`;
      let c = g.claims.get(ck);
      if (!c) {
        c = {
          c: {
            claim: item.claim,
            ...(item.value === undefined ? {} : { value: item.value }),
            texts: [],
            count: 0,
            ...(item.context ? { context: item.context } : {}),
          },
          texts: new Map(),
        };
        g.claims.set(ck, c);
      }
      c.c.count++;
      addText(c.texts, item.text);
      continue;
    }
    const kind = item.kind;
    if (kind === 'handle' && !item.asset && !item.candidates?.length) {
      hiddenHandles++;
      continue;
    }
    // A symbol with several readings is one row per symbol, whatever its case on the page.
    const key = item.asset
      ? `a:${item.asset}`
      : item.candidates?.length
        ? `c:${item.text.replace(/^\$/, '').toUpperCase()}`
        : `u:${item.text.toUpperCase()}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        row: {
          key,
          ...(item.asset ? { asset: item.asset } : {}),
          ...(item.candidates?.length ? { candidates: item.candidates } : {}),
          texts: [],
          count: 0,
          kinds: [],
        },
        texts: new Map(),
        kinds: new Set(),
      };
      rows.set(key, r);
    }
    r.row.count++;
    r.kinds.add(kind);
    addText(r.texts, item.text);
  }
  const all = [...rows.values()]
    .map(({ row, texts, kinds }) => ({
      ...row,
      texts: sortedTexts(texts),
      kinds: KIND_ORDER.filter((k) => kinds.has(k)),
    }))
    .sort((a, b) => b.count - a.count);
  const claims = [...claimGroups.values()]
    .map(({ group, claims }) => ({
      ...group,
      claims: [...claims.values()].map(({ c, texts }) => ({ ...c, texts: sortedTexts(texts) })),
    }))
    // Claims about a known token first, then an unknown one, then about none.
    .sort((a, b) => Number(!a.asset) - Number(!b.asset) || Number(!a.subjectText) - Number(!b.subjectText));
  return {
    assets: all.filter((r) => r.asset || r.candidates),
    unknown: all.filter((r) => !r.asset && !r.candidates),
    hiddenHandles,
    claims,
  };
}

/** Every asset id the popup needs a name for: resolved ones and every candidate. */
export function assetIdsOf(s: PageSummary): string[] {
  const ids = new Set<string>();
  for (const r of s.assets) {
    if (r.asset) ids.add(r.asset);
    for (const c of r.candidates ?? []) ids.add(c);
  }
  for (const g of s.claims) if (g.asset) ids.add(g.asset);
  return [...ids].slice(0, 200);
}
