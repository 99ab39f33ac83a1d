/**
 * A map that keeps the most recently used entries, up to a limit: the content script's caches by
 * block text. On X's timeline posts leave the DOM a few screens away and come back only when the
 * reader scrolls back to them, so the last few hundred texts are all worth keeping, and a cache
 * that grows with every post read (or is dropped whole when full) is not.
 */
export class RecentCache<V> {
  readonly #map = new Map<string, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#map.size;
  }

  /** The value, which becomes the most recently used. */
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: moved to the end, it is evicted last.
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.#map.has(key);
  }

  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#limit) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
  }

  /** The values, oldest first, without touching their order. */
  values(): IterableIterator<V> {
    return this.#map.values();
  }

  clear(): void {
    this.#map.clear();
  }
}
