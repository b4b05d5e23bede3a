import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A client must send its headers, and its whole request, within these (slow clients hold sockets). */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };

/** Listens on host:port (port 0 picks a free one) and resolves once the socket is bound. */
export function startServer(
  app: Hono,
  host: string,
  port: number,
  timeouts: { headersMs: number; requestMs: number } = DEFAULT_TIMEOUTS,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // Node checks the two timeouts on this interval; its default (30 s) would let them overrun.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
    };
    const server = serve({ fetch: app.fetch, hostname: host, port, serverOptions }, (info: AddressInfo) => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () => new Promise((done, fail) => server.close((err) => (err ? fail(err) : done()))),
      });
    });
    server.once('error', reject);
  });
}
