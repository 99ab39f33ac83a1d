/**
 * The card's price chart: a line with its high and low marked, the price and time under the
 * pointer, and the ranges 1 D / 7 D / 30 D. It is labelled by the times of its own first and last
 * points (what it shows), never by the range asked; a text alternative gives the period, high, low
 * and change. Points only: no text from any page or source is drawn.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { CHART_RANGES, type ChartRange } from '@/utils/sources/chart-ranges';
import { pct, usd, utcDate } from './format';
import { sourceName } from './reason';

export type ChartPoint = readonly [number, number];

export interface ChartView {
  range: ChartRange;
  points: readonly ChartPoint[];
  loading: boolean;
  error?: string;
  /** Where the points came from (a source id), said beside them. */
  source?: string;
}

const W = 288;
/** Room at both ends for the high and low marks. */
const PAD_X = 4;
const H = 76;
const PAD_Y = 10;

const RANGE_LABELS: Record<ChartRange, 'chartRange1d' | 'chartRange7d' | 'chartRange30d'> = {
  '1d': 'chartRange1d',
  '7d': 'chartRange7d',
  '30d': 'chartRange30d',
};

/** Index of the lowest and highest price, in one pass (no spread: a long series must not throw). */
function extremes(points: readonly ChartPoint[]): { lo: number; hi: number } {
  let lo = 0;
  let hi = 0;
  for (let i = 1; i < points.length; i++) {
    const v = (points[i] as ChartPoint)[1];
    if (v < (points[lo] as ChartPoint)[1]) lo = i;
    if (v > (points[hi] as ChartPoint)[1]) hi = i;
  }
  return { lo, hi };
}

/** "Dec 5, 14:00 UTC – Dec 6, 13:55 UTC": the period the points span. */
export function chartPeriod(points: readonly ChartPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return '';
  return `${utcDate(first[0])} – ${utcDate(last[0])}`;
}

/** The chart's words for a screen reader: period, high, low and change. */
export function chartSummary(points: readonly ChartPoint[]): string {
  if (points.length < 2) return '';
  const { lo, hi } = extremes(points);
  const first = (points[0] as ChartPoint)[1];
  const last = (points.at(-1) as ChartPoint)[1];
  return t('chartSummary', [
    chartPeriod(points),
    usd((points[hi] as ChartPoint)[1]),
    usd((points[lo] as ChartPoint)[1]),
    pct(((last - first) / first) * 100),
  ]);
}

export function PriceChart({
  view,
  onRange,
  ranges = CHART_RANGES,
}: {
  view: ChartView;
  onRange: (r: ChartRange) => void;
  ranges?: readonly ChartRange[];
}) {
  const [at, setAt] = useState<number | undefined>();
  const { points } = view;
  const drawable = points.length >= 2;
  const t0 = drawable ? (points[0] as ChartPoint)[0] : 0;
  const span = drawable ? (points.at(-1) as ChartPoint)[0] - t0 || 1 : 1;
  const { lo, hi } = drawable ? extremes(points) : { lo: 0, hi: 0 };
  const min = drawable ? (points[lo] as ChartPoint)[1] : 0;
  const max = drawable ? (points[hi] as ChartPoint)[1] : 0;
  const vspan = max - min || 1;
  const x = (time: number) => PAD_X + ((time - t0) / span) * (W - 2 * PAD_X);
  const y = (v: number) => H - PAD_Y - ((v - min) / vspan) * (H - 2 * PAD_Y);
  const d = drawable
    ? points.map(([tm, v], i) => `${i ? 'L' : 'M'}${x(tm).toFixed(1)},${y(v).toFixed(1)}`).join('')
    : '';
  const up = drawable && (points.at(-1) as ChartPoint)[1] >= (points[0] as ChartPoint)[1];
  const pointer = at !== undefined ? points[at] : undefined;

  const move = (e: PointerEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    if (!drawable || box.width === 0) return;
    const time = t0 + ((e.clientX - box.left) / box.width - PAD_X / W) * (W / (W - 2 * PAD_X)) * span;
    // Points are in time order: the nearest by a binary search.
    let a = 0;
    let b = points.length - 1;
    while (b - a > 1) {
      const mid = (a + b) >> 1;
      if ((points[mid] as ChartPoint)[0] < time) a = mid;
      else b = mid;
    }
    const pick =
      Math.abs((points[a] as ChartPoint)[0] - time) <= Math.abs((points[b] as ChartPoint)[0] - time) ? a : b;
    setAt(pick);
  };

  return (
    <div class="chart">
      <fieldset class="ranges" aria-label={t('chartRanges')}>
        {ranges.map((r) => (
          <button
            key={r}
            type="button"
            class={r === view.range ? 'range on' : 'range'}
            aria-pressed={r === view.range}
            data-range={r}
            onClick={(e) => {
              if (e.isTrusted) onRange(r);
            }}
          >
            {t(RANGE_LABELS[r])}
          </button>
        ))}
      </fieldset>
      {drawable ? (
        <svg
          class={`line ${up ? 'up' : 'down'}`}
          viewBox={`0 0 ${W} ${H}`}
          width={W}
          height={H}
          role="img"
          aria-label={chartSummary(points)}
          onPointerMove={move}
          onPointerLeave={() => setAt(undefined)}
        >
          <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
          <circle class="hi" cx={x((points[hi] as ChartPoint)[0])} cy={y(max)} r="2.5" />
          <circle class="lo" cx={x((points[lo] as ChartPoint)[0])} cy={y(min)} r="2.5" />
          {pointer ? (
            <line class="cursor" x1={x(pointer[0])} x2={x(pointer[0])} y1="0" y2={H} stroke-width="1" />
          ) : null}
        </svg>
      ) : (
        <p class="meta chart-empty">
          {view.loading ? t('cardLoading') : view.error ? t('chartFailed', view.error) : t('chartNoData')}
        </p>
      )}
      <p class="meta chart-legend">
        {pointer ? (
          <span class="readout">
            <strong>{usd(pointer[1])}</strong> · {utcDate(pointer[0])}
          </span>
        ) : drawable ? (
          <>
            <span class="hl">
              {t('chartHigh')} {usd(max)} · {t('chartLow')} {usd(min)}
            </span>
            <span class="period"> · {chartPeriod(points)}</span>
            {view.source ? <span class="src"> · {sourceName(view.source)}</span> : null}
          </>
        ) : null}
        {view.loading && drawable ? <span> · {t('cardLoading')}</span> : null}
      </p>
    </div>
  );
}
