/**
 * Data layer: a refresh of 100 assets (99 coins of the real top-250 answer + AAPL) against the
 * local API server, through the real service (politeness, batching, zod, Dexie on fake-indexeddb).
 *
 * - requests per source: counted in the server's log (goal: one batched call per source).
 * - worker busy time: wall time of `refreshQuotes` minus the time spent waiting for the network,
 *   i.e. minus the span from each fetch() call until its response headers arrive (which contains
 *   the server's simulated latency). Body streaming, JSON parse, zod and Dexie stay in "busy".
 * - Dexie bulkPut: 100 quote records into a fresh database, median of runs.
 * - cold start: a new Dexie instance and service over the stored data, until the first card.
 * Medians of several runs after a warm-up.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { startSourcesServer, top250 } from '../test/support/sources-server';
import { TickerlensDb } from '../utils/db';
import { createDataService } from '../utils/sources/service';
import { bundledSnapshot } from '../utils/sources/snapshot';
import type { BenchFigure, BenchSection } from './report';

const RUNS = 7;
const LATENCY_MS = 40;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export default async function run(): Promise<BenchSection> {
  const server = await startSourcesServer({ latencyMs: LATENCY_MS });
  const assets = [
    ...top250()
      .slice(0, 99)
      .map((r) => `cg:${r.id}`),
    'stock:AAPL',
  ];
  const busy: number[] = [];
  const wall: number[] = [];
  const bulkPut: number[] = [];
  const cold: number[] = [];
  let requests: Record<string, number> = {};
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const idb = { indexedDB: new IDBFactory(), IDBKeyRange };
      const db = new TickerlensDb({ ...idb, name: `bench-${i}` });
      // Time with at least one request awaiting its headers (the union: concurrent waits count once).
      let waiting = 0;
      let open = 0;
      let since = 0;
      const timedFetch: typeof fetch = async (input, init) => {
        if (open++ === 0) since = performance.now();
        try {
          return await fetch(input, init);
        } finally {
          if (--open === 0) waiting += performance.now() - since;
        }
      };
      const svc = createDataService({
        db,
        settings: () => server.settings,
        fetch: timedFetch,
        batchWindowMs: 0,
        snapshot: bundledSnapshot(),
      });
      await db.open();
      server.clearLog();
      const t0 = performance.now();
      const report = await svc.refreshQuotes(assets);
      const total = performance.now() - t0;
      const failed = [...report.results.values()].filter((r) => !r.ok).length;
      if (failed) throw new Error(`${failed} assets failed to refresh`);
      if (i === 0) continue; // warm-up
      wall.push(total);
      busy.push(total - waiting);
      requests = {
        coingecko: server.requests('coingecko').length,
        llamaCoins: server.requests('llamaCoins').length,
        stocks: server.requests('stocks').length,
      };

      // bulkPut of the 100 stored records into a fresh database.
      const records = [...(await db.getQuotes(assets)).values()];
      const target = new TickerlensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'bench-put' });
      await target.open();
      const p0 = performance.now();
      await target.putQuotes(records);
      bulkPut.push(performance.now() - p0);
      target.close();

      // Cold start: the worker woke up; new Dexie instance, new service, first card from cache.
      db.close();
      const c0 = performance.now();
      const db2 = new TickerlensDb({ ...idb, name: `bench-${i}` });
      const svc2 = createDataService({ db: db2, settings: () => server.settings });
      const card = await svc2.getCard('cg:bitcoin');
      cold.push(performance.now() - c0);
      if (card?.price?.source !== 'coingecko') throw new Error('cold start served no cached quote');
      db2.close();
    }
  } finally {
    await server.stop();
  }

  const figures: BenchFigure[] = [
    {
      name: 'requests: CoinGecko',
      value: requests.coingecko ?? 0,
      unit: 'calls',
      goal: '= 1',
      pass: requests.coingecko === 1,
      note: '99 coins in one /coins/markets batch',
    },
    {
      name: 'requests: stocks (Yahoo)',
      value: requests.stocks ?? 0,
      unit: 'calls',
      goal: '= 1',
      pass: requests.stocks === 1,
      note: 'one symbol; the chart endpoint has no batch form',
    },
    {
      name: 'requests: DefiLlama coins',
      value: requests.llamaCoins ?? 0,
      unit: 'calls',
      note: 'fallback only, not needed',
    },
    {
      name: 'refresh wall time',
      value: median(wall),
      unit: 'ms',
      note: `server latency ${LATENCY_MS} ms per call`,
    },
    {
      name: 'worker busy time',
      value: median(busy),
      unit: 'ms',
      note: 'wall time − time with a request awaiting headers',
    },
    {
      name: 'Dexie bulkPut (100 quotes)',
      value: median(bulkPut),
      unit: 'ms',
      goal: '≤ 25 ms',
      pass: median(bulkPut) <= 25,
      note: 'fake-indexeddb in Node',
    },
    {
      name: 'cold start → first cached quote',
      value: median(cold),
      unit: 'ms',
      note: 'new Dexie instance + getCard',
    },
  ];
  return {
    title: 'Data layer (sources, queue, Dexie)',
    figures,
    notes: [
      `Median of ${RUNS} runs after a warm-up; real CoinGecko top-250 rows and a recorded Yahoo chart served by the local API server.`,
      'Dexie runs on fake-indexeddb (in-memory, pure JS) in Node, not on Chromium’s IndexedDB: the bulkPut and cold-start figures are not the browser’s and must be re-measured there.',
      'Worker busy time counts body streaming, JSON parsing, zod checks and Dexie writes; it excludes only the wait for response headers. The local server runs in the same Node process, so its own work after the headers is counted too (an overestimate).',
    ],
  };
}
