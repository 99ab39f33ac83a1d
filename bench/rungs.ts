/**
 * The rungs below the floor (bench/floor), for the `tasks` section with BENCH_FLOOR=1: two bare
 * extensions that do only the first steps any extension marking X's posts must take, so the
 * content-script JS of each step is known on this machine.
 *
 * - `observer`: a MutationObserver on the document, its callback empty. What being told of X's new
 *   cells costs, before anything is done with them.
 * - `reading`: the same observer, reading the text of each added post and author line
 *   (`textContent` of X's two text roots), keeping it, nothing more. No detection asked for, no
 *   mark painted.
 *
 * The floor adds asking its worker for the matches and painting them; Tickerlens adds the rest
 * (hover, keyboard, the scan message, resolution, the marked window). Not part of the extension.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X } from '../entrypoints/content/x-selectors';

export const RUNGS = ['observer', 'reading'] as const;
export type Rung = (typeof RUNGS)[number];

const OBSERVE = `new MutationObserver(() => {}).observe(document.body, { childList: true, subtree: true });`;

const READ = `(() => {
  const ROOTS = ${JSON.stringify(`${X.tweetText}, ${X.userName}`)};
  const texts = [];
  const read = (el) => {
    for (const root of el.querySelectorAll(ROOTS)) texts.push(root.textContent);
    if (texts.length > 1000) texts.length = 0;
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) read(n);
  }).observe(document.body, { childList: true, subtree: true });
  read(document.body);
})();`;

/**
 * An unpacked extension for each rung, in a temporary directory of its own (the caller removes
 * them). Each has a worker that does nothing: the bench's browser waits for an extension's worker.
 */
export function rungDirectories(): Record<Rung, string> {
  const make = (rung: Rung, content: string) => {
    const dir = mkdtempSync(join(tmpdir(), `tickerlens-rung-${rung}-`));
    const manifest = {
      manifest_version: 3,
      name: `Tickerlens bench rung: ${rung}`,
      description: 'Not the product: one step of marking X posts, alone (bench/rungs.ts).',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['*://x.com/*'], js: ['content.js'], run_at: 'document_idle' }],
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(dir, 'background.js'), '// Nothing: the bench waits for a worker.\n');
    writeFileSync(join(dir, 'content.js'), `${content}\n`);
    return dir;
  };
  return { observer: make('observer', OBSERVE), reading: make('reading', READ) };
}
