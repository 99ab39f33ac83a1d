/** One figure of `npm run bench`: a measured value, its unit, and the goal it is held to when there is one. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "≥ 50 MB/s". */
  goal?: string;
  /** Whether the goal is met; absent when the figure has no goal. */
  pass?: boolean;
  note?: string;
}

export interface BenchSection {
  title: string;
  figures: BenchFigure[];
  /** Free-form lines printed under the figures (context, the corpus used, ...). */
  notes?: string[];
}

export type BenchRunner = () => Promise<BenchSection>;

/** The median (the mean of the middle two for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] ?? 0) + (s[s.length >> 1] ?? 0)) / 2 : Number.NaN;
}

export function formatSection(section: BenchSection): string {
  const lines = [`\n## ${section.title}`];
  const width = Math.max(...section.figures.map((f) => f.name.length), 10);
  for (const f of section.figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toPrecision(4);
    const goal = f.goal ? `  goal ${f.goal} ${f.pass ? 'PASS' : 'MISS'}` : '';
    const note = f.note ? `  (${f.note})` : '';
    lines.push(`  ${f.name.padEnd(width)}  ${value} ${f.unit}${goal}${note}`);
  }
  for (const n of section.notes ?? []) lines.push(`  · ${n}`);
  return lines.join('\n');
}
