import { expect, it } from 'vitest';
import { clockTick, refusal, storeContract } from '../../testing/storeContract.js';
import { findActiveKey, insertKey, listKeys, revokeKey } from '../apiKeyRepository.js';

const key = (id: string, name = `key ${id}`) =>
  ({ id, name, role: 'editor', salt: `salt-${id}`, hash: `hash-${id}` }) as const;

await storeContract('apiKeyRepository', (store) => {
  it('reads back an inserted key as active, with when it was made', async () => {
    const { db } = store();
    await db.transaction((tx) => insertKey(tx, key('0a1b2c3d', 'alice')));
    const found = await findActiveKey(db, '0a1b2c3d');
    expect(found).toEqual({
      ...key('0a1b2c3d', 'alice'),
      workspace: null,
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(Math.abs(Date.parse(found?.createdAt ?? '') - Date.now())).toBeLessThan(60_000);
    expect(await findActiveKey(db, 'ffffffff')).toBeNull();
  });

  it('lists every key, revoked ones too, oldest first', async () => {
    const { db } = store();
    for (const id of ['cccccccc', 'aaaaaaaa', 'bbbbbbbb']) {
      await db.transaction((tx) => insertKey(tx, key(id)));
      await clockTick();
    }
    await db.transaction((tx) => revokeKey(tx, 'aaaaaaaa'));
    const listed = await listKeys(db);
    expect(listed.map((k) => k.id)).toEqual(['cccccccc', 'aaaaaaaa', 'bbbbbbbb']);
    expect(listed.map((k) => k.revokedAt !== null)).toEqual([false, true, false]);
  });

  it('revokes a key once: it is no longer found active, and a second revocation finds nothing', async () => {
    const { db } = store();
    await db.transaction((tx) => insertKey(tx, key('0a1b2c3d')));
    expect(await db.transaction((tx) => revokeKey(tx, '0a1b2c3d'))).toBe(true);
    expect(await findActiveKey(db, '0a1b2c3d')).toBeNull();
    const [revoked] = await listKeys(db);
    expect(Math.abs(Date.parse(revoked?.revokedAt ?? '') - Date.now())).toBeLessThan(60_000);
    expect(await db.transaction((tx) => revokeKey(tx, '0a1b2c3d'))).toBe(false);
    expect(await db.transaction((tx) => revokeKey(tx, 'ffffffff'))).toBe(false);
    expect((await listKeys(db))[0]?.revokedAt).toBe(revoked?.revokedAt);
  });

  it('refuses a second key with a taken id, and a role Canon does not know', async () => {
    const { db } = store();
    await db.transaction((tx) => insertKey(tx, key('0a1b2c3d', 'first')));
    expect(await refusal(db.transaction((tx) => insertKey(tx, key('0a1b2c3d', 'second'))))).toMatch(
      /duplicate key value violates unique constraint "api_keys_pkey"/,
    );
    expect(
      await refusal(db.transaction((tx) => insertKey(tx, { ...key('11111111'), role: 'owner' as never }))),
    ).toMatch(/violates check constraint "api_keys_role_check"/);
    expect((await listKeys(db)).map((k) => k.name)).toEqual(['first']);
  });

  it('keeps nothing of a rolled-back transaction', async () => {
    const { db } = store();
    await db.transaction((tx) => insertKey(tx, key('0a1b2c3d')));
    const failure = new Error('the audit entry failed');
    await expect(
      db.transaction(async (tx) => {
        await insertKey(tx, key('11111111'));
        await revokeKey(tx, '0a1b2c3d');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await findActiveKey(db, '11111111')).toBeNull();
    expect(await findActiveKey(db, '0a1b2c3d')).not.toBeNull();
    expect(await listKeys(db)).toHaveLength(1);
  });
});
