import { expect, it } from 'vitest';
import type { Draft, DraftStatus } from '../../core/content/history.js';
import type { ProfileContent } from '../../core/content/profileContent.js';
import { buildTaxonomy } from '../../testing/buildTaxonomy.js';
import { clockTick, refusal, storeContract } from '../../testing/storeContract.js';
import {
  deleteDraft,
  listDrafts,
  lockDraft,
  readDraft,
  saveBuiltinDrafts,
  saveDraft,
  setDraftStatus,
} from '../draftRepository.js';
import type { CanonDb } from '../openStore.js';
import { writeBuiltinTaxonomy } from '../taxonomyRepository.js';
import { sampleContent } from './sampleContent.js';

/** One function, one focus, two approved levels: the profiles the drafts belong to. */
const taxonomy = buildTaxonomy([
  { code: 'TECHNO', focuses: [{ key: 'software', levels: { P2: {}, P3: {} } }] },
]);
const [P2 = '', P3 = ''] = taxonomy.profiles.map((p) => p.code);

interface Save {
  code: string;
  content?: ProfileContent;
  actor?: string;
  notes?: string[];
  baseVersion?: number | null;
  status?: DraftStatus;
}

/** saveDraft in a transaction of its own, as the workflow calls it. */
const save = (db: CanonDb, s: Save): Promise<Draft> =>
  db.transaction((tx) =>
    saveDraft(tx, {
      profileCode: s.code,
      baseVersion: s.baseVersion ?? null,
      content: s.content ?? sampleContent('first'),
      notes: s.notes ?? [],
      actor: s.actor ?? 'alice',
      ...(s.status ? { status: s.status } : {}),
    }),
  );

await storeContract('draftRepository', (store) => {
  const storeWithProfiles = async () => {
    const { db } = store();
    await db.transaction((tx) => writeBuiltinTaxonomy(tx, taxonomy));
    return db;
  };

  it('creates a draft at revision 1 and reads it back as saved', async () => {
    const d = await storeWithProfiles();
    const saved = await save(d, { code: P2, baseVersion: 1, notes: ['from a ladder'] });
    expect(saved).toEqual({
      profileCode: P2,
      baseVersion: 1,
      status: 'draft',
      content: sampleContent('first'),
      notes: ['from a ladder'],
      revision: 1,
      createdBy: 'alice',
      createdAt: expect.any(String),
      updatedBy: 'alice',
      updatedAt: saved.createdAt,
    });
    expect(await readDraft(d, P2)).toEqual(saved);
    expect(await d.transaction((tx) => readDraft(tx, P2, true))).toEqual(saved);
    expect(await readDraft(d, P3)).toBeNull();
  });

  it('replaces the content on a later save, counting a revision and sending it back to draft', async () => {
    const d = await storeWithProfiles();
    const first = await save(d, { code: P2, notes: ['one'] });
    await d.transaction((tx) => setDraftStatus(tx, P2, 'in_review'));
    await clockTick();
    const second = await save(d, {
      code: P2,
      content: sampleContent('second'),
      actor: 'bob',
      notes: ['one', 'two'],
    });
    expect(second).toEqual({
      ...first,
      content: sampleContent('second'),
      notes: ['one', 'two'],
      revision: 2,
      updatedBy: 'bob',
      updatedAt: expect.any(String),
    });
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    expect(await readDraft(d, P2)).toEqual(second);
    const kept = await save(d, { code: P2, baseVersion: 4, status: 'in_review' });
    expect(kept).toMatchObject({ revision: 3, status: 'in_review', baseVersion: 4 });
  });

  it("counts revisions on across a profile's drafts, each profile on its own", async () => {
    const d = await storeWithProfiles();
    await save(d, { code: P2 });
    await save(d, { code: P2 });
    await d.transaction((tx) => deleteDraft(tx, P2));
    expect(await readDraft(d, P2)).toBeNull();
    expect(await save(d, { code: P2 })).toMatchObject({ revision: 3, createdBy: 'alice' });
    expect(await save(d, { code: P3 })).toMatchObject({ revision: 1 });
  });

  it('sets the status alone, keeping the revision; no draft, nothing to set', async () => {
    const d = await storeWithProfiles();
    const saved = await save(d, { code: P2 });
    await clockTick();
    const inReview = await d.transaction((tx) => setDraftStatus(tx, P2, 'in_review'));
    expect(inReview).toEqual({ ...saved, status: 'in_review', updatedAt: expect.any(String) });
    expect(Date.parse(inReview?.updatedAt ?? '')).toBeGreaterThan(Date.parse(saved.updatedAt));
    expect(await readDraft(d, P2)).toEqual(inReview);
    expect(await d.transaction((tx) => setDraftStatus(tx, P3, 'in_review'))).toBeNull();
    expect(await readDraft(d, P3)).toBeNull();
  });

  it('lists drafts oldest change first', async () => {
    const d = await storeWithProfiles();
    await save(d, { code: P2 });
    await clockTick();
    await save(d, { code: P3 });
    await clockTick();
    await save(d, { code: P2 });
    expect((await listDrafts(d)).map((x) => x.profileCode)).toEqual([P3, P2]);
    await clockTick();
    await d.transaction((tx) => setDraftStatus(tx, P3, 'in_review'));
    expect((await listDrafts(d)).map((x) => x.profileCode)).toEqual([P2, P3]);
  });

  it('opens and refreshes built-in drafts, counting revisions as a save does', async () => {
    const d = await storeWithProfiles();
    const mine = await save(d, { code: P2, notes: ['mine'], baseVersion: 1 });
    await d.transaction((tx) =>
      saveBuiltinDrafts(
        tx,
        [
          { profileCode: P2, status: 'in_review', content: sampleContent('files') },
          { profileCode: P3, status: 'draft', content: sampleContent('files') },
        ],
        'builtin',
      ),
    );
    expect(await readDraft(d, P2)).toEqual({
      ...mine,
      baseVersion: null,
      status: 'in_review',
      content: sampleContent('files'),
      notes: [],
      revision: 2,
      updatedBy: 'builtin',
      updatedAt: expect.any(String),
    });
    expect(await readDraft(d, P3)).toMatchObject({ revision: 1, createdBy: 'builtin', status: 'draft' });
    await d.transaction((tx) => deleteDraft(tx, P3));
    await d.transaction((tx) =>
      saveBuiltinDrafts(
        tx,
        [{ profileCode: P3, status: 'draft', content: sampleContent('files') }],
        'builtin',
      ),
    );
    expect(await readDraft(d, P3)).toMatchObject({ revision: 2 });
    expect(await save(d, { code: P3 })).toMatchObject({ revision: 3 });
  });

  it('refuses a draft of a profile the store does not hold', async () => {
    const d = await storeWithProfiles();
    const ghost = 'TECHNO.GHOSTXXX0000.P2';
    expect(await refusal(save(d, { code: ghost }))).toMatch(/"revision" .*violates not-null constraint/);
    expect(
      await refusal(
        d.transaction((tx) =>
          saveBuiltinDrafts(
            tx,
            [{ profileCode: ghost, status: 'draft', content: sampleContent('x') }],
            'builtin',
          ),
        ),
      ),
    ).toMatch(/"revision" .*violates not-null constraint/);
    expect(await listDrafts(d)).toEqual([]);
  });

  it('keeps nothing of a rolled-back transaction, its revision neither', async () => {
    const d = await storeWithProfiles();
    const failure = new Error('the audit entry failed');
    const rollBack = (write: (tx: CanonDb) => Promise<unknown>) =>
      expect(
        d.transaction(async (tx) => {
          await write(tx);
          throw failure;
        }),
      ).rejects.toBe(failure);
    await rollBack((tx) =>
      saveDraft(tx, {
        profileCode: P2,
        baseVersion: null,
        content: sampleContent('x'),
        notes: [],
        actor: 'a',
      }),
    );
    expect(await readDraft(d, P2)).toBeNull();
    const saved = await save(d, { code: P2 });
    expect(saved.revision).toBe(1);
    await rollBack((tx) => deleteDraft(tx, P2));
    await rollBack((tx) => setDraftStatus(tx, P2, 'in_review'));
    await rollBack((tx) =>
      saveBuiltinDrafts(tx, [{ profileCode: P2, status: 'draft', content: sampleContent('x') }], 'builtin'),
    );
    expect(await readDraft(d, P2)).toEqual(saved);
    expect(await save(d, { code: P2 })).toMatchObject({ revision: 2 });
  });

  it("makes writers under the draft lock take turns, so neither loses the other's change", async () => {
    const d = await storeWithProfiles();
    const addNote = (note: string) =>
      d.transaction(async (tx) => {
        await lockDraft(tx, P2);
        const open = await readDraft(tx, P2, true);
        // A slow writer: without the lock the other would read the same (missing) draft meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return saveDraft(tx, {
          profileCode: P2,
          baseVersion: null,
          content: open?.content ?? sampleContent('first'),
          notes: [...(open?.notes ?? []), note],
          actor: note,
        });
      });
    await Promise.all([addNote('one'), addNote('two')]);
    const draft = await readDraft(d, P2);
    expect([...(draft?.notes ?? [])].sort()).toEqual(['one', 'two']);
    expect(draft?.revision).toBe(2);
  });
});
