/** Bundles a bench script for a browser page (Node side): one IIFE, with the extension's `@/` alias. */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function browserBundle(entry: string): Promise<string> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    alias: { '@': resolve(import.meta.dirname, '../..') },
    logLevel: 'error',
  });
  return bundle.outputFiles[0]?.text ?? '';
}
