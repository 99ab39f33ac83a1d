/**
 * Coalescing and batching of keyed loads. Keys already being loaded join the load in flight (no
 * second request for the same asset); new keys asked for within `windowMs` of each other go out
 * together, in chunks of `maxBatch`, to one `loadMany` call per chunk.
 */
export interface BatcherOptions<K, V> {
  /** Loads a batch; keys it leaves out of the map resolve to undefined. Must not throw. */
  loadMany: (keys: K[]) => Promise<Map<K, V>>;
  maxBatch: number;
  windowMs: number;
  /** Once this many keys wait, they go out at once rather than at the window's end. */
  flushAt?: number;
}

export class KeyBatcher<K, V> {
  private readonly inFlight = new Map<K, Promise<V | undefined>>();
  private pending: Array<{ key: K; resolve: (v: V | undefined) => void }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: BatcherOptions<K, V>) {}

  /** Keys loading right now (for tests and the request planner). */
  get loading(): number {
    return this.inFlight.size;
  }

  load(keys: readonly K[]): Promise<Map<K, V | undefined>> {
    const unique = [...new Set(keys)];
    const promises = unique.map((key) => {
      const existing = this.inFlight.get(key);
      if (existing) return existing;
      const p = new Promise<V | undefined>((resolve) => this.pending.push({ key, resolve }));
      this.inFlight.set(key, p);
      return p;
    });
    this.schedule();
    return Promise.all(promises).then((values) => new Map(unique.map((k, i) => [k, values[i]])));
  }

  /** Sends what waits now, without waiting for the window's end (a caller is waiting for it). */
  flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length) void this.flush();
  }

  private schedule(): void {
    if (this.pending.length >= (this.options.flushAt ?? Number.POSITIVE_INFINITY)) {
      this.flushNow();
      return;
    }
    if (this.timer !== undefined || this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.windowMs);
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const chunks: (typeof batch)[] = [];
    for (let i = 0; i < batch.length; i += this.options.maxBatch)
      chunks.push(batch.slice(i, i + this.options.maxBatch));
    await Promise.all(
      chunks.map(async (chunk) => {
        let result: Map<K, V>;
        try {
          result = await this.options.loadMany(chunk.map((c) => c.key));
        } catch {
          result = new Map();
        }
        for (const { key, resolve } of chunk) {
          this.inFlight.delete(key);
          resolve(result.get(key));
        }
      }),
    );
  }
}

/** In-flight de-duplication of single keyed tasks (one unlock refresh per coin at a time, …). */
export class InFlight<K, V> {
  private readonly map = new Map<K, Promise<V>>();

  run(key: K, task: () => Promise<V>): Promise<V> {
    const existing = this.map.get(key);
    if (existing) return existing;
    const p = task().finally(() => this.map.delete(key));
    this.map.set(key, p);
    return p;
  }
}
