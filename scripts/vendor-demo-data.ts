/**
 * Copies the real X material the demo pages are made of from `../shared/fixtures/x` into
 * `demo/data`, so `npm run demo` works from the repository alone. Both sources are MIT licensed;
 * demo/data/PROVENANCE.md names them. Run again only when the fixtures change.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const x = resolve(root, '../shared/fixtures/x');
const out = resolve(root, 'demo/data');

copyFileSync(resolve(x, 'dom/x-tweet-sample.html'), resolve(out, 'x-tweet-sample.html'));

interface Post {
  id: string;
  name: string;
  handle: string;
  lang: string;
  text: string;
  source: string;
}
const posts: Post[] = [];
const seen = new Set<string>();
for (const file of ['raw_search.json', 'raw_tweet_details.json']) {
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) {
      for (const v of o) walk(v);
      return;
    }
    if (!o || typeof o !== 'object') return;
    const rec = o as Record<string, unknown>;
    if (rec.__typename === 'Tweet' && rec.legacy && typeof rec.rest_id === 'string') {
      const legacy = rec.legacy as { full_text?: string; lang?: string };
      const user = (
        (rec.core as Record<string, unknown> | undefined)?.user_results as { result?: unknown } | undefined
      )?.result as {
        legacy?: { name?: string; screen_name?: string };
        core?: { name?: string; screen_name?: string };
      };
      const note = (rec.note_tweet as { note_tweet_results?: { result?: { text?: string } } } | undefined)
        ?.note_tweet_results?.result?.text;
      const text = note ?? legacy.full_text;
      const handle = user?.legacy?.screen_name ?? user?.core?.screen_name;
      const name = user?.legacy?.name ?? user?.core?.name;
      if (text && handle && name && !seen.has(rec.rest_id)) {
        seen.add(rec.rest_id);
        posts.push({
          id: rec.rest_id,
          name,
          handle,
          lang: legacy.lang ?? 'und',
          text,
          source: `x/graphql/${file}`,
        });
      }
    }
    for (const v of Object.values(rec)) walk(v);
  };
  walk(JSON.parse(readFileSync(resolve(x, 'graphql', file), 'utf8')));
}
writeFileSync(resolve(out, 'x-posts.json'), `${JSON.stringify(posts, null, 1)}\n`);
console.log(`demo/data: ${posts.length} real posts, tweet markup copied`);
