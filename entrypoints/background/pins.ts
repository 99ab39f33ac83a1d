/**
 * The options page's pinned choices: the list, by asset name (the popup's rows, assets.ts), and
 * Undo. The card makes pins with `tickerlens:pin`; both messages here are for extension pages only.
 */
import type { BackgroundReply, BackgroundRequest } from '@/utils/messages';
import { assetRows } from './assets';
import { announcePins, database, setPin } from './runtime';

type PinRow = BackgroundReply<'tickerlens:pins-list'>['pins'][number];

export function pinsHandlers() {
  return {
    'tickerlens:pins-list': async (): Promise<BackgroundReply<'tickerlens:pins-list'>> => {
      const pins = (await database().pins()).sort((a, b) => b.pinnedAt - a.pinnedAt);
      if (!pins.length) return { pins: [] };
      // From the cache only: a list of choices waits for no price.
      const { assets } = await assetRows({ assets: pins.map((p) => p.assetId) });
      const byId = new Map(assets.map((a) => [a.asset, a]));
      return {
        pins: pins.map((p): PinRow => {
          const a = byId.get(p.assetId);
          return {
            key: p.key,
            asset: p.assetId,
            name: a?.name ?? '',
            symbol: a?.symbol ?? '',
            kind: a?.kind ?? 'contract',
            ...(a?.venue ? { venue: a.venue } : {}),
            pinnedAt: p.pinnedAt,
          };
        }),
      };
    },
    'tickerlens:unpin': async ({ key }: BackgroundRequest<'tickerlens:unpin'>) => {
      const removed = (await database().pins()).some((p) => p.key === key);
      if (!removed) return { removed };
      await setPin(key, null);
      // Symbols read as the pin said on every open page: each resolves them again.
      await announcePins();
      return { removed };
    },
  } as const;
}
