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
  /** Name and @handle in a profile header (seen on profile pages; not in the captured fixtures). */
  profileName: '[data-testid="UserName"]',
  /** A user in "Who to follow" and follower lists: name, @handle, bio. */
  userCell: '[data-testid="UserCell"]',
  /** The main column that holds the timeline. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** X's own cashtag link: `/search?q=%24BTC&src=cashtag_click`. */
  cashtagLink: 'a[href*="src=cashtag_click"]',
} as const;

/** X's hosts (where the X selectors apply). */
export const X_MATCHES_HOST = /(^|\.)(x|twitter)\.com$/;

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

/**
 * What Tickerlens reads on X: post text, X's cashtag links inside it, user names and bios. Reading
 * only these (found natively with querySelectorAll) instead of walking X's heavy markup is what
 * keeps the content script cheap on the timeline.
 */
export const X_TEXT_ROOT_SELECTORS = [
  X.tweetText,
  X.userName,
  X.userDescription,
  X.profileName,
  X.userCell,
] as const;
export const X_TEXT_ROOTS = X_TEXT_ROOT_SELECTORS.join(',');

/** The selector whose absence from a whole X page means X changed its markup. */
export const X_CANARY = X.tweetText;

/**
 * X's own cashtag links inside a post. Tickerlens marks these with a stylesheet rule instead of
 * highlight ranges or painted boxes: ranges cost a repaint whenever they change and a live-range
 * update on every DOM change near them, a painted box a second paint of the post's cell, while a
 * selector costs nothing per mark and applies from the post's first paint. Every cashtag is marked.
 * X's @mention links are not: a mention is marked only when it names an asset (a project's handle),
 * which a selector cannot know, so those few are painted like any other detection.
 */
export const X_LINK_MARKS = '[data-testid="tweetText"] a[href*="src=cashtag_click"]';
