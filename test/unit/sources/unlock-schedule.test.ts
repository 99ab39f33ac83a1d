/**
 * The unlock model (`unlockSchedule`) at its edges: which events count (numeric strings, nulls,
 * zero amounts, odd entries), where a stream ends (its duration, the next rate change, its section's
 * series, or never), what "from now on" keeps at the exact boundary, the cap, the sections' totals,
 * and how a cumulative series becomes cliffs and streams (order, gaps, float noise, burns).
 *
 * The bodies are HAND-MADE in the shape DefiLlama's emissions files have (`emissionBodySchema`,
 * llama-datasets.ts; event templates from emissions-adapters `utils/events.ts`); the recorded
 * Hyperliquid file is read in parsers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { emissionBodySchema } from '../../../utils/sources/llama-datasets';
import { MAX_STORED_EVENTS, UNCATEGORIZED, unlockSchedule } from '../../../utils/sources/unlock-schedule';

const DAY = 86_400_000;
/** Unix seconds of 2025-01-01 plus `d` days. */
const day = (d: number) => Date.UTC(2025, 0, 1 + d) / 1000;
const ms = (d: number) => day(d) * 1000;

const cliffText = (section: string) =>
  `A cliff of {tokens[0]} tokens will unlock from ${section} on {timestamp}`;
const linearText = (section: string) =>
  `Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from ${section} on {timestamp}`;

function body(parts: {
  events?: unknown[];
  categories?: Record<string, string[]>;
  series?: Record<string, number[]>;
}) {
  const series = Object.entries(parts.series ?? {}).map(([label, values]) => ({
    label,
    data: values.map((unlocked, d) => ({ timestamp: day(d), unlocked })),
  }));
  return emissionBodySchema.parse({
    ...(series.length ? { documentedData: { data: series } } : {}),
    metadata: { events: parts.events ?? [], categories: parts.categories ?? {} },
  });
}

describe('which events count', () => {
  it('reads amounts given as numbers or numeric strings, and drops an event with any other count', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          { description: cliffText('Team'), timestamp: day(1), noOfTokens: ['1500.5'], category: 'insiders' },
          { description: cliffText('Team'), timestamp: day(2), noOfTokens: [200], category: 'insiders' },
          { description: cliffText('Team'), timestamp: day(3), noOfTokens: ['many'], category: 'insiders' },
          { description: cliffText('Team'), timestamp: day(4), noOfTokens: [null], category: 'insiders' },
          { description: cliffText('Team'), timestamp: day(5), noOfTokens: [], category: 'insiders' },
          {
            description: cliffText('Team'),
            timestamp: day(6),
            noOfTokens: ['Infinity'],
            category: 'insiders',
          },
        ],
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'cliff', date: ms(1), amount: 1500.5, category: 'insiders', label: 'Team' },
      { kind: 'cliff', date: ms(2), amount: 200, category: 'insiders', label: 'Team' },
    ]);
  });

  it('drops a cliff of zero or fewer tokens, and a rate change to zero (the stream stops)', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          { description: cliffText('Team'), timestamp: day(1), noOfTokens: [0], category: 'insiders' },
          { description: cliffText('Team'), timestamp: day(2), noOfTokens: [-5], category: 'insiders' },
          {
            description: linearText('Team'),
            timestamp: day(3),
            noOfTokens: [7, 0],
            category: 'insiders',
            unlockType: 'linear',
          },
        ],
      }),
      0,
    );
    expect(events).toEqual([]);
  });

  it('skips an entry that is not an event and keeps the rest', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          'a cliff',
          { description: cliffText('Team'), noOfTokens: [5] },
          { description: cliffText('Team'), timestamp: day(1), noOfTokens: [5], category: 'insiders' },
        ],
      }),
      0,
    );
    expect(events).toEqual([{ kind: 'cliff', date: ms(1), amount: 5, category: 'insiders', label: 'Team' }]);
  });

  it('files an event without a category as DefiLlama does: Uncategorized', () => {
    const { events } = unlockSchedule(
      body({
        events: [{ description: cliffText('Airdrop'), timestamp: day(1), noOfTokens: [5], category: '' }],
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'cliff', date: ms(1), amount: 5, category: UNCATEGORIZED, label: 'Airdrop' },
    ]);
    expect(UNCATEGORIZED).toBe('Uncategorized');
  });
});

describe('where a stream ends', () => {
  const linear = (section: string, d: number, rate: number, extra: Record<string, unknown> = {}) => ({
    description: linearText(section),
    timestamp: day(d),
    noOfTokens: [0, rate],
    category: 'insiders',
    unlockType: 'linear',
    ...extra,
  });

  it('at the earlier of its duration and the next rate change of the same section, read in time order', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          // Given out of order: the day-10 change still ends the day-0 stream.
          linear('Team', 10, 14, { rateDurationDays: 30 }),
          linear('Team', 0, 70, { rateDurationDays: 20 }),
          // Another section's change does not end Team's stream.
          linear('Investors', 5, 7, { rateDurationDays: 3 }),
        ],
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'stream', start: ms(0), end: ms(10), ratePerDay: 10, category: 'insiders', label: 'Team' },
      { kind: 'stream', start: ms(5), end: ms(8), ratePerDay: 1, category: 'insiders', label: 'Investors' },
      { kind: 'stream', start: ms(10), end: ms(40), ratePerDay: 2, category: 'insiders', label: 'Team' },
    ]);
  });

  it('a duration that ends before the next change ends the stream there', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          linear('Team', 0, 7, { rateDurationDays: 4 }),
          linear('Team', 10, 7, { rateDurationDays: 1 }),
        ],
      }),
      0,
    );
    expect(events.map((e) => e.kind === 'stream' && [e.start, e.end])).toEqual([
      [ms(0), ms(4)],
      [ms(10), ms(11)],
    ]);
  });

  it('without a duration (none, zero or null): at the next change, else where its section’s series tops out', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          linear('Team', 0, 7, { rateDurationDays: 0 }),
          linear('Team', 2, 14, { rateDurationDays: null }),
          linear('Advisors', 0, 7),
        ],
        categories: { insiders: ['Team', 'Advisors'] },
        // Team's series reaches its top (30) on day 4 and stays there.
        series: { Team: [0, 10, 20, 30, 30, 30] },
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'stream', start: ms(0), end: ms(2), ratePerDay: 1, category: 'insiders', label: 'Team' },
      // Advisors has no series: its stream has no known end.
      { kind: 'stream', start: ms(0), end: null, ratePerDay: 1, category: 'insiders', label: 'Advisors' },
      { kind: 'stream', start: ms(2), end: ms(3), ratePerDay: 2, category: 'insiders', label: 'Team' },
    ]);
  });

  it('an event that names no section has no series to end at', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          { description: 'Emissions', timestamp: day(0), noOfTokens: ['0', '70'], unlockType: 'linear' },
        ],
        series: { Emissions: [0, 10, 20] },
      }),
      0,
    );
    expect(events).toEqual([
      {
        kind: 'stream',
        start: ms(0),
        end: null,
        ratePerDay: 10,
        category: UNCATEGORIZED,
        label: 'Emissions',
      },
    ]);
  });
});

describe('from now on', () => {
  const events = [
    { description: cliffText('Team'), timestamp: day(5), noOfTokens: [1], category: 'insiders' },
    { description: cliffText('Team'), timestamp: day(4), noOfTokens: [2], category: 'insiders' },
    {
      description: linearText('Investors'),
      timestamp: day(0),
      noOfTokens: [0, 7],
      category: 'privateSale',
      unlockType: 'linear',
      rateDurationDays: 5,
    },
  ];

  it('keeps a cliff dated exactly now and a stream running past now, in time order', () => {
    const kept = unlockSchedule(body({ events }), ms(4)).events;
    expect(kept.map((e) => (e.kind === 'cliff' ? ['cliff', e.date] : ['stream', e.start]))).toEqual([
      ['stream', ms(0)],
      ['cliff', ms(4)],
      ['cliff', ms(5)],
    ]);
  });

  it('drops a cliff a moment past and a stream that ended exactly now', () => {
    const kept = unlockSchedule(body({ events }), ms(5)).events;
    expect(kept).toEqual([{ kind: 'cliff', date: ms(5), amount: 1, category: 'insiders', label: 'Team' }]);
    expect(unlockSchedule(body({ events }), ms(5) + 1).events).toEqual([]);
  });

  it(`stores at most ${MAX_STORED_EVENTS} events, the earliest`, () => {
    const many = Array.from({ length: MAX_STORED_EVENTS + 1 }, (_, i) => ({
      description: cliffText('Ecosystem'),
      timestamp: day(MAX_STORED_EVENTS - i),
      noOfTokens: [i + 1],
      category: 'noncirculating',
    }));
    const kept = unlockSchedule(body({ events: many }), 0).events;
    expect(kept).toHaveLength(MAX_STORED_EVENTS);
    expect(kept[0]).toMatchObject({ date: ms(0) });
    expect(kept.at(-1)).toMatchObject({ date: ms(MAX_STORED_EVENTS - 1) });
    expect(unlockSchedule(body({ events: many.slice(1) }), 0).events).toHaveLength(MAX_STORED_EVENTS);
  });
});

describe('sections', () => {
  it('lists the categories’ sections, with what their series hold at the end, or null without one', () => {
    const { sections } = unlockSchedule(
      body({
        categories: { insiders: ['Team', 'Advisors'], publicSale: ['Sale'] },
        series: { Team: [0, 50, 80], Sale: [100, 100], Treasury: [0, 5] },
      }),
      0,
    );
    expect(sections).toEqual([
      { label: 'Team', category: 'insiders', amount: 80 },
      { label: 'Advisors', category: 'insiders', amount: null },
      { label: 'Sale', category: 'publicSale', amount: 100 },
      { label: 'Treasury', category: UNCATEGORIZED, amount: 5 },
    ]);
  });

  it('a section known only from its events holds what they release, unknown when a stream never ends', () => {
    const { sections } = unlockSchedule(
      body({
        events: [
          { description: cliffText('Team'), timestamp: day(0), noOfTokens: [100], category: 'insiders' },
          {
            description: linearText('Team'),
            timestamp: day(1),
            noOfTokens: [0, 70],
            category: 'insiders',
            unlockType: 'linear',
            rateDurationDays: 3,
          },
          { description: cliffText('Seed'), timestamp: day(0), noOfTokens: [5], category: 'privateSale' },
          {
            description: linearText('Seed'),
            timestamp: day(1),
            noOfTokens: [0, 7],
            category: 'privateSale',
            unlockType: 'linear',
          },
        ],
      }),
      // Totals count the events already past as well.
      ms(100),
    );
    expect(sections).toEqual([
      { label: 'Team', category: 'insiders', amount: 130 },
      { label: 'Seed', category: 'privateSale', amount: null },
    ]);
  });

  it('keeps the amount its series gives over its events', () => {
    const { sections } = unlockSchedule(
      body({
        events: [
          { description: cliffText('Team'), timestamp: day(1), noOfTokens: [10], category: 'insiders' },
        ],
        categories: { insiders: ['Team'] },
        series: { Team: [0, 10, 25] },
      }),
      0,
    );
    expect(sections).toEqual([{ label: 'Team', category: 'insiders', amount: 25 }]);
  });
});

describe('series the events do not cover', () => {
  it('a section an event names is the events’ alone; an unnamed event covers its category’s series', () => {
    const { events } = unlockSchedule(
      body({
        events: [
          { description: cliffText('Team'), timestamp: day(1), noOfTokens: [10], category: 'insiders' },
          { description: 'Airdrop season 1', timestamp: day(2), noOfTokens: [3], category: 'airdrop' },
        ],
        categories: { insiders: ['Team', 'Advisors'], airdrop: ['Season 1'], noncirculating: ['Ecosystem'] },
        series: {
          Team: [0, 10, 10],
          Advisors: [0, 0, 4],
          'Season 1': [0, 0, 3],
          Ecosystem: [0, 0, 0, 9],
        },
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'cliff', date: ms(1), amount: 10, category: 'insiders', label: 'Team' },
      { kind: 'cliff', date: ms(1), amount: 4, category: 'insiders', label: 'Advisors' },
      { kind: 'cliff', date: ms(2), amount: 3, category: 'airdrop', label: 'Airdrop season 1' },
      { kind: 'cliff', date: ms(2), amount: 9, category: 'noncirculating', label: 'Ecosystem' },
    ]);
  });

  it('reads the older files’ top-level data when there is no documentedData', () => {
    const parsed = emissionBodySchema.parse({
      data: [{ label: 'Team', data: [0, 0, 6].map((unlocked, d) => ({ timestamp: day(d), unlocked })) }],
    });
    expect(unlockSchedule(parsed, 0)).toEqual({
      events: [{ kind: 'cliff', date: ms(1), amount: 6, category: UNCATEGORIZED, label: 'Team' }],
      sections: [{ label: 'Team', category: UNCATEGORIZED, amount: 6 }],
    });
  });

  it('sorts a series by time and carries a missing value from the point before', () => {
    const parsed = emissionBodySchema.parse({
      documentedData: {
        data: [
          {
            label: 'Team',
            data: [
              { timestamp: day(3), unlocked: 30 },
              { timestamp: day(0), unlocked: 0 },
              { timestamp: day(2), unlocked: null },
              { timestamp: day(1) },
              { timestamp: day(4), unlocked: 30 },
            ],
          },
        ],
      },
    });
    expect(unlockSchedule(parsed, 0).events).toEqual([
      { kind: 'cliff', date: ms(2), amount: 30, category: UNCATEGORIZED, label: 'Team' },
    ]);
  });

  it('a run of equal daily increments is a stream; a pause or a new rate starts another', () => {
    const { events } = unlockSchedule(
      body({ categories: { insiders: ['Team'] }, series: { Team: [0, 10, 20, 30, 30, 35, 40, 60, 80] } }),
      0,
    );
    expect(events).toEqual([
      { kind: 'stream', start: ms(0), end: ms(3), ratePerDay: 10, category: 'insiders', label: 'Team' },
      { kind: 'stream', start: ms(4), end: ms(6), ratePerDay: 5, category: 'insiders', label: 'Team' },
      { kind: 'stream', start: ms(6), end: ms(8), ratePerDay: 20, category: 'insiders', label: 'Team' },
    ]);
  });

  it('what a series holds at its first point is a cliff then, not part of the stream after it', () => {
    // 5 at TGE (day 0), then 10 a day: once read as one stream of 12.5 a day and no cliff.
    const { events } = unlockSchedule(body({ series: { Team: [5, 15, 25] } }), 0);
    expect(events).toEqual([
      { kind: 'cliff', date: ms(0), amount: 5, category: UNCATEGORIZED, label: 'Team' },
      { kind: 'stream', start: ms(0), end: ms(2), ratePerDay: 10, category: UNCATEGORIZED, label: 'Team' },
    ]);
    const even = unlockSchedule(body({ series: { Team: [0, 10, 20, 30] } }), 0).events;
    expect(even).toEqual([
      { kind: 'stream', start: ms(0), end: ms(3), ratePerDay: 10, category: UNCATEGORIZED, label: 'Team' },
    ]);
  });

  it('rates within a millionth of each other are one stream; float noise and burns are no unlock', () => {
    const { events } = unlockSchedule(
      body({ series: { Team: [0, 1e9, 2e9 + 1, 2e9 + 1 + 1e-4, 2e9 - 5, 2e9 - 5] } }),
      0,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'stream', start: ms(0), end: ms(2) });
    expect((events[0] as { ratePerDay: number }).ratePerDay).toBeCloseTo(1e9 + 0.5, 3);
    // A rate a thousandth apart is two cliffs.
    const apart = unlockSchedule(body({ series: { Team: [0, 1000, 2001] } }), 0).events;
    expect(apart.map((e) => e.kind === 'cliff' && [e.date, e.amount])).toEqual([
      [ms(0), 1000],
      [ms(1), 1001],
    ]);
  });

  it('a single step is a cliff dated at the point before it, whatever the gap', () => {
    const parsed = emissionBodySchema.parse({
      documentedData: {
        data: [
          {
            label: 'Team',
            data: [
              { timestamp: day(0), unlocked: 0 },
              { timestamp: day(30), unlocked: 0 },
              { timestamp: day(90), unlocked: 40 },
            ],
          },
        ],
      },
    });
    expect(unlockSchedule(parsed, 0).events).toEqual([
      { kind: 'cliff', date: ms(30), amount: 40, category: UNCATEGORIZED, label: 'Team' },
    ]);
    expect(DAY).toBe(86_400_000);
  });
});

/** A series given as [day, unlocked] points. */
const read = (points: Array<[number, number]>) =>
  unlockSchedule(
    emissionBodySchema.parse({
      documentedData: {
        data: [{ label: 'Team', data: points.map(([d, unlocked]) => ({ timestamp: day(d), unlocked })) }],
      },
    }),
    0,
  ).events;
const daily = (values: number[]) => read(values.map((v, d) => [d, v]));
const cliffAt = (d: number, amount: number) => ({
  kind: 'cliff',
  date: ms(d),
  amount,
  category: UNCATEGORIZED,
  label: 'Team',
});
const streamOf = (from: number, to: number, ratePerDay: number) => ({
  kind: 'stream',
  start: ms(from),
  end: ms(to),
  ratePerDay,
  category: UNCATEGORIZED,
  label: 'Team',
});

describe('cliffs and streams of a cumulative series, more edges', () => {
  it('a series that never rises, or has no points, unlocks nothing', () => {
    expect(daily([0, 0, 0, 0])).toEqual([]);
    expect(daily([])).toEqual([]);
    const empty = unlockSchedule(
      emissionBodySchema.parse({ documentedData: { data: [{ label: 'Team', data: [] }] } }),
      0,
    );
    expect(empty.sections).toEqual([{ label: 'Team', category: UNCATEGORIZED, amount: null }]);
  });

  it('equal rates over unevenly spaced points are one stream', () => {
    // 10 a day: one day, then two days, then one.
    expect(
      read([
        [0, 0],
        [1, 10],
        [3, 30],
        [4, 40],
      ]),
    ).toEqual([streamOf(0, 4, 10)]);
  });

  it('a pause between two runs at the same rate makes two streams', () => {
    expect(daily([0, 10, 20, 20, 30, 40])).toEqual([streamOf(0, 2, 10), streamOf(3, 5, 10)]);
  });

  it('two single steps are two cliffs, the larger first one no stream’s start', () => {
    expect(daily([0, 100, 105])).toEqual([cliffAt(0, 100), cliffAt(1, 5)]);
  });

  it('a step before a two-day stream: the excess is a cliff, the stream starts with it', () => {
    // 50 on day 0 → 1, then 10 a day: a cliff of 40 and 10 a day from day 0 to day 3.
    expect(daily([0, 50, 60, 70])).toEqual([cliffAt(0, 40), streamOf(0, 3, 10)]);
  });

  it('a step over two days before a stream: the stream’s part of it is two days’ worth', () => {
    expect(
      read([
        [0, 0],
        [2, 50],
        [3, 60],
        [4, 70],
      ]),
    ).toEqual([cliffAt(0, 30), streamOf(0, 4, 10)]);
  });

  it('a step that does not touch the stream after it is a cliff of its own', () => {
    expect(daily([0, 50, 50, 60, 70])).toEqual([cliffAt(0, 50), streamOf(2, 4, 10)]);
  });

  it('a step smaller than the stream’s rate before it is a cliff, the stream starting after it', () => {
    expect(daily([0, 5, 15, 25])).toEqual([cliffAt(0, 5), streamOf(1, 3, 10)]);
  });

  it('"within a millionth" is of the larger rate', () => {
    // Rates 1,000,000 and 1,000,001.0000005 a day: 1.0000005 apart, within a millionth of the larger
    // (1.000001…) though not of the smaller (1.0).
    const events = daily([0, 1e6, 2e6 + 1.0000005]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'stream', start: ms(0), end: ms(2) });
  });
});

describe('events, more edges', () => {
  it('an event with any count that is not a number is dropped, even beside a good one', () => {
    const { events } = unlockSchedule(
      emissionBodySchema.parse({
        metadata: {
          events: [
            {
              description: cliffText('Team'),
              timestamp: day(1),
              noOfTokens: [7, null],
              category: 'insiders',
            },
          ],
        },
      }),
      0,
    );
    expect(events).toEqual([]);
  });

  it('a negative duration is no duration', () => {
    const { events } = unlockSchedule(
      emissionBodySchema.parse({
        metadata: {
          events: [
            {
              description:
                'Linear unlock will increase from {tokens[0]} to {tokens[1]} tokens per week from Team on {timestamp}',
              timestamp: day(0),
              noOfTokens: [0, 7],
              category: 'insiders',
              unlockType: 'linear',
              rateDurationDays: -3,
            },
          ],
        },
      }),
      0,
    );
    expect(events).toEqual([
      { kind: 'stream', start: ms(0), end: null, ratePerDay: 1, category: 'insiders', label: 'Team' },
    ]);
  });
});
