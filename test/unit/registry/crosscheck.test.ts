/**
 * Cross-check against a peer: DefiLlama's own "one CoinGecko coin per ticker" map (GPL-3.0: read here
 * in a test only, nothing derived from it ships). For the 1,000 best-ranked symbols, a bare `$SYMBOL`
 * with no context is resolved and compared with DefiLlama's coin.
 *
 * Three outcomes: we agree; we decline (candidates, usually listing DefiLlama's coin: our ranks stop
 * at the 2025-02 top 250, and an unranked collision yields candidates, never a guess); or we answer
 * differently, which must be on purpose and explained in DELIBERATE below. The test prints every
 * disagreement, the declines by kind, and the most agreement possible: a decline where we hold no
 * asset with the symbol, or not DefiLlama's coin, can never agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { candidatesFor } from '../../../utils/registry/resolve';
import { sharedFixture } from '../../support/paths';
import { registry, resolveIn } from './support';

const entry = z.object({
  symbol: z.string(),
  name: z.string(),
  token_nk: z.string().optional(),
  mcap_rank: z.number().optional(),
});
const peer = z
  .record(z.string(), entry)
  .parse(
    JSON.parse(readFileSync(sharedFixture('defillama/defillama-app_public_tokens_2026-04-20.json'), 'utf8')),
  );

/** Per-ticker entries (the key is the symbol; other keys are DefiLlama's own disambiguation slugs), best rank first. */
const top = Object.entries(peer)
  .flatMap(([key, v]) =>
    key === v.symbol.toLowerCase() && v.mcap_rank !== undefined && v.token_nk?.startsWith('coingecko:')
      ? [
          {
            symbol: v.symbol.toUpperCase(),
            name: v.name,
            rank: v.mcap_rank,
            want: `cg:${v.token_nk.slice(10)}`,
          },
        ]
      : [],
  )
  .sort((a, b) => a.rank - b.rank)
  .slice(0, 1000);

const COMPANY_FIRST =
  'a US company in the SEC top 2,000 by market value vs a coin outside the 2025-02 top-250 snapshot: the company, unless crypto words around the cashtag say otherwise';
const NO_SUCH_COIN =
  'the CoinGecko 2026 list has no coin with this symbol, so the only asset is the listed company';
const COPY_RULE =
  "DefiLlama's coin is, by its CoinGecko id and name, a bridged copy (resolve.ts COPY); we answer the one original";
const ID_DRIFT =
  "the CoinGecko 2026 list holds a different coin id under this symbol than DefiLlama's (ids churn between list dates)";

/** Symbols where our answer differs from DefiLlama's on purpose, and why. */
const DELIBERATE: Record<string, string> = {
  ...Object.fromEntries(
    'M SKY U ADI VVV SUN H IP WAL CVX CFG A B FORM WM BC BCE MET ZETA T LION ELF NMR BIO OPEN SXT NOW AVNT EDU BP ST BNT Q FROG ABT XP TX AGI FUL G BR DIA ES F HP WELL JOE ETN DG AVA TAC'
      .split(' ')
      .map((s) => [s, COMPANY_FIRST]),
  ),
  EXOD: 'Exodus Movement is a curated leading company (names dictionary) vs an unranked coin: the company',
  HIVE: 'HIVE Digital is a curated leading company (names dictionary) vs Hive, outside the 2025-02 top 250: the company',
  META: 'Meta Platforms (SEC #6) over MetaDAO: $META is the stock unless the post talks tokens',
  NNN: NO_SUCH_COIN,
  BTU: NO_SUCH_COIN,
  LILPEPE: ID_DRIFT,
  ZUSD: ID_DRIFT,
  MITO: ID_DRIFT,
  VBETH: COPY_RULE,
  PRIME: 'Echelon Prime is ranked 203 in the 2025-02 snapshot; Hastra PRIME launched after it',
};

interface Row {
  symbol: string;
  rank: number;
  want: string;
  got: string;
  reason: string;
}

/**
 * Why a symbol was declined, by what the registry holds for it: whether any answer was possible, and
 * whether the claimants have a size to compare (only the 2025-02 top-250 snapshot ranks coins; no
 * list gives a listed company's or an ETF's market value).
 */
function declineKind(d: Row): string {
  const all = candidatesFor(registry, d.symbol);
  const want = registry.asset(d.want);
  if (all.length === 0) return 'no asset with the symbol in our lists';
  if (!want) return "DefiLlama's coin is not in the 2026 coin list";
  const listed = all.some((a) => a.kind === 'equity');
  const ranked = want.rank !== undefined;
  if (listed)
    return ranked
      ? 'a ranked coin vs a listed company or ETF (no market value for it)'
      : 'an unranked coin vs a listed company or ETF';
  return ranked ? 'a ranked coin vs namesakes' : 'coins none of which is ranked (no size to compare)';
}

function compare(): { agree: number; listed: number; declined: Row[]; different: Row[] } {
  let agree = 0;
  let listed = 0;
  const declined: Row[] = [];
  const different: Row[] = [];
  for (const t of top) {
    const tag = `$${t.symbol}`;
    const r = resolveIn(tag, tag);
    if (r.asset === t.want) {
      agree++;
      continue;
    }
    const row = {
      symbol: t.symbol,
      rank: t.rank,
      want: t.want,
      got: r.asset ?? JSON.stringify(r.candidates ?? []),
      reason: r.reason,
    };
    if (r.asset) different.push(row);
    else {
      if (r.candidates?.includes(t.want)) listed++;
      declined.push(row);
    }
  }
  return { agree, listed, declined, different };
}

describe('cross-check against DefiLlama (GPL, test only)', () => {
  const result = compare();

  it('prints the agreement and every disagreement', () => {
    const { agree, listed, declined, different } = result;
    const kinds: Record<string, number> = {};
    for (const d of declined) {
      const k = declineKind(d);
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    // No answer is possible where we hold no asset with the symbol or not DefiLlama's coin.
    const impossible = declined.filter(
      (d) => !registry.asset(d.want) || candidatesFor(registry, d.symbol).length === 0,
    ).length;
    const lines = [
      `DefiLlama cross-check, ${top.length} best-ranked symbols: agree ${agree} (${((agree / top.length) * 100).toFixed(1)}%), ` +
        `declined with candidates ${declined.length} (DefiLlama's coin among them: ${listed}), answered differently ${different.length}`,
      '-- answered differently (on purpose, see DELIBERATE):',
      ...different.map(
        (d) =>
          `  #${d.rank} $${d.symbol}: DefiLlama ${d.want}, we ${d.got}: ${DELIBERATE[d.symbol] ?? 'UNEXPLAINED'}`,
      ),
      `-- declined, by kind; at most ${top.length - different.length - impossible} agree (${(((top.length - different.length - impossible) / top.length) * 100).toFixed(1)}%) while the different answers stay deliberate:`,
      ...Object.entries(kinds)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `  ${n} ${k}`),
      '-- declined (candidates or no asset):',
      ...declined.map((d) => `  #${d.rank} $${d.symbol}: DefiLlama ${d.want}, we ${d.got} (${d.reason})`),
    ];
    console.log(lines.join('\n'));
    expect(top).toHaveLength(1000);
  });

  it('agrees on at least 59% and lists DefiLlama’s coin for at least 89% (agree or candidate)', () => {
    expect(result.agree / top.length).toBeGreaterThanOrEqual(0.59);
    expect((result.agree + result.listed) / top.length).toBeGreaterThanOrEqual(0.89);
  });

  it('every different answer is deliberate and explained; the table has no stale rows', () => {
    const unexplained = result.different
      .filter((d) => !DELIBERATE[d.symbol])
      .map((d) => `${d.symbol} → ${d.got}`);
    expect(unexplained).toEqual([]);
    const differing = new Set(result.different.map((d) => d.symbol));
    expect(Object.keys(DELIBERATE).filter((s) => !differing.has(s))).toEqual([]);
  });

  it('company-first answers really are companies, and crypto words flip them to the coin', () => {
    for (const d of result.different.filter((x) => DELIBERATE[x.symbol] === COMPANY_FIRST)) {
      expect(registry.asset(d.got)?.kind, d.symbol).toBe('equity');
    }
    expect(resolveIn('Walrus $WAL token unlock on Sui', '$WAL').asset).toBe('cg:walrus-2');
    expect(resolveIn('$CVX staking rewards on Convex, onchain', '$CVX').asset).toBe('cg:convex-finance');
  });
});
