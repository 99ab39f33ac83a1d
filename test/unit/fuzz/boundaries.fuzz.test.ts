/**
 * Fuzzing every zod boundary (issue 29): each message schema (both directions), the settings, the
 * card, and each data source's answer schema with its parser take anything (hostile shapes, huge
 * numbers, prototype keys, markup) and answer with a verdict, never a throw. The worker's
 * dispatcher, sent anything by any sender, never runs a pages-only handler for a content script.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fuzz } from './params';

const world = vi.hoisted(() => ({
  onMessage: undefined as undefined | ((message: unknown, sender: unknown) => unknown),
}));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop${path}`,
      onMessage: { addListener: (fn: typeof world.onMessage) => (world.onMessage = fn) },
      onConnect: { addListener: () => undefined },
    },
  },
}));

const { backgroundApi, isForContentScripts, scanResultSchema } = await import('../../../utils/messages');
const { listenInBackground } = await import('../../../utils/messaging-background');
const { migrateSettings, settingsSchema } = await import('../../../utils/settings');
const { cardSchema } = await import('../../../utils/card-schema');
const stocks = await import('../../../utils/sources/stocks');
const cg = await import('../../../utils/sources/coingecko');
const datasets = await import('../../../utils/sources/llama-datasets');
const llamaApi = await import('../../../utils/sources/llama-api');
const llamaCoins = await import('../../../utils/sources/llama-coins');
const goplus = await import('../../../utils/sources/goplus');
const { unlockSchedule } = await import('../../../utils/sources/unlock-schedule');

/** Anything, weighted towards what attacks look like. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { __proto__: { ok: true } },
      JSON.parse('{"__proto__":{"polluted":1},"type":"tickerlens:site"}'),
      { type: 'tickerlens:detect', texts: ['x'.repeat(200_000)] },
      { texts: Array.from({ length: 600 }, () => '$BTC') },
      Number.NaN,
      1e308,
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
    ),
  },
);

function parsesWithoutThrowing(schema: { safeParse: (v: unknown) => { success: boolean } }): void {
  fc.assert(
    fc.property(hostile, (v) => {
      expect(typeof schema.safeParse(v).success).toBe('boolean');
    }),
    fuzz(0.2),
  );
}

describe('fuzz: every message schema', () => {
  for (const [type, m] of Object.entries(backgroundApi)) {
    it(`${type}: request and reply`, () => {
      parsesWithoutThrowing(m.request);
      parsesWithoutThrowing(m.reply);
    });
  }
  it('the scan result', () => parsesWithoutThrowing(scanResultSchema));
  it('the card', () => parsesWithoutThrowing(cardSchema));
});

describe('fuzz: settings', () => {
  it('migrate anything to valid settings', () => {
    fc.assert(
      fc.property(hostile, (v) => {
        const s = migrateSettings(v);
        expect(settingsSchema.safeParse(s).success).toBe(true);
        for (const src of Object.values(s.sources)) expect(src.baseUrl).toMatch(/^https?:\/\//);
      }),
      fuzz(),
    );
  });
});

describe('fuzz: data sources’ answers and parsers', () => {
  const now = Date.UTC(2026, 11, 6);
  const cases: Array<
    [string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, (d: never) => unknown]
  > = [
    ['Yahoo chart', stocks.chartSchema, (d) => stocks.parseChart(d)],
    ['Yahoo quote', stocks.quoteSchema, (d) => stocks.parseQuotes(d)],
    ['CoinGecko markets', cg.marketsSchema, (d) => cg.parseMarkets(d)],
    ['CoinGecko coin', cg.coinDetailSchema, (d) => cg.parseCoinDetail(d)],
    ['CoinGecko treasury', cg.treasurySchema, () => undefined],
    ['CoinGecko list', cg.coinsListSchema, () => undefined],
    ['DefiLlama fees', llamaApi.feesSummarySchema, (d) => llamaApi.revenueTotals(d, now)],
    ['DefiLlama protocols', llamaApi.protocolsSchema, (d) => llamaApi.geckoToSlug(d)],
    ['DefiLlama prices', llamaCoins.llamaPricesSchema, () => undefined],
    ['GoPlus', goplus.tokenSecuritySchema, (d) => goplus.parseTokenSecurity(d, '1', '0xabc')],
  ];
  for (const [name, schema, parse] of cases) {
    it(`${name}: schema and parser never throw`, () => {
      fc.assert(
        fc.property(hostile, (v) => {
          const r = schema.safeParse(v);
          if (r.success) parse(r.data as never);
        }),
        fuzz(0.5),
      );
    });
  }

  it('DefiLlama emissions: any body is parsed or refused, and its schedule built, without a throw', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string()), (v) => {
        const body = typeof v === 'string' || (v && typeof v === 'object') ? v : String(v);
        const r = datasets.parseEmissionBody(body as string);
        if (r.ok) unlockSchedule(r.body, now);
      }),
      fuzz(),
    );
  });
});

describe('fuzz: the worker’s dispatcher', () => {
  it('answers anything from anyone with an envelope, and runs no pages-only handler for a content script', async () => {
    const ran: string[] = [];
    const handlers = Object.fromEntries(
      Object.keys(backgroundApi).map((t) => [
        t,
        async () => {
          ran.push(t);
          return {};
        },
      ]),
    );
    listenInBackground(handlers as never);
    const senders = fc.constantFrom(
      { url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } },
      {
        url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil/x',
        tab: { id: 1, url: 'https://e.example/' },
      },
      {
        url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
        tab: { id: 2, url: 'https://e.example/' },
      },
      {},
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(backgroundApi)),
        hostile,
        senders,
        async (type, payload, sender) => {
          ran.length = 0;
          const message =
            payload && typeof payload === 'object' ? { ...payload, type } : { type, json: String(payload) };
          const reply = (await world.onMessage?.(message, sender)) as unknown;
          const envelope = typeof reply === 'string' ? JSON.parse(reply) : reply;
          expect(typeof (envelope as { ok: unknown }).ok).toBe('boolean');
          for (const t of ran) expect(isForContentScripts(t as keyof typeof backgroundApi)).toBe(true);
        },
      ),
      fuzz(),
    );
  });
});
