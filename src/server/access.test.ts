import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { testApp } from '../testing/testApp.js';
import { createApiKey, type KeyVerifier } from '../workflow/apiKeys.js';
import { ACCESS_FIELD, ALWAYS_OPEN, createAccess, WORKSPACE_PAGES, workspaceActor } from './access.js';
import { HTTP_STATUS } from './errorStatus.js';

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const FORGED = 'canon_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

type Ctx = Awaited<ReturnType<typeof testApp>>;

/** A concrete path for a route pattern: every parameter filled with something that exists. */
function concrete(pattern: string): string {
  return pattern
    .replace(':code', M3)
    .replace(':id', 'canon-profile-m3')
    .replace(':version', '1')
    .replace(/:(\w+)/g, 'x');
}

const send = (ctx: Ctx, method: string, path: string, key?: string) =>
  ctx.app.request(path, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' }),
    },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{"title":"CTO","titles":["CTO"]}' }),
  });

describe('private reads: every endpoint, whatever its method', () => {
  let ctx: Ctx;
  let viewer: string;
  beforeAll(async () => {
    ctx = await testApp({ publicReads: false, rateLimits: { writes: 0, failedAuth: 0 } });
    viewer = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'reader', 'viewer')).key;
  });
  afterAll(() => ctx.store.close());

  it('declares what each API operation does in the OpenAPI document', async () => {
    const doc = (await (await send(ctx, 'GET', '/api/openapi.json', viewer)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const undeclared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(
          ([, op]) =>
            ![
              'read',
              'editor',
              'approver',
              'admin',
              'workspace:viewer',
              'workspace:editor',
              'workspace:approver',
              'workspace:admin',
            ].includes(String(op[ACCESS_FIELD])),
        )
        .map(([method]) => `${method} ${path}`),
    );
    expect(undeclared).toEqual([]);
    expect(doc.paths['/resolve']?.post?.[ACCESS_FIELD]).toBe('read');
    expect(doc.paths['/profiles/{code}/approve']?.post?.[ACCESS_FIELD]).toBe('approver');
    expect(doc.paths['/workspaces/{workspace}']?.get?.[ACCESS_FIELD]).toBe('workspace:viewer');
  });

  it("walks every route the app serves, pages and API: none answers without a key but the health checks and assets, and a workspace's pages send the browser to sign in", async () => {
    const routes = ctx.app.routes.filter((r) => r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(60);
    const answered: string[] = [];
    for (const r of routes) {
      const path = concrete(r.path);
      const res = await send(ctx, r.method, path);
      if (ALWAYS_OPEN.test(path) || /^\/w\/[^/]+\/sign-(?:in|out)$/.test(path)) continue;
      const signIn = WORKSPACE_PAGES.test(path) && res.headers.get('location') === '/w/x/sign-in';
      if (res.status !== 401 && !(res.status === 303 && signIn))
        answered.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(answered).toEqual([]);
  });

  it('marks what it serves with a key as private, so no shared cache hands it to a caller without one', async () => {
    const res = await send(ctx, 'GET', `/profiles/${M3}`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const api = await send(ctx, 'GET', '/api/profiles', viewer);
    expect(api.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('refuses the reads that are sent by POST, naming the key it needs, and shows nothing of the profile', async () => {
    for (const path of [
      '/api/resolve',
      `/api/profiles/${M3}/readiness`,
      '/ingest',
      `/profiles/${M3}/readiness`,
    ]) {
      const res = await send(ctx, 'POST', path);
      expect(res.status, path).toBe(401);
      const body = await res.text();
      expect(body, path).toMatch(/API key/);
      expect(body, path).not.toMatch(/responsibilit/i);
    }
    const withKey = await send(ctx, 'POST', '/api/resolve', viewer);
    expect(withKey.status).toBe(200);
  });

  it('lets a viewer read but not write: every operation declared as a role answers 403', async () => {
    const doc = (await (await send(ctx, 'GET', '/api/openapi.json', viewer)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    // An operation over one workspace answers a key from outside it 404 (workspaceIsolation.test.ts).
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op[ACCESS_FIELD] !== 'read' && !String(op[ACCESS_FIELD]).startsWith('workspace:'))
        .map(([method]) => ({
          method: method.toUpperCase(),
          path: `/api${path.replace(/\{(\w+)\}/g, ':$1')}`,
        })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(6);
    for (const w of writes) {
      const res = await send(ctx, w.method, concrete(w.path), viewer);
      expect(res.status, `${w.method} ${w.path}`).toBe(403);
    }
  });
});

describe('public reads: the key is checked before the request is validated', () => {
  let ctx: Ctx;
  let viewer: string;
  beforeAll(async () => {
    ctx = await testApp({ rateLimits: { failedAuth: 3 } });
    viewer = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'reader', 'viewer')).key;
  });
  afterAll(() => ctx.store.close());

  it('answers 401, not 400, to a write with a bad body and no key', async () => {
    const res = await ctx.app.request(`/api/profiles/${M3}/draft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"add": {"aliases": "not a list"}, "junk": 1}',
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });

  it('answers 401 to an audit query out of range without a key, and 403 to a viewer', async () => {
    expect((await ctx.app.request('/api/audit?limit=99999')).status).toBe(401);
    const res = await ctx.app.request('/api/audit?limit=99999', {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(res.status).toBe(403);
  });

  it('limits failed authentications per address, before hashing: then 429 with Retry-After, unless the key was verified a moment ago', async () => {
    // The viewer's key is verified (and so remembered) before the flood.
    expect(
      (await ctx.app.request('/api/audit', { headers: { authorization: `Bearer ${viewer}` } })).status,
    ).toBe(403);
    const forged = () => ctx.app.request('/api/audit', { headers: { authorization: `Bearer ${FORGED}` } });
    // Sent at once, as a flood would be: only as many as the limit get as far as a hash.
    const burst = await Promise.all(Array.from({ length: 5 }, forged));
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429]);
    const limited = await forged();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toMatch(/failed authentications/);
    // A key verified a moment ago is remembered, needs no hash, and so is not held back: the audit needs an admin.
    const known = await ctx.app.request('/api/audit', { headers: { authorization: `Bearer ${viewer}` } });
    expect(known.status).toBe(403);
    const fresh = (await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, 'admin', 'admin')).key;
    expect(
      (await ctx.app.request('/api/audit', { headers: { authorization: `Bearer ${fresh}` } })).status,
    ).toBe(429);
    // Reads that need no key go on.
    expect((await ctx.app.request('/api/profiles')).status).toBe(200);
  });
});

describe("a workspace's sign-in cookie", () => {
  const ALICE: Actor = { id: 'key:alice', role: 'editor', workspace: 'acme' };
  // A verifier that knows one key: the cookie's rules are access's, whatever checks the key.
  const verifier = {
    remembered: (key: string) => (key === 'good' ? ALICE : undefined),
    verify: async (key: string) => {
      if (key === 'good') return ALICE;
      throw new CanonError('unauthorized', 'unknown key');
    },
  } as unknown as KeyVerifier;
  const app = new Hono();
  const access = createAccess(verifier, false);
  app.use('*', access.guardAll);
  app.post('/w/:workspace/notes', async (c) => c.text((await workspaceActor(c, 'editor')).id));
  app.post('/api/notes', async (c) => c.text((await access.actor(c)).id));
  app.onError((error, c) =>
    c.text(error.message, error instanceof CanonError ? HTTP_STATUS[error.code] : 500),
  );
  const post = (path: string, headers: Record<string, string>) =>
    app.request(`http://canon.example${path}`, {
      method: 'POST',
      headers: { cookie: 'canon_key=good', ...headers },
    });

  it("stands for a key on a workspace's pages, for a POST sent from this server's own pages", async () => {
    expect((await post('/w/acme/notes', { origin: 'http://canon.example' })).status).toBe(200);
    expect((await post('/w/acme/notes', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a POST it carries from another site, or from nowhere it can tell (CSRF)', async () => {
    const sent: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://canon.example' },
      { 'sec-fetch-site': 'same-site' },
      {},
    ];
    for (const headers of sent) {
      const res = await post('/w/acme/notes', headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toMatch(/not sent from one of this server's own pages/);
    }
  });

  it('is no key anywhere else: the API wants the Authorization header', async () => {
    expect((await post('/api/notes', { origin: 'http://canon.example' })).status).toBe(401);
  });
});
