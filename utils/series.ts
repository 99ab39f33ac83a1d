/**
 * Series from a data source are as long as the source makes them: a broken or hostile answer can
 * hold hundreds of thousands of points (bodies are capped at 8 MB, not points). `Math.min(...xs)`
 * passes every point as an argument and throws a RangeError past the engine's argument limit, so
 * extremes are found with a loop, and what is stored or drawn is thinned first.
 */

/** The smallest and largest finite values, or undefined when there is none. */
export function extent(values: Iterable<number>): { min: number; max: number } | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : undefined;
}

/** At most `max` points, evenly picked, the last one kept (a sparkline's end is the price now). */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = points.length / max;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.floor(i * step)] as T);
  out[out.length - 1] = points[points.length - 1] as T;
  return out;
}
