/**
 * Jupiter mints whose CoinGecko coin the automatic symbol+name match cannot find, because the two
 * lists name the token differently. Only mints we are sure of; source: the issuer's own docs
 * (tether.to lists the Solana USDT mint) and CoinGecko's coin page contract field.
 * USDC's mint needs no entry: the recorded CoinGecko contract lookup already lists it.
 */
export const CURATED_SOLANA_MINTS: Readonly<Record<string, { id: string; why: string }>> = {
  Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB: {
    id: 'tether',
    why: 'Jupiter names it "USDT", CoinGecko "Tether"',
  },
};
