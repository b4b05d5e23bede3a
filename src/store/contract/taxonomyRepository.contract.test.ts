import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { loadTaxonomy } from '../../builtin/loadTaxonomy.js';
import { PROJECT_ROOT } from '../../config/readConfig.js';
import { contentOf } from '../../core/content/profileContent.js';
import type { Focus, Taxonomy } from '../../core/taxonomy.js';
import { buildTaxonomy, type FunctionSpec } from '../../testing/buildTaxonomy.js';
import { refusal, storeContract } from '../../testing/storeContract.js';
import { saveDocument } from '../documentRepository.js';
import { listDrafts, readDraft, saveDraft } from '../draftRepository.js';
import type { CanonDb } from '../openStore.js';
import { insertVersion, readVersions } from '../profileVersionRepository.js';
import { profiles } from '../schema.js';
import { BUILTIN_ACTOR, readTaxonomy, writeBuiltinTaxonomy } from '../taxonomyRepository.js';
import { sampleContent } from './sampleContent.js';

/** writeBuiltinTaxonomy in a transaction of its own, as the start-up sync calls it. */
const write = (db: CanonDb, taxonomy: Taxonomy) => db.transaction((tx) => writeBuiltinTaxonomy(tx, taxonomy));

const byCode = <T extends { code: string }>(xs: T[]) => [...xs].sort((a, b) => a.code.localeCompare(b.code));

const software: FunctionSpec = {
  code: 'TECHNO',
  name: 'Technology',
  focuses: [{ key: 'software', name: 'Software', levels: { P2: {}, P3: {}, M3: { status: 'draft' } } }],
};
const small = buildTaxonomy([software]);
const [P2, P3, M3] = small.profiles.map((p) => p.code) as [string, string, string];

/** The same taxonomy with one profile's aliases changed. */
function withAliases(taxonomy: Taxonomy, code: string, aliases: string[]): Taxonomy {
  return {
    ...taxonomy,
    profiles: taxonomy.profiles.map((p) =>
      p.code === code ? { ...p, aliases: aliases.map((text) => ({ text, sources: ['test-source'] })) } : p,
    ),
  };
}

let builtin: Taxonomy;
beforeAll(async () => {
  builtin = await loadTaxonomy(join(PROJECT_ROOT, 'data'));
});

await storeContract('taxonomyRepository', (store) => {
  it('stores the built-in taxonomy and reads back exactly what was loaded', async () => {
    const { db } = store();
    expect(await write(db, builtin)).toMatchObject({ changed: true, before: null });
    const back = await readTaxonomy(db);
    expect(byCode(back.profiles)).toEqual(byCode(builtin.profiles));
    expect(byCode(back.focuses)).toEqual(byCode(builtin.focuses));
    expect(byCode(back.functions)).toEqual(byCode(builtin.functions));
    expect([...back.sources].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...builtin.sources].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("keeps a level's own skills and years when its profile has no approved version", async () => {
    const { db } = store();
    const drafted = buildTaxonomy([
      {
        code: 'TECHNO',
        focuses: [
          {
            key: 'software',
            levels: {
              M3: {
                status: 'draft',
                skills: [
                  { name: 'Budgeting', application: 'Plans spend', kind: 'soft', sources: ['test-source'] },
                ],
                experience: {
                  min: 8,
                  max: 12,
                  openEnded: false,
                  text: '8–12 years',
                  sources: ['test-source'],
                },
              },
            },
          },
        ],
      },
    ]);
    const code = drafted.profiles[0]?.code ?? '';
    await write(db, drafted);
    const back = contentOf(await readTaxonomy(db), code);
    expect(back.experience).toMatchObject({ min: 8, max: 12 });
    expect(back).toEqual(contentOf(drafted, code));
  });

  it('is idempotent: writing the same built-in taxonomy again changes nothing', async () => {
    const { db } = store();
    const first = await write(db, builtin);
    const before = await readTaxonomy(db);
    expect(await write(db, builtin)).toEqual({ changed: false, hash: first.hash });
    expect(await readTaxonomy(db)).toEqual(before);
  });

  it('reads in display order: by name, and profiles by focus and level rank', async () => {
    const { db } = store();
    const t = buildTaxonomy(
      [
        { code: 'AAAAAA', name: 'Zeta', focuses: [{ key: 'zed', name: 'Zed', levels: { P1: {}, P3: {} } }] },
        { code: 'ZZZZZZ', name: 'Alpha', focuses: [{ key: 'ant', name: 'Ant', levels: { P2: {}, M4: {} } }] },
      ],
      [
        {
          id: 'zz-first',
          title: 'A source',
          kind: 'survey',
          publisher: null,
          url: 'https://example.com',
          note: 'n',
        },
      ],
    );
    // Stored in an order other than the display order (the builder lists a focus's levels by rank).
    await write(db, { ...t, profiles: [...t.profiles].reverse() });
    const back = await readTaxonomy(db);
    expect(back.sources.map((s) => s.title)).toEqual(['A source', 'Test source']);
    expect(back.functions.map((f) => f.name)).toEqual(['Alpha', 'Zeta']);
    expect(back.focuses.map((f) => f.name)).toEqual(['Ant', 'Zed']);
    expect(back.profiles.map((p) => p.levelCode)).toEqual(['P2', 'M4', 'P1', 'P3']);
  });

  it('records a version for each approved profile and a draft for each draft, and says so', async () => {
    const { db } = store();
    const first = await write(db, small);
    expect(first).toEqual({
      changed: true,
      hash: expect.any(String),
      before: null,
      versions: [`${P2} v1`, `${P3} v1`],
    });
    expect(await readVersions(db, P2)).toEqual([
      expect.objectContaining({
        version: 1,
        approvedBy: BUILTIN_ACTOR,
        note: 'loaded from the built-in files',
      }),
    ]);
    expect(await readDraft(db, M3)).toMatchObject({ status: 'draft', revision: 1, createdBy: BUILTIN_ACTOR });
    expect(await readVersions(db, M3)).toEqual([]);

    const second = await write(db, withAliases(small, P3, ['Senior developer']));
    expect(second).toEqual({
      changed: true,
      hash: expect.any(String),
      before: first.hash,
      versions: [`${P3} v2`],
    });
    expect(await readVersions(db, P3)).toEqual([
      expect.objectContaining({ version: 2, note: 'built-in files changed' }),
      expect.objectContaining({ version: 1 }),
    ]);
    const back = await readTaxonomy(db);
    expect(back.profiles.find((p) => p.code === P3)).toMatchObject({
      version: 2,
      aliases: [{ text: 'Senior developer', sources: ['test-source'] }],
    });
  });

  it('leaves a profile to the workflow once Canon approved it, retired it or a person saved its draft', async () => {
    const { db } = store();
    await write(db, small);
    const approved = await db.transaction((tx) =>
      insertVersion(tx, {
        profileCode: P2,
        version: 2,
        content: sampleContent('canon'),
        review: null,
        approvedBy: 'alice',
        note: null,
      }),
    );
    // As the workflow retires a profile.
    await db.update(profiles).set({ status: 'retired' }).where(eq(profiles.code, P3));
    const saved = await db.transaction((tx) =>
      saveDraft(tx, {
        profileCode: M3,
        baseVersion: null,
        content: sampleContent('mine'),
        notes: [],
        actor: 'bob',
      }),
    );
    const changed = [P2, P3, M3].reduce((t, code) => withAliases(t, code, ['Changed in the files']), small);
    expect(await write(db, changed)).toMatchObject({ changed: true, versions: [`${P3} v2`] });
    expect(await readVersions(db, P2)).toEqual([approved, expect.objectContaining({ version: 1 })]);
    expect(await readDraft(db, M3)).toEqual(saved);
    const back = await readTaxonomy(db);
    expect(contentOf(back, P2)).toEqual(sampleContent('canon'));
    expect(back.profiles.find((p) => p.code === P2)).toMatchObject({ version: 2, status: 'approved' });
    expect(back.profiles.find((p) => p.code === P3)).toMatchObject({ version: 2, status: 'retired' });
  });

  it('refreshes a draft the files opened while no person has saved it', async () => {
    const { db } = store();
    await write(db, small);
    await write(db, withAliases(small, M3, ['Engineering manager']));
    const drafts = await listDrafts(db);
    expect(drafts).toEqual([
      expect.objectContaining({ profileCode: M3, revision: 2, updatedBy: BUILTIN_ACTOR }),
    ]);
    expect(drafts[0]?.content.aliases).toEqual([{ text: 'Engineering manager', sources: ['test-source'] }]);
  });

  it('keeps a focus code once assigned, even when the files would give another', async () => {
    const { db } = store();
    await write(db, small);
    const focus = small.focuses[0] as Focus;
    const renamed: Taxonomy = {
      ...small,
      focuses: [{ ...focus, name: 'Software Engineering', code: 'SOFTWARE0000' }],
      profiles: small.profiles.map((p) => ({
        ...p,
        focusCode: 'SOFTWARE0000',
        code: `TECHNO.SOFTWARE0000.${p.levelCode}`,
      })),
    };
    await write(db, renamed);
    const back = await readTaxonomy(db);
    expect(back.focuses).toEqual([
      expect.objectContaining({ code: focus.code, name: 'Software Engineering' }),
    ]);
    expect(back.profiles.map((p) => p.code).sort()).toEqual([P2, P3, M3].sort());
  });

  it('removes built-in entries whose files were removed, and keeps rows the files never held', async () => {
    const { db } = store();
    const data: FunctionSpec = {
      code: 'DATAXX',
      name: 'Data',
      focuses: [{ key: 'analytics', levels: { P2: {} } }],
    };
    const extra = {
      id: 'gone-source',
      title: 'Gone',
      kind: 'survey',
      publisher: null,
      url: null,
      note: null,
    } as const;
    await write(db, buildTaxonomy([software, data], [extra]));
    await db.transaction((tx) =>
      saveDocument(tx, 'alice', {
        sourceId: 'doc-ladder',
        contentHash: 'hash-ladder',
        name: 'ladder.md',
        title: 'Ladder',
        kind: 'ladder',
        format: 'markdown',
        ladder: null,
        body: 'A ladder',
        levels: [],
        warnings: [],
        claims: [],
        proposals: [],
      }),
    );
    await write(db, small);
    const back = await readTaxonomy(db);
    expect(back.functions.map((f) => f.code)).toEqual(['TECHNO']);
    expect(back.focuses.map((f) => f.key)).toEqual(['software']);
    expect(back.profiles.map((p) => p.code).sort()).toEqual([P2, P3, M3].sort());
    expect(back.sources.map((s) => s.id).sort()).toEqual(['doc-ladder', 'test-source']);
  });

  it('writes all or nothing: a failing write leaves the previous taxonomy intact', async () => {
    const { db } = store();
    await write(db, small);
    const before = await readTaxonomy(db);
    const broken: Taxonomy = {
      ...small,
      functions: small.functions.map((f) => ({ ...f, name: 'Renamed before the failure' })),
      // A profile of a focus that does not exist violates a foreign key half-way through.
      profiles: [
        ...small.profiles,
        {
          ...(small.profiles[0] as Taxonomy['profiles'][number]),
          code: 'TECHNO.GHOSTXXX0000.M3',
          focusCode: 'GHOSTXXX0000',
        },
      ],
    };
    expect(await refusal(write(db, broken))).toMatch(/violates foreign key constraint "profiles_focus_code/);
    expect(await readTaxonomy(db)).toEqual(before);
  });

  it('keeps nothing of a rolled-back write, so the same files are written again', async () => {
    const { db } = store();
    const failure = new Error('the audit entry failed');
    await expect(
      db.transaction(async (tx) => {
        await writeBuiltinTaxonomy(tx, small);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readTaxonomy(db)).toEqual({ sources: [], functions: [], focuses: [], profiles: [] });
    expect(await write(db, small)).toMatchObject({ changed: true, before: null });
  });
});
