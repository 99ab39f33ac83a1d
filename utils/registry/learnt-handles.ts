/**
 * Handles the curated list does not know may still be known from a coin's CoinGecko profile
 * (fetched when its card was opened, stored in IndexedDB): those resolve too.
 */
export interface HandleReply {
  asset?: string;
}

/** Fills in `replies` (same shape as `blocks`) for handle matches left without an asset. */
export async function withLearntHandles(
  blocks: ReadonlyArray<{
    matches: ReadonlyArray<{ kind: string; text: string; handle?: string | undefined }>;
  }>,
  replies: ReadonlyArray<ReadonlyArray<HandleReply>>,
  lookup: (keys: string[]) => Promise<ReadonlyMap<string, string>>,
): Promise<void> {
  const open: Array<{ key: string; reply: HandleReply }> = [];
  blocks.forEach((b, bi) => {
    b.matches.forEach((m, i) => {
      const reply = replies[bi]?.[i];
      if (m.kind === 'handle' && reply && !reply.asset) {
        open.push({ key: (m.handle ?? m.text).replace(/^@/, '').toLowerCase(), reply });
      }
    });
  });
  if (!open.length) return;
  const learnt = await lookup([...new Set(open.map((o) => o.key))]);
  for (const o of open) {
    const asset = learnt.get(o.key);
    if (asset) o.reply.asset = asset;
  }
}
