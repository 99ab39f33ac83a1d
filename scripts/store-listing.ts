/**
 * The store listing (store/listing.yaml), read and checked against the stores' limits: Chrome Web
 * Store summary 132 characters and description 16,000; addons.mozilla.org summary 250; a name of
 * at most 75 (the manifest's limit) in every locale. Screenshots 1280×800 PNGs, checked when asked
 * (`npm run release`, after `npm run demo` wrote them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
export const LISTING_LOCALES = ['en', 'zh_CN'] as const;
export const SCREENSHOT_SIZE = [1280, 800] as const;

const localeSchema = z.object({
  name: z.string().min(1).max(75),
  summary: z.string().min(1).max(132),
  description: z.string().min(1).max(16_000),
});

const listingSchema = z.object({
  category: z.object({ chrome: z.string(), firefox: z.string() }),
  screenshots: z.array(z.object({ file: z.string(), caption: z.string() })).min(1),
  locales: z.object(Object.fromEntries(LISTING_LOCALES.map((l) => [l, localeSchema]))),
});
export type Listing = z.infer<typeof listingSchema>;

export function readListing(): Listing {
  return listingSchema.parse(parse(readFileSync(join(root, 'store/listing.yaml'), 'utf8')));
}

/** What is wrong with the listing (empty when nothing is); with `screenshots`, their files too. */
export function listingProblems(opts: { screenshots?: boolean } = {}): string[] {
  let listing: Listing;
  try {
    listing = readListing();
  } catch (err) {
    return [`store/listing.yaml: ${err instanceof z.ZodError ? z.prettifyError(err) : String(err)}`];
  }
  if (!opts.screenshots) return [];
  return listing.screenshots.flatMap(({ file }) => {
    const path = join(root, file);
    if (!existsSync(path)) return [`${file} missing (npm run demo writes it)`];
    const png = readFileSync(path);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    return w === SCREENSHOT_SIZE[0] && h === SCREENSHOT_SIZE[1] ? [] : [`${file} is ${w}×${h}, not 1280×800`];
  });
}
