import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/roles.js';
import { testApp } from '../../../testing/testApp.js';
import { createApiKey } from '../../../workflow/apiKeys.js';

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const DUTY = {
  text: 'Owns the quarterly cloud and AI inference budget for 3–5 engineering teams and reports spend against plan to the department head.',
  sources: ['canon-profile-m3'],
};

let ctx: Awaited<ReturnType<typeof testApp>>;
const keys = {} as Record<Role, string>;
beforeAll(async () => {
  ctx = await testApp();
  for (const role of ['viewer', 'editor', 'approver', 'admin'] as const)
    keys[role] = (
      await createApiKey(ctx.store.db, { id: 'test', role: 'admin' }, `${role}-person`, role)
    ).key;
});
afterAll(() => ctx.store.close());

const call = (path: string, init: { method?: string; key?: string; body?: unknown } = {}) =>
  ctx.app.request(path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

describe('workflow API', () => {
  it('asks for a key on writes (401), and for the right role (403)', async () => {
    const none = await call(`/api/profiles/${M3}/draft`, { method: 'POST', body: {} });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="canon"');
    expect(await none.json()).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/canon keys create/) },
    });

    const forged = await call(`/api/profiles/${M3}/draft`, {
      method: 'POST',
      key: `${keys.editor.slice(0, -4)}AAAA`,
      body: {},
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.message).toMatch(/unknown or revoked/);
    expect(
      (await call(`/api/profiles/${M3}/draft`, { method: 'POST', key: 'hunter2', body: {} })).status,
    ).toBe(401);

    const viewer = await call(`/api/profiles/${M3}/draft`, { method: 'POST', key: keys.viewer, body: {} });
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/editor role/) },
    });
  });

  it('refuses a proposal whose statements cite nothing, saying where', async () => {
    const res = await call(`/api/profiles/${M3}/draft`, {
      method: 'POST',
      key: keys.editor,
      body: { add: { responsibilities: [{ text: 'Something concrete', sources: [] }] } },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(
      /add\.responsibilities\.0\.sources: cite at least one source id/,
    );
  });

  it('takes a change from proposal to approved version, pinnable and diffable', async () => {
    const proposed = await call(`/api/profiles/${M3}/draft`, {
      method: 'POST',
      key: keys.editor,
      body: { note: 'budget', add: { responsibilities: [DUTY] } },
    });
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({
      code: M3,
      status: 'draft',
      revision: 1,
      review: { passed: true },
    });

    expect((await call(`/api/profiles/${M3}/approve`, { method: 'POST', key: keys.approver })).status).toBe(
      409,
    );
    const submitted = await call(`/api/profiles/${M3}/draft/submit`, { method: 'POST', key: keys.editor });
    expect(await submitted.json()).toMatchObject({ status: 'in_review' });

    const queue = await (await call('/api/review-queue')).json();
    expect(queue.items.find((i: { code: string }) => i.code === M3)).toMatchObject({
      status: 'in_review',
      passed: true,
    });

    expect((await call(`/api/profiles/${M3}/approve`, { method: 'POST', key: keys.editor })).status).toBe(
      403,
    );
    const stale = await call(`/api/profiles/${M3}/approve`, {
      method: 'POST',
      key: keys.approver,
      body: { revision: 5 },
    });
    expect(stale.status).toBe(409);
    const approved = await call(`/api/profiles/${M3}/approve`, {
      method: 'POST',
      key: keys.approver,
      body: { note: 'adds the budget duty', revision: 1 },
    });
    expect(approved.status).toBe(201);
    expect(await approved.json()).toMatchObject({
      version: 2,
      approvedBy: `key:${keys.approver.slice(6, 14)} (approver-person)`,
    });

    expect((await (await call(`/api/profiles/${M3}`)).json()).version).toBe(2);
    const pinned = await (await call(`/api/profiles/${M3}?version=1`)).json();
    expect(pinned.version).toBe(1);
    expect(pinned.responsibilities).not.toContainEqual(DUTY);
    expect((await call(`/api/profiles/${M3}?version=9`)).status).toBe(404);

    const history = await (await call(`/api/profiles/${M3}/versions`)).json();
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const diff = await (await call(`/api/profiles/${M3}/diff?from=1&to=2`)).json();
    expect(diff.text).toContain(`+ ${DUTY.text}`);
    expect((await call(`/api/profiles/${M3}/diff?from=1&to=latest`)).status).toBe(400);
  });

  it('shows the audit log to admins only', async () => {
    expect((await call('/api/audit')).status).toBe(401);
    expect((await call('/api/audit', { key: keys.approver })).status).toBe(403);
    const log = await (await call(`/api/audit?target=${M3}&limit=3`, { key: keys.admin })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual([
      'profile.approve',
      'draft.submit',
      'draft.save',
    ]);
    expect(log.items[0].before).toMatchObject({ version: 1 });
  });

  it('answers one of two simultaneous approvals with 201 and the other with 409', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M5';
    const duty = { ...DUTY, text: `${DUTY.text} Across every department.` };
    await call(`/api/profiles/${code}/draft`, {
      method: 'POST',
      key: keys.editor,
      body: { add: { responsibilities: [duty] } },
    });
    await call(`/api/profiles/${code}/draft/submit`, { method: 'POST', key: keys.editor });
    // Verify both keys first (scrypt is slow on purpose), so the two approvals really race.
    for (const key of [keys.approver, keys.admin]) await call(`/api/profiles/${code}/draft`, { key });
    const statuses = await Promise.all(
      [keys.approver, keys.admin].map(async (key) => {
        const res = await call(`/api/profiles/${code}/approve`, {
          method: 'POST',
          key,
          body: { revision: 1 },
        });
        return res.status === 409 ? `409 ${(await res.json()).error.code}` : String(res.status);
      }),
    );
    expect(statuses.sort()).toEqual(['201', '409 conflict']);
  });

  it('hands each of simultaneous proposers the draft their own proposal made', async () => {
    const code = 'TECHNO.TECHNOLO6B55.M4';
    const aliases = Array.from({ length: 8 }, (_, i) => `Platform budget owner ${i + 1}`);
    // Verify the key first (scrypt is slow on purpose), so the proposals really race: a write that finds nothing to do.
    await call(`/api/profiles/${code}/draft/from-sources`, { method: 'POST', key: keys.editor });
    const drafts = await Promise.all(
      aliases.map(async (text) => {
        const res = await call(`/api/profiles/${code}/draft`, {
          method: 'POST',
          key: keys.editor,
          body: { add: { aliases: [{ text, sources: ['canon-profile-m3'] }] } },
        });
        expect(res.status).toBe(200);
        return (await res.json()) as { revision: number; content: { aliases: { text: string }[] } };
      }),
    );
    drafts.forEach((d, i) => {
      expect(d.content.aliases.map((a) => a.text)).toContain(aliases[i]);
    });
    expect(drafts.map((d) => d.revision).sort((a, b) => a - b)).toEqual(aliases.map((_, i) => i + 1));

    const stale = await call(`/api/profiles/${code}/draft`, {
      method: 'POST',
      key: keys.editor,
      body: { revision: 3, add: { aliases: [{ text: 'Late owner', sources: ['canon-profile-m3'] }] } },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'conflict', details: { revision: aliases.length } },
    });
    const current = await call(`/api/profiles/${code}/draft`, {
      method: 'POST',
      key: keys.editor,
      body: {
        revision: aliases.length,
        add: { aliases: [{ text: 'Late owner', sources: ['canon-profile-m3'] }] },
      },
    });
    expect(await current.json()).toMatchObject({ revision: aliases.length + 1 });
  });

  it('retires with an approver key and answers 204', async () => {
    const res = await call('/api/profiles/TECHNO.TECHNOLO6B55.M6/retire', {
      method: 'POST',
      key: keys.approver,
    });
    expect(res.status).toBe(204);
    expect((await (await call('/api/profiles/TECHNO.TECHNOLO6B55.M6')).json()).status).toBe('retired');
  });

  it('documents the writes and their key scheme in OpenAPI', async () => {
    const doc = await (await call('/api/openapi.json')).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/profiles/{code}/approve'].post.security).toEqual([{ bearer: [] }]);
  });
});

describe('private reads', () => {
  let priv: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    priv = await testApp({ publicReads: false });
  });
  afterAll(() => priv.store.close());

  it('asks for any valid key on reads, but never on health checks', async () => {
    const viewer = (await createApiKey(priv.store.db, { id: 'test', role: 'admin' }, 'reader', 'viewer')).key;
    expect((await priv.app.request('/api/profiles')).status).toBe(401);
    expect((await priv.app.request('/')).status).toBe(401);
    expect(
      (await priv.app.request('/api/profiles', { headers: { authorization: `Bearer ${viewer}` } })).status,
    ).toBe(200);
    expect((await priv.app.request('/healthz')).status).toBe(200);
    expect((await priv.app.request('/readyz')).status).toBe(200);
  });
});
