import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import { readAudit } from '../store/auditRepository.js';
import type { Store } from '../store/openStore.js';
import { clonedStore } from '../testing/testStore.js';
import { createApiKey, KeyVerifier, listApiKeys, revokeApiKey } from './apiKeys.js';
import { parseWorkspaceId, Workspaces } from './workspaces.js';

const OPERATOR: Actor = { id: 'cli:ops', role: 'admin', operator: true };
const INSTANCE_ADMIN: Actor = { id: 'key:root (root)', role: 'admin' };
const acme = (role: Actor['role']): Actor => ({ id: `key:acme (${role})`, role, workspace: 'acme' });

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => 'done',
    (error: unknown) => (error instanceof CanonError ? error.code : String(error)),
  );

let store: Store;
let workspaces: Workspaces;
beforeAll(async () => {
  store = await clonedStore();
  workspaces = new Workspaces(store.db);
  await workspaces.create(OPERATOR, { id: 'acme', name: 'Acme Anvils' });
  await workspaces.create(INSTANCE_ADMIN, { id: 'contoso', name: '  Contoso  ' });
});
afterAll(() => store.close());

describe('workspaces', () => {
  it('takes ids of lower-case letters, digits and hyphens up to 40, and quotes any other', () => {
    expect(parseWorkspaceId('northwind-2')).toBe('northwind-2');
    expect(parseWorkspaceId('a'.repeat(40))).toBe('a'.repeat(40));
    for (const bad of ['Northwind', 'north wind', '-north', 'a'.repeat(41), '', 'über'])
      expect(() => parseWorkspaceId(bad)).toThrow(`got ${JSON.stringify(bad)}`);
  });

  it('is created by the operator or an instance admin, with its name trimmed and an audit entry', async () => {
    expect((await workspaces.list(OPERATOR)).map((w) => [w.id, w.name])).toEqual([
      ['acme', 'Acme Anvils'],
      ['contoso', 'Contoso'],
    ]);
    const [entry] = await readAudit(store.db, { target: 'workspace:contoso', limit: 5 });
    expect(entry).toMatchObject({
      action: 'workspace.create',
      actor: INSTANCE_ADMIN.id,
      after: { name: 'Contoso' },
    });
  });

  it("is created by nobody else: not a workspace's admin, not an instance editor; and an id only once", async () => {
    expect(await refusal(workspaces.create(acme('admin'), { id: 'other', name: 'Other' }))).toBe('forbidden');
    expect(
      await refusal(workspaces.create({ id: 'key:e', role: 'editor' }, { id: 'other', name: 'O' })),
    ).toBe('forbidden');
    expect(await refusal(workspaces.create(OPERATOR, { id: 'acme', name: 'Again' }))).toBe('conflict');
    expect(await refusal(workspaces.create(OPERATOR, { id: 'blank', name: '   ' }))).toBe('invalid_input');
  });

  it('is read by its own keys only: to every other, it is as absent as one that does not exist', async () => {
    expect((await workspaces.read(acme('viewer'), 'acme')).name).toBe('Acme Anvils');
    expect(await workspaces.list(acme('viewer'))).toHaveLength(1);
    expect(await refusal(workspaces.read(acme('admin'), 'contoso'))).toBe('not_found');
    expect(await refusal(workspaces.read(INSTANCE_ADMIN, 'acme'))).toBe('not_found');
    expect(await refusal(workspaces.read(OPERATOR, 'nowhere'))).toBe('not_found');
  });
});

describe("a workspace's keys", () => {
  it('are made by an instance admin in any workspace that exists, and by its own admin in it alone', async () => {
    expect((await createApiKey(store.db, INSTANCE_ADMIN, 'ann', 'editor', 'contoso')).workspace).toBe(
      'contoso',
    );
    expect((await createApiKey(store.db, acme('admin'), 'bo', 'viewer', 'acme')).workspace).toBe('acme');
    expect(await refusal(createApiKey(store.db, acme('admin'), 'cy', 'viewer', 'contoso'))).toBe('not_found');
    expect(await refusal(createApiKey(store.db, acme('editor'), 'cy', 'viewer', 'acme'))).toBe('forbidden');
    expect(await refusal(createApiKey(store.db, acme('admin'), 'cy', 'viewer'))).toBe('forbidden');
    expect(await refusal(createApiKey(store.db, INSTANCE_ADMIN, 'cy', 'viewer', 'nowhere'))).toBe(
      'not_found',
    );
  });

  it('are listed to its own admin alone; an instance admin lists every key', async () => {
    const names = async (actor: Actor, workspace?: string) =>
      (await listApiKeys(store.db, actor, workspace ? { workspace } : {})).map(
        (k) => `${k.name}@${k.workspace}`,
      );
    expect(await names(acme('admin'))).toEqual(['bo@acme']);
    expect(await names(acme('admin'), 'acme')).toEqual(['bo@acme']);
    expect(await refusal(listApiKeys(store.db, acme('admin'), { workspace: 'contoso' }))).toBe('not_found');
    expect(await refusal(listApiKeys(store.db, acme('viewer')))).toBe('forbidden');
    expect(await names(INSTANCE_ADMIN)).toEqual(expect.arrayContaining(['ann@contoso', 'bo@acme']));
    expect(await names(INSTANCE_ADMIN, 'contoso')).toEqual(['ann@contoso']);
  });

  it('carry their workspace onto the actor that verifying them gives', async () => {
    const made = await createApiKey(store.db, OPERATOR, 'dee', 'approver', 'acme');
    const shared = await createApiKey(store.db, OPERATOR, 'eve', 'approver');
    const verifier = new KeyVerifier(store.db);
    expect(await verifier.verify(made.key)).toEqual({
      id: `key:${made.id} (dee)`,
      role: 'approver',
      workspace: 'acme',
    });
    expect(await verifier.verify(shared.key)).toEqual({ id: `key:${shared.id} (eve)`, role: 'approver' });
  });

  it('are revoked by its own admin (or an instance admin) in it alone; any other key is not found there', async () => {
    const mine = await createApiKey(store.db, OPERATOR, 'fay', 'editor', 'acme');
    const theirs = await createApiKey(store.db, OPERATOR, 'gus', 'editor', 'contoso');
    const shared = await createApiKey(store.db, OPERATOR, 'hal', 'viewer');
    const verifier = new KeyVerifier(store.db, 0);
    expect(await refusal(workspaces.revokeKey(acme('editor'), 'acme', mine.id))).toBe('forbidden');
    expect(await refusal(workspaces.revokeKey(acme('admin'), 'contoso', theirs.id))).toBe('not_found');
    expect(await refusal(workspaces.revokeKey(acme('admin'), 'acme', theirs.id))).toBe('not_found');
    expect(await refusal(workspaces.revokeKey(acme('admin'), 'acme', shared.id))).toBe('not_found');
    expect(await refusal(workspaces.revokeKey(OPERATOR, 'contoso', mine.id))).toBe('not_found');
    // Refused, each of them still works.
    for (const key of [mine, theirs, shared]) expect((await verifier.verify(key.key)).id).toContain(key.id);

    await workspaces.revokeKey(acme('admin'), 'acme', mine.id);
    expect(await refusal(verifier.verify(mine.key))).toBe('unauthorized');
    const [entry] = await readAudit(store.db, { target: `key:${mine.id}`, limit: 5 });
    expect(entry).toMatchObject({
      action: 'key.revoke',
      actor: acme('admin').id,
      after: { workspace: 'acme' },
    });
    const listed = (await listApiKeys(store.db, acme('admin'))).find((k) => k.id === mine.id);
    expect(listed?.revokedAt).not.toBeNull();
    expect(await refusal(workspaces.revokeKey(acme('admin'), 'acme', mine.id))).toBe('not_found');

    await workspaces.revokeKey(INSTANCE_ADMIN, 'contoso', theirs.id);
    expect(await refusal(verifier.verify(theirs.key))).toBe('unauthorized');
    await revokeApiKey(store.db, OPERATOR, shared.id);
    expect(await refusal(verifier.verify(shared.key))).toBe('unauthorized');
  });
});
