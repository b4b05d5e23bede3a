import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../testing/testApp.js';
import { createApiKey } from '../workflow/apiKeys.js';
import { RateLimiter } from './rateLimit.js';

describe('RateLimiter', () => {
  it('lets a burst of perMinute through, then asks to wait, and refills with time', () => {
    const limiter = new RateLimiter(3);
    const t = 1_000_000;
    expect([limiter.take('a', t), limiter.take('a', t), limiter.take('a', t)]).toEqual([0, 0, 0]);
    expect(limiter.take('a', t)).toBe(20);
    expect(limiter.take('b', t)).toBe(0);
    expect(limiter.take('a', t + 20_000)).toBe(0);
  });
});

describe('rate limits in the app', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ rateLimits: { writes: 2, resolve: 3 } });
  });
  afterAll(() => ctx.store.close());

  it('answers 429 with Retry-After and the JSON error once resolve is over its limit; other reads go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await ctx.app.request('/api/resolve?title=CTO')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await ctx.app.request('/api/resolve?title=CTO');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/at most 3 a minute/) },
    });
    expect((await ctx.app.request('/api/profiles')).status).toBe(200);
  });

  it('limits writes per key and address', async () => {
    const key = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'ed', 'editor')).key;
    const propose = () =>
      ctx.app.request('/api/profiles/TECHNO.TECHNOLO6B55.M3/draft', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'n' }),
      });
    expect([(await propose()).status, (await propose()).status, (await propose()).status]).toEqual([
      200, 200, 429,
    ]);
  });
});

describe('the ingest form', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    ctx = await testApp({ rateLimits: { writes: 2 } });
  });
  afterAll(() => ctx.store.close());

  it('counts against the write limit: reading a document is work the server does for the caller', async () => {
    const read = () => {
      const form = new FormData();
      form.set('text', '# Engineer\n\n## E1: Engineer I\n\n- Writes code.\n');
      return ctx.app.request('/ingest', { method: 'POST', body: form });
    };
    expect([(await read()).status, (await read()).status, (await read()).status]).toEqual([200, 200, 429]);
  });
});
