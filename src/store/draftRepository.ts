import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Draft, DraftStatus } from '../core/content/history.js';
import type { ProfileContent } from '../core/content/profileContent.js';
import { chunks } from './chunks.js';
import type { CanonDb } from './openStore.js';
import { profileDrafts, profiles } from './schema.js';

/** Keeps the key space apart from the migration (4_210_771) and sync (4_210_772) locks. */
const DRAFT_LOCK = 4_210_773;

/**
 * Makes the caller the only writer of a profile's draft until its transaction
 * ends. A row lock cannot do this: a draft that does not exist yet has no row,
 * and two first proposals would both insert. Profiles whose codes share a hash
 * merely wait for each other.
 */
export async function lockDraft(tx: CanonDb, code: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${DRAFT_LOCK}, hashtext(${code}))`);
}

/** The open draft of a profile; `lock` holds it until the transaction ends, so one approval wins. */
export async function readDraft(db: CanonDb, code: string, lock = false): Promise<Draft | null> {
  const query = db.select().from(profileDrafts).where(eq(profileDrafts.profileCode, code));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function listDrafts(db: CanonDb): Promise<Draft[]> {
  return db.select().from(profileDrafts).orderBy(asc(profileDrafts.updatedAt));
}

/**
 * Creates the draft, or replaces its content and counts one more revision.
 * Revisions count on across a profile's drafts, so a revision read from a
 * draft approved since never matches a later one.
 * A saved draft goes back to status draft unless told otherwise: changed
 * content must be submitted for review again.
 */
export async function saveDraft(
  db: CanonDb,
  d: {
    profileCode: string;
    baseVersion: number | null;
    content: ProfileContent;
    notes: string[];
    actor: string;
    status?: DraftStatus;
  },
): Promise<Draft> {
  const status = d.status ?? 'draft';
  const [row] = await db
    .insert(profileDrafts)
    .values({
      profileCode: d.profileCode,
      baseVersion: d.baseVersion,
      status,
      content: d.content,
      notes: d.notes,
      revision: sql`(SELECT ${profiles.draftRevision} + 1 FROM ${profiles} WHERE ${profiles.code} = ${d.profileCode})`,
      createdBy: d.actor,
      updatedBy: d.actor,
    })
    .onConflictDoUpdate({
      target: profileDrafts.profileCode,
      set: {
        content: d.content,
        notes: d.notes,
        status,
        baseVersion: d.baseVersion,
        updatedBy: d.actor,
        revision: sql`${profileDrafts.revision} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  await db.update(profiles).set({ draftRevision: row.revision }).where(eq(profiles.code, d.profileCode));
  return row;
}

export interface BuiltinDraft {
  profileCode: string;
  status: DraftStatus;
  content: ProfileContent;
}

/**
 * Opens or refreshes the drafts the built-in files state, many to a statement.
 * Each counts one more revision on its profile, as `saveDraft` does.
 */
export async function saveBuiltinDrafts(
  db: CanonDb,
  drafts: readonly BuiltinDraft[],
  actor: string,
): Promise<void> {
  for (const chunk of chunks(drafts)) {
    await db
      .insert(profileDrafts)
      .values(
        chunk.map((d) => ({
          profileCode: d.profileCode,
          baseVersion: null,
          status: d.status,
          content: d.content,
          notes: [],
          revision: sql`(SELECT ${profiles.draftRevision} + 1 FROM ${profiles} WHERE ${profiles.code} = ${d.profileCode})`,
          createdBy: actor,
          updatedBy: actor,
        })),
      )
      .onConflictDoUpdate({
        target: profileDrafts.profileCode,
        set: {
          content: sql`excluded.content`,
          notes: sql`excluded.notes`,
          status: sql`excluded.status`,
          baseVersion: sql`excluded.base_version`,
          updatedBy: sql`excluded.updated_by`,
          revision: sql`${profileDrafts.revision} + 1`,
          updatedAt: sql`now()`,
        },
      });
    await db.execute(
      sql`UPDATE ${profiles} SET draft_revision = d.revision FROM ${profileDrafts} d WHERE d.profile_code = ${profiles.code} AND ${inArray(
        profiles.code,
        chunk.map((d) => d.profileCode),
      )}`,
    );
  }
}

export async function setDraftStatus(db: CanonDb, code: string, status: DraftStatus): Promise<Draft | null> {
  const [row] = await db
    .update(profileDrafts)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(profileDrafts.profileCode, code))
    .returning();
  return row ?? null;
}

export async function deleteDraft(db: CanonDb, code: string): Promise<void> {
  await db.delete(profileDrafts).where(eq(profileDrafts.profileCode, code));
}
