/**
 * Posts for the demo and test pages. `realPosts` are real X posts (demo/data/PROVENANCE.md).
 * `writtenPosts` were WRITTEN FOR THE TICKERLENS DEMO: illustrations of what people post about
 * tokens and stocks, in English and Chinese. They are not real posts and are marked as such on the
 * demo page.
 */
import realPostsJson from './data/x-posts.json';

export interface DemoPost {
  id: string;
  name: string;
  handle: string;
  lang: string;
  text: string;
  /** Where the text comes from: a fixture path, or 'written for the demo'. */
  source: string;
}

export const realPosts: DemoPost[] = realPostsJson;

const WRITTEN = 'written for the demo';

export const writtenPosts: DemoPost[] = [
  {
    id: 'demo-1',
    name: 'Chain Watcher',
    handle: 'chainwatcher',
    lang: 'en',
    text: '$BTC just reclaimed $67k while $ETH lags. Bitcoin dominance is the highest since 2021. Strategy now holds 21,454 BTC more than last quarter.',
    source: WRITTEN,
  },
  {
    id: 'demo-2',
    name: 'Perp Trader',
    handle: 'perptrader',
    lang: 'en',
    text: '@HyperliquidX airdropped 28% of supply to users. No VC, no private round, and fees are routed to buy back $HYPE every day.',
    source: WRITTEN,
  },
  {
    id: 'demo-3',
    name: '币圈观察',
    handle: 'bicoin_watch',
    lang: 'zh',
    text: '比特币突破十万美元，以太坊也跟涨。这个项目沒有風投，只有社區，TGE即將來臨。',
    source: WRITTEN,
  },
  {
    id: 'demo-4',
    name: 'Semis Daily',
    handle: 'semisdaily',
    lang: 'en',
    text: 'NVIDIA and TSMC both beat estimates; Micron guides higher. $NVDA $TSM $MU all green premarket. 台积电 and 英伟达 lead Asia.',
    source: WRITTEN,
  },
  {
    id: 'demo-5',
    name: 'Onchain Sleuth',
    handle: 'onchainsleuth',
    lang: 'en',
    text: 'Fair launch, 0% tax, LP burned. Contract: 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed. Solana mint EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v for $USDC.',
    source: WRITTEN,
  },
  {
    id: 'demo-6',
    name: 'Decentralised AI',
    handle: 'dai_research',
    lang: 'en',
    text: '$TAO subnets keep growing. @bittensor_ emissions halve soon. This is NOT a fair launch though: early miners got most of the supply.',
    source: WRITTEN,
  },
];

/** A post written for a test: one line of text by a test author. */
export function testPost(id: string, text: string): DemoPost {
  return { id, name: 'Test Author', handle: 'testauthor', lang: 'en', text, source: 'written for the test' };
}
