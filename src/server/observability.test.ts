import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appForCanon } from '../runtime/appForCanon.js';
import { testApp } from '../testing/testApp.js';
import { Observability } from './observability.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
const lines: Record<string, unknown>[] = [];
let app: ReturnType<typeof appForCanon>;
beforeAll(async () => {
  ctx = await testApp();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  app = appForCanon(ctx.canon, { observability: new Observability(pino({ level: 'info' }, sink)) });
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
});
