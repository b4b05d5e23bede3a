import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The route pattern a request matched ("/api/profiles/:code"), so metrics do not explode per code. */
export function routeOf(c: Context): string {
  return c.req.matchedRoutes.filter((r) => r.method !== 'ALL').at(-1)?.path ?? 'unmatched';
}

/** A caller's request id is kept when it looks like one; otherwise a new one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class Observability {
  readonly registry = new Registry();
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(private readonly logger: Logger) {
    collectDefaultMetrics({ register: this.registry });
    this.latency = new Histogram({
      name: 'canon_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
  }

  /**
   * One structured log line per request (id, method, route, path, status, ms) and the latency
   * histogram. Query strings and headers are never logged: they may carry keys or personal data.
   */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      const given = c.req.header('x-request-id');
      const id = given && REQUEST_ID.test(given) ? given : randomUUID();
      c.header('X-Request-Id', id);
      try {
        await next();
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const route = routeOf(c);
        const status = c.res.status;
        this.latency.observe({ method: c.req.method, route, status: String(status) }, seconds);
        this.logger[status >= 500 ? 'error' : 'info'](
          {
            reqId: id,
            method: c.req.method,
            route,
            path: c.req.path,
            status,
            ms: Math.round(seconds * 10_000) / 10,
          },
          'request',
        );
      }
    };
  }

  async metrics(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
