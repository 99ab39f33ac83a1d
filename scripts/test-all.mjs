// `npm test`: typecheck, lint (Biome: linter and formatter), the store checks, unit tests, the truth
// suite in three time zones, browser tests, the Firefox proof. Runs every step even when one fails,
// then prints one line `N passed, M failed` counting every test (the typecheck, the lint, the store
// checks and the Firefox proof count as one test each).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function step(name, cmd, args) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`◀ ${name}: exit ${r.status} in ${seconds}s`);
  return r.status === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed:
      (report.numFailedTests ?? 0) +
      (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

results.push({ name: 'typecheck', ok: step('typecheck', 'npx', ['tsc', '--noEmit']) });
results.push({ name: 'lint', ok: step('lint', 'npx', ['biome', 'ci', '.']) });
// The stores' checks on both packages (builds and zips them; scripts/lint-store.ts).
results.push({ name: 'store lint', ok: step('store lint', 'npx', ['tsx', 'scripts/lint-store.ts']) });

// The truth suite runs once per time zone (vitest.config.ts: truth-utc, truth-new-york, truth-tokyo).
const runs = [
  ['unit', ['unit']],
  ['truth', ['truth-utc', 'truth-new-york', 'truth-tokyo']],
  ['browser', ['browser']],
];
for (const [name, projects] of runs) {
  const out = `test-results/${name}.json`;
  const ok = step(`${name} tests`, 'npx', [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const counts = vitestCounts(out);
  results.push({ name: `${name} tests`, ok, counts });
}

// The Firefox build in Firefox ESR (web-ext, WebDriver BiDi): loads, marks, opens the card, popup answers.
results.push({ name: 'firefox', ok: step('firefox', 'npx', ['tsx', 'scripts/firefox-proof.ts']) });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    skipped += r.counts.skipped;
    // A runner that failed without a failing test (a crash, a setup error) still counts as a failure.
    if (!r.ok && r.counts.failed === 0) failed += 1;
  } else if (r.ok) passed += 1;
  else failed += 1;
}
console.log('\nSummary:');
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed)` : '';
  console.log(`  ${r.ok ? '✔' : '✖'} ${r.name}${c}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
