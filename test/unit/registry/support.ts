/** Shared helpers of the registry tests: the bundled registry and hand-made matches with exact offsets. */
import type { Match } from '../../../utils/detect/types';
import { bundledRegistry } from '../../../utils/registry/bundled';
import { resolve } from '../../../utils/registry/resolve';
import type { Resolution } from '../../../utils/registry/types';

export const registry = bundledRegistry();

/** A match for `sub` inside `text`, shaped as the detector emits it. */
export function matchIn(text: string, sub: string, kind: Match['kind'] = 'ticker'): Match {
  const start = text.indexOf(sub);
  if (start < 0) throw new Error(`"${sub}" not in "${text}"`);
  const m: Match = { kind, text: sub, start, end: start + sub.length };
  if (kind === 'ticker') {
    m.symbol = sub.replace(/^\$/, '').toUpperCase();
    m.cashtag = sub.startsWith('$');
  } else if (kind === 'handle') {
    m.handle = sub.slice(1);
  } else if (kind === 'address') {
    m.chain = sub.startsWith('0x') ? 'evm' : 'solana';
    m.valid = true;
  }
  return m;
}

/** Resolves `sub` as found in `text`, with the other matches of the post when given. */
export function resolveIn(
  text: string,
  sub: string,
  opts: { kind?: Match['kind']; others?: Match[]; pins?: ReadonlyMap<string, string> } = {},
): Resolution {
  return resolve(registry, matchIn(text, sub, opts.kind), { text, matches: opts.others ?? [] }, opts.pins);
}
