import { and, desc, eq } from 'drizzle-orm';
import type { ProfileVersion } from '../core/content/history.js';
import { contentHash, type ProfileContent } from '../core/content/profileContent.js';
import type { Review } from '../core/review/reviewProfile.js';
import { chunks } from './chunks.js';
import type { CanonDb } from './openStore.js';
import { profileVersions } from './schema.js';

/** The newest version of every profile that has one. */
export async function readLatestVersions(db: CanonDb): Promise<Map<string, ProfileVersion>> {
  const rows = await db
    .selectDistinctOn([profileVersions.profileCode])
    .from(profileVersions)
    .orderBy(profileVersions.profileCode, desc(profileVersions.version));
  return new Map(rows.map((r) => [r.profileCode, r]));
}

/** The versions of one profile, newest first: every one, or the newest `limit`. */
export async function readVersions(db: CanonDb, code: string, limit?: number): Promise<ProfileVersion[]> {
  const query = db
    .select()
    .from(profileVersions)
    .where(eq(profileVersions.profileCode, code))
    .orderBy(desc(profileVersions.version));
  return limit === undefined ? query : query.limit(limit);
}

export async function readVersion(
  db: CanonDb,
  code: string,
  version: number,
): Promise<ProfileVersion | null> {
  const [row] = await db
    .select()
    .from(profileVersions)
    .where(and(eq(profileVersions.profileCode, code), eq(profileVersions.version, version)));
  return row ?? null;
}

/** Records a new version; the primary key refuses a number already taken. */
export interface NewVersion {
  profileCode: string;
  version: number;
  content: ProfileContent;
  review: Review | null;
  approvedBy: string;
  note: string | null;
}

/** Many versions in few statements, for loading a built-in release. */
export async function insertVersions(db: CanonDb, versions: readonly NewVersion[]): Promise<void> {
  for (const rows of chunks(versions)) {
    await db.insert(profileVersions).values(rows.map((v) => ({ ...v, contentHash: contentHash(v.content) })));
  }
}

export async function insertVersion(db: CanonDb, v: NewVersion): Promise<ProfileVersion> {
  const [row] = await db
    .insert(profileVersions)
    .values({ ...v, contentHash: contentHash(v.content) })
    .returning();
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return row;
}
