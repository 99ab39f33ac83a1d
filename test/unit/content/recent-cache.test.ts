import { describe, expect, it } from 'vitest';
import { RecentCache } from '../../../entrypoints/content/recent-cache';

describe('RecentCache', () => {
  it('keeps the most recently used entries up to its limit', () => {
    const cache = new RecentCache<number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    // Reading 'a' makes it the most recent: 'b' is the oldest when 'd' comes.
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    expect(cache.has('b')).toBe(false);
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(3);
    // Setting a key again refreshes it and does not grow the cache.
    cache.set('c', 30);
    cache.set('e', 5);
    expect(cache.has('a')).toBe(false);
    expect(cache.get('c')).toBe(30);
    expect(cache.size).toBe(3);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
