/**
 * Runs in a Chromium page (bundled by bench/data-chromium.ts): Dexie bulkPut of 100 quote records
 * into the browser's real IndexedDB, the same records and schema as the extension's.
 */
import { TickerlensDb } from '../../utils/db';
import { bundledSnapshot, snapshotRecords } from '../../utils/sources/snapshot';

async function bulkPutMs(runs: number): Promise<number[]> {
  const records = snapshotRecords(bundledSnapshot()).slice(0, 100);
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const db = new TickerlensDb({ name: `bench-${i}-${Date.now()}` });
    await db.open();
    const t0 = performance.now();
    await db.putQuotes(records);
    const ms = performance.now() - t0;
    if (i > 0) out.push(ms); // the first run warms up the JIT and IndexedDB
    await db.delete();
  }
  return out;
}

(globalThis as unknown as { __dbBench: typeof bulkPutMs }).__dbBench = bulkPutMs;
