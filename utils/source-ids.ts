/** The data sources (contract §6). A plain list, so the message contract can name them without zod. */
export const SOURCE_IDS = [
  'coingecko',
  'llamaCoins',
  'llamaApi',
  'llamaDatasets',
  'goplus',
  'stocks',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];
