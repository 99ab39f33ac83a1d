/**
 * The popup's five-box checklist (components/Checklist.tsx, contract §7 and §8): one element per
 * box in the contract's order with its verdict, the score n/5, the warning while a box is not
 * filled, the evidence in words with its source and age, and the user's own verdict: shown as
 * theirs beside what the data says, set and cleared through the form, in English and Chinese.
 */
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistActions } from '@/components/Checklist';
import type { ChecklistReply } from '@/utils/messages';

const ui = vi.hoisted(() => ({ locale: 'en' }));
vi.mock('wxt/browser', async () => (await import('../support/i18n')).catalogueBrowser(ui));

const { Checklist } = await import('@/components/Checklist');

const NOW = Date.UTC(2026, 11, 5, 12);
const HOUR = 3_600_000;

type Box = ChecklistReply['boxes'][number];

/** Hand-made reply in the shape `checklistReplySchema` (utils/messages.ts) accepts, keys from the catalogue. */
const boxes: Box[] = [
  {
    box: 'revenue',
    verdict: 'pass',
    computed: 'pass',
    evidence: [
      { key: 'boxRevenue30d', subs: ['$41.2M', '$501M'] },
      { key: 'boxRevenueToFdv', subs: ['76×'] },
    ],
    source: 'llamaApi',
    asOf: NOW - 3 * HOUR,
  },
  {
    box: 'sink',
    verdict: 'pass',
    computed: 'pass',
    evidence: [{ key: 'boxSinkGas', subs: ['HyperEVM'] }],
    source: 'curated',
    asOf: NOW - 30 * 24 * HOUR,
  },
  {
    box: 'supply',
    verdict: 'fail',
    computed: 'fail',
    evidence: [{ key: 'boxSupplyNoSchedule', subs: [] }],
    source: 'coingecko',
    sources: ['coingecko', 'llamaApi'],
    asOf: NOW - 47 * HOUR,
    stale: true,
  },
  {
    box: 'liquidity',
    verdict: 'pass',
    computed: 'pass',
    evidence: [{ key: 'boxLiquidity30d', subs: ['$38.0M'] }],
    source: 'snapshot',
  },
  {
    box: 'governance',
    verdict: 'unknown',
    computed: 'unknown',
    evidence: [{ key: 'boxGovernanceNotKnown', subs: [] }],
  },
];

const reply = (over: Partial<ChecklistReply> = {}): ChecklistReply => ({
  asset: 'cg:hyperliquid',
  score: 3,
  boxes,
  warning: true,
  loading: false,
  ...over,
});

const withBox = (box: Box['box'], over: Partial<Box>): Box[] =>
  boxes.map((b) => (b.box === box ? { ...b, ...over } : b));

let doc: Document;
/** What the form handed the worker, and how the worker answers the next one. */
let calls: Array<[string, string | null, string]>;
let answer: 'stored' | 'refused';
let focused: string[];
/** What a frame callback threw (a browser reports it on the console; the test says it). */
let frameErrors: unknown[];

const actions: ChecklistActions = {
  onOverride: (box, verdict, reason) => {
    calls.push([box, verdict, reason]);
    return answer === 'stored' ? Promise.resolve() : Promise.reject(new Error('storage full'));
  },
};

function show(result: ChecklistReply, withActions = false, now: number | 'unset' = NOW): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="mount"></div></body></html>');
  doc = document as unknown as Document;
  vi.stubGlobal('document', document);
  const mount = document.getElementById('mount') as unknown as HTMLElement;
  render(
    <Checklist
      result={result}
      title="Hyperliquid"
      actions={withActions ? actions : undefined}
      {...(now === 'unset' ? {} : { now })}
    />,
    mount,
  );
  return mount;
}

const win = () => doc.defaultView as unknown as typeof globalThis;
/** Lets Preact render what an event changed, and a settled promise run its callbacks. */
const flush = () => new Promise((r) => setTimeout(r, 0));
const fire = (el: Element | null | undefined, type: string, init: KeyboardEventInit = {}) => {
  const e = new (win().Event)(type, { bubbles: true, cancelable: true });
  Object.assign(e, init);
  el?.dispatchEvent(e);
  return e;
};
const row = (root: HTMLElement, box: string) => root.querySelector(`[data-box="${box}"]`);
const text = (el: Element | null | undefined) => el?.textContent ?? '';

beforeEach(() => {
  ui.locale = 'en';
  calls = [];
  answer = 'stored';
  focused = [];
  // The form hands focus back on the next frame; linkedom has no focus(): record who gets it.
  frameErrors = [];
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) =>
    setTimeout(() => {
      try {
        fn();
      } catch (err) {
        frameErrors.push(err);
      }
    }, 0),
  );
  const proto = parseHTML('<p></p>').window.HTMLElement.prototype as unknown as { focus?: () => void };
  proto.focus = function (this: HTMLElement) {
    // Only this test's page: a frame left over from the test before lands on its own page.
    if (this.ownerDocument === doc) focused.push(this.getAttribute('aria-label') ?? this.tagName);
  };
});
afterEach(() => {
  const proto = parseHTML('<p></p>').window.HTMLElement.prototype as unknown as { focus?: () => void };
  delete proto.focus;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('what the contract names (§7, §8)', () => {
  it('has one element per box in the contract order, with its verdict, and the score n/5 with the asset', () => {
    // The worker's order is not the page's: the boxes read revenue → governance whatever came.
    const root = show(reply({ boxes: [...boxes].reverse() }));
    const section = root.querySelector('[data-testid="checklist"]');
    expect(section?.getAttribute('data-asset')).toBe('cg:hyperliquid');
    expect(
      [...root.querySelectorAll('[data-box]')].map((b) => [
        b.getAttribute('data-box'),
        b.getAttribute('data-verdict'),
      ]),
    ).toEqual([
      ['revenue', 'pass'],
      ['sink', 'pass'],
      ['supply', 'fail'],
      ['liquidity', 'pass'],
      ['governance', 'unknown'],
    ]);
    expect(root.querySelectorAll('[data-score]')).toHaveLength(1);
    expect(root.querySelector('[data-score]')?.getAttribute('data-score')).toBe('3/5');
  });

  it('shows no element for a box the reply lacks, and a score of 0/5 as such', () => {
    const root = show(reply({ score: 0, boxes: boxes.filter((b) => b.box !== 'sink') }));
    expect([...root.querySelectorAll('[data-box]')].map((b) => b.getAttribute('data-box'))).toEqual([
      'revenue',
      'supply',
      'liquidity',
      'governance',
    ]);
    expect(root.querySelector('[data-score]')?.getAttribute('data-score')).toBe('0/5');
  });
});

describe('the heading, the score and the warning', () => {
  it('titles the checklist with the asset name, labels the section by it, and says the score in words', () => {
    const root = show(reply());
    const h2 = root.querySelector('h2');
    expect(text(h2)).toBe('Checklist: Hyperliquid');
    // The id is built from the asset id with anything but letters and digits made a dash.
    expect(h2?.getAttribute('id')).toBe('checklist-cg-hyperliquid');
    expect(root.querySelector('section')?.getAttribute('aria-labelledby')).toBe('checklist-cg-hyperliquid');
    expect(text(root.querySelector('[data-score] strong'))).toBe('3/5');
    expect(text(root.querySelector('[data-score]'))).toBe('3/5 3 of 5 boxes filled');
    expect(text(root)).toContain('A score is evidence, not advice.');
  });

  it('keeps the exit-liquidity warning on while any box is not filled', () => {
    const root = show(reply());
    expect(root.querySelector('[data-score]')?.getAttribute('class')).toBe('score warn');
    const line = root.querySelector('.warn-line');
    expect(line?.getAttribute('role')).toBe('note');
    expect(text(line)).toBe(
      'Not every box is filled: if this launch is sold as “no VC”, retail may be its exit liquidity.',
    );
    expect(text(root)).not.toContain('Every box is filled with evidence.');
  });

  it('says every box is filled, with no warning, when all five pass', () => {
    const all = boxes.map((b) => ({ ...b, verdict: 'pass' as const }));
    const root = show(reply({ score: 5, boxes: all, warning: false }));
    expect(root.querySelector('[data-score]')?.getAttribute('class')).toBe('score ok');
    expect(root.querySelector('.warn-line')).toBeNull();
    // Said quietly, as the other asides are.
    const line = [...root.querySelectorAll('p')].find(
      (p) => text(p) === 'Every box is filled with evidence.',
    );
    expect(line?.getAttribute('class')).toBe('muted');
    expect(root.querySelector('[role="note"]')).toBeNull();
    expect(text(root)).toContain('Every box is filled with evidence.');
    expect(text(root)).not.toContain('Not every box is filled');
  });

  it('says it is still fetching while the first answer comes from the cache', () => {
    const loading = show(reply({ loading: true }));
    expect(loading.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(text(loading.querySelector('[role="status"]'))).toBe('Fetching what the boxes read…');
    const done = show(reply());
    expect(done.querySelector('section')?.getAttribute('aria-busy')).not.toBe('true');
    expect(done.querySelector('[role="status"]')).toBeNull();
    expect(text(done)).not.toContain('Fetching');
  });
});

describe('a box', () => {
  it('shows its mark, title, verdict and question', () => {
    const root = show(reply());
    expect(text(row(root, 'revenue')?.querySelector('.box-head'))).toBe('✓Revenue enginepass');
    expect(text(row(root, 'supply')?.querySelector('.box-head'))).toBe('✗Supply cadencefail');
    expect(text(row(root, 'governance')?.querySelector('.box-head'))).toBe('?Adaptive governanceunknown');
    expect(row(root, 'supply')?.getAttribute('class')).toBe('box verdict-fail');
    // The mark repeats the verdict for the eye: a screen reader hears the word only.
    expect(row(root, 'revenue')?.querySelector('.box-mark')?.getAttribute('aria-hidden')).toBe('true');
    expect(text(row(root, 'revenue'))).toContain('Does the protocol earn fees in a market big enough?');
  });

  it('says the evidence in words, one line each, and leaves out a line this build has no words for', () => {
    const root = show(
      reply({
        boxes: withBox('revenue', {
          evidence: [
            { key: 'boxRevenue30d', subs: ['$41.2M', '$501M'] },
            { key: 'boxSaidByANewerWorker', subs: ['x'] },
            { key: 'boxRevenueToFdv', subs: ['76×'] },
          ],
        }),
      }),
    );
    expect([...(row(root, 'revenue')?.querySelectorAll('.evidence li') ?? [])].map(text)).toEqual([
      'Revenue $41.2M in the last 30 days ($501M a year).',
      'FDV ÷ yearly revenue: 76×.',
    ]);
  });

  it('says where the evidence comes from and how old it is, every source the box read', () => {
    const root = show(reply());
    expect(text(row(root, 'revenue')?.querySelector('.src'))).toBe('DefiLlama API · 3 h ago');
    expect(text(row(root, 'supply')?.querySelector('.src'))).toBe(
      'CoinGecko, DefiLlama API · 47 h ago · stale',
    );
    expect(row(root, 'supply')?.querySelector('.src')?.getAttribute('class')).toBe('src small stale');
    expect(row(root, 'revenue')?.querySelector('.src')?.getAttribute('class')).toBe('src small muted');
  });

  it('gives no age to the curated list, none when the evidence has no time, and names the snapshot', () => {
    const root = show(reply());
    expect(text(row(root, 'sink')?.querySelector('.src'))).toBe('Tickerlens’s list');
    expect(text(row(root, 'liquidity')?.querySelector('.src'))).toBe('built-in snapshot');
    // A box with no source says no source at all.
    expect(row(root, 'governance')?.querySelector('.src')).toBeNull();
  });

  it('reads a time a little ahead of the clock as just now', () => {
    const root = show(reply({ boxes: withBox('revenue', { asOf: NOW + 90_000 }) }));
    expect(text(row(root, 'revenue')?.querySelector('.src'))).toBe('DefiLlama API · just now');
  });

  it('measures ages from the present when no moment is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW + 2 * HOUR);
    const root = show(reply(), false, 'unset');
    expect(text(row(root, 'revenue')?.querySelector('.src'))).toBe('DefiLlama API · 5 h ago');
  });
});

describe("the user's own verdict", () => {
  it('is shown as theirs with their reason, beside what the data says', () => {
    const root = show(
      reply({
        boxes: withBox('sink', {
          verdict: 'fail',
          computed: 'pass',
          override: { verdict: 'fail', reason: 'gas is paid in USDC now', at: NOW - HOUR },
        }),
      }),
    );
    const yours = row(root, 'sink')?.querySelector('.yours');
    expect(text(yours)).toBe('Set by you: gas is paid in USDC now (the data says pass)');
    expect(row(root, 'sink')?.getAttribute('data-verdict')).toBe('fail');
    // Boxes the user did not set say nothing of theirs.
    expect(row(root, 'revenue')?.querySelector('.yours')).toBeNull();
  });

  it('without a reason, says the verdict the user set', () => {
    const root = show(
      reply({
        boxes: withBox('governance', {
          verdict: 'pass',
          computed: 'unknown',
          override: { verdict: 'pass', reason: '', at: NOW },
        }),
      }),
    );
    expect(text(row(root, 'governance')?.querySelector('.yours'))).toBe(
      'Set by you: pass (the data says unknown)',
    );
  });

  it('offers nothing to change where no actions are given (a saved note)', () => {
    const root = show(reply());
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(root.querySelector('form')).toBeNull();
  });

  it('offers to set each box, and to clear only a box the user set, each button naming its box', () => {
    const root = show(
      reply({ boxes: withBox('sink', { override: { verdict: 'fail', reason: 'no', at: NOW } }) }),
      true,
    );
    const labels = [...root.querySelectorAll('button')].map((b) => [text(b), b.getAttribute('aria-label')]);
    expect(labels).toEqual([
      ['Set it yourself', 'Set it yourself: Revenue engine'],
      ['Set it yourself', 'Set it yourself: Token sink'],
      ['Clear yours', 'Clear yours: Token sink'],
      ['Set it yourself', 'Set it yourself: Supply cadence'],
      ['Set it yourself', 'Set it yourself: Liquidity plan'],
      ['Set it yourself', 'Set it yourself: Adaptive governance'],
    ]);
    expect(calls).toEqual([]);
  });

  it('clears the user verdict of that box alone', () => {
    const root = show(
      reply({ boxes: withBox('sink', { override: { verdict: 'fail', reason: 'no', at: NOW } }) }),
      true,
    );
    fire(row(root, 'sink')?.querySelector('[aria-label="Clear yours: Token sink"]'), 'click');
    expect(calls).toEqual([['sink', null, '']]);
  });

  it('opens a form with the reason field, prefilled with the reason already given', async () => {
    const root = show(
      reply({ boxes: withBox('sink', { override: { verdict: 'fail', reason: 'gas in USDC', at: NOW } }) }),
      true,
    );
    fire(row(root, 'sink')?.querySelector('button'), 'click');
    await flush();
    const form = row(root, 'sink')?.querySelector('form.override');
    const input = form?.querySelector('input') as HTMLInputElement | undefined;
    expect(text(form?.querySelector('label'))).toBe('Your reason');
    expect(form?.querySelector('label')?.getAttribute('for')).toBe('override-sink');
    expect(input?.getAttribute('id')).toBe('override-sink');
    // The same bound as the override message (utils/messages.ts) accepts.
    // Preact sets it as an attribute here (linkedom's input has no maxLength property), case kept.
    expect(input?.getAttribute('maxlength') ?? input?.getAttribute('maxLength')).toBe('280');
    expect(input?.value).toBe('gas in USDC');
    expect([...(form?.querySelectorAll('button') ?? [])].map(text)).toEqual([
      'Mark pass',
      'Mark fail',
      'Cancel',
    ]);
    // Only the box asked for opens; its own buttons give way to the form.
    expect(root.querySelectorAll('form')).toHaveLength(1);
    expect(row(root, 'sink')?.querySelector('.box-actions')).toBeNull();
    // Nothing has failed yet.
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('stores the verdict with the reason typed, then closes and gives focus back to the box button', async () => {
    const root = show(reply(), true);
    fire(row(root, 'governance')?.querySelector('button'), 'click');
    await flush();
    const input = row(root, 'governance')?.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('');
    input.value = 'Snapshot votes move the fee switch';
    fire(input, 'input');
    await flush();
    fire(row(root, 'governance')?.querySelector('[data-set="pass"]'), 'click');
    expect(calls).toEqual([['governance', 'pass', 'Snapshot votes move the fee switch']]);
    await flush();
    await flush();
    expect(row(root, 'governance')?.querySelector('form')).toBeNull();
    expect(focused).toEqual(['Set it yourself: Adaptive governance']);
  });

  it('marks a box fail', async () => {
    const root = show(reply(), true);
    fire(row(root, 'revenue')?.querySelector('button'), 'click');
    await flush();
    fire(row(root, 'revenue')?.querySelector('[data-set="fail"]'), 'click');
    expect(calls).toEqual([['revenue', 'fail', '']]);
  });

  it('says so and keeps the form and the words when the verdict was not stored; a retry clears the alert', async () => {
    const root = show(reply(), true);
    fire(row(root, 'supply')?.querySelector('button'), 'click');
    await flush();
    const input = row(root, 'supply')?.querySelector('input') as HTMLInputElement;
    input.value = 'team unlocks weekly';
    fire(input, 'input');
    await flush();
    answer = 'refused';
    fire(row(root, 'supply')?.querySelector('[data-set="fail"]'), 'click');
    await flush();
    await flush();
    const alert = row(root, 'supply')?.querySelector('[role="alert"]');
    expect(text(alert)).toBe('Your setting was not saved.');
    expect((row(root, 'supply')?.querySelector('input') as HTMLInputElement | null)?.value).toBe(
      'team unlocks weekly',
    );
    expect(focused).toEqual([]);

    answer = 'stored';
    fire(row(root, 'supply')?.querySelector('[data-set="fail"]'), 'click');
    await flush();
    await flush();
    expect(calls).toEqual([
      ['supply', 'fail', 'team unlocks weekly'],
      ['supply', 'fail', 'team unlocks weekly'],
    ]);
    expect(row(root, 'supply')?.querySelector('form')).toBeNull();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('takes the alert away as soon as the user tries again', async () => {
    const root = show(reply(), true);
    fire(row(root, 'supply')?.querySelector('button'), 'click');
    await flush();
    answer = 'refused';
    fire(row(root, 'supply')?.querySelector('[data-set="pass"]'), 'click');
    await flush();
    await flush();
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    // The second attempt is still on its way: no alert from the first.
    actions.onOverride = (box, verdict, reason) => {
      calls.push([box, verdict, reason]);
      return new Promise(() => {});
    };
    try {
      fire(row(root, 'supply')?.querySelector('[data-set="pass"]'), 'click');
      await flush();
      expect(root.querySelector('[role="alert"]')).toBeNull();
      expect(row(root, 'supply')?.querySelector('form')).not.toBeNull();
    } finally {
      actions.onOverride = (box, verdict, reason) => {
        calls.push([box, verdict, reason]);
        return answer === 'stored' ? Promise.resolve() : Promise.reject(new Error('storage full'));
      };
    }
  });

  it('cancels without storing anything, by its button or by Escape, which goes no further than the form', async () => {
    const root = show(reply(), true);
    fire(row(root, 'sink')?.querySelector('button'), 'click');
    await flush();
    fire(row(root, 'sink')?.querySelector('form button.link'), 'click');
    await flush();
    await flush();
    expect(row(root, 'sink')?.querySelector('form')).toBeNull();
    expect(focused).toEqual(['Set it yourself: Token sink']);

    // The popup closes on an Escape that reaches it: closing the form must not close the popup.
    const escapes: string[] = [];
    root.addEventListener('keydown', (e) => escapes.push((e as KeyboardEvent).key));
    fire(row(root, 'sink')?.querySelector('button'), 'click');
    await flush();
    // On the form itself: linkedom calls a bubbling event's listeners with the target as `this`,
    // which Preact's handlers cannot read.
    fire(row(root, 'sink')?.querySelector('form'), 'keydown', { key: 'a' });
    await flush();
    expect(row(root, 'sink')?.querySelector('form')).not.toBeNull();
    fire(row(root, 'sink')?.querySelector('form'), 'keydown', { key: 'Escape' });
    await flush();
    expect(row(root, 'sink')?.querySelector('form')).toBeNull();
    expect(escapes).toEqual(['a']);
    expect(calls).toEqual([]);
  });

  it('lets the popup move on while the form closes: no box button left to focus is no error', async () => {
    const root = show(reply(), true);
    fire(row(root, 'sink')?.querySelector('button'), 'click');
    await flush();
    fire(row(root, 'sink')?.querySelector('form button.link'), 'click');
    // The reader picked another asset before the next frame: the checklist is gone.
    render(null, root);
    await flush();
    await flush();
    expect(focused).toEqual([]);
    expect(frameErrors).toEqual([]);
  });

  it('does not submit the form (Enter in the field leaves the popup where it is)', async () => {
    const root = show(reply(), true);
    fire(row(root, 'sink')?.querySelector('button'), 'click');
    await flush();
    const submit = fire(row(root, 'sink')?.querySelector('form'), 'submit');
    expect(submit.defaultPrevented).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe('in Chinese', () => {
  it('says the title, score, verdicts, evidence, sources, ages and warning in Chinese', () => {
    ui.locale = 'zh_CN';
    const root = show(
      reply({
        boxes: withBox('sink', {
          verdict: 'fail',
          computed: 'pass',
          override: { verdict: 'fail', reason: '', at: NOW },
        }),
      }),
    );
    expect(text(root.querySelector('h2'))).toBe('清单：Hyperliquid');
    expect(text(root.querySelector('[data-score]'))).toBe('3/5 5 项中 3 项通过');
    expect(text(row(root, 'revenue')?.querySelector('.box-head'))).toBe('✓收入引擎通过');
    expect(text(row(root, 'supply')?.querySelector('.src'))).toBe(
      'CoinGecko, DefiLlama API · 47 小时前 · 已过时',
    );
    expect(text(row(root, 'liquidity')?.querySelector('.evidence'))).toBe(
      '30 天内 $38.0M 回馈给持有人（回购、销毁）。',
    );
    expect(text(row(root, 'sink')?.querySelector('.yours'))).toBe('由你设定：不通过 (数据显示 通过)');
    expect(text(root.querySelector('.warn-line'))).toBe(
      '并非每一项都通过：如果这次发行号称“没有风投”，散户可能成为退出流动性。',
    );
    expect(text(root)).toContain('分数是证据，不是投资建议。');
  });

  it('offers the form in Chinese', async () => {
    ui.locale = 'zh_CN';
    const root = show(reply(), true);
    const set = row(root, 'supply')?.querySelector('button');
    expect(text(set)).toBe('自己设定');
    expect(set?.getAttribute('aria-label')).toBe('自己设定: 供应节奏');
    fire(set, 'click');
    await flush();
    expect(text(row(root, 'supply')?.querySelector('label'))).toBe('你的理由');
    expect([...(row(root, 'supply')?.querySelectorAll('form button') ?? [])].map(text)).toEqual([
      '标为通过',
      '标为不通过',
      '取消',
    ]);
  });
});
