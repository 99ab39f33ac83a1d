/**
 * Every X (Twitter) selector Tickerlens relies on, in one place, each with where it was seen.
 * X changes its markup: when one of these stops matching, the generic text path still works (it
 * needs none of them); these only make X pages better (tweet boundaries, X's own cashtag links).
 *
 * Seen on: real captured tweet DOM, Oct 2025 (`shared/fixtures/x/dom`).
 */
export const X = {
  /** One post, in timelines, threads and quotes (quotes nest an inner tweet-like block). */
  tweet: 'article[data-testid="tweet"]',
  /** The post's text; X renders cashtags, hashtags and mentions inside it as links. */
  tweetText: '[data-testid="tweetText"]',
  /** Display name and @handle of a post's author. */
  userName: '[data-testid="User-Name"]',
  /** A timeline cell; X recycles and replaces these while scrolling. */
  cell: '[data-testid="cellInnerDiv"]',
  /** User descriptions in profile headers and user cells. */
  userDescription: '[data-testid="UserDescription"]',
  /** The main column that holds the timeline. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** X's own cashtag link: `/search?q=%24BTC&src=cashtag_click`. */
  cashtagLink: 'a[href*="src=cashtag_click"]',
} as const;

/** Hosts where the content script runs by default. */
export const X_MATCHES = [
  '*://x.com/*',
  '*://twitter.com/*',
  '*://mobile.x.com/*',
  '*://mobile.twitter.com/*',
];

/**
 * `data-testid`s of elements whose whole text is one block for detection, even though X nests
 * inline-flex <div>s in them (each @mention in a post is wrapped in one).
 */
export const X_TEXT_CONTAINER_TESTIDS = ['tweetText', 'UserDescription'];
