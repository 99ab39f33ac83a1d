import { extent, thin } from '@/utils/series';

/** One point per pixel of the line's width is all it can show. */
const MAX_DRAWN = 120;

/** A 7-day price line as an inline SVG: points only, no text from anywhere. */
export function Sparkline({ points: all, label }: { points: readonly number[]; label: string }) {
  // Stored lines are thinned already; one from an older or broken record is thinned here, and no
  // spread of its points (utils/series.ts).
  const points = thin(
    all.filter((p) => Number.isFinite(p)),
    MAX_DRAWN,
  );
  const range = extent(points);
  if (points.length < 2 || !range) return null;
  const w = 120;
  const h = 32;
  const { min, max } = range;
  const span = max - min || 1;
  const d = points
    .map((p, i) => {
      const x = (i / (points.length - 1)) * w;
      const y = h - 2 - ((p - min) / span) * (h - 4);
      return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join('');
  const up = (points.at(-1) ?? 0) >= (points[0] ?? 0);
  return (
    <svg
      class={`spark ${up ? 'up' : 'down'}`}
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={label}
    >
      <path d={d} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
