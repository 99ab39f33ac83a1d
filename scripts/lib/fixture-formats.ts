/** Readers for the formats of the shared fixtures (Node only: build scripts and tests). */
import { readFileSync } from 'node:fs';

/** The pycgapi mocks are Python literals of JSON values (`name = {...}`), some nulls stringified. */
export function pythonLiteral(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const body = text.slice(text.indexOf('=') + 1);
  return JSON.parse(
    body
      .replace(/\bNone\b/g, 'null')
      .replace(/\bTrue\b/g, 'true')
      .replace(/\bFalse\b/g, 'false'),
  );
}

/** The recorded CoinGecko file format: method, path, auth flag, then the JSON. */
export function recordedJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8').split(/\r?\n/).slice(3).join('\n'));
}
