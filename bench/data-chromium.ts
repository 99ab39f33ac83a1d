/**
 * The data layer's browser figures, in Chromium: Dexie bulkPut of 100 quotes into real IndexedDB,
 * and the time from a cold (stopped) extension service worker to the first quote served from its
 * cache: a card request from an extension page, answered from IndexedDB.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { launchWithExtension, useOfflineSources } from '../test/support/chromium';
import { browserBundle } from './browser/bundle';
import { type BenchSection, median } from './report';

const RUNS = 7;

export default async function run(): Promise<BenchSection> {
  const script = await browserBundle(resolve(import.meta.dirname, 'browser/db-bench.ts'));
  const server = createServer((req, res) => {
    if (req.url === '/db-bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>db bench</title>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ext = await launchWithExtension();
  try {
    // Sources point at a closed local port: the card comes from the bundled snapshot in IndexedDB.
    await useOfflineSources(ext.worker);

    const page = await ext.context.newPage();
    await page.goto(`${origin}/`);
    await page.addScriptTag({ url: `${origin}/db-bench.js` });
    const bulk = await page.evaluate(
      (runs) => (globalThis as unknown as { __dbBench(n: number): Promise<number[]> }).__dbBench(runs),
      RUNS,
    );

    const extPage = await ext.context.newPage();
    await extPage.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=0`);
    const ask = () =>
      extPage.evaluate(async () => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'tickerlens:card', asset: 'cg:bitcoin' });
        return {
          ms: performance.now() - t0,
          price: reply?.data?.card?.price?.value?.usd as number | undefined,
        };
      });
    await ask(); // seeds the snapshot into IndexedDB
    const cdp = await ext.context.newCDPSession(extPage);
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    const warm: number[] = [];
    let price: number | undefined;
    for (let i = 0; i < RUNS; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await extPage.waitForTimeout(300);
      const c = await ask();
      price = c.price;
      cold.push(c.ms);
      warm.push((await ask()).ms);
    }
    return {
      title: 'Data layer in Chromium (real IndexedDB, the built extension)',
      figures: [
        {
          name: 'Dexie bulkPut (100 quotes), Chromium',
          value: median(bulk),
          unit: 'ms',
          goal: '≤ 25 ms',
          pass: median(bulk) <= 25,
          note: `median of ${bulk.length}, max ${Math.max(...bulk).toFixed(1)} ms`,
        },
        {
          name: 'cold worker → first quote from cache',
          value: median(cold),
          unit: 'ms',
          note: `median of ${cold.length}; a warm worker answers in ${median(warm).toFixed(1)} ms; price served ${price ?? 'none'}`,
        },
      ],
      notes: [
        'Cold: the service worker is stopped (CDP ServiceWorker.stopAllWorkers), then an extension page asks for a card; the time includes starting the worker, loading its code and reading IndexedDB.',
      ],
    };
  } finally {
    await ext.close();
    server.close();
  }
}
