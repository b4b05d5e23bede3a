import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appForCanon } from '../runtime/appForCanon.js';
import { testApp } from '../testing/testApp.js';
import { Observability } from './observability.js';
import { startServer } from './startServer.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
const lines: Record<string, unknown>[] = [];
let app: ReturnType<typeof appForCanon>;
const failures: string[] = [];
beforeAll(async () => {
  ctx = await testApp();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = appForCanon(ctx.canon, {
    observability: new Observability(pino({ level: 'info' }, sink)),
    log: (message) => failures.push(message),
  });
});
afterAll(() => ctx.store.close());

describe('observability', () => {
  it('logs one JSON line per request with its id and route pattern, never the query or headers', async () => {
    const res = await app.request('/api/profiles/TECHNO.TECHNOLO6B55.M3?secret=hunter2', {
      headers: { authorization: 'Bearer canon_deadbeef_x', 'x-request-id': 'abc-123' },
    });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const fresh = await app.request('/nope');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.reqId === 'abc-123');
    expect(line).toMatchObject({
      method: 'GET',
      route: '/api/profiles/:code',
      path: '/api/profiles/TECHNO.TECHNOLO6B55.M3',
      status: 200,
    });
    expect(typeof line?.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|canon_deadbeef/);
  });

  it('serves Prometheus metrics with latency by route pattern', async () => {
    await app.request('/profiles/TECHNO.TECHNOLO6B55.M3');
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const body = await res.text();
    expect(body).toMatch(
      /canon_http_request_duration_seconds_bucket\{[^}]*route="\/profiles\/:code"[^}]*status="200"/,
    );
    expect(body).toContain('process_cpu_user_seconds_total');
  });

  it('logs a client that hangs up mid-body as 499, not as a store failure (both are ECONNRESET to Node)', async () => {
    const server = await startServer(app, '127.0.0.1', 0);
    try {
      await new Promise<void>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => {
          socket.write(
            'POST /api/resolve HTTP/1.1\r\nHost: x\r\nX-Request-Id: gone-1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"titles":["CT',
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => resolve());
      });
      await expect.poll(() => lines.find((l) => l.reqId === 'gone-1'), { timeout: 5_000 }).toBeTruthy();
      expect(lines.find((l) => l.reqId === 'gone-1')).toMatchObject({ status: 499, level: 30 });
      expect(failures).toEqual([]);
      const metrics = await (await app.request('/metrics')).text();
      expect(metrics).toMatch(/route="\/api\/resolve",status="499"/);
      expect(metrics).not.toMatch(/status="503"/);
    } finally {
      await server.close();
    }
  });
});
