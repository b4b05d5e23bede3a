import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../core/catalog.js';
import { appForCanon } from '../runtime/appForCanon.js';
import { canonOn } from '../runtime/openCanon.js';
import { testApp } from '../testing/testApp.js';
import { createApp } from './createApp.js';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});
afterAll(() => ctx.store.close());

describe('security headers', () => {
  it.each(['/profiles/TECHNO.TECHNOLO6B55.M3', '/api/profiles/TECHNO.TECHNOLO6B55.M3', '/nope', '/api/nope'])(
    'sends a strict policy on %s',
    async (path) => {
      const res = await ctx.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    },
  );

  it('keeps pages free of inline scripts and styles, so the policy breaks nothing', async () => {
    for (const path of [
      '/',
      '/profiles/TECHNO.TECHNOLO6B55.M3',
      '/compare?codes=TECHNO.TECHNOLO6B55.M3,TECHNO.ENGINEER9222.M3',
      '/resolve?title=CTO',
    ]) {
      const html = await (await ctx.app.request(path)).text();
      expect(html, path).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    }
  });
});

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await ctx.app.request('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.request('/readyz')).status).toBe(200);
  });

  it('reports 503 on /readyz while the store does not answer', async () => {
    const logged: unknown[] = [];
    const app = createApp({
      catalog: () => ctx.catalog as Catalog,
      ready: () => Promise.reject(new Error('connection refused')),
      log: (_m, e) => logged.push(e),
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: 'store_unavailable', message: 'The store does not answer.' },
    });
    expect(logged).toHaveLength(1);
  });
});

describe('an address that leads nowhere', () => {
  it('answers 404 through the error table: JSON under /api, a page elsewhere, naming the path', async () => {
    const api = await ctx.app.request('/api/no-such-thing');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: { code: 'not_found', message: 'Nothing at /api/no-such-thing.' },
    });
    const page = await ctx.app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Nothing at /no-such-page.');
  });
});

describe('a write made by another server', () => {
  it('is served on the first request that reaches an idle server', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M4';
    const writer = await canonOn(ctx.store);
    const reader = await canonOn(ctx.store);
    // Two Canons on one embedded store stand for two servers on one PostgreSQL.
    const app = appForCanon(reader, { log: () => {}, otherWriters: true });
    const status = async () => (await (await app.request(`/api/profiles/${code}`)).json()).status;
    expect(await status()).not.toBe('retired');
    // Idle past the once-a-second check, then another server writes.
    await new Promise((r) => setTimeout(r, 1_100));
    await writer.workflow.retire({ id: 'test', role: 'approver' }, code, 'gone');
    expect(await status()).toBe('retired');
  });
});

describe('a check of the store that never answers', () => {
  it('holds one request for at most 2 s, and then none until it answers', async () => {
    vi.useFakeTimers();
    try {
      let checks = 0;
      const app = createApp({
        catalog: () => ctx.catalog,
        refresh: () => {
          checks++;
          return new Promise<void>(() => {});
        },
        log: () => {},
      });
      let answered = false;
      const first = Promise.resolve(app.request('/levels')).then((r) => {
        answered = true;
        return r;
      });
      await vi.advanceTimersByTimeAsync(1_900);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect((await first).status).toBe(200);
      // The next request is answered from the snapshot with no time passing at all.
      expect((await app.request('/levels')).status).toBe(200);
      expect(checks).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
