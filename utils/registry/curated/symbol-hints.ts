/**
 * Curated defaults for symbols that two leading assets share, or whose leading coin postdates the
 * market-cap snapshot. A default is worth HINT_POINTS in resolve.ts: it breaks a near tie, but words
 * around the match ("shares", "Nasdaq", "token", "Solana") still overrule it. Every entry says why.
 */
export interface SymbolHint {
  asset: string;
  why: string;
}

export const SYMBOL_HINTS: Readonly<Record<string, SymbolHint>> = {
  SUI: {
    asset: 'cg:sui',
    why: 'Sui (rank 18) vs Sun Communities (NYSE REIT): on X, $SUI is the coin; "shares"/NYSE context still picks the REIT',
  },
  PUMP: {
    asset: 'cg:pump-fun',
    why: 'the pump.fun token launched in July 2025, after the 2025-02 rank snapshot; ties with ProPetro (NYSE: PUMP), so without context the card lists both, pump.fun first',
  },
  HYPE: {
    asset: 'cg:hyperliquid',
    why: 'Hyperliquid (rank 24 in 2025-02, top 15 since); the other HYPE coins are small or bridged copies',
  },
};
