import { expect, it } from 'vitest';
import { refusal, storeContract } from '../../testing/storeContract.js';
import { insertKey, listKeys } from '../apiKeyRepository.js';
import { findWorkspace, insertWorkspace, listWorkspaces } from '../workspaceRepository.js';

const workspace = (id: string, name = `Company ${id}`) => ({ id, name, createdBy: 'cli:test' });

await storeContract('workspaceRepository', (store) => {
  it('reads back an inserted workspace with when it was made, and finds no other', async () => {
    const { db } = store();
    expect(await db.transaction((tx) => insertWorkspace(tx, workspace('northwind', 'Northwind')))).toBe(true);
    const found = await findWorkspace(db, 'northwind');
    expect(found).toEqual({ ...workspace('northwind', 'Northwind'), createdAt: expect.any(String) });
    expect(Math.abs(Date.parse(found?.createdAt ?? '') - Date.now())).toBeLessThan(60_000);
    expect(await findWorkspace(db, 'contoso')).toBeNull();
  });

  it('lists workspaces by id', async () => {
    const { db } = store();
    for (const id of ['tailspin', 'acme', 'northwind'])
      await db.transaction((tx) => insertWorkspace(tx, workspace(id)));
    expect((await listWorkspaces(db)).map((w) => w.id)).toEqual(['acme', 'northwind', 'tailspin']);
  });

  it('keeps the first workspace of an id: a second insert changes nothing and says so', async () => {
    const { db } = store();
    await db.transaction((tx) => insertWorkspace(tx, workspace('acme', 'First')));
    expect(await db.transaction((tx) => insertWorkspace(tx, workspace('acme', 'Second')))).toBe(false);
    expect((await listWorkspaces(db)).map((w) => w.name)).toEqual(['First']);
  });

  it('refuses an id the paths could not carry: capitals, spaces, a leading hyphen, over 40 characters', async () => {
    const { db } = store();
    for (const id of ['Acme', 'a b', '-acme', 'a'.repeat(41), ''])
      expect(await refusal(db.transaction((tx) => insertWorkspace(tx, workspace(id))))).toMatch(
        /violates check constraint "workspaces_id_check"/,
      );
    await db.transaction((tx) => insertWorkspace(tx, workspace('a'.repeat(40))));
    expect(await listWorkspaces(db)).toHaveLength(1);
  });

  it("scopes keys to a workspace that exists, and lists one workspace's keys", async () => {
    const { db } = store();
    await db.transaction((tx) => insertWorkspace(tx, workspace('acme')));
    const key = (id: string, ws: string | null) =>
      ({ id, name: `key ${id}`, role: 'viewer', salt: 's', hash: 'h', workspace: ws }) as const;
    await db.transaction(async (tx) => {
      await insertKey(tx, key('aaaaaaaa', 'acme'));
      await insertKey(tx, key('bbbbbbbb', null));
    });
    expect(await refusal(db.transaction((tx) => insertKey(tx, key('cccccccc', 'nowhere'))))).toMatch(
      /violates foreign key constraint/,
    );
    expect((await listKeys(db, 'acme')).map((k) => [k.id, k.workspace])).toEqual([['aaaaaaaa', 'acme']]);
    expect((await listKeys(db)).map((k) => k.workspace).sort()).toEqual(['acme', null]);
  });
});
