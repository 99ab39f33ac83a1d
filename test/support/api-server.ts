/**
 * A local API server on 127.0.0.1 that replays recorded real responses. Each data source is mounted
 * under its own prefix, so the settings of contract §6 point at `http://127.0.0.1:<port>/<prefix>`.
 * Every request is logged for assertions. No test touches the live network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sharedFixture } from './paths';

export interface Recorded {
  method: string;
  /** Path with query, as recorded (e.g. `/api/v3/coins/markets`). */
  path: string;
  body: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | undefined;

/** Reads the recorded CoinGecko responses: line 1 method, line 2 path, line 3 auth flag, then JSON. */
export function loadCoingeckoRecordings(): Recorded[] {
  const dir = sharedFixture('coingecko/recorded');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const [method = 'GET', path = '/', , ...rest] = text.split(/\r?\n/);
      return { method: method.trim(), path: path.trim(), body: rest.join('\n') };
    });
}

export class ApiServer {
  readonly log: LoggedRequest[] = [];
  private readonly routes = new Map<string, Recorded>();
  private readonly handlers: Handler[] = [];
  private server: Server | undefined;
  private port = 0;

  /** Mounts recordings under a prefix: `mount('/coingecko', recs)` serves `/coingecko/api/v3/ping`. */
  mount(prefix: string, recordings: Recorded[]): this {
    for (const r of recordings) this.routes.set(`${r.method} ${prefix}${r.path}`, r);
    return this;
  }

  /** A handler that runs before recordings; return true when it answered. */
  use(handler: Handler): this {
    this.handlers.push(handler);
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  requests(pathPrefix: string): LoggedRequest[] {
    return this.log.filter((r) => r.url.startsWith(pathPrefix));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    this.log.push({ method: req.method ?? 'GET', url: url.pathname + url.search, headers: req.headers });
    for (const h of this.handlers) if (h(req, res, url)) return;
    const rec =
      this.routes.get(`${req.method} ${url.pathname}${url.search}`) ??
      this.routes.get(`${req.method} ${url.pathname}`);
    if (!rec) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'not recorded' }));
      return;
    }
    res.writeHead(rec.status ?? 200, { 'content-type': 'application/json', ...rec.headers }).end(rec.body);
  }
}

/** The server the browser tests and the demo use: CoinGecko recordings under `/coingecko`. */
export async function startRecordedApi(): Promise<ApiServer> {
  return new ApiServer().mount('/coingecko', loadCoingeckoRecordings()).start();
}
