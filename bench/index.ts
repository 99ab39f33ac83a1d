/**
 * `npm run bench`: every speed and memory figure the issues name, measured in one run and printed
 * with its goal. Figures are reported, never asserted by timed tests. `--only <section>` filters.
 */
import { execFileSync } from 'node:child_process';
import { isBuildFresh } from '../test/browser/global-setup';
import { type BenchRunner, type BenchSection, formatSection } from './report';

const sections: Record<string, () => Promise<{ default: BenchRunner }>> = {
  detect: () => import('./detect'),
  accuracy: () => import('./accuracy'),
  registry: () => import('./registry'),
  data: () => import('./data'),
  'data-chromium': () => import('./data-chromium'),
  page: () => import('./page'),
  reading: () => import('./reading'),
  tasks: () => import('./tasks'),
  highlights: () => import('./highlights'),
  notes: () => import('./notes'),
  popup: () => import('./popup'),
};

async function main(): Promise<void> {
  // Sections that run the extension in Chromium need a current build.
  if (!isBuildFresh()) execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const onlyIdx = process.argv.indexOf('--only');
  const only = onlyIdx >= 0 ? process.argv[onlyIdx + 1]?.split(',') : undefined;
  const results: BenchSection[] = [];
  for (const [key, load] of Object.entries(sections)) {
    if (only && !only.includes(key)) continue;
    const { default: run } = await load();
    const section = await run();
    results.push(section);
    console.log(formatSection(section));
  }
  const missed = results.flatMap((s) =>
    s.figures.filter((f) => f.pass === false).map((f) => `${s.title}: ${f.name}`),
  );
  console.log(
    `\n${results.length} sections, ${missed.length} goals missed${missed.length ? `: ${missed.join('; ')}` : ''}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
