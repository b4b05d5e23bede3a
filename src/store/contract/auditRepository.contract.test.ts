import { expect, it } from 'vitest';
import type { AuditEntry, NewAuditEntry } from '../../core/audit.js';
import { storeContract } from '../../testing/storeContract.js';
import { appendAudit, readAudit, readRevision } from '../auditRepository.js';
import type { CanonDb } from '../openStore.js';

const entry = (actor: string, target: string, action = 'draft.save'): NewAuditEntry => ({
  actor,
  action,
  target,
  before: null,
  after: null,
  note: null,
});

/** Appends each in a transaction of its own, as auditedWrite does, and returns them as read back. */
async function append(db: CanonDb, entries: NewAuditEntry[]): Promise<AuditEntry[]> {
  for (const e of entries) await db.transaction((tx) => appendAudit(tx, e));
  return (await readAudit(db, { limit: 100 })).reverse();
}

await storeContract('auditRepository', (store) => {
  it('reads back an entry as appended, JSON and nulls alike', async () => {
    const { db } = store();
    const full: NewAuditEntry = {
      actor: 'key:0a1b2c3d (alice)',
      action: 'profile.approve',
      target: 'TECHNO.SOFTWARE0000.M3',
      before: { version: 1, content: { aliases: [{ text: 'Lead', sources: ['s'] }] } },
      after: ['a', 2, true, null, { nested: { deep: 'yes' } }],
      note: 'approved after review',
    };
    const [first, second] = await append(db, [full, entry('builtin', 'data/')]);
    expect(first).toEqual({ ...full, id: expect.any(Number), at: expect.any(String) });
    expect(second).toEqual({ ...entry('builtin', 'data/'), id: expect.any(Number), at: expect.any(String) });
    expect(Math.abs(Date.parse(first?.at ?? '') - Date.now())).toBeLessThan(60_000);
    expect(second?.id).toBeGreaterThan(first?.id ?? Number.POSITIVE_INFINITY);
  });

  it('advances the revision by one with every entry, from 0 in a new store', async () => {
    const { db } = store();
    expect(await readRevision(db)).toBe('0');
    await append(db, [entry('a', 't')]);
    expect(await readRevision(db)).toBe('1');
    await db.transaction(async (tx) => {
      await appendAudit(tx, entry('a', 't'));
      await appendAudit(tx, entry('b', 't'));
    });
    expect(await readRevision(db)).toBe('3');
  });

  it('keeps neither the entry nor the revision of a rolled-back transaction', async () => {
    const { db } = store();
    await append(db, [entry('a', 'kept')]);
    const failure = new Error('the change failed after its entry');
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, entry('a', 'lost'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readRevision(db)).toBe('1');
    expect((await readAudit(db, { limit: 10 })).map((e) => e.target)).toEqual(['kept']);
  });

  it('reads newest first, filtered by target and by actor', async () => {
    const { db } = store();
    const all = await append(db, [
      entry('alice', 'P1'),
      entry('bob', 'P1'),
      entry('alice', 'P2'),
      entry('bob', 'P2'),
      entry('alice', 'P1'),
    ]);
    const ids = (entries: AuditEntry[]) => entries.map((e) => e.id);
    const newestFirst = [...all].reverse();
    expect(ids(await readAudit(db, { limit: 10 }))).toEqual(ids(newestFirst));
    expect(ids(await readAudit(db, { limit: 10, target: 'P1' }))).toEqual(
      ids(newestFirst.filter((e) => e.target === 'P1')),
    );
    expect(ids(await readAudit(db, { limit: 10, actor: 'bob' }))).toEqual(
      ids(newestFirst.filter((e) => e.actor === 'bob')),
    );
    expect(ids(await readAudit(db, { limit: 10, actor: 'alice', target: 'P2' }))).toEqual(
      ids(newestFirst.filter((e) => e.actor === 'alice' && e.target === 'P2')),
    );
    expect(await readAudit(db, { limit: 10, target: 'P9' })).toEqual([]);
  });

  it('pages backwards with beforeId and limit, each entry once', async () => {
    const { db } = store();
    const all = await append(
      db,
      Array.from({ length: 7 }, (_, i) => entry(i % 2 ? 'alice' : 'bob', 'P1')),
    );
    const pages: number[][] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await readAudit(db, { limit: 3, target: 'P1', ...(beforeId ? { beforeId } : {}) });
      if (page.length === 0) break;
      pages.push(page.map((e) => e.id));
      beforeId = page.at(-1)?.id;
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(all.map((e) => e.id).reverse());
    const bobs = await readAudit(db, { limit: 10, actor: 'bob', beforeId: all[4]?.id ?? 0 });
    expect(bobs.map((e) => e.id)).toEqual([all[2]?.id, all[0]?.id]);
  });
});
