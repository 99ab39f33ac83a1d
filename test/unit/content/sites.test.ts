/**
 * Site adapters: which one a host gets, and that the hosts the content script runs on by default
 * (the manifest's matches) are the ones the popup treats as built in.
 */
import { describe, expect, it } from 'vitest';
import { siteFor } from '@/entrypoints/content/sites';
import { runsByDefault } from '@/entrypoints/content/sites/hosts';
import { X_MATCHES } from '@/entrypoints/content/x-selectors';

describe('site adapters', () => {
  it('gives X its adapter on every X host, and any other host the generic page', () => {
    for (const host of ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'])
      expect(siteFor(host).id).toBe('x');
    for (const host of ['example.com', 'notx.com', 'x.com.evil.test', 'twitter.co', 'cointelegraph.com'])
      expect(siteFor(host).id).toBe('generic');
  });

  it('treats exactly the manifest’s hosts as built in', () => {
    const manifestHosts = X_MATCHES.map((m) => m.replace(/^\*:\/\//, '').replace(/\/\*$/, ''));
    for (const host of manifestHosts) expect(runsByDefault(host)).toBe(true);
    expect(runsByDefault('example.com')).toBe(false);
    expect(runsByDefault('x.com.evil.test')).toBe(false);
  });

  it('lets X’s page stylesheet mark its cashtag links, and no other site', () => {
    expect(siteFor('x.com').markedLinks?.selector).toContain('cashtag_click');
    expect(siteFor('x.com').markedLinks?.css).toContain(siteFor('x.com').markedLinks?.selector ?? '?');
    expect(siteFor('example.com').markedLinks).toBeUndefined();
    expect(siteFor('example.com').paintOn).toBeUndefined();
  });
});
