import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ROLES, type Role, roleAllows } from '../core/roles.js';
import { testApp } from '../testing/testApp.js';
import { createApiKey } from '../workflow/apiKeys.js';
import { Workspaces } from '../workflow/workspaces.js';
import { ACCESS_FIELD } from './access.js';
import { type ApiDocument, operationsOf } from './api/openApiTypes.js';

/**
 * Nobody sees another workspace's data, proved over HTTP: every operation whose path names
 * `{workspace}` (read from the app's own OpenAPI document, so routes added later are covered) and
 * every page under /w/:workspace, asked by each kind of caller.
 */
const M3 = 'TECHNO.TECHNOLO6B55.M3';
const OPERATOR: Actor = { id: 'test:operator', role: 'admin', operator: true };
const ACME = { id: 'acme', name: 'Acme Anvils Ltd' };
const CONTOSO = { id: 'contoso', name: 'Contoso Pharma' };
const ORIGIN = 'http://localhost';

let ctx: Awaited<ReturnType<typeof testApp>>;
/** Keys by workspace and role; '' for the shared taxonomy's. */
const keys = new Map<string, string>();
const keyOf = (workspace: string, role: Role) => {
  const key = keys.get(`${workspace}/${role}`);
  if (!key) throw new Error(`no ${role} key in ${workspace || 'the shared taxonomy'}`);
  return key;
};

beforeAll(async () => {
  ctx = await testApp({ rateLimits: { writes: 0, failedAuth: 0 } });
  const workspaces = new Workspaces(ctx.store.db);
  for (const w of [ACME, CONTOSO]) await workspaces.create(OPERATOR, w);
  for (const workspace of [ACME.id, CONTOSO.id, ''])
    for (const role of ROLES) {
      const made = await createApiKey(
        ctx.store.db,
        OPERATOR,
        `${role}-${workspace || 'shared'}`,
        role,
        workspace || undefined,
      );
      keys.set(`${workspace}/${role}`, made.key);
    }
});
afterAll(() => ctx.store.close());

interface Caller {
  bearer?: string;
  cookie?: string;
}

const send = (method: string, path: string, caller: Caller, body?: { json?: unknown; form?: string }) => {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (caller.bearer) headers.authorization = `Bearer ${caller.bearer}`;
  if (caller.cookie) headers.cookie = `canon_key=${caller.cookie}`;
  if (body?.json !== undefined) headers['content-type'] = 'application/json';
  if (body?.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const payload = body?.json !== undefined ? JSON.stringify(body.json) : body?.form;
  return ctx.app.request(`${ORIGIN}${path}`, {
    method,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  });
};

/** Whatever a body might leak of acme: its name, and its keys' holders. */
const leaksAcme = (text: string) => text.includes(ACME.name) || /-acme\b/.test(text);

interface Operation {
  method: string;
  path: string;
  role: Role;
  /** Other parameters than the workspace, filled with a value that names nothing. */
  moreParams: boolean;
}

function workspaceOperations(doc: ApiDocument): Operation[] {
  return operationsOf(doc)
    .filter(({ path }) => path.includes('{workspace}'))
    .map(({ path, method, op }) => {
      const declared = String(op[ACCESS_FIELD]);
      const role = /^workspace:(\w+)$/.exec(declared)?.[1];
      if (!role || !ROLES.includes(role as Role))
        throw new Error(`${method} ${path} declares ${declared}, not workspace:<role>`);
      const moreParams = (path.match(/\{\w+\}/g) ?? []).length > 1;
      const concrete = path.replace('{workspace}', ACME.id).replace(/\{\w+\}/g, 'x');
      return { method: method.toUpperCase(), path: `/api${concrete}`, role: role as Role, moreParams };
    });
}

describe('the API over one workspace: every operation whose path names {workspace}', () => {
  let operations: Operation[];
  beforeAll(async () => {
    const doc = (await (await send('GET', '/api/openapi.json', {})).json()) as ApiDocument;
    operations = workspaceOperations(doc);
  });

  it('finds the operations, reads and writes', () => {
    expect(operations.length).toBeGreaterThanOrEqual(3);
    expect(new Set(operations.map((o) => o.method))).toEqual(new Set(['GET', 'POST', 'PUT', 'DELETE']));
  });

  it('answers 401 without a key, whatever the read policy', async () => {
    for (const o of operations) {
      const res = await send(o.method, o.path, {}, o.method === 'GET' ? undefined : { json: {} });
      expect(res.status, `${o.method} ${o.path}`).toBe(401);
    }
  });

  it("answers another workspace's keys, of every role, as if the workspace did not exist (404), leaking nothing", async () => {
    for (const o of operations)
      for (const role of ROLES) {
        const res = await send(
          o.method,
          o.path,
          { bearer: keyOf(CONTOSO.id, role) },
          o.method === 'GET' ? undefined : { json: {} },
        );
        const body = await res.text();
        expect(res.status, `${o.method} ${o.path} as contoso ${role}`).toBe(404);
        expect(leaksAcme(body), body).toBe(false);
        expect(JSON.parse(body).error).toEqual({ code: 'not_found', message: 'No workspace "acme".' });
      }
  });

  it('answers keys of the shared taxonomy, even an admin, with the same 404', async () => {
    for (const o of operations)
      for (const role of ROLES) {
        const res = await send(
          o.method,
          o.path,
          { bearer: keyOf('', role) },
          o.method === 'GET' ? undefined : { json: {} },
        );
        expect(res.status, `${o.method} ${o.path} as shared ${role}`).toBe(404);
        expect(leaksAcme(await res.text())).toBe(false);
      }
  });

  it("refuses the workspace's own keys weaker than the operation's role (403)", async () => {
    let refused = 0;
    for (const o of operations)
      for (const role of ROLES.filter((r) => !roleAllows(r, o.role))) {
        const res = await send(
          o.method,
          o.path,
          { bearer: keyOf(ACME.id, role) },
          o.method === 'GET' ? undefined : { json: {} },
        );
        expect(res.status, `${o.method} ${o.path} as acme ${role}`).toBe(403);
        refused++;
      }
    expect(refused).toBeGreaterThan(0);
  });

  it("lets the workspace's keys of the role through: they succeed, or fail only on validation", async () => {
    for (const o of operations)
      for (const role of ROLES.filter((r) => roleAllows(r, o.role))) {
        const res = await send(
          o.method,
          o.path,
          { bearer: keyOf(ACME.id, role) },
          o.method === 'GET' ? undefined : { json: {} },
        );
        const body = await res.text();
        const at = `${o.method} ${o.path} as acme ${role}: ${res.status} ${body.slice(0, 200)}`;
        if (res.status === 404) {
          // Only an operation with another parameter may find nothing, and never for want of the workspace.
          expect(o.moreParams, at).toBe(true);
          expect(body, at).not.toContain('No workspace');
        } else expect([200, 201, 202, 204, 400, 422], at).toContain(res.status);
      }
  });
});

describe('the pages under /w/:workspace', () => {
  const pages = () =>
    ctx.app.routes
      .filter(
        (r) => r.method !== 'ALL' && r.path.startsWith('/w/:workspace') && !/sign-(in|out)$/.test(r.path),
      )
      .map((r) => ({ method: r.method, path: r.path.replace(':workspace', ACME.id).replace(/:\w+/g, 'x') }));
  const formOf = (method: string) => (method === 'GET' ? undefined : { form: '' });

  it("finds the pages: the home, and the company's import, review, views and writes", () => {
    for (const path of [
      '',
      '/import',
      '/review',
      '/matrix',
      '/grades',
      '/level-guide',
      '/pay',
      '/equal-value',
      '/exports',
    ])
      expect(pages()).toContainEqual({ method: 'GET', path: `/w/acme${path}` });
    for (const path of ['/import', '/review/decide', '/grades'])
      expect(pages()).toContainEqual({ method: 'POST', path: `/w/acme${path}` });
  });

  it('sends a browser without a key to the sign-in form', async () => {
    for (const p of pages()) {
      const res = await send(p.method, p.path, {}, formOf(p.method));
      expect(res.status, `${p.method} ${p.path}`).toBe(303);
      expect(res.headers.get('location')).toBe('/w/acme/sign-in');
    }
  });

  it("answers another workspace's keys and the shared taxonomy's (header or cookie) as if the workspace did not exist", async () => {
    for (const p of pages())
      for (const key of [keyOf(CONTOSO.id, 'admin'), keyOf('', 'admin')])
        for (const caller of [{ bearer: key }, { cookie: key }]) {
          const res = await send(p.method, p.path, caller, formOf(p.method));
          const body = await res.text();
          expect(res.status, `${p.method} ${p.path}`).toBe(404);
          expect(leaksAcme(body), body).toBe(false);
        }
  });

  it("shows the workspace's own keys its pages: they succeed, or fail only on validation", async () => {
    for (const p of pages())
      for (const caller of [{ bearer: keyOf(ACME.id, 'admin') }, { cookie: keyOf(ACME.id, 'admin') }]) {
        const res = await send(p.method, p.path, caller, formOf(p.method));
        const body = await res.text();
        const at = `${p.method} ${p.path}: ${res.status}`;
        expect([200, 201, 204, 303, 400, 404, 422], at).toContain(res.status);
        expect(res.headers.get('location') ?? '', at).not.toMatch(/sign-in/);
        expect(body, at).not.toContain('No workspace');
      }
  });

  it("shows the home page with the workspace's name and the nav of its sections, uncached", async () => {
    const res = await send('GET', '/w/acme', { cookie: keyOf(ACME.id, 'viewer') });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain(`<h1>${ACME.name}</h1>`);
    for (const section of [
      'import',
      'review',
      'matrix',
      'grades',
      'level-guide',
      'pay',
      'equal-value',
      'exports',
    ])
      expect(html).toContain(`href="/w/acme/${section}"`);
    expect(html).toContain('aria-current="page"');
    expect(html).not.toContain(CONTOSO.name);
  });
});

describe('signing in and out of a workspace in the browser', () => {
  const signIn = (
    key: string,
    headers: Record<string, string> = { origin: ORIGIN },
    url = `${ORIGIN}/w/acme/sign-in`,
  ) =>
    ctx.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ key }).toString(),
    });

  it('shows the form to anyone, saying nothing of whether the workspace exists', async () => {
    for (const id of ['acme', 'nowhere']) {
      const res = await ctx.app.request(`/w/${id}/sign-in`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`action="/w/${id}/sign-in"`);
      expect(leaksAcme(html)).toBe(false);
    }
  });

  it("signs a workspace's key in with a cookie for that workspace's pages only: HttpOnly, SameSite=Strict, Secure over https", async () => {
    const res = await signIn(keyOf(ACME.id, 'viewer'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/w/acme');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^canon_key=canon_/);
    expect(cookie).toMatch(/; Path=\/w\/acme(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const https = await signIn(
      keyOf(ACME.id, 'viewer'),
      { origin: 'https://canon.example', host: 'canon.example' },
      'https://canon.example/w/acme/sign-in',
    );
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it("refuses another workspace's key, a shared key and a forged one alike, setting no cookie", async () => {
    const messages = new Set<string>();
    for (const key of [
      keyOf(CONTOSO.id, 'admin'),
      keyOf('', 'admin'),
      'canon_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const res = await signIn(key);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      messages.add(/<p class="error"[^>]*>([^<]*)</.exec(await res.text())?.[1] ?? '');
    }
    expect([...messages]).toEqual(['That is not a key of workspace &quot;acme&quot;, or it was revoked.']);
  });

  it('refuses a sign-in or sign-out sent from another site (CSRF), by Sec-Fetch-Site or Origin', async () => {
    const sent: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      {},
    ];
    for (const headers of sent) {
      const res = await signIn(keyOf(ACME.id, 'viewer'), headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await signIn(keyOf(ACME.id, 'viewer'), { 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    const out = await ctx.app.request(`${ORIGIN}/w/acme/sign-out`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(out.status).toBe(403);
  });

  it('signs out by expiring the cookie, and sends the browser back to the form', async () => {
    const res = await ctx.app.request(`${ORIGIN}/w/acme/sign-out`, {
      method: 'POST',
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/w/acme/sign-in');
    expect(res.headers.get('set-cookie')).toMatch(/^canon_key=; Max-Age=0; Path=\/w\/acme/);
  });
});

describe('the shared taxonomy and the list of workspaces, to a workspace key', () => {
  it('lets a workspace key of any role read the shared taxonomy but not propose a change (403)', async () => {
    for (const role of ROLES) {
      expect((await send('GET', `/api/profiles/${M3}`, { bearer: keyOf(ACME.id, role) })).status).toBe(200);
      const res = await send(
        'POST',
        `/api/profiles/${M3}/draft`,
        { bearer: keyOf(ACME.id, role) },
        {
          json: { add: { aliases: [{ text: 'Anvil Lead', sources: ['canon-profile-m3'] }] } },
        },
      );
      expect(res.status, role).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /belongs to workspace "acme"/,
      );
    }
  });

  it('lists all workspaces to an instance admin, its own to a workspace key, and refuses other keys', async () => {
    const ids = async (key?: string) => {
      const res = await send('GET', '/api/workspaces', key ? { bearer: key } : {});
      return res.ok ? ((await res.json()) as { items: { id: string }[] }).items.map((w) => w.id) : res.status;
    };
    expect(await ids(keyOf('', 'admin'))).toEqual(['acme', 'contoso']);
    expect(await ids(keyOf(ACME.id, 'viewer'))).toEqual(['acme']);
    expect(await ids(keyOf(CONTOSO.id, 'admin'))).toEqual(['contoso']);
    expect(await ids(keyOf('', 'editor'))).toBe(403);
    expect(await ids()).toBe(401);
  });

  it("lets a workspace's admin make keys there and list only that workspace's keys", async () => {
    const made = await send(
      'POST',
      '/api/workspaces/acme/keys',
      { bearer: keyOf(ACME.id, 'admin') },
      { json: { name: 'dana', role: 'editor' } },
    );
    expect(made.status).toBe(201);
    const key = (await made.json()) as { key: string; workspace: string };
    expect(key.workspace).toBe('acme');
    expect((await send('GET', '/api/workspaces/acme', { bearer: key.key })).status).toBe(200);
    const listed = await send('GET', '/api/workspaces/acme/keys', { bearer: keyOf(ACME.id, 'admin') });
    const items = ((await listed.json()) as { items: { name: string; workspace: string }[] }).items;
    expect(new Set(items.map((k) => k.workspace))).toEqual(new Set(['acme']));
    expect(items.map((k) => k.name)).toContain('dana');
    expect(JSON.stringify(items)).not.toMatch(/hash|salt|canon_/);
  });

  it('creates a workspace for an instance admin only', async () => {
    const body = { json: { id: 'tailspin', name: 'Tailspin Toys' } };
    expect((await send('POST', '/api/workspaces', { bearer: keyOf(ACME.id, 'admin') }, body)).status).toBe(
      403,
    );
    expect((await send('POST', '/api/workspaces', { bearer: keyOf('', 'approver') }, body)).status).toBe(403);
    const created = await send('POST', '/api/workspaces', { bearer: keyOf('', 'admin') }, body);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      id: 'tailspin',
      name: 'Tailspin Toys',
      created: expect.any(String),
    });
    expect((await send('POST', '/api/workspaces', { bearer: keyOf('', 'admin') }, body)).status).toBe(409);
    const bad = await send(
      'POST',
      '/api/workspaces',
      { bearer: keyOf('', 'admin') },
      { json: { id: 'Tail Spin', name: 'x' } },
    );
    expect(bad.status).toBe(400);
  });
});
