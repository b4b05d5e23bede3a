import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../config/readConfig.js';
import { CanonError } from '../core/errors.js';
import type { Actor } from '../core/roles.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { canonOn } from '../runtime/openCanon.js';
import { readTaxonomy } from '../store/taxonomyRepository.js';
import { storesWithTaxonomy } from '../testing/testStore.js';
import { syncBuiltinTaxonomy } from './syncBuiltinTaxonomy.js';

/** The workflow's promises, on the embedded store and on PostgreSQL. */
const backends = await storesWithTaxonomy('workflow');

let builtin: Taxonomy;
beforeAll(async () => {
  builtin = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
});

const M3 = 'TECHNO.TECHNOLO6B55.M3';
const M4 = 'TECHNO.TECHNOLO6B55.M4';
const editor: Actor = { id: 'test:eddie', role: 'editor' };
const approver: Actor = { id: 'test:alma', role: 'approver' };
const admin: Actor = { id: 'test:root', role: 'admin' };
const viewer: Actor = { id: 'test:vic', role: 'viewer' };

const NEW_DUTY = {
  text: 'Owns the quarterly cloud and AI inference budget for 3–5 engineering teams and reports spend against plan to the department head.',
  sources: ['canon-profile-m3'],
};

async function rejection(promise: Promise<unknown>): Promise<CanonError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CanonError);
  return error as CanonError;
}

/** The database's own message behind a failed query (drizzle wraps it). */
async function causeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(Error);
  return String((error?.cause as Error | undefined)?.message ?? error?.message);
}

describe.each(backends)('profile workflow on %s', (_name, open) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(drops.map((d) => d()));
  });
  const fresh = async () => {
    if (!open) throw new Error('unreachable');
    const { store, drop } = await open();
    drops.push(drop);
    return { store, canon: await canonOn(store) };
  };
  /** A second server over the store where the first has just approved v2 of M3: it has not looked yet. */
  const approvedOnAnother = async () => {
    const { store, canon } = await fresh();
    const other = await canonOn(store);
    await canon.workflow.propose(editor, M3, { add: { responsibilities: [NEW_DUTY] } });
    await canon.workflow.submit(editor, M3);
    await canon.workflow.approve(approver, M3);
    expect(other.catalog.getProfile(M3).record.version).toBe(1);
    return other;
  };

  it.skipIf(!open)(
    'starts every profile the files approve at its version, and the rest as open drafts',
    async () => {
      const { canon } = await fresh();
      const history = await canon.workflow.history(M3);
      expect(history.map((v) => [v.version, v.approvedBy])).toEqual([[1, 'builtin']]);
      const queue = await canon.workflow.queue();
      const drafted = builtin.profiles.filter((p) => p.status === 'draft').map((p) => p.code);
      expect(queue.map((q) => q.draft.profileCode).sort()).toEqual([...drafted].sort());
      expect(queue.every((q) => q.draft.createdBy === 'builtin')).toBe(true);
    },
  );

  it.skipIf(!open)(
    'propose → submit → approve makes v2, keeps v1 as it was, and logs each step',
    async () => {
      const { canon } = await fresh();
      const v1 = await canon.workflow.version(M3, 1);
      const { draft } = await canon.workflow.propose(
        editor,
        M3,
        { add: { responsibilities: [NEW_DUTY] } },
        { note: 'budget duty' },
      );
      expect(draft).toMatchObject({ status: 'draft', revision: 1, baseVersion: 1, notes: ['budget duty'] });
      // The live profile does not change until approval.
      expect(canon.catalog.getProfile(M3).record.version).toBe(1);
      const { review } = await canon.workflow.submit(editor, M3);
      expect(review.passed).toBe(true);
      const v2 = await canon.workflow.approve(approver, M3, { note: 'ok', revision: 1 });
      expect(v2).toMatchObject({ version: 2, approvedBy: 'test:alma', note: 'ok' });
      expect(v2.review?.passed).toBe(true);

      const live = canon.catalog.getProfile(M3);
      expect(live.record).toMatchObject({ version: 2, status: 'approved' });
      expect(live.ladder.find((s) => s.current)?.content.responsibilities.at(-1)).toEqual(NEW_DUTY);
      expect(await canon.workflow.version(M3, 1)).toEqual(v1);
      expect((await canon.workflow.history(M3)).map((v) => v.version)).toEqual([2, 1]);
      await expect(canon.workflow.draft(M3)).rejects.toMatchObject({ code: 'not_found' });

      const diff = await canon.workflow.diff(M3, 1, 2);
      expect(diff).toHaveLength(1);
      expect(diff[0]?.section).toBe('Responsibilities');
      expect(diff[0]?.lines.filter((l) => l.kind !== 'same')).toEqual([
        { kind: 'added', text: `${NEW_DUTY.text} [canon-profile-m3]` },
      ]);

      const pinned = await canon.workflow.catalogAt(M3, 1);
      expect(pinned.getProfile(M3).record.version).toBe(1);
      expect(pinned.getProfile(M3).ladder.find((s) => s.current)?.content.responsibilities).toEqual(
        v1.content.responsibilities,
      );

      const audit = await canon.workflow.audit(admin, { target: M3, limit: 10 });
      expect(audit.map((a) => [a.action, a.actor])).toEqual([
        ['profile.approve', 'test:alma'],
        ['draft.submit', 'test:eddie'],
        ['draft.save', 'test:eddie'],
      ]);
      expect(audit[0]?.before).toMatchObject({ version: 1 });
      expect(audit[0]?.after).toMatchObject({ version: 2 });
    },
  );

  it.skipIf(!open)('refuses writes to roles that lack the right, and approvals the panel fails', async () => {
    const { canon } = await fresh();
    expect((await rejection(canon.workflow.propose(viewer, M3, {}))).code).toBe('forbidden');
    await canon.workflow.propose(editor, M3, { add: { responsibilities: [NEW_DUTY] } });
    expect((await rejection(canon.workflow.approve(approver, M3))).code).toBe('conflict');
    await canon.workflow.submit(editor, M3);
    expect((await rejection(canon.workflow.approve(editor, M3))).code).toBe('forbidden');
    expect((await rejection(canon.workflow.audit(approver, { limit: 5 }))).code).toBe('forbidden');
    expect((await rejection(canon.workflow.approve(approver, M3, { revision: 7 }))).message).toMatch(
      /revision 1, not 7/,
    );

    // Saving again sends the draft back to "draft"; vague copies of M4 fail the panel.
    const m4 = canon.catalog.getProfile(M4).ladder.find((s) => s.current)?.content.responsibilities ?? [];
    await canon.workflow.propose(editor, M3, {
      set: {
        responsibilities: [
          ...m4,
          { text: 'Responsible for various duties as needed.', sources: ['canon-profile-m3'] },
        ],
      },
    });
    const { review } = await canon.workflow.submit(editor, M3);
    expect(review.passed).toBe(false);
    const failed = await rejection(canon.workflow.approve(approver, M3));
    expect(failed.code).toBe('review_failed');
    expect(canon.catalog.getProfile(M3).record.version).toBe(1);
  });

  it.skipIf(!open)(
    'refuses proposals that cite unknown sources or edit statements that are not there',
    async () => {
      const { canon } = await fresh();
      const bad = await rejection(
        canon.workflow.propose(editor, M3, {
          add: { responsibilities: [{ ...NEW_DUTY, sources: ['nowhere'] }] },
        }),
      );
      expect(bad).toMatchObject({ code: 'invalid_input' });
      expect(bad.message).toContain('"nowhere"');
      const missing = await rejection(
        canon.workflow.propose(editor, M3, { remove: { aliases: ['Nobody'] } }),
      );
      expect(missing.message).toMatch(/no statement reads "Nobody"/);
      await expect(canon.workflow.draft(M3)).rejects.toMatchObject({ code: 'not_found' });
    },
  );

  it.skipIf(!open)('never changes or deletes an approved version, whatever the SQL says', async () => {
    const { store } = await fresh();
    expect(await causeOf(store.db.execute(sql`UPDATE profile_versions SET note = 'x'`))).toMatch(/immutable/);
    expect(await causeOf(store.db.execute(sql`DELETE FROM profile_versions`))).toMatch(/immutable/);
  });

  it.skipIf(!open)('keeps the previous version intact when an approval fails half way', async () => {
    const { store, canon } = await fresh();
    await canon.workflow.propose(editor, M3, { add: { responsibilities: [NEW_DUTY] } });
    await canon.workflow.submit(editor, M3);
    // The audit insert is the approval's last statement: the version row is already written when it fails.
    await store.db.execute(
      sql.raw(`CREATE FUNCTION fail_approvals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'profile.approve' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`),
    );
    await store.db.execute(
      sql.raw(
        'CREATE TRIGGER fail_approvals BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_approvals()',
      ),
    );
    expect(await causeOf(canon.workflow.approve(approver, M3))).toMatch(/injected failure/);

    expect((await canon.workflow.history(M3)).map((v) => v.version)).toEqual([1]);
    expect((await canon.workflow.draft(M3)).draft).toMatchObject({ status: 'in_review', revision: 1 });
    expect(canon.catalog.getProfile(M3).record.version).toBe(1);
    const stored = (await readTaxonomy(store.db)).profiles.find((p) => p.code === M3);
    expect(stored).toMatchObject({ version: 1, status: 'approved' });

    await store.db.execute(sql.raw('DROP TRIGGER fail_approvals ON audit_log'));
    expect((await canon.workflow.approve(approver, M3)).version).toBe(2);
  });

  it.skipIf(!open)('lets one of two concurrent approvals win; the other gets a conflict', async () => {
    const { canon } = await fresh();
    await canon.workflow.propose(editor, M3, { add: { responsibilities: [NEW_DUTY] } });
    await canon.workflow.submit(editor, M3);
    const results = await Promise.allSettled([
      canon.workflow.approve(approver, M3),
      canon.workflow.approve({ id: 'test:other', role: 'approver' }, M3),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toMatchObject({ code: 'conflict' });
    expect((await canon.workflow.history(M3)).map((v) => v.version)).toEqual([2, 1]);
  });

  it.skipIf(!open)(
    'applies each of many simultaneous proposals exactly once, and hands each caller its own draft',
    async () => {
      const { canon } = await fresh();
      const aliases = Array.from({ length: 20 }, (_, i) => `Cloud budget steward ${i + 1}`);
      const drafts = await Promise.all(
        aliases.map((text) =>
          canon.workflow.propose(editor, M3, { add: { aliases: [{ text, sources: ['canon-profile-m3'] }] } }),
        ),
      );
      const { draft } = await canon.workflow.draft(M3);
      expect(draft.content.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(aliases));
      expect(draft.revision).toBe(aliases.length);
      // Each caller gets the draft its own proposal made: one revision each, with its alias in it.
      expect(drafts.map((d) => d.draft.revision).sort((a, b) => a - b)).toEqual(aliases.map((_, i) => i + 1));
      drafts.forEach((d, i) => {
        expect(d.draft.content.aliases.map((a) => a.text)).toContain(aliases[i]);
      });
    },
  );

  it.skipIf(!open)(
    'refuses a proposal written against another revision, saying which is current',
    async () => {
      const { canon } = await fresh();
      const alias = (text: string) => ({ add: { aliases: [{ text, sources: ['canon-profile-m3'] }] } });
      // 0 stands for the live content: right while no draft is open.
      const first = await canon.workflow.propose(editor, M3, alias('Budget owner'), { revision: 0 });
      expect(first.draft.revision).toBe(1);
      const stale = await rejection(
        canon.workflow.propose(editor, M3, alias('Spend owner'), { revision: 0 }),
      );
      expect(stale).toMatchObject({ code: 'conflict', details: { revision: 1 } });
      expect(stale.message).toMatch(/revision 1, not 0/);
      expect((await canon.workflow.draft(M3)).draft.revision).toBe(1);
      const second = await canon.workflow.propose(editor, M3, alias('Spend owner'), { revision: 1 });
      expect(second.draft.revision).toBe(2);
      expect(second.draft.content.aliases.map((a) => a.text)).toEqual(
        expect.arrayContaining(['Budget owner', 'Spend owner']),
      );

      await canon.workflow.submit(editor, M3);
      await canon.workflow.approve(approver, M3);
      const gone = await rejection(canon.workflow.propose(editor, M3, alias('Cost owner'), { revision: 2 }));
      expect(gone).toMatchObject({ code: 'conflict', details: { revision: 0 } });
      // The next draft counts on from the approved one's revisions, so a client still holding
      // revision 2 or 3 of the approved draft cannot match the new draft.
      const next = await canon.workflow.propose(editor, M3, alias('Cost owner'), { revision: 0 });
      expect(next.draft.revision).toBe(3);
      const again = await canon.workflow.propose(editor, M3, alias('Run owner'));
      expect(again.draft.revision).toBe(4);
      const held = await rejection(canon.workflow.propose(editor, M3, alias('Plan owner'), { revision: 2 }));
      expect(held).toMatchObject({ code: 'conflict', details: { revision: 4 } });
    },
  );

  it.skipIf(!open)(
    'starts a new draft from the newest version, even where the snapshot is behind',
    async () => {
      const other = await approvedOnAnother();
      const { draft } = await other.workflow.propose(editor, M3, {
        add: { aliases: [{ text: 'Budget owner', sources: ['canon-profile-m3'] }] },
      });
      expect(draft.baseVersion).toBe(2);
      expect(draft.content.responsibilities).toContainEqual(NEW_DUTY);
    },
  );

  it.skipIf(!open)('retires a profile, and a later approval brings it back', async () => {
    const { canon } = await fresh();
    await canon.workflow.retire(approver, M4, 'merged into M5');
    expect(canon.catalog.getProfile(M4).record.status).toBe('retired');
    expect((await rejection(canon.workflow.retire(approver, M4))).code).toBe('conflict');
    await canon.workflow.propose(editor, M4, {
      add: { responsibilities: [{ ...NEW_DUTY, text: `${NEW_DUTY.text} Across departments.` }] },
    });
    await canon.workflow.submit(editor, M4);
    await canon.workflow.approve(approver, M4);
    expect(canon.catalog.getProfile(M4).record).toMatchObject({ status: 'approved', version: 2 });
  });

  it.skipIf(!open)(
    'closes a draft in review when its profile is retired, taking it off the queue',
    async () => {
      const { canon } = await fresh();
      await canon.workflow.propose(editor, M4, { add: { responsibilities: [NEW_DUTY] } });
      await canon.workflow.submit(editor, M4);
      expect((await canon.workflow.queue()).map((r) => r.draft.profileCode)).toContain(M4);
      await canon.workflow.retire(approver, M4, 'merged into M5');
      expect((await canon.workflow.queue()).map((r) => r.draft.profileCode)).not.toContain(M4);
      expect((await rejection(canon.workflow.draft(M4))).code).toBe('not_found');
      const [entry] = await canon.workflow.audit(admin, { target: M4, limit: 1 });
      expect(entry).toMatchObject({
        action: 'profile.retire',
        before: { draft: { status: 'in_review' } },
        after: { status: 'retired' },
      });
    },
  );

  it.skipIf(!open)('leaves a profile approved in Canon alone when the built-in files change', async () => {
    const { store, canon } = await fresh();
    await canon.workflow.propose(editor, M3, { add: { responsibilities: [NEW_DUTY] } });
    await canon.workflow.submit(editor, M3);
    await canon.workflow.approve(approver, M3);
    const edited = structuredClone(builtin);
    const tel = edited.focuses.find((f) => f.code === 'TECHNOLO6B55');
    for (const level of ['M3', 'M4']) tel?.levels[level]?.responsibilities.pop();
    await syncBuiltinTaxonomy(store.db, edited);
    await canon.reload();
    expect((await canon.workflow.history(M3)).map((v) => [v.version, v.approvedBy])).toEqual([
      [2, 'test:alma'],
      [1, 'builtin'],
    ]);
    expect(
      canon.catalog
        .getProfile(M3)
        .ladder.find((s) => s.current)
        ?.content.responsibilities.at(-1),
    ).toEqual(NEW_DUTY);
    expect((await canon.workflow.history(M4)).map((v) => [v.version, v.approvedBy])).toEqual([
      [2, 'builtin'],
      [1, 'builtin'],
    ]);
  });

  it.skipIf(!open)('lets a second server over the same store see an approval on its next check', async () => {
    const other = await approvedOnAnother();
    const before = other.catalog;
    await other.refresh(60_000);
    expect(other.catalog).toBe(before);
    await other.refresh(0);
    expect(other.catalog.getProfile(M3).record.version).toBe(2);
    const unchanged = other.catalog;
    await other.refresh(0);
    expect(other.catalog).toBe(unchanged);
  });
});
