import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Real reference data written by others (`../shared/fixtures`, beside the checkout). */
export const SHARED_FIXTURES = process.env.TICKERLENS_FIXTURES ?? resolve(REPO_ROOT, '../shared/fixtures');

export function sharedFixture(...parts: string[]): string {
  const p = resolve(SHARED_FIXTURES, ...parts);
  if (!existsSync(p)) {
    throw new Error(
      `Fixture missing: ${p}. Tests read ../shared/fixtures beside the checkout (or TICKERLENS_FIXTURES).`,
    );
  }
  return p;
}
